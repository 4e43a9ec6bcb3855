import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// One file of the output, below the output folder.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case daten(Data)
        /// A file copied as it is from this path (attachments, theme assets from disk).
        case kopie(String)
        /// Already written while rendering; only its path is kept.
        case geschrieben
        /// Left as the last build wrote it (its inputs are unchanged).
        case behalten
    }

    public var pfad: String
    public var inhalt: Content

    public init(pfad: String, inhalt: Content) {
        self.pfad = pfad
        self.inhalt = inhalt
    }

    var groesse: Int? {
        if case let .daten(d) = inhalt { return d.count }
        return nil
    }

    public static func text(_ pfad: String, _ text: String) -> OutputFile {
        OutputFile(pfad: pfad, inhalt: .daten(Data(text.utf8)))
    }
}
