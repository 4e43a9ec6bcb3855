/// The hand-written cache form of what every build reads for every paper: the paper with its
/// consultations and attachments, the easy twin, and the outline the checks work on.
extension Vorlage: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        slug = try d.text(); art = try d.enumeration(); nummer = try d.text(); betreff = try d.text()
        datum = try Tag(binaer: d); geaendert = try d.optional { try Tag(binaer: d) }
        status = try d.enumeration(); federfuehrend = try d.text(); antragstellend = try d.optional(d.text)
        beratungsfolge = try d.werte(); anlagen = try d.werte(); unterzeichnet = try d.optional(d.text)
        body = try MarkdownQuelle(binaer: d); leicht = try d.optional { try LeichteFassung(binaer: d) }
        location = try SourceLocation(binaer: d); nummerLocation = try SourceLocation(binaer: d)
    }

    func binaer(_ p: BinaryCodec.Buffer) {
        p.text(slug); p.enumeration(art); p.text(nummer); p.text(betreff)
        datum.binaer(p); p.optional(geaendert) { $0.binaer(p) }
        p.enumeration(status); p.text(federfuehrend); p.optional(antragstellend, p.text)
        p.werte(beratungsfolge); p.werte(anlagen); p.optional(unterzeichnet, p.text)
        body.binaer(p); p.optional(leicht) { $0.binaer(p) }
        location.binaer(p); nummerLocation.binaer(p)
    }
}

extension Beratung: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        sitzung = try d.text(); rolle = try d.enumeration(); ergebnis = try d.optional(d.text)
        location = try SourceLocation(binaer: d)
    }

    func binaer(_ p: BinaryCodec.Buffer) { p.text(sitzung); p.enumeration(rolle); p.optional(ergebnis, p.text); location.binaer(p) }
}

extension Anlage: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws { titel = try d.text(); datei = try d.text(); location = try SourceLocation(binaer: d) }
    func binaer(_ p: BinaryCodec.Buffer) { p.text(titel); p.text(datei); location.binaer(p) }
}

extension LeichteFassung: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        titel = try d.text(); beschreibung = try d.optional(d.text)
        body = try MarkdownQuelle(binaer: d); location = try SourceLocation(binaer: d)
    }

    func binaer(_ p: BinaryCodec.Buffer) { p.text(titel); p.optional(beschreibung, p.text); body.binaer(p); location.binaer(p) }
}

extension Outline: BinaryValue {
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        headings = try d.liste { Heading(level: try d.ganz(), text: try d.text(), line: try d.ganz(), column: try d.ganz()) }
        blocks = try d.liste { Block(info: try d.text(), inhalt: try d.text(), line: try d.ganz()) }
        tabellen = try d.liste { Tabelle(kopf: try d.liste(d.text), line: try d.ganz()) }
        links = try d.liste {
            Link(destination: try d.text(), text: try d.text(), isImage: try d.wahr(), line: try d.ganz(), column: try d.ganz())
        }
        rawHTMLLines = try d.liste(d.ganz)
    }

    func binaer(_ p: BinaryCodec.Buffer) {
        p.liste(headings) { p.ganz($0.level); p.text($0.text); p.ganz($0.line); p.ganz($0.column) }
        p.liste(blocks) { p.text($0.info); p.text($0.inhalt); p.ganz($0.line) }
        p.liste(tabellen) { p.liste($0.kopf, p.text); p.ganz($0.line) }
        p.liste(links) { p.text($0.destination); p.text($0.text); p.wahr($0.isImage); p.ganz($0.line); p.ganz($0.column) }
        p.liste(rawHTMLLines, p.ganz)
    }
}
