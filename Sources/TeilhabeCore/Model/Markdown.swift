/// A Markdown body with the place it starts at in its file, so that findings in it carry real lines.
public struct MarkdownQuelle: Sendable, Codable {
    public var text: String
    /// The file as reached from the working directory, for messages.
    public var file: String
    /// The file relative to the content folder (`vorlagen/x.md`), for resolving its links.
    public var pfad: String
    /// The file's line number of the body's first line.
    public var firstLine: Int
    /// The fingerprint of the file's path and front matter: all that pages other than the file's own
    /// show of it (lists, meetings, feeds, OParl). A change in the body alone leaves it as it was.
    public var kopf: Fingerabdruck
    /// The fingerprint of the body text, taken once when the file is parsed: what is worked out
    /// from the body alone (outlines) is cached under it without hashing the text on every build.
    public var inhalt: Fingerabdruck

    public init(text: String, file: String, pfad: String, firstLine: Int, kopf: Fingerabdruck? = nil) {
        self.text = text
        self.file = file
        self.pfad = pfad
        self.firstLine = firstLine
        self.kopf = kopf ?? .von(file + "\n" + text)
        inhalt = .von(text)
    }
}
