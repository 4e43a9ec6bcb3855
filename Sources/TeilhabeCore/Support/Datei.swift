import Foundation

/// Plain POSIX file writing. Foundation's writers sync every file to disk, which makes a build
/// of thousands of files slow and is not needed for files that the next build can make again.
enum Datei {
    /// Writes `bytes` to `pfad` in place; returns errno on failure, 0 on success.
    static func direkt<Bytes: ContiguousBytes>(_ pfad: String, _ bytes: Bytes) -> Int32 {
        let fd = open(pfad, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return errno }
        var code: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { code = n < 0 ? errno : EIO; break }
                offset += n
            }
        }
        close(fd)
        if code != 0 { unlink(pfad) }
        return code
    }

    /// Writes through `<pfad>.teilhabe-tmp` and a rename, so the file is never seen half-written.
    @discardableResult
    static func schreiben<Bytes: ContiguousBytes>(_ pfad: String, _ bytes: Bytes) -> Int32 {
        let temp = pfad + ".teilhabe-tmp"
        let code = direkt(temp, bytes)
        guard code == 0 else { return code }
        guard rename(temp, pfad) == 0 else { let e = errno; unlink(temp); return e }
        return 0
    }

    /// A whole file, with one open, fstat and read (Foundation's Data(contentsOf:) costs several times
    /// more per file, which counts when a build reads thousands).
    static func lesen(_ pfad: String) throws -> Data {
        let fd = open(pfad, O_RDONLY)
        guard fd >= 0 else { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: pfad]) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: pfad])
        }
        var daten = Data(count: Int(info.st_size))
        var gelesen = 0
        try daten.withUnsafeMutableBytes { puffer in
            while gelesen < puffer.count {
                let n = read(fd, puffer.baseAddress! + gelesen, puffer.count - gelesen)
                if n < 0 { throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: pfad]) }
                if n == 0 { break }   // the file shrank while we read it
                gelesen += n
            }
        }
        return daten.prefix(gelesen)
    }
}
