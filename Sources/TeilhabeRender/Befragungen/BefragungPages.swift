import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Survey results: per area a table of the groups' answers (counts and percent) and a stacked bar
/// chart, both from the published tables only – suppressed cells are gone before anything is drawn.
enum BefragungPages {
    static func allItems(_ u: RenderContext) -> [PageJob] {
        guard !u.project.befragungen.isEmpty else { return [] }
        return [{ index(u) }] + u.project.befragungen.map { byAreaId($0, u) }.flatMap { b -> [PageJob] in [{ webPage(b, u) }, { easyPage(b, u) }] }
    }

    /// Rows may name an area by id or by name: both become the id, so that an area has one table.
    static func byAreaId(_ b: Befragung, _ u: RenderContext) -> Befragung {
        var copy = b
        for i in copy.zeilen.indices where u.project.sozialraum(id: copy.zeilen[i].raum) == nil {
            if let area = u.project.sozialraeume.first(where: { $0.name == copy.zeilen[i].raum }) { copy.zeilen[i].raum = area.id }
        }
        return copy
    }

    static func fileList(_ u: RenderContext) -> [OutputFile] {
        u.project.befragungen.map { byAreaId($0, u) }.flatMap { b -> [OutputFile] in
            let tables = BefragungGeheimhaltung.apply(b)
            return [OutputFile(path: "\(b.pfad)/\(b.id).csv", contents: .payload(BefragungDownloads.csv(b, tables, u))),
                    OutputFile(path: "\(b.pfad)/\(b.id).json", contents: .payload(BefragungDownloads.json(b, tables, u)))]
        }
    }

    static func index(_ u: RenderContext) -> Page {
        var page = Page(filePath: "befragungen/index.html", template: "befragungen", titel: "Befragungen", section: "angebote")
        page.breadcrumbs = [("Befragungen", nil)]
        let linker = page.linker
        page.context = ["titel": "Befragungen", "eintraege": u.project.befragungen.sorted { $0.titel < $1.titel }.map { b -> TemplateContext in
            ["titel": b.titel, "href": linker.to(Addresses.webPage(b.pfad)), "frage": b.frage, "stichtag": b.stichtag.map(Formatting.date) ?? false]
        }]
        return page
    }

    static func webPage(_ b: Befragung, _ u: RenderContext) -> Page {
        var page = Page(filePath: Addresses.filePath(Addresses.webPage(b.pfad)), template: "befragung", titel: b.titel, section: "angebote")
        page.breadcrumbs = [("Befragungen", "befragungen/"), (b.titel, nil)]
        page.counterpart = Page.easyCounterpart(b.pfad)
        let tables = BefragungGeheimhaltung.apply(b)
        var parts = b.quelle.map { ["Quelle: \($0)"] } ?? []
        if let s = b.stichtag { parts.append("Stichtag: \(Formatting.date(s))") }
        page.context = [
            "titel": b.titel, "frage": b.frage, "fuss": parts.isEmpty ? false : parts.joined(separator: "; ") + ".",
            "raeume": tables.enumerated().map { n, entry -> TemplateContext in
                let name = AngebotePages.areaName(entry.raum, u)
                return ["raum": name, "id": "raum-\(n + 1)",
                        "diagramm": BefragungChart.svg(b, entry.tabelle, raum: name, id: "b\(n + 1)"),
                        "tabelle": BefragungTable.html(b, entry.tabelle, raum: name)]
            },
            "legende": BefragungChart.legend(b),
            "geheim": tables.contains { $0.tabelle.hasSuppressed } ? BefragungTable.suppressionNote(b) : false,
            "beispieldaten": b.sampleData, "csv": "\(b.id).csv", "json": "\(b.id).json",
        ]
        return page
    }

    static func easyPage(_ b: Befragung, _ u: RenderContext) -> Page {
        var page = Page(filePath: Addresses.filePath(Addresses.webPage(b.pfad, leicht: true)), template: "befragung-leicht",
                        titel: b.titelLeicht, leicht: true, section: "leichte-sprache")
        page.breadcrumbs = [("Leichte Sprache", "leichte-sprache/"), (b.titelLeicht, nil)]
        page.counterpart = Page.standardCounterpart(b.pfad)
        let tables = BefragungGeheimhaltung.apply(b)
        page.context = ["titel": b.titelLeicht, "beispieldaten": b.sampleData, "saetze": tables.compactMap { entry -> String? in
            easySentence(b, entry.tabelle, raum: AngebotePages.areaName(entry.raum, u))
        }]
        return page
    }

    /// "Aachen-Ost: 52 Menschen haben geantwortet. Die meisten sagen: zufrieden." – from published totals only.
    static func easySentence(_ b: Befragung, _ t: PublishedTable, raum: String) -> String? {
        guard let total = t.summe, let n = total.cellValues.last?.number, n > 0 else { return nil }
        let counts = b.antworten.indices.compactMap { c in total.cellValues[c].number.map { (b.antworten[c], $0) } }
        guard counts.count == b.antworten.count, let top = counts.max(by: { $0.1 < $1.1 }) else {
            return "\(raum): \(NumberFormat.german(n, places: 0)) Menschen haben geantwortet."
        }
        return "\(raum): \(NumberFormat.german(n, places: 0)) Menschen haben geantwortet. Die meisten sagen: \(top.0)."
    }
}

/// The table per area: a row per group and one for all groups; for each answer the count and the share
/// of the group's answers. A share is shown only where its count and the group's total are published.
enum BefragungTable {
    static func html(_ b: Befragung, _ t: PublishedTable, raum: String) -> String {
        let last = t.columns.count - 1
        var head = "<tr><th scope=\"col\">Gruppe</th>"
        for a in b.antworten { head += "<th scope=\"col\" class=\"zahl\">\(XML.escape(a)): Anzahl</th><th scope=\"col\" class=\"zahl\">\(XML.escape(a)): Anteil</th>" }
        head += "<th scope=\"col\" class=\"zahl\">Antworten gesamt</th></tr>"
        var rows = ""
        for line in t.lines {
            rows += "<tr\(line.isTotal ? " class=\"summe\"" : "")><th scope=\"row\">\(XML.escape(line.raum))</th>"
            for c in b.antworten.indices {
                rows += "<td class=\"zahl\">\(IndikatorTable.cell(line.cellValues[c]) { NumberFormat.german($0, places: 0) })</td>"
                rows += "<td class=\"zahl\">\(share(line.cellValues[c], of: line.cellValues[last]))</td>"
            }
            rows += "<td class=\"zahl\">\(IndikatorTable.cell(line.cellValues[last]) { NumberFormat.german($0, places: 0) })</td></tr>\n"
        }
        let label = "\(b.titel), \(raum): Antworten nach Gruppe"
        return """
        <div class="tabelle" role="region" aria-label="Tabelle: \(XML.escape(label))" tabindex="0">
        <table class="befragung" aria-label="\(XML.escape(label))">
        <thead>\(head)</thead>
        <tbody>
        \(rows)</tbody>
        </table>
        </div>
        """
    }

    static func share(_ z: CellValue, of total: CellValue) -> String {
        guard let w = z.number, let n = total.number else { return IndikatorTable.mark(z == .missing ? .missing : .geheim) }
        guard n > 0 else { return IndikatorTable.mark(.missing) }
        return NumberFormat.german(w / n * 100, places: 0) + " %"
    }

    static func suppressionNote(_ b: Befragung) -> String {
        "• nicht ausgewiesen: Gruppen mit weniger als \(b.mindestfallzahl) Antworten werden zum Schutz der Befragten nicht gezeigt, "
            + "ebenso Werte, aus denen sie sich errechnen ließen."
    }
}
