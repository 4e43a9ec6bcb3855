import Foundation

/// Model → every output file of a site, in memory, sorted by path. Nothing is written here.
public enum SiteRenderer {
    public static func render(_ projekt: Projekt, publikum: Publikum, stichtag: Tag, theme: Theme) -> [Ausgabedatei] {
        let sicht = projekt.sichtbar(fuer: publikum)
        let umgebung = Umgebung(projekt: sicht, publikum: publikum, stichtag: stichtag)
        let rahmen = Rahmen(umgebung)
        let seiten = Zeitmessung.messen("render: page contexts") {
            StartSeiten.alle(umgebung) + VorlagenSeiten.alle(umgebung) + TextSeiten.alle(umgebung)
                + GremienSeiten.alle(umgebung) + SitzungenSeiten.alle(umgebung) + [SuchSeite.seite(umgebung)]
        }
        var dateien = Zeitmessung.messen("render: templates") { seiten.map { seite in
            var kontext = rahmen.kontext(seite).merging(seite.kontext)
            // The 404 page is served at any address: it carries its styles so that it never depends on a path.
            if seite.datei == "404.html", let css = theme.assets["assets/teilhabe.css"] {
                kontext["inline_css"] = String(decoding: css, as: UTF8.self)
            }
            kontext["inhalt"] = theme.render(seite.template, kontext)
            return Ausgabedatei.text(seite.datei, theme.render("layout", kontext))
        } }
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
}
