/// An attachment named in a paper's front matter; `datei` is relative to the content folder.
public struct Anlage: Sendable, Codable {
    public var titel: String
    public var datei: String
    public var location: SourceLocation
}
