import Foundation

#if !os(Linux)
#error("Teilhabe läuft nur unter Linux (Debian): es nutzt inotify, Glibc-Sockets, flock, st_mtim und /proc.")
#endif

public enum TeilhabeCore {
    public static let version = "0.1.0"

    /// This very program: the version plus the running executable's size and modification time. The
    /// cache keys carry it, so that a rebuilt or updated `teilhabe` never reuses pages an older one made
    /// (the version string alone stays the same between builds of the code).
    package static let program: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return version }
        return "\(version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
