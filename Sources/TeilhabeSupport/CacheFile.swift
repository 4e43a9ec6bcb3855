import Foundation

/// The one storage format of `.teilhabe-cache/` (all but the PDFs, which are PDF files): a header
/// line with the cache's format version and the program's fingerprint, then checksummed segments,
/// each `[payload length][checksum a][checksum b][payload]` (little-endian 64-bit words), the
/// payload one value in `BinaryCodec`'s encoding. The tables, the output plan and the preview's
/// list of files written ahead are all such files. Policy for every reader: a file of another
/// version reads as nothing, a damaged or cut-off segment as nothing from there on – never a crash,
/// only a rebuild of what is missing.
package enum CacheFile {
    /// Changes whenever a cached type's layout changes (the encoding has no keys).
    package static let formatVersion = "teilhabe-cache 13 \(TeilhabeCore.program)"

    /// The first line of every cache file.
    package static let header = Array(formatVersion.utf8) + [0x0A]

    /// Bytes a segment adds to its payload.
    package static let segmentOverhead = 24

    /// A checksum against damage (a torn append, a changed byte), not against attacks: two 64-bit
    /// lanes over the bytes' words. SHA-256 over the megabytes a build reads and writes cost
    /// several milliseconds of an edit build. A change within one word always changes lane a (each
    /// step maps its state one-to-one); the length is in the segment's header and in the seed.
    package static func checksum(_ bytes: ArraySlice<UInt8>) -> Fingerprint {
        bytes.withUnsafeBytes { raw in
            var a: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(raw.count), b: UInt64 = 0x1319_8A2E_0370_7344
            func mix(_ w: UInt64) {
                a = (a ^ w) &* 0x9E37_79B9_7F4A_7C15; a ^= a >> 32
                b = (b &+ w) &* 0xC2B2_AE3D_27D4_EB4F; b ^= b >> 29
            }
            var i = 0
            while i + 8 <= raw.count {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            var rest: UInt64 = 0xFF
            for k in i..<raw.count { rest = rest << 8 | UInt64(raw[k]) }
            mix(rest)
            return Fingerprint(a: a, b: b)
        }
    }

    /// One segment around `payload`.
    package static func segment(_ payload: [UInt8]) -> [UInt8] {
        let summe = checksum(payload[...])
        var bytes: [UInt8] = []
        bytes.reserveCapacity(segmentOverhead + payload.count)
        bytes.words(UInt64(payload.count), summe.a, summe.b)
        return bytes + payload
    }

    /// The payloads of the whole segments after the header, and whether the file was whole (right
    /// version, no damaged or cut-off segment). No payloads for a file of another version.
    package static func segments(_ bytes: [UInt8]) -> (payloads: [ArraySlice<UInt8>], whole: Bool) {
        guard bytes.starts(with: header) else { return ([], false) }
        var payloads: [ArraySlice<UInt8>] = [], i = header.count
        while i < bytes.count {
            guard i + segmentOverhead <= bytes.count else { return (payloads, false) }
            let length = bytes.word(i)
            guard length <= UInt64(bytes.count - i - segmentOverhead) else { return (payloads, false) }
            let beginning = i + segmentOverhead, end = beginning + Int(length)
            guard checksum(bytes[beginning..<end]) == Fingerprint(a: bytes.word(i + 8), b: bytes.word(i + 16)) else {
                return (payloads, false)
            }
            payloads.append(bytes[beginning..<end])
            i = end
        }
        return (payloads, true)
    }

    /// Saves `value` as a file of one segment (replacing the file); 0 or the errno.
    @discardableResult
    package static func save<T: Encodable>(_ path: String, _ value: T) -> Int32 {
        guard let payload = try? BinaryCodec.encodeValue(value) else { return EINVAL }
        return PosixFile.writeFile(path, header + segment(payload))
    }

    /// The value of a file saved by `save`; nil when the file is missing, of another version,
    /// damaged, or does not decode.
    package static func load<T: Decodable>(_ path: String, as type: T.Type = T.self) -> T? {
        guard let bytes = PosixFile.bytes(path) else { return nil }
        let (payloads, whole) = segments(bytes)
        guard whole, payloads.count == 1 else { return nil }
        return try? BinaryCodec.decodeValue(T.self, from: payloads[0])
    }

    /// Appends `value` as a segment; a missing file (or one of another version) is started anew.
    package static func append<T: Encodable>(_ path: String, _ value: T) {
        guard let payload = try? BinaryCodec.encodeValue(value) else { return }
        var bytes = segment(payload)
        if !startsWithHeader(path) {
            bytes = header + bytes
            unlink(path)
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Appends raw segment bytes to an existing file (the tables, which frame their own payload).
    package static func appendSegment(_ path: String, _ payload: [UInt8]) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = segment(payload)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Whether the file at `pfad` begins with this version's header (reads only that much).
    package static func startsWithHeader(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var beginning = [UInt8](repeating: 0, count: header.count)
        return read(fd, &beginning, beginning.count) == beginning.count && beginning == header
    }
}
