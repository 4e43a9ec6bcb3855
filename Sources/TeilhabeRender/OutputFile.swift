import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// One file of the output, below the output folder.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case payload(Data)
        /// A file copied as it is from this path (attachments, theme assets from disk).
        case copy(String)
        /// Already written while rendering; only its path is kept.
        case written
        /// Left as the last build wrote it (its inputs are unchanged).
        case keep
    }

    public var pfad: String
    public var inhalt: Content

    public init(pfad: String, inhalt: Content) {
        self.pfad = pfad
        self.inhalt = inhalt
    }

    var byteSize: Int? {
        if case let .payload(d) = inhalt { return d.count }
        return nil
    }

    public static func text(_ pfad: String, _ text: String) -> OutputFile {
        OutputFile(pfad: pfad, inhalt: .payload(Data(text.utf8)))
    }
}
