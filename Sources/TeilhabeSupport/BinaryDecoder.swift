import Foundation

extension BinaryCodec {
    /// A hand-written type known as such where it is read: no dynamic cast and no box for the value.
    package static func decodeValue<T: Decodable & BinaryValue>(_ valueType: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        let decoder = BinaryDecoder(bytes)
        let value = try T(binary: decoder)
        guard decoder.position == bytes.endIndex else { throw Failure(reason: "trailing bytes") }
        return value
    }

    package static func decodeValue<T: Decodable>(_ valueType: T.Type, from bytes: ArraySlice<UInt8>) throws -> T {
        let decoder = BinaryDecoder(bytes)
        let value = try decoder.decodeNext(T.self)
        guard decoder.position == bytes.endIndex else { throw Failure(reason: "trailing bytes") }
        return value
    }

    package final class BinaryDecoder: Decoder {
        package let bytes: ArraySlice<UInt8>
        package var position: Int
        package var codingPath: [CodingKey] = []
        package var userInfo: [CodingUserInfoKey: Any] = [:]

        package init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes; position = bytes.startIndex }

        package func byte() throws -> UInt8 {
            guard position < bytes.endIndex else { throw Failure(reason: "truncated") }
            defer { position += 1 }
            return bytes[position]
        }

        package func number() throws -> UInt64 {
            var x: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw Failure(reason: "number too long") }
                x |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return x }
                shift += 7
            }
        }

        package func rawData() throws -> ArraySlice<UInt8> {
            // Compared without adding: a damaged length must throw, not overflow.
            guard let n = Int(exactly: try number()), n <= bytes.endIndex - position else { throw Failure(reason: "truncated") }
            defer { position += n }
            return bytes[position..<position + n]
        }

        /// What `Buffer.wort64` wrote.
        package func word64() throws -> UInt64 {
            guard bytes.endIndex - position >= 8 else { throw Failure(reason: "truncated") }
            let beginning = position - bytes.startIndex
            position += 8
            return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: beginning, as: UInt64.self)) }
        }

        /// What `Buffer.zahlen32` wrote.
        package func numbers32() throws -> [UInt32] {
            let n = try number()
            guard n <= UInt64(bytes.endIndex - position) / 4 else { throw Failure(reason: "truncated") }
            let beginning = position - bytes.startIndex
            position += 4 * Int(n)
            return bytes.withUnsafeBytes { raw in
                (0..<Int(n)).map { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: beginning + 4 * $0, as: UInt32.self)) }
            }
        }

        package func whole() throws -> Int { Int(Int64(bitPattern: try number())) }

        /// The last few paths read: a record repeats its file's path in every source location, and
        /// sharing one String spares an allocation for each.
        private var paths: [(raw: ArraySlice<UInt8>, text: String)] = []

        package func text() throws -> String {
            let raw = try rawData()
            let pathLike = raw.count > 15 && raw.count < 256 && raw.contains(0x2F)
            if pathLike, let hits = paths.first(where: { $0.raw.count == raw.count && $0.raw.elementsEqual(raw) }) {
                return hits.text
            }
            guard let s = String(validating: raw, as: UTF8.self) else { throw Failure(reason: "not UTF-8") }
            if pathLike { paths = [(raw, s)] + paths.prefix(3) }
            return s
        }

        package func decodeNext<T: Decodable>(_ valueType: T.Type) throws -> T {
            if T.self == String.self { return try text() as! T }
            if T.self == Int.self { return try whole() as! T }
            if T.self == Bool.self { return (try byte() != 0) as! T }
            if T.self == Double.self { return Double(bitPattern: try number()) as! T }
            if T.self == UInt64.self { return try number() as! T }
            if T.self == Data.self { return Data(try rawData()) as! T }
            if let own = T.self as? BinaryValue.Type { return try own.init(binary: self) as! T }
            // Rarer types after the hand-written ones, which are read by the thousand.
            if T.self == [UInt8].self { return Array(try rawData()) as! T }
            if T.self == [UInt32].self { return try numbers32() as! T }
            if T.self == [Fingerprint].self { return try valueList(Fingerprint.self) as! T }
            if T.self == UInt32.self {
                guard let x = UInt32(exactly: try number()) else { throw Failure(reason: "number too large") }
                return x as! T
            }
            if T.self == UInt8.self { return try byte() as! T }
            return try T(from: self)
        }

        package func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(KeyedReader<Key>(d: self))
        }
        package func unkeyedContainer() throws -> UnkeyedDecodingContainer { try ListReader(d: self) }
        package func singleValueContainer() throws -> SingleValueDecodingContainer { SingleReader(d: self) }
    }

    package struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
        package let d: BinaryDecoder
        package var codingPath: [CodingKey] { [] }
        // The keys are not stored: a `[String: X]` cannot be read back, and is refused.
        package var allKeys: [Key] { [] }
        package func contains(_ key: Key) -> Bool { true }
        package func decodeNil(forKey key: Key) throws -> Bool { try d.byte() == 0 }
        package func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try d.decodeNext(T.self) }
        // The common leaf types directly: the generic path ends in a dynamic cast for each value.
        package func decode(_ type: String.Type, forKey key: Key) throws -> String { try d.text() }
        package func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try d.whole() }
        package func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try d.byte() != 0 }
        package func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try d.number() }
        package func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try d.byte() == 0 ? nil : try d.decodeNext(T.self)
        }
        package func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            try d.byte() == 0 ? nil : try d.text()
        }
        package func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            try d.byte() == 0 ? nil : try d.whole()
        }
        package func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
            try d.container(keyedBy: N.self)
        }
        package func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try d.unkeyedContainer() }
        package func superDecoder() throws -> Decoder { d }
        package func superDecoder(forKey key: Key) throws -> Decoder { d }
    }

    /// Three words, so that it fits an existential's inline buffer: no allocation per list.
    package struct ListReader: UnkeyedDecodingContainer {
        package let d: BinaryDecoder
        package let elementCount: Int
        package var currentIndex = 0
        package var count: Int? { elementCount }
        package var codingPath: [CodingKey] { [] }
        package var isAtEnd: Bool { currentIndex >= elementCount }

        package init(d: BinaryDecoder) throws {
            self.d = d
            var n: UInt32 = 0
            for i in 0..<4 { n |= UInt32(try d.byte()) << (8 * UInt32(i)) }
            elementCount = Int(n)
        }

        package mutating func decodeNil() throws -> Bool { false }
        package mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            guard !isAtEnd else { throw Failure(reason: "list ended") }
            currentIndex += 1
            return try d.decodeNext(T.self)
        }
        package mutating func decode(_ type: String.Type) throws -> String {
            guard !isAtEnd else { throw Failure(reason: "list ended") }
            currentIndex += 1
            return try d.text()
        }
        package mutating func decode(_ type: Int.Type) throws -> Int {
            guard !isAtEnd else { throw Failure(reason: "list ended") }
            currentIndex += 1
            return try d.whole()
        }
        package mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
            guard !isAtEnd else { throw Failure(reason: "list ended") }
            currentIndex += 1
            return try d.number()
        }
        package mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> {
            currentIndex += 1; return try d.container(keyedBy: N.self)
        }
        package mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { currentIndex += 1; return try d.unkeyedContainer() }
        package mutating func superDecoder() throws -> Decoder { d }
    }

    package struct SingleReader: SingleValueDecodingContainer {
        package let d: BinaryDecoder
        package var codingPath: [CodingKey] { [] }
        package func decodeNil() -> Bool { false }
        package func decode<T: Decodable>(_ type: T.Type) throws -> T { try d.decodeNext(T.self) }
        package func decode(_ type: String.Type) throws -> String { try d.text() }
        package func decode(_ type: Int.Type) throws -> Int { try d.whole() }
        package func decode(_ type: UInt64.Type) throws -> UInt64 { try d.number() }
    }
}
