import Crypto

/// A 128-bit digest of inputs, the key of everything the cache keeps: the first half of a SHA-256.
public struct Fingerprint: Hashable, Sendable, Codable, CustomStringConvertible {
    package var a: UInt64
    package var b: UInt64

    public var description: String { hex(a) + hex(b) }

    private func hex(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    package init(a: UInt64, b: UInt64) { self.a = a; self.b = b }

    /// Stands for an input that does not exist (a twin that is not there).
    package static let without = Fingerprint(a: 0, b: 0)

    /// The digest of a text, for values that depend on the text alone (outlines, plain texts, word lists).
    package static func of(_ text: String) -> Fingerprint {
        var s = FingerprintHasher(); s.text(text); return s.resultValue
    }

    /// The digest of bytes.
    package static func of<Bytes: Sequence>(_ bytes: Bytes) -> Fingerprint where Bytes.Element == UInt8 {
        var s = FingerprintHasher(); s.bytes(bytes); return s.resultValue
    }
}

/// Builds a `Fingerprint` from parts: the first 128 bits of SHA-256 (swift-crypto, FIPS 180-4 test
/// vectors in FingerprintTests) over the parts, each framed by its length, so `["ab", "c"]` and
/// `["a", "bc"]` differ.
package struct FingerprintHasher {
    private var hasher = Crypto.SHA256()

    package init() {}

    private mutating func length(_ n: Int) {
        withUnsafeBytes(of: UInt64(n).littleEndian) { hasher.update(bufferPointer: $0) }
    }

    package mutating func bytes<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { chunk in
            length(chunk.count)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(chunk))
        }
        if done == nil {
            let copy = Array(bytes)
            length(copy.count)
            copy.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
    }

    package mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { bytes($0) }
    }

    package mutating func number(_ x: Int) { length(8); length(x) }

    package mutating func inputFingerprint(_ f: Fingerprint) {
        length(16)
        withUnsafeBytes(of: (f.a.littleEndian, f.b.littleEndian)) { hasher.update(bufferPointer: $0) }
    }

    package var resultValue: Fingerprint {
        let digest = Array(hasher.finalize())
        func word(_ i: Int) -> UInt64 { (0..<8).reduce(0) { $0 << 8 | UInt64(digest[i + $1]) } }
        return Fingerprint(a: word(0), b: word(8))
    }
}
