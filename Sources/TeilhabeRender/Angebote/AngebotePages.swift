import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Offers: the list grouped by kind and area, one page per kind and per accessibility feature (the
/// filters that work without JavaScript), a page per offer with its easy twin, and the downloads.
enum AngebotePages {
    static func allItems(_ u: RenderContext) -> [PageJob] {
        guard !u.project.angebote.isEmpty else { return [] }
        var jobs: [PageJob] = [{ index(u) }]
        if u.project.angebote.contains(where: { $0.beschreibungLeicht != nil }) { jobs.append { easyIndex(u) } }
        for art in kinds(u) { jobs.append { filtered(u, art: art) } }
        for m in Angebot.Merkmal.allCases { jobs.append { filtered(u, feature: m) } }
        for a in u.project.angebote {
            jobs.append { webPage(a, u) }
            if a.beschreibungLeicht != nil { jobs.append { easyPage(a, u) } }
        }
        return jobs
    }

    static func fileList(_ u: RenderContext) -> [OutputFile] {
        guard !u.project.angebote.isEmpty else { return [] }
        let list = sorted(u.project.angebote)
        return [OutputFile(path: "angebote/angebote.csv", contents: .payload(AngebotDownloads.csv(list, u))),
                OutputFile(path: "angebote/angebote.json", contents: .payload(AngebotDownloads.json(list, u))),
                OutputFile(path: "angebote/angebote.geojson", contents: .payload(AngebotDownloads.geojson(list, u)))]
    }

    static func sorted(_ list: [Angebot]) -> [Angebot] { list.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }

    /// The kinds that have offers, in the list's order.
    static func kinds(_ u: RenderContext) -> [Angebot.Art] {
        Angebot.Art.allCases.filter { k in u.project.angebote.contains { $0.art == k } }
    }

    static func index(_ u: RenderContext) -> Page {
        var page = Page(filePath: "angebote/index.html", template: "angebote", titel: "Angebote", section: "angebote")
        page.breadcrumbs = [("Angebote", nil)]
        let all = u.project.angebote
        if all.contains(where: { $0.beschreibungLeicht != nil }) { page.counterpart = Page.easyCounterpart("angebote") }
        let linker = page.linker
        page.context = [
            "titel": "Angebote",
            "arten": kinds(u).map { k -> TemplateContext in
                ["name": k.rawValue, "href": linker.to("angebote/art/\(k.slug)/"), "anzahl": all.filter { $0.art == k }.count]
            },
            "merkmale": Angebot.Merkmal.allCases.map { m -> TemplateContext in
                ["name": m.name, "href": linker.to("angebote/barrierefreiheit/\(m.slug)/"), "anzahl": all.filter { $0.barrierefreiheit[m] == .yes }.count,
                 "wert": m.rawValue]
            },
            "filter_arten": kinds(u).map { ["name": $0.rawValue, "wert": $0.slug] as TemplateContext },
            "liste": groupedByKind(all, u, linker: linker),
            "script_href": linker.to("assets/angebote.js"),
            "netzwerk": u.project.akteure.isEmpty ? false : linker.to("netzwerk/"),
            "befragungen": u.project.befragungen.isEmpty ? false : linker.to("befragungen/"),
            "beispieldaten": all.contains { $0.sampleData },
        ]
        return page
    }

    /// `angebote/art/<art>/` or `angebote/barrierefreiheit/<merkmal>/`.
    static func filtered(_ u: RenderContext, art: Angebot.Art? = nil, feature: Angebot.Merkmal? = nil) -> Page {
        let folder = art.map { "angebote/art/\($0.slug)/" } ?? "angebote/barrierefreiheit/\(feature!.slug)/"
        let titel = art.map { "Angebote: \($0.rawValue)" } ?? "Angebote: \(feature!.name)"
        var page = Page(filePath: Addresses.filePath(folder), template: "angebote-auswahl", titel: titel, section: "angebote")
        page.breadcrumbs = [("Angebote", "angebote/"), (art?.rawValue ?? feature!.name, nil)]
        let linker = page.linker
        var context: TemplateContext = ["titel": titel, "alle": linker.to("angebote/")]
        if let art {
            let list = u.project.angebote.filter { $0.art == art }
            context["gruppen"] = [["ueberschrift": false, "bereiche": groupedByArea(list, u, linker: linker, level: 2)] as TemplateContext]
            context["anzahl"] = list.count
        } else if let feature {
            let fully = u.project.angebote.filter { $0.barrierefreiheit[feature] == .yes }
            let partly = u.project.angebote.filter { $0.barrierefreiheit[feature] == .limited }
            context["gruppen"] = [(fully, "Ja"), (partly, "Eingeschränkt")].filter { !$0.0.isEmpty }.map { list, heading -> TemplateContext in
                ["ueberschrift": "\(feature.name): \(heading)", "bereiche": groupedByArea(list, u, linker: linker, level: 3)]
            }
            context["anzahl"] = fully.count + partly.count
        }
        page.context = context
        return page
    }

    /// Kinds (h2), then areas (h3), then the offers.
    static func groupedByKind(_ list: [Angebot], _ u: RenderContext, linker: Linker) -> [TemplateContext] {
        Angebot.Art.allCases.compactMap { k in
            let inKind = list.filter { $0.art == k }
            guard !inKind.isEmpty else { return nil }
            return ["art": k.rawValue, "id": "art-\(k.slug)", "bereiche": groupedByArea(inKind, u, linker: linker, level: 3)]
        }
    }

    static func groupedByArea(_ list: [Angebot], _ u: RenderContext, linker: Linker, level: Int) -> [TemplateContext] {
        let areas = Set(list.map(\.sozialraum)).sorted { (areaName($0, u), $0) < (areaName($1, u), $1) }
        return areas.map { area in
            ["raum": areaName(area, u), "h2": level == 2, "eintraege": sorted(list.filter { $0.sozialraum == area }).map { item($0, linker) }]
        }
    }

    static func item(_ a: Angebot, _ linker: Linker) -> TemplateContext {
        let yes = Angebot.Merkmal.allCases.filter { a.barrierefreiheit[$0] == .yes }
        return ["name": a.name, "href": linker.to(Addresses.webPage(a.pfad)), "art": a.art.slug,
                "merkmale": yes.map(\.rawValue).joined(separator: " "), "adresse": a.adresse.line,
                "merkmal_text": yes.isEmpty ? false : yes.map(\.name).joined(separator: ", ")]
    }

    /// The area's name where the areas know it, else its id.
    static func areaName(_ id: String, _ u: RenderContext) -> String {
        u.project.sozialraum(id: id)?.name ?? id
    }

    static func webPage(_ a: Angebot, _ u: RenderContext) -> Page {
        var page = Page(filePath: Addresses.filePath(Addresses.webPage(a.pfad)), template: "angebot", titel: a.name, section: "angebote")
        page.breadcrumbs = [("Angebote", "angebote/"), (a.name, nil)]
        if a.beschreibungLeicht != nil { page.counterpart = Page.easyCounterpart(a.pfad) }
        page.beschreibung = a.beschreibung
        let linker = page.linker
        var kontakt: [TemplateContext] = []
        if let t = a.kontakt.telefon { kontakt.append(["art": "Telefon", "text": t, "href": "tel:" + t.filter { $0.isNumber || $0 == "+" }]) }
        if let e = a.kontakt.email { kontakt.append(["art": "E-Mail", "text": e, "href": "mailto:" + e]) }
        if let w = a.kontakt.web { kontakt.append(["art": "Internet", "text": w, "href": w]) }
        page.context = [
            "titel": a.name, "art": a.art.rawValue, "art_href": linker.to("angebote/art/\(a.art.slug)/"),
            "traeger": a.traeger ?? false, "raum": areaName(a.sozialraum, u), "adresse": a.adresse.line,
            "beschreibung": a.beschreibung ?? false, "kontakt": kontakt, "hat_kontakt": !kontakt.isEmpty,
            "zeiten": a.oeffnungszeiten?.inWords ?? [], "hat_zeiten": a.oeffnungszeiten != nil,
            "merkmale_html": AngebotFeatures.html(a, leicht: false, linker: linker),
            "json_ld": AngebotDownloads.jsonLD(a, u),
            "beispieldaten": a.sampleData,
        ]
        return page
    }

    static func easyIndex(_ u: RenderContext) -> Page {
        let titel = "Angebote in Ihrer Nähe"
        var page = Page(filePath: "leichte-sprache/angebote/index.html", template: "angebote-leicht", titel: titel, leicht: true,
                        section: "leichte-sprache")
        page.breadcrumbs = [("Leichte Sprache", "leichte-sprache/"), (titel, nil)]
        page.counterpart = Page.standardCounterpart("angebote")
        let linker = page.linker
        page.context = ["titel": titel, "liste": false, "eintraege": sorted(u.project.angebote.filter { $0.beschreibungLeicht != nil }).map {
            ["name": $0.name, "href": linker.to(Addresses.webPage($0.pfad, leicht: true)), "zeilen": lines($0.beschreibungLeicht!)] as TemplateContext
        }]
        return page
    }

    /// Leichte Sprache has one sentence per line: the lines of the YAML value stay lines.
    static func lines(_ text: String) -> [TemplateContext] {
        let list = text.split(separator: "\n").map { $0.trimmed() }.filter { !$0.isEmpty }
        return list.enumerated().map { n, line in ["zeile": line, "umbruch": n < list.count - 1] }
    }

    static func easyPage(_ a: Angebot, _ u: RenderContext) -> Page {
        var page = Page(filePath: Addresses.filePath(Addresses.webPage(a.pfad, leicht: true)), template: "angebot-leicht", titel: a.name,
                        leicht: true, section: "leichte-sprache")
        page.breadcrumbs = [("Leichte Sprache", "leichte-sprache/"), ("Angebote", "leichte-sprache/angebote/"), (a.name, nil)]
        page.counterpart = Page.standardCounterpart(a.pfad)
        let linker = page.linker
        page.context = [
            "titel": a.name, "zeilen": lines(a.beschreibungLeicht ?? ""), "adresse": a.adresse.line,
            "telefon": a.kontakt.telefon ?? false,
            "zeiten": a.oeffnungszeiten?.inWords ?? [], "hat_zeiten": a.oeffnungszeiten != nil,
            "merkmale_html": AngebotFeatures.html(a, leicht: true, linker: linker),
            "beispieldaten": a.sampleData,
        ]
        return page
    }
}

/// The accessibility features in words, each with an icon that repeats the value (never colour alone).
enum AngebotFeatures {
    static func html(_ a: Angebot, leicht: Bool, linker: Linker) -> String {
        var html = "<ul class=\"merkmale\">\n"
        for m in Angebot.Merkmal.allCases {
            let z = a.barrierefreiheit[m]
            let name = leicht ? m.nameLeicht : m.name
            let value = z.map { leicht ? easyWord($0) : $0.wort } ?? (leicht ? "Wissen wir nicht." : "keine Angabe")
            html += "<li class=\"merkmal merkmal-\(z?.rawValue ?? "unbekannt")\">\(icon(z)) <span>\(XML.escape(name)): \(XML.escape(value))</span></li>\n"
        }
        return html + "</ul>\n"
    }

    static func easyWord(_ z: Angebot.Zugang) -> String {
        switch z {
        case .yes: "Ja."
        case .limited: "Zum Teil."
        case .no: "Nein."
        }
    }

    /// A tick, a half-filled circle, a cross, a question mark: decorative, the words carry the value.
    static func icon(_ z: Angebot.Zugang?) -> String {
        let shape: String
        switch z {
        case .yes: shape = "<path d=\"M4 10 l4 4 l8 -9\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.5\"/>"
        case .limited: shape = "<circle cx=\"10\" cy=\"10\" r=\"7\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"/><path d=\"M10 3 a7 7 0 0 1 0 14 z\" fill=\"currentColor\"/>"
        case .no: shape = "<path d=\"M5 5 l10 10 M15 5 l-10 10\" stroke=\"currentColor\" stroke-width=\"2.5\"/>"
        case nil: shape = "<text x=\"10\" y=\"15\" text-anchor=\"middle\" font-size=\"14\" fill=\"currentColor\">?</text>"
        }
        return "<svg class=\"symbol\" width=\"20\" height=\"20\" viewBox=\"0 0 20 20\" aria-hidden=\"true\" focusable=\"false\">\(shape)</svg>"
    }
}

/// The easy pages of offers, the network and surveys, for the list on the Leichte-Sprache start page.
enum OffersEasyEntries {
    static func entries(_ u: RenderContext) -> [Entry] {
        var list: [Entry] = []
        if u.project.angebote.contains(where: { $0.beschreibungLeicht != nil }) {
            list.append(Entry(titel: "Angebote in Ihrer Nähe", folderPath: Addresses.webPage("angebote", leicht: true), identifier: "Angebote"))
        }
        if !u.project.akteure.isEmpty {
            list.append(Entry(titel: "Wer arbeitet mit wem?", folderPath: Addresses.webPage("netzwerk", leicht: true), identifier: "Netzwerk"))
        }
        for b in u.project.befragungen.sorted(by: { $0.titelLeicht < $1.titelLeicht }) {
            list.append(Entry(titel: b.titelLeicht, folderPath: Addresses.webPage(b.pfad, leicht: true), identifier: "Befragung"))
        }
        return list
    }
}
