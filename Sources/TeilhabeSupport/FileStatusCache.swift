import Foundation

/// The fingerprints of input files by their status – device, inode, size, modification and change
/// time –, as git's index keeps them: a file whose status is unchanged is not read again. A file
/// changed in the last two seconds is not recorded: timestamps move in clock ticks, and a second
/// save within the same tick could keep them. The change time moves with any touch of the file
/// (also when a tool sets the modification time back).
package final class FileStatusCache: Sendable {
    private let buildCache: BuildCache
    private let currentTime: time_t

    /// `jetzt`: the time of the build (tests pass a later one to treat files as saved long ago).
    package init(_ buildCache: BuildCache, currentTime: time_t = time(nil)) {
        self.buildCache = buildCache
        self.currentTime = currentTime
    }

    package func inputFingerprint(_ path: String, readFile: () throws -> Data) rethrows -> Fingerprint {
        var info = stat()
        guard buildCache.folderPath != nil, stat(path, &info) == 0 else { return .of(try readFile()) }
        let stand = FileStatus(info)
        let cacheKey = Fingerprint.of(path)
        if let old: FileStatus = buildCache.cached("dateistand", cacheKey), old.sameStatus(as: stand) {
            return old.inputFingerprint
        }
        var new = stand
        new.inputFingerprint = Fingerprint.of(try readFile())
        if max(info.st_mtim.tv_sec, info.st_ctim.tv_sec) < currentTime - 2 { buildCache.replace("dateistand", cacheKey, new) }
        return new.inputFingerprint
    }
}

/// A file's status and the fingerprint of its bytes: the record of the `dateistand` table.
struct FileStatus: Codable, Equatable, BinaryValue {
    var device, inode, size: UInt64
    var modified, modifiedNanoseconds, changed, changedNanoseconds: UInt64
    var inputFingerprint = Fingerprint(a: 0, b: 0)

    init(device: UInt64, inode: UInt64, size: UInt64, modified: UInt64, modifiedNanoseconds: UInt64,
         changed: UInt64, changedNanoseconds: UInt64, inputFingerprint: Fingerprint) {
        (self.device, self.inode, self.size) = (device, inode, size)
        (self.modified, self.modifiedNanoseconds, self.changed, self.changedNanoseconds) = (modified, modifiedNanoseconds, changed, changedNanoseconds)
        self.inputFingerprint = inputFingerprint
    }

    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: UInt64(info.st_size),
                  modified: UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), modifiedNanoseconds: UInt64(info.st_mtim.tv_nsec),
                  changed: UInt64(bitPattern: Int64(info.st_ctim.tv_sec)), changedNanoseconds: UInt64(info.st_ctim.tv_nsec),
                  inputFingerprint: Fingerprint(a: 0, b: 0))
    }

    /// Everything but the fingerprint is equal.
    func sameStatus(as other: FileStatus) -> Bool {
        var without = other
        without.inputFingerprint = inputFingerprint
        return self == without
    }

    // This is read for every input file of every build: by hand, not through a keyed container.
    init(binary d: BinaryCodec.BinaryDecoder) throws {
        self.init(device: try d.number(), inode: try d.number(), size: try d.number(), modified: try d.number(),
                  modifiedNanoseconds: try d.number(), changed: try d.number(), changedNanoseconds: try d.number(),
                  inputFingerprint: try Fingerprint(binary: d))
    }

    func binary(_ p: BinaryCodec.Buffer) {
        for x in [device, inode, size, modified, modifiedNanoseconds, changed, changedNanoseconds] { p.number(x) }
        inputFingerprint.binary(p)
    }
}
