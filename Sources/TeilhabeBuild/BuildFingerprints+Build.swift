import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
extension Build {
    /// The fingerprints a build keys its output files on. The global one covers every input the
    /// loader read except the Markdown pages (which pages track one by one), the theme, the
    /// options, and what every page shows of all the others (paths, status, titles of Seiten).
    static func abdruecke(_ projekt: Projekt, _ protokoll: InputLog, theme: Theme, druck: PDFRenderer?,
                          optionen: Options) -> BuildFingerprints {
        let seitenOrdner = ["vorlagen", "berichte", "seiten"].map { Paths.join(projekt.contentRoot, $0) + "/" }
        func seite(_ pfad: String) -> Bool { pfad.hasSuffix(".md") && seitenOrdner.contains { pfad.hasPrefix($0) } }
        var g = FingerprintHasher()
        g.text(CacheFile.formatVersion)
        g.abdruck(protokoll.abdruck(ausser: seite))
        for (name, bytes) in theme.fingerprint.sorted(by: { $0.key < $1.key }) { g.text(name); g.bytes(bytes) }
        g.text(optionen.publikum.rawValue); g.text(optionen.showDrafts ? "mit Entwürfen" : "ohne Entwürfe"); g.text(druck?.version ?? "ohne PDF"); g.text(projekt.contentRoot)
        // Sorted as small tuples: sorting the papers themselves would copy every one.
        for (pfad, status) in projekt.vorlagen.map({ ($0.pfad, $0.status) }).sorted(by: { $0.0 < $1.0 }) {
            g.text(pfad); g.text(status.rawValue)
        }
        for (pfad, status, titel) in projekt.texte.map({ ($0.pfad, $0.status, $0.titel) }).sorted(by: { $0.0 < $1.0 }) {
            g.text(pfad); g.text(status.rawValue); g.text(titel)
        }
        var dateien: [String: Fingerprint] = [:]
        let vorlagen = projekt.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices {
            for q in [vorlagen[i].body, vorlagen[i].leicht?.body].compactMap({ $0 }) { dateien[q.file] = eigen(q.file, protokoll) }
        }
        for t in projekt.texte { for q in [t.body, t.leicht?.body].compactMap({ $0 }) { dateien[q.file] = eigen(q.file, protokoll) } }
        // What lists, feeds and OParl show of all pages: their front matter, and the reference day;
        // and with every file's whole bytes, what the search index shows.
        var u = FingerprintHasher(), alles = FingerprintHasher(), vollstaendig = true
        u.abdruck(g.ergebnis); u.text(optionen.stichtag.description)
        let seiten = projekt.vorlagen.map { ($0.pfad, $0.body, $0.leicht?.body) } + projekt.texte.map { ($0.pfad, $0.body, $0.leicht?.body) }
        for (_, body, leicht) in seiten.sorted(by: { $0.0 < $1.0 }) {
            u.abdruck(body.kopf); u.abdruck(leicht?.kopf ?? Fingerprint.ohne)
            for q in [body, leicht].compactMap({ $0 }) {
                guard let abdruck = dateien[q.file] ?? nil else { vollstaendig = false; continue }
                alles.text(q.file); alles.abdruck(abdruck)
            }
        }
        let uebersicht = u.ergebnis
        alles.abdruck(uebersicht)
        return BuildFingerprints(global: g.ergebnis, uebersicht: uebersicht, alles: vollstaendig ? alles.ergebnis : nil,
                         dateien: dateien.compactMapValues { $0 })
    }

    /// A page file's own fingerprint: its path and its bytes.
    private static func eigen(_ datei: String, _ protokoll: InputLog) -> Fingerprint? {
        guard let bytes = protokoll.gelesen(datei) else { return nil }
        var s = FingerprintHasher()
        s.text(datei); s.abdruck(bytes)
        return s.ergebnis
    }
}
