import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild

/// Tells which files changed below some folders, as soon as they are saved: Linux inotify on every
/// folder (new folders are watched as they appear). Where inotify is not available (it did not start,
/// or another system), it polls the size and modification time of every file instead and reports
/// changes without names.
public final class Watcher {
    public let ordner: [String]
    /// The inotify descriptor; -1 when polling.
    private let fd: Int32
    private var ordnerJeWatch: [Int32: String] = [:]
    private var stand: [String: String] = [:]

    public init(ordner: [String]) {
        self.ordner = ordner
        #if os(Linux)
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        if fd >= 0 { ordner.forEach(beobachten); return }
        #else
        fd = -1
        #endif
        stand = Self.aufnehmen(ordner)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Waits up to `sekunden` for a change; returns the changed files (empty: something changed, the
    /// poller cannot say what), or nil when nothing changed.
    public func warten(sekunden: Double) -> [String]? {
        #if os(Linux)
        if fd >= 0 { return inotifyWarten(sekunden) }
        #endif
        return abfragen(sekunden)
    }

    /// Editors' swap, backup and lock files (`.x.swp`, `x~`, `#x#`, vim's `4913`) are no change.
    static func nebensache(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name == "4913"
    }

    private func abfragen(_ sekunden: Double) -> [String]? {
        let ende = Date().addingTimeInterval(sekunden)
        repeat {
            let neu = Self.aufnehmen(ordner)
            if neu != stand { stand = neu; return [] }
            Thread.sleep(forTimeInterval: 0.15)
        } while Date() < ende
        return nil
    }

    static func aufnehmen(_ ordner: [String]) -> [String: String] {
        var ergebnis: [String: String] = [:]
        for o in ordner {
            for relativ in FileIO.disk.listFiles(o) {
                let pfad = Paths.join(o, relativ)
                var info = stat()
                guard stat(pfad, &info) == 0 else { continue }
                #if os(Linux)
                let zeit = info.st_mtim
                #else
                let zeit = info.st_mtimespec
                #endif
                ergebnis[pfad] = "\(info.st_size):\(zeit.tv_sec):\(zeit.tv_nsec)"
            }
        }
        return ergebnis
    }
}

#if os(Linux)
/// inotify: Linux only.
extension Watcher {
    private static let maske = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF)

    /// Events arriving within a few milliseconds of the first are taken together, so a save of
    /// several files is one change.
    private func inotifyWarten(_ sekunden: Double) -> [String]? {
        var dateien: [String] = []
        var frist = Int32(sekunden * 1000)
        while bereit(frist) {
            dateien += lesen()
            frist = 5
        }
        return dateien.isEmpty ? nil : Set(dateien).sorted()
    }

    private func bereit(_ millisekunden: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, millisekunden) > 0
    }

    /// Reads the pending events; a new folder is watched from now on and its files count as changed.
    private func lesen() -> [String] {
        var puffer = [UInt8](repeating: 0, count: 65_536)
        let n = puffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return [] }
        var dateien: [String] = [], stelle = 0
        while stelle + 16 <= n {
            let (wd, maske, laenge) = puffer.withUnsafeBytes { roh in
                (roh.loadUnaligned(fromByteOffset: stelle, as: Int32.self), roh.loadUnaligned(fromByteOffset: stelle + 4, as: UInt32.self),
                 Int(roh.loadUnaligned(fromByteOffset: stelle + 12, as: UInt32.self)))
            }
            let name = String(decoding: puffer[(stelle + 16)..<(stelle + 16 + laenge)].prefix { $0 != 0 }, as: UTF8.self)
            stelle += 16 + laenge
            guard let basis = ordnerJeWatch[wd], !name.isEmpty, !Self.nebensache(name) else { continue }
            let pfad = Paths.join(basis, name)
            if maske & UInt32(IN_ISDIR) != 0 {
                if maske & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { beobachten(pfad) }
                dateien.append(pfad + "/")
            } else if maske & UInt32(IN_CREATE) == 0 {   // a created file is reported when it is closed
                dateien.append(pfad)
            }
        }
        return dateien
    }

    private func beobachten(_ ordner: String) {
        let wd = inotify_add_watch(fd, ordner, Self.maske)
        guard wd >= 0 else { return }
        ordnerJeWatch[wd] = ordner
        for (name, art) in PosixFile.eintraege(ordner) ?? [] where art == .ordner && !Self.nebensache(name) {
            beobachten(Paths.join(ordner, name))
        }
    }
}
#endif
