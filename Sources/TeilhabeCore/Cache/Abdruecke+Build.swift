extension Build {
    /// The fingerprints a build keys its output files on. The global one covers every input the
    /// loader read except the Markdown pages (which pages track one by one), the theme, the
    /// options, and what every page shows of all the others (paths, status, titles of Seiten).
    static func abdruecke(_ projekt: Projekt, _ protokoll: Eingabeprotokoll, theme: Theme, druck: PDFErzeuger?,
                          optionen: Optionen) -> Abdruecke {
        let seitenOrdner = ["vorlagen", "berichte", "seiten"].map { Paths.join(projekt.contentRoot, $0) + "/" }
        func seite(_ pfad: String) -> Bool { pfad.hasSuffix(".md") && seitenOrdner.contains { pfad.hasPrefix($0) } }
        var g = Streuwert()
        g.text(Vorrat.formatVersion)
        g.abdruck(protokoll.abdruck(ausser: seite))
        for (name, bytes) in theme.fingerprint.sorted(by: { $0.key < $1.key }) { g.text(name); g.bytes(bytes) }
        g.text(optionen.publikum.rawValue); g.text(druck?.version ?? "ohne PDF"); g.text(projekt.contentRoot)
        for v in projekt.vorlagen.sorted(by: { $0.pfad < $1.pfad }) { g.text(v.pfad); g.text(v.status.rawValue) }
        for t in projekt.texte.sorted(by: { $0.pfad < $1.pfad }) { g.text(t.pfad); g.text(t.status.rawValue); g.text(t.titel) }
        var dateien: [String: Fingerabdruck] = [:]
        for v in projekt.vorlagen { for q in [v.body, v.leicht?.body].compactMap({ $0 }) { dateien[q.file] = eigen(q.file, protokoll) } }
        for t in projekt.texte { for q in [t.body, t.leicht?.body].compactMap({ $0 }) { dateien[q.file] = eigen(q.file, protokoll) } }
        // What lists, feeds and OParl show of all pages: their front matter, and the reference day.
        var u = Streuwert()
        u.abdruck(g.ergebnis); u.text(optionen.stichtag.description)
        for v in projekt.vorlagen.sorted(by: { $0.pfad < $1.pfad }) { u.abdruck(v.body.kopf); u.abdruck(v.leicht?.body.kopf ?? ohne) }
        for t in projekt.texte.sorted(by: { $0.pfad < $1.pfad }) { u.abdruck(t.body.kopf); u.abdruck(t.leicht?.body.kopf ?? ohne) }
        return Abdruecke(global: g.ergebnis, uebersicht: u.ergebnis, dateien: dateien.compactMapValues { $0 })
    }

    /// Stands for a twin that does not exist.
    static let ohne = Fingerabdruck(a: 0, b: 0)

    /// A page file's own fingerprint: its path and its bytes.
    private static func eigen(_ datei: String, _ protokoll: Eingabeprotokoll) -> Fingerabdruck? {
        guard let bytes = protokoll.gelesen(datei) else { return nil }
        var s = Streuwert()
        s.text(datei); s.abdruck(bytes)
        return s.ergebnis
    }
}
