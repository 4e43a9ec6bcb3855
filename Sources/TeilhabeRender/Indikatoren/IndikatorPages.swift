import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Indicator pages: one per indicator with its easy twin, the overviews, the downloads, and the
/// figure that a ```indikator block embeds in a Vorlage, Bericht or Page.
enum IndikatorPages {
    static func alle(_ u: RenderContext) -> [PageJob] {
        [{ uebersicht(u, leicht: false) }, { uebersicht(u, leicht: true) }]
            + u.projekt.indikatoren.flatMap { i -> [PageJob] in [{ seite(i, u) }, { leicht(i, u) }] }
    }

    static func dateien(_ u: RenderContext) -> [OutputFile] {
        u.projekt.indikatoren.flatMap { i -> [OutputFile] in
            let t = u.tabelle(i)
            return [OutputFile(pfad: "\(i.pfad)/\(i.id).csv", inhalt: .daten(IndikatorDownloads.csv(i, t))),
                    OutputFile(pfad: "\(i.pfad)/\(i.id).json", inhalt: .daten(IndikatorDownloads.json(i, t)))]
        }
    }

    static func uebersicht(_ u: RenderContext, leicht: Bool) -> Page {
        let titel = leicht ? "Zahlen in Leichter Sprache" : "Indikatoren"
        var seite = Page(datei: Addresses.datei(Addresses.seite("indikatoren", leicht: leicht)), template: "indikatoren",
                          titel: titel, leicht: leicht, bereich: leicht ? "leichte-sprache" : "indikatoren")
        seite.brotkrumen = leicht ? [("Leichte Sprache", "leichte-sprache/"), (titel, nil)] : [(titel, nil)]
        seite.gegenstueck = leicht ? Page.gegenstueckZuAlltag("indikatoren") : Page.gegenstueckZuLeicht("indikatoren")
        let linker = seite.linker
        seite.kontext = ["titel": titel, "hat_indikatoren": !u.projekt.indikatoren.isEmpty,
                         "indikatoren": u.projekt.indikatoren.sorted { $0.titel < $1.titel }.map { i -> TemplateContext in
                             ["titel": leicht ? i.titelLeicht : i.titel, "href": linker.to(Addresses.seite(i.pfad, leicht: leicht)),
                              "einheit": i.einheit, "stichtag": i.stichtag.map(Formatting.datum) ?? "–",
                              "raumebene": i.raumebene ?? "–", "quelle": i.quelle]
                         }]
        return seite
    }

    static func seite(_ i: Indikator, _ u: RenderContext) -> Page {
        var seite = Page(datei: Addresses.datei(Addresses.seite(i.pfad)), template: "indikator", titel: i.titel,
                          bereich: "indikatoren")
        seite.brotkrumen = [("Indikatoren", "indikatoren/"), (i.titel, nil)]
        seite.gegenstueck = Page.gegenstueckZuLeicht(i.pfad)
        seite.beschreibung = i.beschreibung
        seite.kontext = ["titel": i.titel, "beschreibung": i.beschreibung ?? false, "ansicht": figur(i, u, leicht: false, link: nil),
                         "csv": "\(i.id).csv", "json": "\(i.id).json"]
        return seite
    }

    static func leicht(_ i: Indikator, _ u: RenderContext) -> Page {
        var seite = Page(datei: Addresses.datei(Addresses.seite(i.pfad, leicht: true)), template: "indikator-leicht",
                          titel: i.titelLeicht, leicht: true, bereich: "leichte-sprache")
        seite.brotkrumen = [("Leichte Sprache", "leichte-sprache/"), ("Zahlen", "leichte-sprache/indikatoren/"), (i.titelLeicht, nil)]
        seite.gegenstueck = Page.gegenstueckZuAlltag(i.pfad)
        seite.kontext = ["titel": i.titelLeicht, "ansicht": figur(i, u, leicht: true, link: nil)]
        return seite
    }

    /// Chart(s), their sentences and the table. `link`: where the caption points (embedded use).
    static func figur(_ i: Indikator, _ u: RenderContext, leicht: Bool, link: String?) -> String {
        let t = u.tabelle(i)
        var html = "<figure class=\"indikator-ansicht\">\n<figcaption>"
        html += link.map { "<a href=\"\($0)\">\(XML.escape(leicht ? i.titelLeicht : i.titel))</a>" } ?? XML.escape(leicht ? i.titelLeicht : i.titel)
        html += leicht ? "" : " <span class=\"einheit\">(\(XML.escape(i.einheit)))</span>"
        html += "</figcaption>\n"
        if leicht {
            html += "<p class=\"leicht-saetze\">" + IndikatorLeicht.saetze(i, t).map(XML.escape).joined(separator: "<br>\n") + "</p>\n"
            if let balken = Chart.balken(i, t) { html += "<div class=\"diagramm-rahmen\">\n\(balken.svg)\n</div>\n" }
        } else {
            for bild in Chart.alle(i, t) {
                html += "<div class=\"diagramm-rahmen\">\n\(bild.svg)\n<p class=\"diagramm-satz\">\(XML.escape(bild.satz))</p>\n</div>\n"
            }
        }
        html += IndikatorTable.html(i, t, zusatzspalten: !leicht)
        return html + "</figure>\n"
    }

    /// The HTML for a ```indikator block: one figure per id in the block.
    static func block(_ inhalt: String, _ linker: Linker, leicht: Bool, _ u: RenderContext) -> String? {
        let ids = inhalt.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let figuren = ids.compactMap { id in
            u.projekt.indikator(id).map { figur($0, u, leicht: leicht, link: linker.to(Addresses.seite($0.pfad, leicht: leicht))) }
        }
        return figuren.count == ids.count && !ids.isEmpty ? figuren.joined() : nil
    }
}
