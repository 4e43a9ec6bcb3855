/// A type the cache reads by the thousand on every build – a paper, its easy twin, an outline –
/// writes and reads itself, field by field. The generic `Codable` path costs a keyed container,
/// metadata lookups and a dynamic cast per field: for 4,000 papers that was most of an edit
/// build's loading time. Both directions are written by hand and must list the same fields in the
/// same order; `BinaryCodec` takes this path wherever such a type occurs, also inside a `Codable` one.
package protocol BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws
    func binaer(_ p: BinaryCodec.Buffer)
}

extension BinaryCodec.Buffer {
    package func ganz(_ i: Int) { zahl(UInt64(bitPattern: Int64(i))) }
    package func wahr(_ b: Bool) { bytes.append(b ? 1 : 0) }

    package func optional<T>(_ wert: T?, _ schreiben: (T) -> Void) {
        guard let wert else { bytes.append(0); return }
        bytes.append(1)
        schreiben(wert)
    }

    package func liste<T>(_ werte: [T], _ schreiben: (T) -> Void) {
        zahl(UInt64(werte.count))
        for wert in werte { schreiben(wert) }
    }

    package func werte<T: BinaryValue>(_ werte: [T]) { liste(werte) { $0.binaer(self) } }
}

extension BinaryCodec.BinaryDecoder {
    package func wahr() throws -> Bool { try byte() != 0 }

    package func optional<T>(_ lesen: () throws -> T) throws -> T? { try byte() == 0 ? nil : try lesen() }

    package func liste<T>(_ lesen: () throws -> T) throws -> [T] {
        // Each element takes at least a byte: a damaged count cannot make a huge array.
        guard let n = Int(exactly: try zahl()), n <= bytes.endIndex - stelle else { throw BinaryCodec.Failure(grund: "list too long") }
        var werte: [T] = []
        werte.reserveCapacity(n)
        for _ in 0..<n { werte.append(try lesen()) }
        return werte
    }

    package func werte<T: BinaryValue>(_ typ: T.Type = T.self) throws -> [T] { try liste { try T(binaer: self) } }

    /// A value of a type written with `Buffer.enumeration`.
    package func enumeration<T: RawRepresentable>(_ typ: T.Type = T.self) throws -> T where T.RawValue == String {
        guard let wert = T(rawValue: try text()) else { throw BinaryCodec.Failure(grund: "unknown case") }
        return wert
    }
}

extension BinaryCodec.Buffer {
    package func enumeration<T: RawRepresentable>(_ wert: T) where T.RawValue == String { text(wert.rawValue) }
}

extension SourceLocation: BinaryValue {
    package init(binaer d: BinaryCodec.BinaryDecoder) throws {
        file = try d.text()
        let l = try d.ganz(), k = try d.ganz()
        line = l == 0 ? nil : l
        column = k == 0 ? nil : k
    }

    package func binaer(_ p: BinaryCodec.Buffer) { p.text(file); p.ganz(line ?? 0); p.ganz(column ?? 0) }
}

/// Two fixed words: a fingerprint's bits are random, as a number it would take ten bytes a word.
extension Fingerprint: BinaryValue {
    package init(binaer d: BinaryCodec.BinaryDecoder) throws { a = try d.wort64(); b = try d.wort64() }
    package func binaer(_ p: BinaryCodec.Buffer) { p.wort64(a); p.wort64(b) }
}

extension Diagnostic: BinaryValue {
    package init(binaer d: BinaryCodec.BinaryDecoder) throws {
        self.init(try d.enumeration(), try d.text(), Message(de: try d.text(), en: try d.text()), at: try SourceLocation(binaer: d),
                  match: try d.optional(d.text), suggestion: try d.optional(d.text))
        zeile = try d.optional(d.text)
        laenge = try d.optional(d.ganz)
        spaltenVersatz = try d.ganz()
    }

    package func binaer(_ p: BinaryCodec.Buffer) {
        p.enumeration(severity); p.text(rule); p.text(text.de); p.text(text.en); location.binaer(p)
        p.optional(match, p.text); p.optional(suggestion, p.text)
        p.optional(zeile, p.text); p.optional(laenge, p.ganz); p.ganz(spaltenVersatz)
    }
}
