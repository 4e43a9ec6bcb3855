import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Indicator pages: one per indicator with its easy twin, the overviews, the downloads, and the
/// figure that a ```indikator block embeds in a Vorlage, Bericht or Page.
enum IndikatorPages {
    static func allItems(_ u: RenderContext) -> [PageJob] {
        [{ overview(u, leicht: false) }, { overview(u, leicht: true) }]
            + u.project.indikatoren.flatMap { i -> [PageJob] in [{ webPage(i, u) }, { leicht(i, u) }] }
    }

    static func fileList(_ u: RenderContext) -> [OutputFile] {
        u.project.indikatoren.flatMap { i -> [OutputFile] in
            let t = u.table(i)
            return [OutputFile(path: "\(i.pfad)/\(i.id).csv", contents: .payload(IndikatorDownloads.csv(i, t))),
                    OutputFile(path: "\(i.pfad)/\(i.id).json", contents: .payload(IndikatorDownloads.json(i, t)))]
        }
    }

    static func overview(_ u: RenderContext, leicht: Bool) -> Page {
        let titel = leicht ? "Zahlen in Leichter Sprache" : "Indikatoren"
        var webPage = Page(filePath: Addresses.filePath(Addresses.webPage("indikatoren", leicht: leicht)), template: leicht ? "indikatoren-leicht" : "indikatoren",
                          titel: titel, leicht: leicht, section: leicht ? "leichte-sprache" : "indikatoren")
        webPage.breadcrumbs = leicht ? [("Leichte Sprache", "leichte-sprache/"), (titel, nil)] : [(titel, nil)]
        webPage.counterpart = leicht ? Page.standardCounterpart("indikatoren") : Page.easyCounterpart("indikatoren")
        let linker = webPage.linker
        webPage.context = ["titel": titel, "hat_indikatoren": !u.project.indikatoren.isEmpty,
                         "indikatoren": u.project.indikatoren.sorted { leicht ? $0.titelLeicht < $1.titelLeicht : $0.titel < $1.titel }.map { i -> TemplateContext in
                             ["titel": leicht ? i.titelLeicht : i.titel, "href": linker.to(Addresses.webPage(i.pfad, leicht: leicht)),
                              "einheit": i.einheit, "stichtag": i.stichtag.map(Formatting.date) ?? "–",
                              "raumebene": i.raumebene ?? "–", "quelle": i.quelle]
                         }]
        return webPage
    }

    static func webPage(_ i: Indikator, _ u: RenderContext) -> Page {
        var webPage = Page(filePath: Addresses.filePath(Addresses.webPage(i.pfad)), template: "indikator", titel: i.titel,
                          section: "indikatoren")
        webPage.breadcrumbs = [("Indikatoren", "indikatoren/"), (i.titel, nil)]
        webPage.counterpart = Page.easyCounterpart(i.pfad)
        webPage.beschreibung = i.beschreibung
        webPage.context = ["titel": i.titel, "beschreibung": i.beschreibung ?? false, "ansicht": figure(i, u, leicht: false, link: nil),
                         "csv": "\(i.id).csv", "json": "\(i.id).json"]
        webPage.context["karte"] = AreaMaps.indicator(i, u, linker: webPage.linker, leicht: false) ?? false
        return webPage
    }

    static func leicht(_ i: Indikator, _ u: RenderContext) -> Page {
        var webPage = Page(filePath: Addresses.filePath(Addresses.webPage(i.pfad, leicht: true)), template: "indikator-leicht",
                          titel: i.titelLeicht, leicht: true, section: "leichte-sprache")
        webPage.breadcrumbs = [("Leichte Sprache", "leichte-sprache/"), ("Zahlen", "leichte-sprache/indikatoren/"), (i.titelLeicht, nil)]
        webPage.counterpart = Page.standardCounterpart(i.pfad)
        webPage.context = ["titel": i.titelLeicht, "ansicht": figure(i, u, leicht: true, link: nil)]
        webPage.context["karte"] = AreaMaps.indicator(i, u, linker: webPage.linker, leicht: true) ?? false
        return webPage
    }

    /// Chart(s), their sentences and the table. `link`: where the caption points (embedded use).
    static func figure(_ i: Indikator, _ u: RenderContext, leicht: Bool, link: String?) -> String {
        let t = u.table(i)
        var html = "<figure class=\"indikator-ansicht\">\n<figcaption>"
        html += link.map { "<a href=\"\($0)\">\(XML.escape(leicht ? i.titelLeicht : i.titel))</a>" } ?? XML.escape(leicht ? i.titelLeicht : i.titel)
        html += leicht ? "" : " <span class=\"einheit\">(\(XML.escape(i.einheit)))</span>"
        html += "</figcaption>\n"
        if leicht {
            html += "<p class=\"leicht-saetze\">" + IndikatorLeicht.sentences(i, t).map(XML.escape).joined(separator: "<br>\n") + "</p>\n"
            if let bar = Chart.bar(i, t) { html += "<div class=\"diagramm-rahmen\">\n\(IndikatorLeicht.chart(bar.svg, i))\n</div>\n" }
        } else {
            for image in Chart.allItems(i, t) {
                html += "<div class=\"diagramm-rahmen\">\n\(image.svg)\n<p class=\"diagramm-satz\">\(XML.escape(image.sentence))</p>\n</div>\n"
            }
        }
        html += leicht ? IndikatorLeicht.table(i, t) : IndikatorTable.html(i, t)
        return html + "</figure>\n"
    }

    /// The HTML for a ```indikator block: one figure per id in the block.
    static func block(_ contents: String, _ linker: Linker, leicht: Bool, _ u: RenderContext) -> String? {
        let ids = contents.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let figures = ids.compactMap { id in
            u.project.indikator(id).map { figure($0, u, leicht: leicht, link: linker.to(Addresses.webPage($0.pfad, leicht: leicht))) }
        }
        return figures.count == ids.count && !ids.isEmpty ? figures.joined() : nil
    }
}
