/// A type the cache reads by the thousand on every build – a paper, its easy twin, an outline –
/// writes and reads itself, field by field. The generic `Codable` path costs a keyed container,
/// metadata lookups and a dynamic cast per field: for 4,000 papers that was most of an edit
/// build's loading time. Both directions are written by hand and must list the same fields in the
/// same order; `BinaryCodec` takes this path wherever such a type occurs, also inside a `Codable` one.
package protocol BinaryValue {
    init(binary d: BinaryCodec.BinaryDecoder) throws
    func binary(_ p: BinaryCodec.Buffer)
}

extension BinaryCodec.Buffer {
    package func whole(_ i: Int) { number(UInt64(bitPattern: Int64(i))) }
    package func isTrue(_ b: Bool) { bytes.append(b ? 1 : 0) }

    package func optional<T>(_ value: T?, _ writeFile: (T) -> Void) {
        guard let value else { bytes.append(0); return }
        bytes.append(1)
        writeFile(value)
    }

    package func list<T>(_ valueList: [T], _ writeFile: (T) -> Void) {
        number(UInt64(valueList.count))
        for value in valueList { writeFile(value) }
    }

    package func valueList<T: BinaryValue>(_ valueList: [T]) { list(valueList) { $0.binary(self) } }
}

extension BinaryCodec.BinaryDecoder {
    package func isTrue() throws -> Bool { try byte() != 0 }

    package func optional<T>(_ readFile: () throws -> T) throws -> T? { try byte() == 0 ? nil : try readFile() }

    package func list<T>(_ readFile: () throws -> T) throws -> [T] {
        // Each element takes at least a byte: a damaged count cannot make a huge array.
        guard let n = Int(exactly: try number()), n <= bytes.endIndex - position else { throw BinaryCodec.Failure(reason: "list too long") }
        var valueList: [T] = []
        valueList.reserveCapacity(n)
        for _ in 0..<n { valueList.append(try readFile()) }
        return valueList
    }

    package func valueList<T: BinaryValue>(_ type: T.Type = T.self) throws -> [T] { try list { try T(binary: self) } }

    /// A value of a type written with `Buffer.enumeration`.
    package func enumeration<T: RawRepresentable>(_ type: T.Type = T.self) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try text()) else { throw BinaryCodec.Failure(reason: "unknown case") }
        return value
    }
}

extension BinaryCodec.Buffer {
    package func enumeration<T: RawRepresentable>(_ value: T) where T.RawValue == String { text(value.rawValue) }
}

extension SourceLocation: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        file = try d.text()
        let l = try d.whole(), k = try d.whole()
        line = l == 0 ? nil : l
        column = k == 0 ? nil : k
    }

    package func binary(_ p: BinaryCodec.Buffer) { p.text(file); p.whole(line ?? 0); p.whole(column ?? 0) }
}

/// Two fixed words: a fingerprint's bits are random, as a number it would take ten bytes a word.
extension Fingerprint: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws { a = try d.word64(); b = try d.word64() }
    package func binary(_ p: BinaryCodec.Buffer) { p.word64(a); p.word64(b) }
}

extension Diagnostic: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        self.init(try d.enumeration(), try d.text(), Message(de: try d.text(), en: try d.text()), at: try SourceLocation(binary: d),
                  match: try d.optional(d.text), suggestion: try d.optional(d.text))
        sourceLine = try d.optional(d.text)
        length = try d.optional(d.whole)
        columnOffset = try d.whole()
    }

    package func binary(_ p: BinaryCodec.Buffer) {
        p.enumeration(severity); p.text(rule); p.text(text.de); p.text(text.en); location.binary(p)
        p.optional(match, p.text); p.optional(suggestion, p.text)
        p.optional(sourceLine, p.text); p.optional(length, p.whole); p.whole(columnOffset)
    }
}
