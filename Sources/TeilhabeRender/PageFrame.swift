import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The frame every page shares: site data, navigation, breadcrumbs, language switch, footer.
struct PageFrame: Sendable {
    let umgebung: RenderContext
    /// Absolute path of the site root for pages served at any address (the 404 page), from basis_url.
    let wurzelpfad: String?

    init(_ umgebung: RenderContext) {
        self.umgebung = umgebung
        wurzelpfad = umgebung.projekt.site.basisURL.flatMap { url in
            url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).dropFirst(3).first
                .map { "/" + $0 } ?? "/"
        }
    }

    static let bereiche: [(titel: String, ordner: String, bereich: String)] = [
        ("Start", "", ""), ("Vorlagen", "vorlagen/", "vorlagen"), ("Berichte", "berichte/", "berichte"),
        ("Indikatoren", "indikatoren/", "indikatoren"), ("Inklusionsplan", "inklusionsplan/", "inklusionsplan"),
        ("Gremien", "gremien/", "gremien"), ("Sitzungen", "sitzungen/", "sitzungen"),
        ("Leichte Sprache", "leichte-sprache/", "leichte-sprache"), ("Suche", "suche/", "suche"),
    ]

    func kontext(_ seite: Page) -> TemplateContext {
        if seite.datei == "404.html", let wurzelpfad {
            return kontext(seite, linker: Linker(von: ""), prefix: wurzelpfad.hasSuffix("/") ? wurzelpfad : wurzelpfad + "/")
        }
        return kontext(seite, linker: seite.linker, prefix: "")
    }

    private func kontext(_ seite: Page, linker: Linker, prefix: String) -> TemplateContext {
        let site = umgebung.projekt.site
        func link(_ ordner: String) -> String { prefix.isEmpty ? linker.to(ordner) : prefix + ordner }
        var siteKontext: TemplateContext = ["titel": site.titel, "titel_leicht": site.titelLeicht, "traeger": site.traeger]
        siteKontext.merge(PageFrame.traegerFormen(site)) { _, neu in neu }
        if let amt = site.amt { siteKontext["amt"] = amt }
        if let basis = site.basisURL { siteKontext["basis_url"] = basis }
        var kontakt: TemplateContext = [:]
        if let e = site.kontakt.email { kontakt["email"] = e }
        if let t = site.kontakt.telefon { kontakt["telefon"] = t }
        if let a = site.kontakt.anschrift { kontakt["anschrift"] = a }
        if !kontakt.isEmpty { siteKontext["kontakt"] = kontakt }
        let seitentitel = seite.datei == "index.html" ? site.titel : "\(seite.titel) – \(site.titel)"
        var k: TemplateContext = [
            "site": siteKontext, "seitentitel": seitentitel, "leicht": seite.leicht, "intern": umgebung.intern,
            "root": prefix.isEmpty ? linker.root : prefix,
            "start": link(""), "vorlagen": link("vorlagen/"), "berichte": link("berichte/"),
            "gremien": link("gremien/"), "sitzungen": link("sitzungen/"),
            "leichte_sprache": link("leichte-sprache/"), "barrierefreiheit": link("barrierefreiheit/"),
            "feed": umgebung.offeneDaten ? link("feed.xml") : false,
            "telefon_link": site.kontakt.telefon.map { $0.filter { $0.isNumber || $0 == "+" } } ?? "",
            "kontaktzeile": PageFrame.kontaktzeile(site.kontakt),
            "nav": PageFrame.bereiche.filter { $0.bereich != "inklusionsplan" || umgebung.projekt.aktuellerPlan != nil }.map { b -> TemplateContext in
                ["titel": b.titel, "href": link(b.ordner), "aktuell": seite.bereich == b.bereich && seite.brotkrumen.count <= 1]
            },
            "fussseiten": umgebung.projekt.seiten.sorted { $0.titel < $1.titel }.map {
                ["titel": $0.titel, "href": link(Addresses.seite($0.pfad))] as TemplateContext
            },
        ]
        if let beschreibung = seite.beschreibung { k["beschreibung"] = beschreibung }
        if seite.entwurf {
            k["entwurf"] = ["titel": Message.draftBannerTitle.de, "text": Message.draftBannerText.de] as TemplateContext
        }
        if let g = seite.gegenstueck { k["gegenstueck"] = ["href": link(g.ordner), "text": g.text] }
        if !seite.brotkrumen.isEmpty {
            k["hat_brotkrumen"] = true
            k["brotkrumen"] = ([("Start", "")] + seite.brotkrumen).map { krume -> TemplateContext in
                var e: TemplateContext = ["titel": krume.0, "href": false]
                if let ordner = krume.1 { e["href"] = link(ordner) }
                return e
            }
        }
        return k
    }

    /// The body's name with its article in each case (`false` when site.yaml gives none, so a
    /// template's `{{^…}}` branch words the sentence without one).
    static func traegerFormen(_ site: Site) -> TemplateContext {
        let body = GermanText.Body(site)
        return ["traeger_nominativ": body.nominativ ?? false, "traeger_nominativ_gross": body.nominativGross ?? false,
                "traeger_akkusativ": body.akkusativ ?? false, "traeger_genitiv": body.genitiv ?? false]
    }

    /// The footer's contact line as parts, each saying whether a separator goes before it: with
    /// only an e-mail address the line must not start with "·".
    static func kontaktzeile(_ k: Site.Kontakt) -> [TemplateContext] {
        let teile: [(bezeichnung: String, text: String?, href: String?)] = [
            ("", k.anschrift, nil),
            ("Telefon ", k.telefon, k.telefon.map { "tel:" + $0.filter { $0.isNumber || $0 == "+" } }),
            ("E-Mail ", k.email, k.email.map { "mailto:" + $0 }),
        ]
        return teile.filter { $0.text != nil }.enumerated().map { i, teil in
            ["trenner": i > 0, "bezeichnung": teil.bezeichnung, "text": teil.text!, "href": teil.href ?? false]
        }
    }
}
