import TeilhabeSupport
/// An attachment named in a paper's front matter; `datei` is relative to the content folder.
public struct Anlage: Sendable, Codable {
    public var titel: String
    public var filePath: String
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(titel: String, filePath: String, location: SourceLocation) {
        self.titel = titel
        self.filePath = filePath
        self.location = location
    }
}
