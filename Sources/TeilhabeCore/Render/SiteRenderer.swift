import Foundation

/// Model → every output file of a site, in memory, sorted by path. Nothing is written here.
/// Pages are independent jobs that run on every core; the result does not depend on their order.
public enum SiteRenderer {
    /// With a `schreiber`, pages go to disk as they are rendered and only their paths are kept;
    /// every other file is returned.
    public static func render(_ projekt: Projekt, publikum: Publikum, stichtag: Tag, theme: Theme,
                              druck: PDFErzeuger? = nil, log: DiagnosticLog = DiagnosticLog(),
                              fortschritt: Fortschritt? = nil, schreiber: Ausgabeordner.Schreiber? = nil) -> [Ausgabedatei] {
        let sicht = projekt.sichtbar(fuer: publikum)
        var umgebung = Umgebung(projekt: sicht, publikum: publikum, stichtag: stichtag)
        var dateien: [Ausgabedatei] = []
        if let druck {
            let (pdfs, info) = Zeitmessung.messen("render: PDF") {
                drucken(umgebung, druck: druck, theme: theme, contentRoot: projekt.contentRoot, log: log)
            }
            dateien += pdfs
            umgebung.druck = info
        }
        let u = umgebung
        let rahmen = Rahmen(u)
        let auftraege = Zeitmessung.messen("render: jobs") { alleSeiten(u) }
        fortschritt?.gesamt = auftraege.count
        let seiten = Zeitmessung.messen("render: pages") {
            Parallel.map(auftraege.count) { i -> Ausgabedatei in
                defer { fortschritt?.eins() }
                let datei = seite(auftraege[i](), rahmen: rahmen, theme: theme)
                guard let schreiber else { return datei }
                schreiber.schreiben(datei)
                return Ausgabedatei(pfad: datei.pfad, inhalt: .geschrieben)
            }
        }
        dateien += seiten
        dateien += IndikatorSeiten.dateien(u)
        let index = Zeitmessung.messen("render: search index") { Suchindex.json(Suchindex.dokumente(u)) }
        dateien.append(Ausgabedatei(pfad: "suche/index.json", inhalt: .daten(index)))
        if let basis = Basis(sicht.site) {
            let seitenpfade = dateien.map(\.pfad)
            dateien += Zeitmessung.messen("render: open data") { OffeneDaten.dateien(u, basis, seiten: seitenpfade) }
        }
        for (name, data) in theme.assets { dateien.append(Ausgabedatei(pfad: name, inhalt: .daten(data))) }
        for pfad in sicht.anlagen.keys {
            dateien.append(Ausgabedatei(pfad: pfad, inhalt: .kopie(Paths.join(projekt.contentRoot, pfad))))
        }
        return dateien.sorted { $0.pfad < $1.pfad }
    }

    static func alleSeiten(_ u: Umgebung) -> [Seitenauftrag] {
        StartSeiten.alle(u) + VorlagenSeiten.alle(u) + TextSeiten.alle(u) + GremienSeiten.alle(u)
            + SitzungenSeiten.alle(u) + [{ SuchSeite.seite(u) }] + IndikatorSeiten.alle(u) + PlanSeiten.alle(u)
    }

    /// A page through its template and the layout.
    static func seite(_ seite: Seite, rahmen: Rahmen, theme: Theme) -> Ausgabedatei {
        var kontext = rahmen.kontext(seite).merging(seite.kontext)
        // The 404 page is served at any address: it carries its styles so that it never depends on a path.
        if seite.datei == "404.html", let css = theme.assets["assets/teilhabe.css"] {
            kontext["inline_css"] = String(decoding: css, as: UTF8.self)
        }
        kontext["inhalt"] = theme.render(seite.template, kontext)
        return Ausgabedatei.text(seite.datei, theme.render("layout", kontext))
    }

    /// A PDF of every Vorlage page, and for each page its file name and size.
    private static func drucken(_ u: Umgebung, druck: PDFErzeuger, theme: Theme, contentRoot: String,
                                log: DiagnosticLog) -> ([Ausgabedatei], [String: (name: String, groesse: String)]) {
        let rahmen = Rahmen(u)
        let basis = Basis(u.projekt.site)
        let vorlagen = u.projekt.vorlagen
        let auftraege = Parallel.map(vorlagen.count) { i -> PDFErzeuger.Auftrag in
            let seite = VorlagenSeiten.seite(vorlagen[i], u)
            return PDFErzeuger.Auftrag(name: seite.datei, html: Druckfassung.html(
                seite, kontext: rahmen.kontext(seite).merging(seite.kontext), theme: theme, basis: basis, contentRoot: contentRoot))
        }
        let (pdfs, fehler) = druck.erzeugen(auftraege)
        for (name, meldung) in fehler.sorted(by: { $0.key < $1.key }) {
            log.warning("PDF", "no PDF for this page: \(meldung)", at: SourceLocation(file: name))
        }
        var dateien: [Ausgabedatei] = [], info: [String: (name: String, groesse: String)] = [:]
        for v in vorlagen {
            let ordner = Adressen.seite(v.pfad)
            guard let pdf = pdfs[Adressen.datei(ordner)] else { continue }
            let name = Druckfassung.dateiname(v.nummer)
            info[ordner] = (name, Formatierung.groesse(pdf.count))
            dateien.append(Ausgabedatei(pfad: ordner + name, inhalt: .daten(pdf)))
        }
        return (dateien, info)
    }
}
