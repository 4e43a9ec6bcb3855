import Foundation

/// Model → every output file of a site, in memory, sorted by path. Nothing is written here.
public enum SiteRenderer {
    public static func render(_ projekt: Projekt, publikum: Publikum, stichtag: Tag, theme: Theme,
                              druck: PDFErzeuger? = nil, log: DiagnosticLog = DiagnosticLog()) -> [Ausgabedatei] {
        let sicht = projekt.sichtbar(fuer: publikum)
        let umgebung = Umgebung(projekt: sicht, publikum: publikum, stichtag: stichtag)
        let rahmen = Rahmen(umgebung)
        var seiten = Zeitmessung.messen("render: page contexts") {
            StartSeiten.alle(umgebung) + VorlagenSeiten.alle(umgebung) + TextSeiten.alle(umgebung)
                + GremienSeiten.alle(umgebung) + SitzungenSeiten.alle(umgebung) + [SuchSeite.seite(umgebung)]
                + IndikatorSeiten.alle(umgebung) + PlanSeiten.alle(umgebung)
        }
        var pdfs: [Ausgabedatei] = []
        if let druck {
            pdfs = Zeitmessung.messen("render: PDF") {
                drucken(&seiten, druck: druck, rahmen: rahmen, theme: theme, contentRoot: projekt.contentRoot, log: log)
            }
        }
        var dateien = pdfs
        dateien += Zeitmessung.messen("render: templates") { seiten.map { seite in
            var kontext = rahmen.kontext(seite).merging(seite.kontext)
            // The 404 page is served at any address: it carries its styles so that it never depends on a path.
            if seite.datei == "404.html", let css = theme.assets["assets/teilhabe.css"] {
                kontext["inline_css"] = String(decoding: css, as: UTF8.self)
            }
            kontext["inhalt"] = theme.render(seite.template, kontext)
            return Ausgabedatei.text(seite.datei, theme.render("layout", kontext))
        } }
        dateien += IndikatorSeiten.dateien(umgebung)
        let index = Zeitmessung.messen("render: search index") { Suchindex.json(Suchindex.dokumente(umgebung)) }
        dateien.append(Ausgabedatei(pfad: "suche/index.json", inhalt: .daten(index)))
        if let basis = Basis(sicht.site) {
            let seitenpfade = dateien.map(\.pfad)
            dateien += Zeitmessung.messen("render: open data") { OffeneDaten.dateien(umgebung, basis, seiten: seitenpfade) }
        }
        for (name, data) in theme.assets { dateien.append(Ausgabedatei(pfad: name, inhalt: .daten(data))) }
        for pfad in sicht.anlagen.keys {
            dateien.append(Ausgabedatei(pfad: pfad, inhalt: .kopie(Paths.join(projekt.contentRoot, pfad))))
        }
        return dateien.sorted { $0.pfad < $1.pfad }
    }

    /// Makes a PDF of every Vorlage page and adds its link and size to the page.
    private static func drucken(_ seiten: inout [Seite], druck: PDFErzeuger, rahmen: Rahmen, theme: Theme,
                                contentRoot: String, log: DiagnosticLog) -> [Ausgabedatei] {
        let basis = Basis(rahmen.umgebung.projekt.site)
        let indizes = seiten.indices.filter { seiten[$0].template == "vorlage" }
        let auftraege = indizes.map { i in
            PDFErzeuger.Auftrag(name: seiten[i].datei, html: Druckfassung.html(
                seiten[i], kontext: rahmen.kontext(seiten[i]).merging(seiten[i].kontext), theme: theme, basis: basis,
                contentRoot: contentRoot))
        }
        let (pdfs, fehler) = druck.erzeugen(auftraege)
        for (name, meldung) in fehler.sorted(by: { $0.key < $1.key }) {
            log.warning("PDF", "no PDF for this page: \(meldung)", at: SourceLocation(file: name))
        }
        var dateien: [Ausgabedatei] = []
        for i in indizes {
            guard let pdf = pdfs[seiten[i].datei], let nummer = seiten[i].kontext["nummer"] as? String else { continue }
            let name = Druckfassung.dateiname(nummer)
            let ordner = String(seiten[i].datei.dropLast("index.html".count))
            seiten[i].kontext["druck"] = ["href": name, "groesse": Formatierung.groesse(pdf.count)] as Kontext
            dateien.append(Ausgabedatei(pfad: ordner + name, inhalt: .daten(pdf)))
        }
        return dateien
    }
}
