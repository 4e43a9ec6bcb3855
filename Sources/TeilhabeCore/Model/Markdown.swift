import Foundation

/// A Markdown body with the place it starts at in its file, so that findings in it carry real lines.
public struct MarkdownQuelle: Sendable, Codable {
    public var text: String {
        get { koerper.text }
        set { koerper = Koerper(newValue) }
    }
    private var koerper: Koerper
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

    public init(text: String, file: String, pfad: String, firstLine: Int, kopf: Fingerabdruck) {
        koerper = Koerper(text)
        self.file = file
        self.pfad = pfad
        self.firstLine = firstLine
        self.kopf = kopf
        inhalt = .von(text)
    }
}

extension MarkdownQuelle: BinaerWert {
    init(binaer d: Binaer.Dekodierer) throws {
        koerper = Koerper(roh: try d.rohdaten())
        file = try d.text(); pfad = try d.text(); firstLine = try d.ganz()
        kopf = try Fingerabdruck(binaer: d); inhalt = try Fingerabdruck(binaer: d)
    }

    func binaer(_ p: Binaer.Puffer) {
        p.text(koerper.text); p.text(file); p.text(pfad); p.ganz(firstLine); kopf.binaer(p); inhalt.binaer(p)
    }
}

/// A body's text. Read from the cache it stays bytes until someone asks for it: a build after an
/// edit never looks at the text of the thousands of unchanged files, and making a String of each
/// would check all their UTF-8 (the cache's segments carry checksums, so the bytes are intact).
final class Koerper: @unchecked Sendable, Codable {
    private let lock = NSLock()
    private var fertig: String?
    private var roh: ArraySlice<UInt8>?

    init(_ text: String) { fertig = text }
    init(roh: ArraySlice<UInt8>) { self.roh = roh }

    var text: String {
        lock.lock(); defer { lock.unlock() }
        if let fertig { return fertig }
        let s = String(decoding: roh ?? [], as: UTF8.self)
        fertig = s
        roh = nil
        return s
    }

    init(from decoder: Decoder) throws { fertig = try decoder.singleValueContainer().decode(String.self) }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
