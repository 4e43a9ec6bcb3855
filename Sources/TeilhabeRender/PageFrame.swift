import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The frame every page shares: site data, navigation, breadcrumbs, language switch, footer.
struct PageFrame: Sendable {
    let environment: RenderContext
    /// Absolute path of the site root for pages served at any address (the 404 page), from basis_url.
    let rootPath: String?
    /// Links the first use of each glossary word on easy pages.
    let glossaryLinks: GlossaryLinks

    init(_ environment: RenderContext) {
        self.environment = environment
        glossaryLinks = GlossaryLinks(environment.project.glossar)
        rootPath = environment.project.site.basisURL.flatMap { url in
            url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).dropFirst(3).first
                .map { "/" + $0 } ?? "/"
        }
    }

    static let sections: [(titel: String, folderPath: String, section: String)] = [
        ("Start", "", ""), ("Vorlagen", "vorlagen/", "vorlagen"), ("Berichte", "berichte/", "berichte"),
        ("Indikatoren", "indikatoren/", "indikatoren"),
        ("Sozialräume", "sozialraeume/", "sozialraeume"),
        ("Inklusionsplan", "inklusionsplan/", "inklusionsplan"),
        ("Angebote", "angebote/", "angebote"), ("Gremien", "gremien/", "gremien"), ("Sitzungen", "sitzungen/", "sitzungen"),
        ("Leichte Sprache", "leichte-sprache/", "leichte-sprache"), ("Suche", "suche/", "suche"),
    ]

    func context(_ webPage: Page) -> TemplateContext {
        if webPage.filePath == "404.html", let rootPath {
            return context(webPage, linker: Linker(from: ""), prefix: rootPath.hasSuffix("/") ? rootPath : rootPath + "/")
        }
        return context(webPage, linker: webPage.linker, prefix: "")
    }

    private func context(_ webPage: Page, linker: Linker, prefix: String) -> TemplateContext {
        let site = environment.project.site
        func link(_ folderPath: String) -> String { prefix.isEmpty ? linker.to(folderPath) : prefix + folderPath }
        var siteContext: TemplateContext = ["titel": site.titel, "titel_leicht": site.titelLeicht, "traeger": site.traeger]
        siteContext.merge(PageFrame.providerForms(site)) { _, new in new }
        if let amt = site.amt { siteContext["amt"] = amt }
        if let base = site.basisURL { siteContext["basis_url"] = base }
        var kontakt: TemplateContext = [:]
        if let e = site.kontakt.email { kontakt["email"] = e }
        if let t = site.kontakt.telefon { kontakt["telefon"] = t }
        if let a = site.kontakt.anschrift { kontakt["anschrift"] = a }
        if !kontakt.isEmpty { siteContext["kontakt"] = kontakt }
        let pageTitle = webPage.filePath == "index.html" ? site.titel : "\(webPage.titel) – \(site.titel)"
        var k: TemplateContext = [
            "site": siteContext, "seitentitel": pageTitle, "leicht": webPage.leicht, "intern": environment.isInternal,
            "root": prefix.isEmpty ? linker.root : prefix,
            "start": link(""), "vorlagen": link("vorlagen/"), "berichte": link("berichte/"),
            "gremien": link("gremien/"), "sitzungen": link("sitzungen/"),
            "leichte_sprache": link("leichte-sprache/"), "barrierefreiheit": link("barrierefreiheit/"),
            "feed": environment.openData ? link("feed.xml") : false,
            "telefon_link": site.kontakt.telefon.map { $0.filter { $0.isNumber || $0 == "+" } } ?? "",
            "kontaktzeile": PageFrame.contactLine(site.kontakt),
            "nav": PageFrame.sections.filter { $0.section != "inklusionsplan" || environment.project.currentPlan != nil }
                .filter { $0.section != "sozialraeume" || !environment.project.sozialraeume.isEmpty }
                .filter { $0.section != "angebote" || !environment.project.angebote.isEmpty }.map { b -> TemplateContext in
                ["titel": b.titel, "href": link(b.folderPath), "aktuell": webPage.section == b.section && webPage.breadcrumbs.count <= 1]
            },
            "fussseiten": environment.project.auditedPages.sorted { $0.titel < $1.titel }.map {
                ["titel": $0.titel, "href": link(Addresses.webPage($0.pfad))] as TemplateContext
            },
        ]
        if let beschreibung = webPage.beschreibung { k["beschreibung"] = beschreibung }
        if webPage.entwurf {
            k["entwurf"] = ["titel": Message.draftBannerTitle.de, "text": Message.draftBannerText.de] as TemplateContext
        }
        if let g = webPage.counterpart { k["gegenstueck"] = ["href": link(g.folderPath), "text": g.text] }
        if !webPage.breadcrumbs.isEmpty {
            k["hat_brotkrumen"] = true
            k["brotkrumen"] = ([("Start", "")] + webPage.breadcrumbs).map { crumb -> TemplateContext in
                var e: TemplateContext = ["titel": crumb.0, "href": false]
                if let folderPath = crumb.1 { e["href"] = link(folderPath) }
                return e
            }
        }
        if webPage.leicht { k.merge(EasyFrame.context(webPage, project: environment.project, link: link)) { _, easy in easy } }
        return k
    }

    /// The body's name with its article in each case (`false` when site.yaml gives none, so a
    /// template's `{{^…}}` branch words the sentence without one).
    static func providerForms(_ site: Site) -> TemplateContext {
        let body = GermanText.Body(site)
        return ["traeger_nominativ": body.nominative ?? false, "traeger_nominativ_gross": body.nominativeCapitalized ?? false,
                "traeger_akkusativ": body.accusative ?? false, "traeger_genitiv": body.genitiv ?? false]
    }

    /// The footer's contact line as parts, each saying whether a separator goes before it: with
    /// only an e-mail address the line must not start with "·".
    static func contactLine(_ k: Site.Kontakt) -> [TemplateContext] {
        let parts: [(label: String, text: String?, href: String?)] = [
            ("", k.anschrift, nil),
            ("Telefon ", k.telefon, k.telefon.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } }),
            ("E-Mail ", k.email, k.email.map { "mailto:" + $0 }),
        ]
        return parts.filter { $0.text != nil }.enumerated().map { i, part in
            ["trenner": i > 0, "bezeichnung": part.label, "text": part.text!, "href": part.href ?? false]
        }
    }
}
