import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// content/site.yaml → `Site`.
enum SiteLoader {
    static let keys = ["titel", "titel_leicht", "traeger", "amt", "basis_url", "kontakt",
                       "barrierefreiheit", "leichte_sprache", "vorlagen", "wahlperioden"]

    static func load(_ folder: ContentFolder) -> Site? {
        let file = folder.display("site.yaml")
        guard folder.exists("site.yaml") else {
            folder.log.error("SITE", .siteYAMLMissing,
                             at: SourceLocation(file: file))
            return nil
        }
        guard let f = folder.felder("site.yaml", known: keys, what: "site.yaml") else { return nil }

        let titel = f.string("titel", required: true)
        let traeger = f.string("traeger", required: true)
        let basis = f.string("basis_url").map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        if let basis, !(basis.hasPrefix("https://") || basis.hasPrefix("http://")) {
            folder.log.error("SCHEMA-VALUE", .basisURLScheme, at: f.location("basis_url"))
        }
        let kontakt = f.nested("kontakt", known: ["email", "telefon", "anschrift"], what: "kontakt")
        let wahlperioden = f.list("wahlperioden").compactMap { node -> Site.Wahlperiode? in
            guard let w = f.item(node, known: ["name", "beginn", "ende"], what: "Wahlperiode"),
                  let name = w.string("name", required: true), let beginn = w.tag("beginn", required: true)
            else { return nil }
            return Site.Wahlperiode(name: name, beginn: beginn, ende: w.tag("ende"))
        }
        var site = Site(
            titel: titel ?? "",
            titelLeicht: f.leicht("titel_leicht") ?? titel ?? "",
            traeger: traeger ?? "",
            amt: f.string("amt"),
            basisURL: basis,
            kontakt: Site.Kontakt(email: kontakt?.string("email"), telefon: kontakt?.string("telefon"),
                                  anschrift: kontakt?.string("anschrift")),
            barrierefreiheit: barrierefreiheit(f, folder: folder),
            leichteSprache: leichteSprache(f),
            pflichtabschnitte: f.nested("vorlagen", known: ["pflichtabschnitte"], what: "vorlagen")?
                .strings("pflichtabschnitte") ?? [],
            location: SourceLocation(file: file)
        )
        site.wahlperioden = wahlperioden
        return titel == nil || traeger == nil ? nil : site
    }

    private static func barrierefreiheit(_ f: Fields, folder: ContentFolder) -> Site.Barrierefreiheit {
        guard let b = f.nested("barrierefreiheit",
                               known: ["konformitaet", "stand", "methode", "maengel", "schlichtungsstelle"],
                               what: "barrierefreiheit") else {
            folder.log.warning("SITE", .noBarrierefreiheit, at: f.location)
            return Site.Barrierefreiheit(konformitaet: .nicht, stand: nil, methode: nil, maengel: [],
                                         schlichtungsstelle: nil)
        }
        let stelle = b.nested("schlichtungsstelle", known: ["name", "url"], what: "schlichtungsstelle")
        return Site.Barrierefreiheit(
            konformitaet: b.choice("konformitaet", required: true) ?? .nicht,
            stand: b.tag("stand", required: true),
            methode: b.string("methode"),
            maengel: b.strings("maengel"),
            schlichtungsstelle: stelle.flatMap { s in
                s.string("name", required: true).map { Site.Schlichtungsstelle(name: $0, url: s.string("url")) }
            }
        )
    }

    private static func leichteSprache(_ f: Fields) -> Site.LeichteSprache {
        let ls = f.nested("leichte_sprache", known: ["pflicht", "trennzeichen", "regeln"], what: "leichte_sprache")
        let trenner = ls?.string("trennzeichen") ?? "·"
        if let ls, !["·", "-"].contains(trenner) {
            f.log.error("SCHEMA-VALUE", .trennzeichenValue, at: ls.location("trennzeichen"))
        }
        var regeln: [String: Severity?] = [:]
        if let r = ls?.nested("regeln", known: LSRule.allCases.map(\.rawValue) + ContentRuleIds.alle, what: "leichte_sprache.regeln") {
            for key in r.mapping.keys.compactMap(\.string) {
                guard let wert = r.string(key) else { continue }
                switch wert.lowercased() {
                case "fehler", "error": regeln[key] = .error
                case "warnung", "warning": regeln[key] = .warning
                case "hinweis", "note": regeln[key] = .note
                case "aus", "off", "false": regeln[key] = .some(nil)
                default:
                    r.log.error("SCHEMA-VALUE", .noSeverity(wert), at: r.location(key))
                }
            }
        }
        return Site.LeichteSprache(pflicht: ls?.bool("pflicht") ?? false, trennzeichen: trenner, regeln: regeln)
    }
}
