#if !os(Linux)
#error("Teilhabe läuft nur unter Linux (Debian): es nutzt inotify, Glibc-Sockets, flock, st_mtim und /proc.")
#endif

public enum TeilhabeCore {
    public static let version = "0.1.0"
}
