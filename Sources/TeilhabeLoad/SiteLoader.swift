import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// content/site.yaml → `Site`.
enum SiteLoader {
    static let keys = ["titel", "titel_leicht", "traeger", "traeger_artikel", "traeger_genitiv", "amt", "basis_url", "kontakt",
                       "barrierefreiheit", "leichte_sprache", "vorlagen", "wahlperioden"]

    static func load(_ folder: ContentFolder) -> Site? {
        let file = folder.display("site.yaml")
        guard folder.exists("site.yaml") else {
            folder.log.error("SITE", .siteYAMLMissing,
                             at: SourceLocation(file: file))
            return nil
        }
        guard let f = folder.fields("site.yaml", known: keys, what: "site.yaml") else { return nil }

        let titel = f.string("titel", required: true)
        let traeger = f.string("traeger", required: true)
        let base = f.string("basis_url").map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        if let base, !(base.hasPrefix("https://") || base.hasPrefix("http://")) {
            folder.log.error("SCHEMA-VALUE", .basisURLScheme, at: f.location("basis_url"))
        }
        let kontakt = f.nested("kontakt", known: ["email", "telefon", "anschrift"], what: "kontakt")
        let wahlperioden = f.list("wahlperioden").compactMap { node -> Site.Wahlperiode? in
            guard let w = f.item(node, known: ["name", "beginn", "ende"], what: "Wahlperiode"),
                  let name = w.string("name", required: true), let begin = w.day("beginn", required: true)
            else { return nil }
            return Site.Wahlperiode(name: name, begin: begin, ende: w.day("ende"))
        }
        var site = Site(
            titel: titel ?? "",
            titelLeicht: f.leicht("titel_leicht") ?? titel ?? "",
            traeger: traeger ?? "",
            amt: f.string("amt"),
            basisURL: base,
            kontakt: Site.Kontakt(email: kontakt?.string("email"), telefon: kontakt?.string("telefon"),
                                  anschrift: kontakt?.string("anschrift")),
            barrierefreiheit: barrierefreiheit(f, folder: folder),
            leichteSprache: leichteSprache(f),
            pflichtabschnitte: f.nested("vorlagen", known: ["pflichtabschnitte"], what: "vorlagen")?
                .strings("pflichtabschnitte") ?? [],
            location: SourceLocation(file: file)
        )
        site.wahlperioden = wahlperioden
        if let traeger { (site.traegerArtikel, site.traegerGenitiv) = providerGrammar(f, traeger: traeger) }
        checkContact(kontakt, f)
        return titel == nil || traeger == nil ? nil : site
    }

    /// `traeger_artikel` and `traeger_genitiv`: the generated sentences name the body with them.
    /// A genitive is needed where the name changes ("des Musterkreises"), so der/das require it.
    private static func providerGrammar(_ f: Fields, traeger: String) -> (Site.TraegerArtikel?, String?) {
        let article: Site.TraegerArtikel? = f.choice("traeger_artikel")
        let genitiv = f.string("traeger_genitiv")
        forbidEmpty(["traeger_artikel", "traeger_genitiv"], f)
        if f["traeger_artikel"] == nil {
            f.log.warning("SITE", .providerArticleMissing(traeger), at: f.location("traeger"))
        }
        if let article, article == .der || article == .das, genitiv == nil {
            f.log.error("SCHEMA-REQUIRED", .providerGenitiveMissing(traeger, article: article.rawValue),
                        at: f.location("traeger_artikel"))
        }
        return (article, genitiv)
    }

    /// A key written with no value is a mistake, not "not set": it fails closed.
    private static func forbidEmpty(_ keys: [String], _ f: Fields) {
        for key in keys {
            if let node = f[key], f.isNull(node) || node.scalar?.string.trimmed(lineEndings: true).isEmpty == true {
                f.log.error("SCHEMA-VALUE", .emptyValue(key), at: f.location(key))
            }
        }
    }

    /// The statement's feedback section (BITV 2.0 § 7) needs a way to reach the body.
    private static func checkContact(_ kontakt: Fields?, _ f: Fields) {
        if let kontakt { forbidEmpty(["email", "telefon", "anschrift"], kontakt) }
        let routes = ["email", "telefon", "anschrift"].compactMap { kontakt?.string($0) }
        if routes.isEmpty { f.log.error("SCHEMA-REQUIRED", .contactMissing, at: f.location("kontakt")) }
    }

    private static func barrierefreiheit(_ f: Fields, folder: ContentFolder) -> Site.Barrierefreiheit {
        guard let b = f.nested("barrierefreiheit",
                               known: ["konformitaet", "stand", "methode", "maengel", "schlichtungsstelle"],
                               what: "barrierefreiheit") else {
            folder.log.warning("SITE", .noBarrierefreiheit, at: f.location)
            return Site.Barrierefreiheit(konformitaet: .nicht, stand: nil, method: nil, maengel: [],
                                         schlichtungsstelle: nil)
        }
        let position = b.nested("schlichtungsstelle", known: ["name", "url"], what: "schlichtungsstelle")
        let konformitaet: Site.Konformitaet = b.choice("konformitaet", required: true) ?? .nicht
        return Site.Barrierefreiheit(
            konformitaet: konformitaet,
            stand: b.day("stand", required: true),
            method: b.string("methode"),
            maengel: maengel(b, konformitaet: konformitaet),
            schlichtungsstelle: position.flatMap { s in
                s.string("name", required: true).map { Site.Schlichtungsstelle(name: $0, url: s.string("url")) }
            }
        )
    }

    /// `maengel`: a list of non-empty texts. The statement must match the claim: none with
    /// `vollstaendig`, and a warning asks for them where the site is not (fully) accessible.
    private static func maengel(_ b: Fields, konformitaet: Site.Konformitaet) -> [String] {
        let nodes = b["maengel"].map { $0.scalar != nil ? [$0] : b.list("maengel") } ?? []
        let maengel = nodes.compactMap { node -> String? in
            guard let scalar = node.scalar else {
                b.log.error("SCHEMA-TYPE", .shortcomingWithoutText, at: b.location(of: node))
                return nil
            }
            let text = scalar.string.trimmed(lineEndings: true)
            guard !text.isEmpty, !b.isNull(node) else {
                b.log.error("SCHEMA-VALUE", .shortcomingEmpty, at: b.location(of: node))
                return nil
            }
            return text
        }
        if konformitaet == .vollstaendig, !nodes.isEmpty {
            b.log.error("SCHEMA-VALUE", .shortcomingsWhenFullyConformant, at: b.location("maengel"))
        } else if konformitaet != .vollstaendig, nodes.isEmpty {
            b.log.warning("SITE", .shortcomingsMissing(konformitaet.rawValue), at: b.location("konformitaet"))
        }
        return maengel
    }

    private static func leichteSprache(_ f: Fields) -> Site.LeichteSprache {
        let ls = f.nested("leichte_sprache", known: ["pflicht", "trennzeichen", "regeln"], what: "leichte_sprache")
        let separator = ls?.string("trennzeichen") ?? "·"
        if let ls, !["·", "-"].contains(separator) {
            f.log.error("SCHEMA-VALUE", .trennzeichenValue, at: ls.location("trennzeichen"))
        }
        var ruleSet: [String: Severity?] = [:]
        if let r = ls?.nested("regeln", known: LSRule.allCases.map(\.rawValue) + ContentRuleIds.allItems, what: "leichte_sprache.regeln") {
            for key in r.mapping.keys.compactMap(\.string) {
                guard let value = r.string(key) else { continue }
                switch value.lowercased() {
                case "fehler", "error": ruleSet[key] = .error
                case "warnung", "warning": ruleSet[key] = .warning
                case "hinweis", "note": ruleSet[key] = .note
                case "aus", "off", "false": ruleSet[key] = .some(nil)
                default:
                    r.log.error("SCHEMA-VALUE", .noSeverity(value), at: r.location(key))
                }
            }
        }
        return Site.LeichteSprache(pflicht: ls?.bool("pflicht") ?? false, delimiter: separator, ruleSet: ruleSet)
    }
}
