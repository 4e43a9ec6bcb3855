import Foundation

/// A Markdown body with the place it starts at in its file, so that findings in it carry real lines.
public struct MarkdownQuelle: Sendable, Codable {
    public var text: String {
        get { koerper.text }
        set { koerper = LazyBody(newValue) }
    }
    private var koerper: LazyBody
    /// The file as reached from the working directory, for messages.
    public var file: String
    /// The file relative to the content folder (`vorlagen/x.md`), for resolving its links.
    public var pfad: String
    /// The file's line number of the body's first line.
    public var firstLine: Int
    /// The fingerprint of the file's path and front matter: all that pages other than the file's own
    /// show of it (lists, meetings, feeds, OParl). A change in the body alone leaves it as it was.
    public var kopf: Fingerprint
    /// The fingerprint of the body text, taken once when the file is parsed: what is worked out
    /// from the body alone (outlines) is cached under it without hashing the text on every build.
    public var inhalt: Fingerprint

    public init(text: String, file: String, pfad: String, firstLine: Int, kopf: Fingerprint) {
        koerper = LazyBody(text)
        self.file = file
        self.pfad = pfad
        self.firstLine = firstLine
        self.kopf = kopf
        inhalt = .von(text)
    }
}

extension MarkdownQuelle: BinaryValue {
    /// The body itself is not kept: a cached file is the file on disk (its status or bytes are
    /// unchanged, or the cache would not have been asked), so its body is read from there if needed.
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        file = try d.text(); pfad = try d.text(); firstLine = try d.ganz()
        kopf = try Fingerprint(binaer: d); inhalt = try Fingerprint(binaer: d)
        koerper = LazyBody(datei: file)
    }

    func binaer(_ p: BinaryCodec.Buffer) {
        p.text(file); p.text(pfad); p.ganz(firstLine); kopf.binaer(p); inhalt.binaer(p)
    }
}

/// A body's text. Of a file the cache knows, it is read from the file when someone asks for it: a
/// build after an edit never looks at the text of the thousands of unchanged files, and keeping
/// every body in the cache made its largest table the size of the content folder (12 MB read and
/// checked on every build of 2,000 papers). A file saved again while a build runs is read as it
/// is then; its changed status makes the next build take it up again.
final class LazyBody: @unchecked Sendable, Codable {
    private let lock = Lock()
    private var fertig: String?
    private var datei: String?

    init(_ text: String) { fertig = text }
    init(datei: String) { self.datei = datei }

    var text: String {
        lock.lock(); defer { lock.unlock() }
        if let fertig { return fertig }
        let s = datei.flatMap(PosixFile.bytes).flatMap(TextDecoding.utf8).flatMap(FrontMatter.init)?.body ?? ""
        fertig = s
        datei = nil
        return s
    }

    init(from decoder: Decoder) throws { fertig = try decoder.singleValueContainer().decode(String.self) }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
