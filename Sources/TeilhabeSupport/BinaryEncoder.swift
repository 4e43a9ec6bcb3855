import Foundation

/// The one codec of the build cache (`CacheFile` frames its output): a compact, fast encoding of
/// `Codable` values, one after another, no keys, strings and arrays framed by their length. Types
/// read by the thousand on every build spell out their fields by hand (`BinaryValue`) with the
/// same primitives; the rest go through their `Codable` conformance. Reading needs the same types in the same
/// order, which the cache guarantees by keying its files on the program's version. Dictionaries
/// with string keys are not supported (they need their keys); store arrays of pairs instead.
package enum BinaryCodec {
    package struct Failure: Error { var reason: String }

    package static func encodeValue<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = BinaryEncoder()
        try encoder.encodeNext(value)
        return encoder.chunk.bytes
    }

    /// One growing byte buffer shared by all containers of an encoding.
    package final class Buffer {
        package var bytes: [UInt8] = []
        package init() {}

        package func number(_ x: UInt64) {   // LEB128: small numbers take one byte
            var x = x
            while x >= 0x80 { bytes.append(UInt8(x & 0x7F) | 0x80); x >>= 7 }
            bytes.append(UInt8(x))
        }

        /// Eight little-endian bytes.
        package func word64(_ x: UInt64) { Swift.withUnsafeBytes(of: x.littleEndian) { bytes.append(contentsOf: $0) } }

        /// A count, then each number as four little-endian bytes.
        package func numbers32(_ a: [UInt32]) {
            number(UInt64(a.count))
            #if _endian(little)
            a.withUnsafeBytes { bytes.append(contentsOf: $0) }
            #else
            for x in a { Swift.withUnsafeBytes(of: x.littleEndian) { bytes.append(contentsOf: $0) } }
            #endif
        }

        package func text(_ s: String) {
            var s = s
            s.withUTF8 { u in number(UInt64(u.count)); bytes.append(contentsOf: u) }
        }
    }

    package final class BinaryEncoder: Encoder {
        package let chunk = Buffer()
        package var codingPath: [CodingKey] = []
        package var userInfo: [CodingUserInfoKey: Any] = [:]

        package func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(KeyedWriter<Key>(encoder: self))
        }
        package func unkeyedContainer() -> UnkeyedEncodingContainer { ListWriter(encoder: self) }
        package func singleValueContainer() -> SingleValueEncodingContainer { SingleWriter(encoder: self) }

        package func encodeNext<T: Encodable>(_ value: T) throws {
            // Flat arrays of numbers (the search index's hundreds of thousands) in one copy each. By
            // type, not by a cast of the value: an empty array of any type casts to every array type.
            if T.self == [UInt8].self { let a = value as! [UInt8]; chunk.number(UInt64(a.count)); chunk.bytes += a; return }
            if T.self == [UInt32].self { chunk.numbers32(value as! [UInt32]); return }
            if T.self == [Fingerprint].self { chunk.valueList(value as! [Fingerprint]); return }
            switch value {
            case let s as String: chunk.text(s)
            case let i as Int: chunk.number(UInt64(bitPattern: Int64(i)))
            case let b as Bool: chunk.bytes.append(b ? 1 : 0)
            case let d as Double: chunk.number(d.bitPattern)
            case let u as UInt64: chunk.number(u)
            case let d as Data: chunk.number(UInt64(d.count)); chunk.bytes.append(contentsOf: d)
            case let u as UInt32: chunk.number(UInt64(u))
            case let u as UInt8: chunk.bytes.append(u)
            case let w as BinaryValue: w.binary(chunk)
            default: try value.encode(to: self)
            }
        }
    }

    package struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
        package let encoder: BinaryEncoder
        package var codingPath: [CodingKey] { [] }
        package mutating func encodeNil(forKey key: Key) throws { encoder.chunk.bytes.append(0) }
        package mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.encodeNext(value) }
        // Optionals carry a presence byte; synthesised Codable calls these for optional properties.
        package mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            guard let value else { encoder.chunk.bytes.append(0); return }
            encoder.chunk.bytes.append(1)
            try encoder.encodeNext(value)
        }
        package mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            guard let value else { encoder.chunk.bytes.append(0); return }
            encoder.chunk.bytes.append(1)
            encoder.chunk.text(value)
        }
        package mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            guard let value else { encoder.chunk.bytes.append(0); return }
            encoder.chunk.bytes.append(1)
            encoder.chunk.number(UInt64(bitPattern: Int64(value)))
        }
        package mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            encoder.container(keyedBy: N.self)
        }
        package mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { encoder.unkeyedContainer() }
        package mutating func superEncoder() -> Encoder { encoder }
        package mutating func superEncoder(forKey key: Key) -> Encoder { encoder }
    }

    /// Arrays: a fixed 4-byte count in front, patched as elements arrive (the count is not known up front).
    package struct ListWriter: UnkeyedEncodingContainer {
        package let encoder: BinaryEncoder
        package let position: Int
        package var count = 0
        package var codingPath: [CodingKey] { [] }

        package init(encoder: BinaryEncoder) {
            self.encoder = encoder
            position = encoder.chunk.bytes.count
            encoder.chunk.bytes.append(contentsOf: [0, 0, 0, 0])
        }

        private mutating func counted() {
            count += 1
            let n = UInt32(count)
            for i in 0..<4 { encoder.chunk.bytes[position + i] = UInt8(truncatingIfNeeded: n >> (8 * UInt32(i))) }
        }

        package mutating func encodeNil() throws { encoder.chunk.bytes.append(0); counted() }
        package mutating func encode<T: Encodable>(_ value: T) throws { counted(); try encoder.encodeNext(value) }
        package mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            counted(); return encoder.container(keyedBy: N.self)
        }
        package mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { counted(); return encoder.unkeyedContainer() }
        package mutating func superEncoder() -> Encoder { encoder }
    }

    package struct SingleWriter: SingleValueEncodingContainer {
        package let encoder: BinaryEncoder
        package var codingPath: [CodingKey] { [] }
        package mutating func encodeNil() throws { throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "optional outside a property")) }
        package mutating func encode<T: Encodable>(_ value: T) throws { try encoder.encodeNext(value) }
    }
}
