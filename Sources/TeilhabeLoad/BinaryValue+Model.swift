import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// The hand-written cache form of what every build reads for every paper: the paper with its
/// consultations and attachments, the easy twin, and the outline the checks work on.
extension Vorlage: BinaryValue {
    package init(binaer d: BinaryCodec.BinaryDecoder) throws {
        self.init(slug: try d.text(), art: try d.enumeration(), nummer: try d.text(), betreff: try d.text(),
                  datum: try Tag(binaer: d), geaendert: try d.optional { try Tag(binaer: d) },
                  status: try d.enumeration(), federfuehrend: try d.text(), antragstellend: try d.optional(d.text),
                  beratungsfolge: try d.werte(), anlagen: try d.werte(), unterzeichnet: try d.optional(d.text),
                  body: try MarkdownQuelle(binaer: d), leicht: try d.optional { try LeichteFassung(binaer: d) },
                  location: try SourceLocation(binaer: d), nummerLocation: try SourceLocation(binaer: d))
    }

    package func binaer(_ p: BinaryCodec.Buffer) {
        p.text(slug); p.enumeration(art); p.text(nummer); p.text(betreff)
        datum.binaer(p); p.optional(geaendert) { $0.binaer(p) }
        p.enumeration(status); p.text(federfuehrend); p.optional(antragstellend, p.text)
        p.werte(beratungsfolge); p.werte(anlagen); p.optional(unterzeichnet, p.text)
        body.binaer(p); p.optional(leicht) { $0.binaer(p) }
        location.binaer(p); nummerLocation.binaer(p)
    }
}

extension Beratung: BinaryValue {
    package init(binaer d: BinaryCodec.BinaryDecoder) throws {
        self.init(sitzung: try d.text(), rolle: try d.enumeration(), ergebnis: try d.optional(d.text),
                  location: try SourceLocation(binaer: d))
    }

    package func binaer(_ p: BinaryCodec.Buffer) { p.text(sitzung); p.enumeration(rolle); p.optional(ergebnis, p.text); location.binaer(p) }
}

extension Anlage: BinaryValue {
    package init(binaer d: BinaryCodec.BinaryDecoder) throws {
        self.init(titel: try d.text(), datei: try d.text(), location: try SourceLocation(binaer: d))
    }

    package func binaer(_ p: BinaryCodec.Buffer) { p.text(titel); p.text(datei); location.binaer(p) }
}

extension LeichteFassung: BinaryValue {
    package init(binaer d: BinaryCodec.BinaryDecoder) throws {
        self.init(titel: try d.text(), beschreibung: try d.optional(d.text), body: try MarkdownQuelle(binaer: d),
                  location: try SourceLocation(binaer: d))
    }

    package func binaer(_ p: BinaryCodec.Buffer) { p.text(titel); p.optional(beschreibung, p.text); body.binaer(p); location.binaer(p) }
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

extension MarkdownQuelle: BinaryValue {
    /// The body itself is not kept: a cached file is the file on disk (its status or bytes are
    /// unchanged, or the cache would not have been asked), so its body is read from there if needed.
    package init(binaer d: BinaryCodec.BinaryDecoder) throws {
        let file = try d.text()
        self.init(koerper: LazyBody { PosixFile.bytes(file).flatMap(TextDecoding.utf8).flatMap(FrontMatter.init)?.body ?? "" },
                  file: file, pfad: try d.text(), firstLine: try d.ganz(),
                  kopf: try Fingerprint(binaer: d), inhalt: try Fingerprint(binaer: d))
    }

    package func binaer(_ p: BinaryCodec.Buffer) {
        p.text(file); p.text(pfad); p.ganz(firstLine); kopf.binaer(p); inhalt.binaer(p)
    }
}
