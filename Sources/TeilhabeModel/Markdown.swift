import Foundation
import Synchronization
import TeilhabeSupport

/// A Markdown body with the place it starts at in its file, so that findings in it carry real lines.
public struct MarkdownSource: Sendable, Codable {
    public var text: String {
        get { bodyText.text }
        set { bodyText = LazyBody(newValue) }
    }
    private var bodyText: LazyBody
    /// The file as reached from the working directory, for messages.
    public var file: String
    /// The file relative to the content folder (`vorlagen/x.md`), for resolving its links.
    public var pfad: String
    /// The file's line number of the body's first line.
    public var firstLine: Int
    /// The fingerprint of the file's path and front matter: all that pages other than the file's own
    /// show of it (lists, meetings, feeds, OParl). A change in the body alone leaves it as it was.
    public var head: Fingerprint
    /// The fingerprint of the body text, taken once when the file is parsed: what is worked out
    /// from the body alone (outlines) is cached under it without hashing the text on every build.
    public var bodyFingerprint: Fingerprint

    /// A body read later through `koerper` (as the cache's loader makes it).
    package init(bodyText: LazyBody, file: String, pfad: String, firstLine: Int, head: Fingerprint, bodyFingerprint: Fingerprint) {
        self.bodyText = bodyText
        self.file = file
        self.pfad = pfad
        self.firstLine = firstLine
        self.head = head
        self.bodyFingerprint = bodyFingerprint
    }

    package var lazyBody: LazyBody { bodyText }

    public init(text: String, file: String, pfad: String, firstLine: Int, head: Fingerprint) {
        bodyText = LazyBody(text)
        self.file = file
        self.pfad = pfad
        self.firstLine = firstLine
        self.head = head
        bodyFingerprint = .of(text)
    }
}

/// A body's text. Of a file the cache knows, it is read from the file when someone asks for it: a
/// build after an edit never looks at the text of the thousands of unchanged files, and keeping
/// every body in the cache made its largest table the size of the content folder (12 MB read and
/// checked on every build of 2,000 papers). A file saved again while a build runs is read as it
/// is then; its changed status makes the next build take it up again.
package final class LazyBody: Sendable, Codable {
    /// The text once read, or how to read it (the loader supplies that: the model does no I/O of its own).
    private enum State { case done(String), readFile(@Sendable () -> String) }

    private let state: Mutex<State>

    package init(_ text: String) { state = Mutex(.done(text)) }
    package init(readFile: @escaping @Sendable () -> String) { state = Mutex(.readFile(readFile)) }

    package var text: String {
        state.withLock { state in
            switch state {
            case let .done(text): return text
            case let .readFile(readFile):
                let text = readFile()
                state = .done(text)
                return text
            }
        }
    }

    package init(from decoder: Decoder) throws { state = Mutex(.done(try decoder.singleValueContainer().decode(String.self))) }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}
