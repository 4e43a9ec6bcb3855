/// A Bericht (content/berichte/…) or a Page (content/seiten/…): titled Markdown with an optional twin.
public struct Textseite: Sendable, Codable {
    public enum Art: String, Sendable, CaseIterable, Codable {
        case bericht = "berichte", seite = "seiten"
    }

    public var art: Art
    /// Path below the art's folder without extension, e.g. `kooperation-essen` or `themen/wohnen`.
    public var slug: String
    public var titel: String
    public var datum: Tag?
    public var geaendert: Tag?
    public var beschreibung: String?
    public var status: Status
    public var anlagen: [Anlage]
    public var body: MarkdownQuelle
    public var leicht: LeichteFassung?
    public var location: SourceLocation

    public var pfad: String { "\(art.rawValue)/\(slug)" }
}

/// The Leichte-Sprache twin of a page (`<slug>.leicht.md`).
public struct LeichteFassung: Sendable, Codable {
    public var titel: String
    public var beschreibung: String?
    public var body: MarkdownQuelle
    public var location: SourceLocation
}
