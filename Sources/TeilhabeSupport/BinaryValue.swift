/// A type the cache reads by the thousand on every build – a paper, its easy twin, an outline –
/// writes and reads itself, field by field. The generic `Codable` path costs a keyed container,
/// metadata lookups and a dynamic cast per field: for 4,000 papers that was most of an edit
/// build's loading time. Both directions are written by hand and must list the same fields in the
/// same order; `BinaryCodec` takes this path wherever such a type occurs, also inside a `Codable` one.
protocol BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws
    func binaer(_ p: BinaryCodec.Buffer)
}

extension BinaryCodec.Buffer {
    func ganz(_ i: Int) { zahl(UInt64(bitPattern: Int64(i))) }
    func wahr(_ b: Bool) { bytes.append(b ? 1 : 0) }

    func optional<T>(_ wert: T?, _ schreiben: (T) -> Void) {
        guard let wert else { bytes.append(0); return }
        bytes.append(1)
        schreiben(wert)
    }

    func liste<T>(_ werte: [T], _ schreiben: (T) -> Void) {
        zahl(UInt64(werte.count))
        for wert in werte { schreiben(wert) }
    }

    func werte<T: BinaryValue>(_ werte: [T]) { liste(werte) { $0.binaer(self) } }
}

extension BinaryCodec.BinaryDecoder {
    func wahr() throws -> Bool { try byte() != 0 }

    func optional<T>(_ lesen: () throws -> T) throws -> T? { try byte() == 0 ? nil : try lesen() }

    func liste<T>(_ lesen: () throws -> T) throws -> [T] {
        let n = Int(try zahl())
        // Each element takes at least a byte: a damaged count cannot make a huge array.
        guard n <= bytes.endIndex - stelle else { throw BinaryCodec.Failure(grund: "list too long") }
        var werte: [T] = []
        werte.reserveCapacity(n)
        for _ in 0..<n { werte.append(try lesen()) }
        return werte
    }

    func werte<T: BinaryValue>(_ typ: T.Type = T.self) throws -> [T] { try liste { try T(binaer: self) } }

    /// A value of a type written with `Buffer.enumeration`.
    func enumeration<T: RawRepresentable>(_ typ: T.Type = T.self) throws -> T where T.RawValue == String {
        guard let wert = T(rawValue: try text()) else { throw BinaryCodec.Failure(grund: "unknown case") }
        return wert
    }
}

extension BinaryCodec.Buffer {
    func enumeration<T: RawRepresentable>(_ wert: T) where T.RawValue == String { text(wert.rawValue) }
}

extension SourceLocation: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        file = try d.text()
        let l = try d.ganz(), k = try d.ganz()
        line = l == 0 ? nil : l
        column = k == 0 ? nil : k
    }

    func binaer(_ p: BinaryCodec.Buffer) { p.text(file); p.ganz(line ?? 0); p.ganz(column ?? 0) }
}

extension Fingerprint: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws { a = try d.zahl(); b = try d.zahl() }
    func binaer(_ p: BinaryCodec.Buffer) { p.zahl(a); p.zahl(b) }
}

extension Tag: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        let zahl = try d.ganz()
        year = zahl / 10_000; month = zahl / 100 % 100; day = zahl % 100
    }

    func binaer(_ p: BinaryCodec.Buffer) { p.ganz(year * 10_000 + month * 100 + day) }
}

extension Diagnostic: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        self.init(try d.enumeration(), try d.text(), try d.text(), at: try SourceLocation(binaer: d),
                  match: try d.optional(d.text), suggestion: try d.optional(d.text))
        zeile = try d.optional(d.text)
        laenge = try d.optional(d.ganz)
        spaltenVersatz = try d.ganz()
    }

    func binaer(_ p: BinaryCodec.Buffer) {
        p.enumeration(severity); p.text(rule); p.text(message); location.binaer(p)
        p.optional(match, p.text); p.optional(suggestion, p.text)
        p.optional(zeile, p.text); p.optional(laenge, p.ganz); p.ganz(spaltenVersatz)
    }
}

extension LeichtesFeld: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws { self.init(text: try d.text(), location: try SourceLocation(binaer: d)) }
    func binaer(_ p: BinaryCodec.Buffer) { p.text(text); location.binaer(p) }
}

extension LoadedFile: BinaryValue where P: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        self.init(wert: try d.optional { try P(binaer: d) }, befunde: try d.werte(), leichteFelder: try d.werte())
    }

    func binaer(_ p: BinaryCodec.Buffer) {
        p.optional(wert) { $0.binaer(p) }
        p.werte(befunde); p.werte(leichteFelder)
    }
}
