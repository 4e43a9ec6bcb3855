import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// `sozialraeume/` (map and list of the areas) and `sozialraeume/<id>/` (an area's profile), each with
/// its easy twin under `leichte-sprache/`.
enum SozialraumPages {
    static func allItems(_ u: RenderContext) -> [PageJob] {
        guard !u.project.sozialraeume.isEmpty else { return [] }
        return [{ overview(u, leicht: false) }, { overview(u, leicht: true) }]
            + u.project.sozialraeume.flatMap { a -> [PageJob] in [{ profile(a, u, leicht: false) }, { profile(a, u, leicht: true) }] }
    }

    static func overview(_ u: RenderContext, leicht: Bool) -> Page {
        let titel = leicht ? "Die Orte in der Region" : "Sozialräume"
        var page = Page(filePath: Addresses.filePath(Addresses.webPage("sozialraeume", leicht: leicht)),
                        template: leicht ? "sozialraeume-leicht" : "sozialraeume", titel: titel, leicht: leicht,
                        section: leicht ? "leichte-sprache" : "sozialraeume")
        page.breadcrumbs = leicht ? [("Leichte Sprache", "leichte-sprache/"), (titel, nil)] : [(titel, nil)]
        page.counterpart = leicht ? Page.standardCounterpart("sozialraeume") : Page.easyCounterpart("sozialraeume")
        let linker = page.linker
        let kommunen = u.project.kommunen.map { kommune -> TemplateContext in
            ["kommune": kommune, "gebiete": u.project.sozialraeume.filter { $0.kommune == kommune }.map { a -> TemplateContext in
                ["name": leicht ? a.nameLeicht : a.name, "href": linker.to(Addresses.webPage(a.pfad, leicht: leicht)),
                 "beschreibung": (leicht ? a.beschreibungLeicht : a.beschreibung) ?? false]
            }]
        }
        page.context = ["titel": titel, "karte": AreaMaps.overview(u.project.sozialraeume, linker: linker, leicht: leicht) ?? false,
                        "kommunen": kommunen, "anzahl": u.project.sozialraeume.count]
        return page
    }

    static func profile(_ a: Sozialraum, _ u: RenderContext, leicht: Bool) -> Page {
        let name = leicht ? a.nameLeicht : a.name
        var page = Page(filePath: Addresses.filePath(Addresses.webPage(a.pfad, leicht: leicht)),
                        template: leicht ? "sozialraum-leicht" : "sozialraum", titel: name, leicht: leicht,
                        section: leicht ? "leichte-sprache" : "sozialraeume")
        page.breadcrumbs = leicht
            ? [("Leichte Sprache", "leichte-sprache/"), ("Die Orte", "leichte-sprache/sozialraeume/"), (name, nil)]
            : [("Sozialräume", "sozialraeume/"), (name, nil)]
        page.counterpart = leicht ? Page.standardCounterpart(a.pfad) : Page.easyCounterpart(a.pfad)
        page.beschreibung = leicht ? nil : a.beschreibung
        let linker = page.linker
        let indicators = indicatorRows(a, u, linker: linker, leicht: leicht)
        let measures = measureEntries(a, u, linker: linker, leicht: leicht)
        let papers = paperEntries(a, u, linker: linker, leicht: leicht)
        page.context = [
            "titel": name, "kommune": a.kommune, "beschreibung": (leicht ? a.beschreibungLeicht : a.beschreibung) ?? false,
            "indikatoren": indicators, "hat_indikatoren": !indicators.isEmpty,
            "massnahmen": measures, "hat_massnahmen": !measures.isEmpty,
            "vorlagen": papers, "hat_vorlagen": !papers.isEmpty,
            "beispieldaten": indicators.contains { $0["beispieldaten"] as? Bool == true },
        ]
        page.context.merge(offersAndActors(a, u, linker: linker, leicht: leicht)) { _, new in new }
        return page
    }

    /// The offers in the area (an easy page links an offer's easy twin where it has one) and the actors
    /// of the network that work in it.
    static func offersAndActors(_ a: Sozialraum, _ u: RenderContext, linker: Linker, leicht: Bool) -> TemplateContext {
        let offers = u.project.angebote.filter { $0.sozialraum == a.id }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            .map { o -> TemplateContext in
                let easy = leicht && o.beschreibungLeicht != nil
                return ["name": o.name, "art": o.art.rawValue, "href": linker.to(Addresses.webPage(o.pfad, leicht: easy))]
            }
        let actors = u.project.akteure.filter { $0.sozialraeume.contains(a.id) }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            .map { k -> TemplateContext in
                ["name": k.name, "art": k.art.plural, "href": linker.to(Addresses.webPage("netzwerk", leicht: leicht)) + "#akteur-\(k.id)"]
            }
        return ["angebote": offers, "hat_angebote": !offers.isEmpty, "akteure": actors, "hat_akteure": !actors.isEmpty]
    }

    /// Every indicator at an area level: the area's value, the region's, the rank and the trend.
    static func indicatorRows(_ a: Sozialraum, _ u: RenderContext, linker: Linker, leicht: Bool) -> [TemplateContext] {
        u.project.indikatoren.sorted { $0.titel < $1.titel }.compactMap { i -> TemplateContext? in
            guard let values = AreaValues(i, u.table(i), areas: u.project.sozialraeume, traeger: u.project.site.traeger) else { return nil }
            let key = values.key(a), value = values.value(key), region = values.regionValue
            let rank = values.rank(key)
            return [
                "titel": leicht ? i.titelLeicht : i.titel, "href": linker.to(Addresses.webPage(i.pfad, leicht: leicht)),
                "spalte": values.column.map { values.table.columns[$0] } ?? "–",
                "ebene": values.level == .kommune ? "Kommune \(a.kommune)" : "Sozialraum",
                "wert": value.map(values.format) ?? "keine Angabe",
                "region": region.map(values.format) ?? "keine Angabe",
                "region_name": values.region?.raum ?? "Region",
                "rang": rank.map { "\($0.rank) von \($0.of)" } ?? "–",
                "verlauf": TrendChart.svg(values.series(key), format: values.format, titel: "\(i.titel), \(a.name)") ?? "–",
                "vergleich_leicht": easyComparison(value, region),
                "beispieldaten": i.sampleData,
            ]
        }
    }

    /// "Die Zahl ist größer als in der ganzen Region." — no numbers, for the easy twin.
    static func easyComparison(_ value: Double?, _ region: Double?) -> String {
        guard let value else { return "Für diesen Ort fehlt die Zahl." }
        guard let region, region != 0 else { return "Für die ganze Region fehlt die Zahl." }
        if value > region * 1.02 { return "Die Zahl ist größer als in der ganzen Region." }
        if value < region * 0.98 { return "Die Zahl ist kleiner als in der ganzen Region." }
        return "Die Zahl ist fast so groß wie in der ganzen Region."
    }

    /// Measures of the current plan that name the area.
    static func measureEntries(_ a: Sozialraum, _ u: RenderContext, linker: Linker, leicht: Bool) -> [TemplateContext] {
        guard let plan = u.project.currentPlan else { return [] }
        return plan.massnahmen.filter { $0.massnahme.sozialraeume.contains(a.id) }.map { field, m in
            ["titel": leicht ? (m.leicht ?? m.titel) : m.titel, "id": m.id, "status": leicht ? m.status.leicht : m.status.text,
             // The easy field page lists its measures under one heading, without an anchor each.
             "href": linker.to(Addresses.webPage("inklusionsplan/\(field.id)", leicht: leicht)) + (leicht ? "#aufgaben" : "#m-\(m.id)")]
        }
    }

    /// Papers, reports and pages this build shows that name the area, newest first.
    static func paperEntries(_ a: Sozialraum, _ u: RenderContext, linker: Linker, leicht: Bool) -> [TemplateContext] {
        var entries: [Entry] = []
        for v in u.project.vorlagen where v.sozialraeume.contains(where: { $0.id == a.id }) {
            guard !leicht || v.leicht != nil else { continue }
            entries.append(Entry(titel: leicht ? v.leicht!.titel : "\(v.nummer): \(v.betreff)",
                                 folderPath: Addresses.webPage(v.pfad, leicht: leicht), identifier: leicht ? nil : v.art.rawValue,
                                 datum: v.datum))
        }
        for t in u.project.texts where t.sozialraeume.contains(where: { $0.id == a.id }) {
            guard !leicht || t.leicht != nil else { continue }
            entries.append(Entry(titel: leicht ? t.leicht!.titel : t.titel, folderPath: Addresses.webPage(t.pfad, leicht: leicht),
                                 identifier: leicht ? nil : (t.art == .bericht ? "Bericht" : "Seite"), datum: t.datum))
        }
        return entries.sorted(by: Entry.newest).map { $0.context(linker) }
    }
}
