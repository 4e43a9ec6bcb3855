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
    public let folderPath: [String]
    /// The inotify descriptor; -1 when polling.
    private let fd: Int32
    private var folderPerWatch: [Int32: String] = [:]
    private var stand: [String: String] = [:]

    public init(folderPath: [String]) {
        self.folderPath = folderPath
        #if os(Linux)
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        if fd >= 0 { folderPath.forEach(watch); return }
        #else
        fd = -1
        #endif
        stand = Self.add(folderPath)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Waits up to `seconds` for a change; returns the changed files (empty: something changed, the
    /// poller cannot say what), or nil when nothing changed.
    public func awaitEvent(seconds: Double) -> [String]? {
        #if os(Linux)
        if fd >= 0 { return inotifyWait(seconds) }
        #endif
        return query(seconds)
    }

    /// Editors' swap, backup and lock files (`.x.swp`, `x~`, `#x#`, vim's `4913`) are no change.
    static func sideIssue(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") || name == "4913"
    }

    private func query(_ seconds: Double) -> [String]? {
        let end = Date().addingTimeInterval(seconds)
        repeat {
            let new = Self.add(folderPath)
            if new != stand { stand = new; return [] }
            Thread.sleep(forTimeInterval: 0.15)
        } while Date() < end
        return nil
    }

    static func add(_ folderPath: [String]) -> [String: String] {
        var resultValue: [String: String] = [:]
        for o in folderPath {
            for relative in FileIO.disk.listFiles(o) {
                let path = Paths.join(o, relative)
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                #if os(Linux)
                let time = info.st_mtim
                #else
                let time = info.st_mtimespec
                #endif
                resultValue[path] = "\(info.st_size):\(time.tv_sec):\(time.tv_nsec)"
            }
        }
        return resultValue
    }
}

#if os(Linux)
/// inotify: Linux only.
extension Watcher {
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF)

    /// Events arriving within a few milliseconds of the first are taken together, so a save of
    /// several files is one change.
    private func inotifyWait(_ seconds: Double) -> [String]? {
        var fileList: [String] = []
        var deadline = Int32(seconds * 1000)
        while ready(deadline) {
            fileList += readEvents()
            deadline = 5
        }
        return fileList.isEmpty ? nil : Set(fileList).sorted()
    }

    private func ready(_ milliseconds: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, milliseconds) > 0
    }

    /// Reads the pending events; a new folder is watched from now on and its files count as changed.
    private func readEvents() -> [String] {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return [] }
        var fileList: [String] = [], position = 0
        while position + 16 <= n {
            let (wd, mask, length) = chunk.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: position, as: Int32.self), raw.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: position + 12, as: UInt32.self)))
            }
            let name = String(decoding: chunk[(position + 16)..<(position + 16 + length)].prefix { $0 != 0 }, as: UTF8.self)
            position += 16 + length
            guard let base = folderPerWatch[wd], !name.isEmpty, !Self.sideIssue(name) else { continue }
            let path = Paths.join(base, name)
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watch(path) }
                fileList.append(path + "/")
            } else if mask & UInt32(IN_CREATE) == 0 {   // a created file is reported when it is closed
                fileList.append(path)
            }
        }
        return fileList
    }

    private func watch(_ folderPath: String) {
        let wd = inotify_add_watch(fd, folderPath, Self.mask)
        guard wd >= 0 else { return }
        folderPerWatch[wd] = folderPath
        for (name, art) in PosixFile.entries(folderPath) ?? [] where art == .folderPath && !Self.sideIssue(name) {
            watch(Paths.join(folderPath, name))
        }
    }
}
#endif
