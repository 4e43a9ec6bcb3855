import Foundation

// The framing of the cache's files (`CacheFile`: segment length and checksum) is little-endian 64-bit words.

extension Array where Element == UInt8 {
    package mutating func words(_ valueList: UInt64...) {
        for value in valueList { Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) } }
    }
}

extension ContiguousBytes {
    /// The word `stelle` bytes from the start (of a slice: from the slice's start).
    package func word(_ position: Int) -> UInt64 {
        withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt64.self)) }
    }
}
