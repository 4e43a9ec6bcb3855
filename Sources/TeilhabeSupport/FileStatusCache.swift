import Foundation

/// The fingerprints of input files by their status – device, inode, size, modification and change
/// time –, as git's index keeps them: a file whose status is unchanged is not read again. A file
/// changed in the last two seconds is not recorded: timestamps move in clock ticks, and a second
/// save within the same tick could keep them. The change time moves with any touch of the file
/// (also when a tool sets the modification time back).
package final class FileStatusCache: Sendable {
    private let vorrat: BuildCache
    private let jetzt: time_t

    /// `jetzt`: the time of the build (tests pass a later one to treat files as saved long ago).
    package init(_ vorrat: BuildCache, jetzt: time_t = time(nil)) {
        self.vorrat = vorrat
        self.jetzt = jetzt
    }

    package func abdruck(_ pfad: String, lesen: () throws -> Data) rethrows -> Fingerprint {
        var info = stat()
        guard vorrat.ordner != nil, stat(pfad, &info) == 0 else { return .von(try lesen()) }
        let stand = FileStatus(info)
        let schluessel = Fingerprint.von(pfad)
        if let alt: FileStatus = vorrat.lesen("dateistand", schluessel), alt.sameStatus(as: stand) {
            return alt.abdruck
        }
        var neu = stand
        neu.abdruck = Fingerprint.von(try lesen())
        if max(info.st_mtim.tv_sec, info.st_ctim.tv_sec) < jetzt - 2 { vorrat.replace("dateistand", schluessel, neu) }
        return neu.abdruck
    }
}

/// A file's status and the fingerprint of its bytes: the record of the `dateistand` table.
struct FileStatus: Codable, Equatable, BinaryValue {
    var device, inode, size: UInt64
    var modified, modifiedNanoseconds, changed, changedNanoseconds: UInt64
    var abdruck = Fingerprint(a: 0, b: 0)

    init(device: UInt64, inode: UInt64, size: UInt64, modified: UInt64, modifiedNanoseconds: UInt64,
         changed: UInt64, changedNanoseconds: UInt64, abdruck: Fingerprint) {
        (self.device, self.inode, self.size) = (device, inode, size)
        (self.modified, self.modifiedNanoseconds, self.changed, self.changedNanoseconds) = (modified, modifiedNanoseconds, changed, changedNanoseconds)
        self.abdruck = abdruck
    }

    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: UInt64(info.st_size),
                  modified: UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), modifiedNanoseconds: UInt64(info.st_mtim.tv_nsec),
                  changed: UInt64(bitPattern: Int64(info.st_ctim.tv_sec)), changedNanoseconds: UInt64(info.st_ctim.tv_nsec),
                  abdruck: Fingerprint(a: 0, b: 0))
    }

    /// Everything but the fingerprint is equal.
    func sameStatus(as other: FileStatus) -> Bool {
        var ohne = other
        ohne.abdruck = abdruck
        return self == ohne
    }

    // This is read for every input file of every build: by hand, not through a keyed container.
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        self.init(device: try d.zahl(), inode: try d.zahl(), size: try d.zahl(), modified: try d.zahl(),
                  modifiedNanoseconds: try d.zahl(), changed: try d.zahl(), changedNanoseconds: try d.zahl(),
                  abdruck: try Fingerprint(binaer: d))
    }

    func binaer(_ p: BinaryCodec.Buffer) {
        for x in [device, inode, size, modified, modifiedNanoseconds, changed, changedNanoseconds] { p.zahl(x) }
        abdruck.binaer(p)
    }
}
