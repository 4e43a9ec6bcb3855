import TeilhabeSupport
import TeilhabeModel
/// The frame of a `leichte-sprache/` page in Leichte Sprache: its own menu (to the easy pages), a trail
/// that starts at the easy start page, a footer that names only easy pages, and easy labels for the
/// landmarks. Other parts of the site add their easy pages to `sections`.
enum EasyFrame {
    /// Menu entries: title, output folder, and whether the project has that page.
    static let sections: [(titel: String, folderPath: String, shown: @Sendable (Projekt) -> Bool)] = [
        ("Start", "leichte-sprache/", { _ in true }),
        ("Zahlen", "leichte-sprache/indikatoren/", { !$0.indikatoren.isEmpty }),
        ("Inklusions·plan", "leichte-sprache/inklusionsplan/", { $0.currentPlan != nil }),
        ("Orte", "leichte-sprache/sozialraeume/", { !$0.sozialraeume.isEmpty }),
        ("Angebote", "leichte-sprache/angebote/", { p in p.angebote.contains { $0.beschreibungLeicht != nil } }),
        ("Wörter·buch", GlossaryPage.folderPath, { !$0.glossar.isEmpty }),
        ("Suchen", "suche/", { _ in true }),
    ]

    /// The keys of the layout that differ on an easy page.
    static func context(_ webPage: Page, project: Projekt, link: (String) -> String) -> TemplateContext {
        let ownFolder = webPage.filePath.hasSuffix("index.html") ? String(webPage.filePath.dropLast("index.html".count)) : nil
        var k: TemplateContext = [
            "nav": sections.filter { $0.shown(project) }.map { s -> TemplateContext in
                ["titel": s.titel, "href": link(s.folderPath), "aktuell": s.folderPath == ownFolder]
            },
            "fussseiten": project.texts.filter { $0.art == .webPage }.compactMap { t -> (String, String)? in
                t.leicht.map { ($0.titel, Addresses.webPage(t.pfad, leicht: true)) }
            }.sorted { $0.0 < $1.0 }.map { ["titel": $0.0, "href": link($0.1)] as TemplateContext },
            "leichte_sprache": link("leichte-sprache/"),
            "seitentitel": webPage.filePath == "leichte-sprache/index.html"
                ? project.site.titelLeicht : "\(webPage.titel) – \(project.site.titelLeicht)",
        ]
        // The trail starts at the easy start page: "Start" there, not at the standard one.
        let rest = webPage.breadcrumbs.filter { $0.folderPath != "leichte-sprache/" }
        if !webPage.breadcrumbs.isEmpty {
            let crumbs: [(titel: String, folderPath: String?)] = webPage.filePath == "leichte-sprache/index.html"
                ? [("Start", nil)] : [("Start", "leichte-sprache/")] + rest
            k["hat_brotkrumen"] = true
            k["brotkrumen"] = crumbs.map { c -> TemplateContext in ["titel": c.titel, "href": c.folderPath.map(link) ?? false] }
        }
        return k
    }

    /// An easy page's body with its glossary words linked (not on the Wörterbuch itself).
    static func body(_ contents: String, _ webPage: Page, _ frame: PageFrame) -> String {
        guard webPage.filePath != Addresses.filePath(GlossaryPage.folderPath) else { return contents }
        let linker = webPage.linker
        return frame.glossaryLinks.apply(contents) { linker.to(GlossaryPage.folderPath) + "#" + $0.anchor }
    }
}
