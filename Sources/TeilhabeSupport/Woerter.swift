import Foundation

// The framing of the cache's files (`CacheFile`: segment length and checksum) is little-endian 64-bit words.

extension Array where Element == UInt8 {
    package mutating func woerter(_ werte: UInt64...) {
        for wert in werte { Swift.withUnsafeBytes(of: wert.littleEndian) { append(contentsOf: $0) } }
    }
}

extension ContiguousBytes {
    /// The word `stelle` bytes from the start (of a slice: from the slice's start).
    package func wort(_ stelle: Int) -> UInt64 {
        withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: stelle, as: UInt64.self)) }
    }
}
