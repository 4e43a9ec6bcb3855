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
        // A tuple, not an array: this runs for every input file of every build.
        let stand = (UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size),
                     UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(info.st_mtim.tv_nsec),
                     UInt64(bitPattern: Int64(info.st_ctim.tv_sec)), UInt64(info.st_ctim.tv_nsec))
        let schluessel = Fingerprint.von(pfad)
        if let alt = vorrat.roh("dateistand", schluessel), alt.count == 9 * 8,
           alt.wort(0) == stand.0, alt.wort(8) == stand.1, alt.wort(16) == stand.2, alt.wort(24) == stand.3,
           alt.wort(32) == stand.4, alt.wort(40) == stand.5, alt.wort(48) == stand.6 {
            return Fingerprint(a: alt.wort(56), b: alt.wort(64))
        }
        let abdruck = Fingerprint.von(try lesen())
        if max(info.st_mtim.tv_sec, info.st_ctim.tv_sec) < jetzt - 2 {
            var bytes: [UInt8] = []
            bytes.woerter(stand.0, stand.1, stand.2, stand.3, stand.4, stand.5, stand.6, abdruck.a, abdruck.b)
            vorrat.rohAblegen("dateistand", schluessel, bytes[...])
        }
        return abdruck
    }
}
