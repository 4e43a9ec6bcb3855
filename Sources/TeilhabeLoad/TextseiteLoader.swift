import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// content/berichte/… and content/seiten/… → `Textseite`; `.leicht.md` → `LeichteFassung`.
package enum TextseiteLoader {
    static let keys = ["titel", "datum", "geaendert", "beschreibung", "status", "anlagen", "sozialraeume"]
    static let leichtKeys = ["titel", "beschreibung"]

    package static func load(_ relative: String, art: Textseite.Art, slug: String, in folder: ContentFolder) -> Textseite? {
        let what = art == .bericht ? "Bericht" : "Seite"
        guard let file = MarkdownFile(relative, in: folder, known: keys, what: what) else { return nil }
        let f = file.fields
        let titel = f.string("titel", required: true)
        var webPage = Textseite(art: art, slug: slug, titel: titel ?? "", datum: f.day("datum"),
                              changed: f.day("geaendert"), beschreibung: f.string("beschreibung"),
                              status: f.status(), anlagen: AnlagenField.read(f),
                              body: file.body, leicht: nil, location: file.location)
        webPage.sozialraeume = f.areaReferences()
        return titel == nil ? nil : webPage
    }

    package static func loadLeicht(_ relative: String, in folder: ContentFolder) -> LeichteFassung? {
        guard let file = MarkdownFile(relative, in: folder, known: leichtKeys, what: "Leichte-Sprache-Fassung"),
              let titel = file.fields.leicht("titel", required: true) else { return nil }
        return LeichteFassung(titel: titel, beschreibung: file.fields.leicht("beschreibung"),
                              body: file.body, location: file.location)
    }
}
