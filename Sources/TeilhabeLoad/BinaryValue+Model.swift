import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// The hand-written cache form of what every build reads for every paper: the paper with its
/// consultations and attachments, the easy twin, and the outline the checks work on.
extension Vorlage: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        self.init(slug: try d.text(), art: try d.enumeration(), nummer: try d.text(), betreff: try d.text(),
                  datum: try CalendarDay(binary: d), changed: try d.optional { try CalendarDay(binary: d) },
                  status: try d.enumeration(), federfuehrend: try d.text(), antragstellend: try d.optional(d.text),
                  beratungsfolge: try d.valueList(), anlagen: try d.valueList(), unterzeichnet: try d.optional(d.text),
                  body: try MarkdownSource(binary: d), leicht: try d.optional { try LeichteFassung(binary: d) },
                  location: try SourceLocation(binary: d), nummerLocation: try SourceLocation(binary: d),
                  quelle: try d.optional(d.text))
        sozialraeume = try d.valueList()
    }

    package func binary(_ p: BinaryCodec.Buffer) {
        p.text(slug); p.enumeration(art); p.text(nummer); p.text(betreff)
        datum.binary(p); p.optional(changed) { $0.binary(p) }
        p.enumeration(status); p.text(federfuehrend); p.optional(antragstellend, p.text)
        p.valueList(beratungsfolge); p.valueList(anlagen); p.optional(unterzeichnet, p.text)
        body.binary(p); p.optional(leicht) { $0.binary(p) }
        location.binary(p); nummerLocation.binary(p); p.optional(quelle, p.text)
        p.valueList(sozialraeume)
    }
}

extension Beratung: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        self.init(sitzung: try d.text(), rolle: try d.enumeration(), resultValue: try d.optional(d.text),
                  location: try SourceLocation(binary: d))
    }

    package func binary(_ p: BinaryCodec.Buffer) { p.text(sitzung); p.enumeration(rolle); p.optional(resultValue, p.text); location.binary(p) }
}

extension Anlage: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        self.init(titel: try d.text(), filePath: try d.text(), location: try SourceLocation(binary: d))
    }

    package func binary(_ p: BinaryCodec.Buffer) { p.text(titel); p.text(filePath); location.binary(p) }
}

extension LeichteFassung: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        self.init(titel: try d.text(), beschreibung: try d.optional(d.text), body: try MarkdownSource(binary: d),
                  location: try SourceLocation(binary: d))
    }

    package func binary(_ p: BinaryCodec.Buffer) { p.text(titel); p.optional(beschreibung, p.text); body.binary(p); location.binary(p) }
}


extension LoadedFile: BinaryValue where P: BinaryValue {
    init(binary d: BinaryCodec.BinaryDecoder) throws {
        self.init(value: try d.optional { try P(binary: d) }, findings: try d.valueList(), easyFields: try d.valueList())
    }

    func binary(_ p: BinaryCodec.Buffer) {
        p.optional(value) { $0.binary(p) }
        p.valueList(findings); p.valueList(easyFields)
    }
}

extension MarkdownSource: BinaryValue {
    /// The body itself is not kept: a cached file is the file on disk (its status or bytes are
    /// unchanged, or the cache would not have been asked), so its body is read from there if needed.
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        let file = try d.text()
        self.init(bodyText: LazyBody { PosixFile.bytes(file).flatMap(TextDecoding.utf8).flatMap(FrontMatter.init)?.body ?? "" },
                  file: file, pfad: try d.text(), firstLine: try d.whole(),
                  head: try Fingerprint(binary: d), bodyFingerprint: try Fingerprint(binary: d))
    }

    package func binary(_ p: BinaryCodec.Buffer) {
        p.text(file); p.text(pfad); p.whole(firstLine); head.binary(p); bodyFingerprint.binary(p)
    }
}
