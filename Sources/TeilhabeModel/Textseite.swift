import TeilhabeSupport
/// A Bericht (content/berichte/…) or a Page (content/seiten/…): titled Markdown with an optional twin.
public struct Textseite: Sendable, Codable {
    public enum Art: String, Sendable, CaseIterable, Codable {
        case bericht = "berichte", webPage = "seiten"
    }

    public var art: Art
    /// Path below the art's folder without extension, e.g. `kooperation-essen` or `themen/wohnen`.
    public var slug: String
    public var titel: String
    public var datum: CalendarDay?
    public var changed: CalendarDay?
    public var beschreibung: String?
    public var status: Status
    public var anlagen: [Anlage]
    public var body: MarkdownSource
    public var leicht: LeichteFassung?
    public var location: SourceLocation
    /// Areas the page is about (front matter `sozialraeume`), shown on their profiles.
    public var sozialraeume: [AreaReference] = []

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(art: Art, slug: String, titel: String, datum: CalendarDay? = nil, changed: CalendarDay? = nil, beschreibung: String? = nil, status: Status, anlagen: [Anlage], body: MarkdownSource, leicht: LeichteFassung? = nil, location: SourceLocation) {
        self.art = art
        self.slug = slug
        self.titel = titel
        self.datum = datum
        self.changed = changed
        self.beschreibung = beschreibung
        self.status = status
        self.anlagen = anlagen
        self.body = body
        self.leicht = leicht
        self.location = location
    }

    public var pfad: String { "\(art.rawValue)/\(slug)" }
}

/// The Leichte-Sprache twin of a page (`<slug>.leicht.md`).
public struct LeichteFassung: Sendable, Codable {
    public var titel: String
    public var beschreibung: String?
    public var body: MarkdownSource
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(titel: String, beschreibung: String? = nil, body: MarkdownSource, location: SourceLocation) {
        self.titel = titel
        self.beschreibung = beschreibung
        self.body = body
        self.location = location
    }
}
