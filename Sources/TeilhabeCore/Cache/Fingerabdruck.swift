/// A 128-bit digest of inputs, the key of everything the cache keeps. Not cryptographic: it
/// guards against accidents (an edited file), not against someone crafting collisions, and it
/// must be fast enough to hash every content file on every build (several GB/s).
public struct Fingerabdruck: Hashable, Sendable, Codable, CustomStringConvertible {
    var a: UInt64
    var b: UInt64

    public var description: String { hex(a) + hex(b) }

    private func hex(_ x: UInt64) -> String {
        let s = String(x, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    init(a: UInt64, b: UInt64) { self.a = a; self.b = b }

    /// The digest of a text, for values that depend on the text alone (outlines, plain texts, word lists).
    static func von(_ text: String) -> Fingerabdruck {
        var s = Streuwert(); s.text(text); return s.ergebnis
    }

    /// The digest of bytes.
    static func von<Bytes: Sequence>(_ bytes: Bytes) -> Fingerabdruck where Bytes.Element == UInt8 {
        var s = Streuwert(); s.bytes(bytes); return s.ergebnis
    }
}

/// Builds a `Fingerabdruck` from parts. Each part is framed by its length, so `["ab", "c"]`
/// and `["a", "bc"]` differ.
struct Streuwert {
    private var h1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var h2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var laenge: UInt64 = 0

    private static let p1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let p2: UInt64 = 0x4CF5_AD43_2745_937F

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { x &<< r | x &>> (64 - r) }

    @inline(__always) private mutating func wort(_ w: UInt64) {
        h1 = Streuwert.rotl(h1 ^ (w &* Streuwert.p1), 31) &* Streuwert.p2 &+ 0x52DC_E729
        h2 = Streuwert.rotl(h2 ^ (w &* Streuwert.p2), 27) &* Streuwert.p1 &+ 0x3849_5AB5
        laenge &+= 1
    }

    mutating func bytes<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var n: UInt64 = 0
        let fertig: Void? = bytes.withContiguousStorageIfAvailable { puffer in
            n = UInt64(puffer.count)
            var i = 0
            let roh = UnsafeRawBufferPointer(puffer)
            while i + 8 <= puffer.count {
                wort(UInt64(littleEndian: roh.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            var rest: UInt64 = 0, shift: UInt64 = 0
            while i < puffer.count { rest |= UInt64(puffer[i]) << shift; shift += 8; i += 1 }
            wort(rest)
        }
        if fertig == nil {
            var rest: UInt64 = 0, shift: UInt64 = 0
            for byte in bytes {
                rest |= UInt64(byte) << shift; shift += 8; n += 1
                if shift == 64 { wort(rest); rest = 0; shift = 0 }
            }
            wort(rest)
        }
        wort(n)
    }

    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { bytes($0) }
    }

    mutating func zahl(_ x: Int) { wort(UInt64(bitPattern: Int64(x))); wort(0xA5A5) }

    mutating func abdruck(_ f: Fingerabdruck) { wort(f.a); wort(f.b) }

    var ergebnis: Fingerabdruck {
        func mix(_ x: UInt64) -> UInt64 {   // MurmurHash3's finaliser: every input bit reaches every output bit
            var x = x ^ (x >> 33)
            x = x &* 0xFF51_AFD7_ED55_8CCD; x ^= x >> 33
            x = x &* 0xC4CE_B9FE_1A85_EC53; x ^= x >> 33
            return x
        }
        return Fingerabdruck(a: mix(h1 ^ laenge), b: mix(h2 &+ h1))
    }
}
