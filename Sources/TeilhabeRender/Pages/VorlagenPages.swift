import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Pages of the committee papers: one per Vorlage, its easy twin, and the list of all.
enum VorlagenPages {
    /// Each paper's page and its twin's; they show only the paper, its twin and the shared data.
    static func tracked(_ u: RenderContext) -> [TrackedPage] {
        // Two pages per paper wait for their turn: each closure holds one reference, not copies of
        // the paper and the environment (1.1 KB each). Gathered on every core: an edit build makes
        // the jobs of all pages to find the two that changed.
        let g = Shared(u)
        return Parallel.map(u.project.vorlagen.count) { k -> [TrackedPage] in
            let vorlage = g.value.project.vorlagen[k], sources = g.value.sources(vorlage)
            let paper = TrackedPage(filePath: Addresses.filePath(Addresses.webPage(vorlage.pfad)),
                                        sources: sources + [g.value.printFingerprint(vorlage)]) {
                webPage(g.value.project.vorlagen[k], g.value)
            }
            guard vorlage.leicht != nil else { return [paper] }
            return [paper, TrackedPage(filePath: Addresses.filePath(Addresses.webPage(vorlage.pfad, leicht: true)), sources: sources) {
                let v = g.value.project.vorlagen[k]
                return LeichteSeite.webPage(v.leicht!, path: v.pfad, identifier: "\(v.art.rawValue) \(v.nummer)",
                                          nichtoeffentlich: v.status == .nichtoeffentlich, entwurf: v.status == .entwurf, g.value)
            }]
        }.flatMap { $0 }
    }

    static func entry(_ v: Vorlage) -> Entry {
        Entry(titel: v.betreff, folderPath: Addresses.webPage(v.pfad), identifier: "\(v.art.rawValue) \(v.nummer)",
                datum: v.datum, nichtoeffentlich: v.status == .nichtoeffentlich,
                extra: ["nummer": v.nummer, "art": v.art.rawValue])
    }

    /// The entries of the papers consulted in a committee's meetings. By index: a filtered array of
    /// papers would copy each (a paper is a large value).
    static func entries(ofGremium id: String, _ u: RenderContext) -> [Entry] {
        let meetings = Set(u.project.sitzungen.filter { $0.gremium == id }.map(\.id))
        let all = u.project.vorlagen
        return all.indices.filter { all[$0].beratungsfolge.contains { meetings.contains($0.sitzung) } }.map { entry(all[$0]) }
    }

    static func list(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: "vorlagen/index.html", template: "vorlagen", titel: "Vorlagen", section: "vorlagen")
        webPage.breadcrumbs = [("Vorlagen", nil)]
        webPage.context = u.project.vorlagen.map(entry).sorted(by: Entry.newest).context(webPage.linker)
            .merging(["titel": "Vorlagen"])
        return webPage
    }

    static func webPage(_ v: Vorlage, _ u: RenderContext) -> Page {
        var webPage = Page(filePath: Addresses.filePath(Addresses.webPage(v.pfad)), template: "vorlage",
                          titel: "\(v.nummer): \(v.betreff)", section: "vorlagen")
        webPage.breadcrumbs = [("Vorlagen", "vorlagen/"), (v.nummer, nil)]
        webPage.beschreibung = "\(v.art.rawValue) \(v.nummer) vom \(Formatting.date(v.datum))"
        webPage.entwurf = v.status == .entwurf
        if v.leicht != nil { webPage.counterpart = Page.easyCounterpart(v.pfad) }
        let linker = webPage.linker
        let (html, headings) = u.html(v.body, for: webPage.filePath, leicht: false)
        let beratungen: [TemplateContext] = v.beratungsfolge
            .compactMap { b in u.sitzung(b.sitzung).map { (b, $0) } }
            .sorted { $0.1.begin < $1.1.begin }
            .map { beratung, sitzung in
                ["href": linker.to(Addresses.sitzung(sitzung.id)), "datum": Formatting.shortDate(sitzung.begin.calendarDay),
                 "datum_iso": sitzung.begin.calendarDay.description, "gremium": u.gremiumName(sitzung.gremium),
                 "rolle": beratung.rolle.rawValue, "ergebnis": beratung.resultValue ?? "–"]
            }
        var k: TemplateContext = ["art": v.art.rawValue, "nummer": v.nummer, "betreff": v.betreff,
                          "datum": Formatting.date(v.datum), "datum_iso": v.datum.description,
                          "status": statusText(v.status),
                          "nichtoeffentlich": v.status == .nichtoeffentlich,
                          "federfuehrend": v.federfuehrend, "beratungen": beratungen,
                          "hat_beratungen": !beratungen.isEmpty, "text": html,
                          "druck": u.print[Addresses.webPage(v.pfad)].map { ["href": $0.name, "groesse": $0.byteSize] as TemplateContext } ?? false]
        if let a = v.antragstellend { k["antragstellend"] = a }
        if let u = v.unterzeichnet { k["unterzeichnet"] = u }
        webPage.context = k.merging(u.sections(headings)).merging(u.anlagen(v.anlagen, linker))
        return webPage
    }
}

extension VorlagenPages {
    /// The status as the Grunddaten show it.
    static func statusText(_ status: Status) -> String {
        switch status {
        case .oeffentlich: return "öffentlich"
        case .nichtoeffentlich: return "nichtöffentlich"
        case .entwurf: return Message.draftStatus.de
        }
    }
}

/// The easy-language twin of a Vorlage, Bericht or Page.
enum LeichteSeite {
    static func webPage(_ l: LeichteFassung, path: String, identifier: String?, nichtoeffentlich: Bool, entwurf: Bool = false,
                      _ u: RenderContext) -> Page {
        var webPage = Page(filePath: Addresses.filePath(Addresses.webPage(path, leicht: true)), template: "leicht",
                          titel: l.titel, leicht: true, section: "leichte-sprache")
        webPage.counterpart = Page.standardCounterpart(path)
        webPage.entwurf = entwurf
        webPage.breadcrumbs = [("Leichte Sprache", "leichte-sprache/"), (l.titel, nil)]
        webPage.beschreibung = l.beschreibung
        let (html, _) = u.html(l.body, for: webPage.filePath, leicht: true)
        var k: TemplateContext = ["titel": l.titel, "text": html, "nichtoeffentlich": nichtoeffentlich]
        if let b = l.beschreibung { k["beschreibung"] = b }
        if let identifier { k["kennung"] = identifier }
        webPage.context = k
        return webPage
    }
}
