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
}
