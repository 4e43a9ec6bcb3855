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

    public var path: String
    public var contents: Content

    public init(path: String, contents: Content) {
        self.path = path
        self.contents = contents
    }

    var byteSize: Int? {
        if case let .payload(d) = contents { return d.count }
        return nil
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: .payload(Data(text.utf8)))
    }
}
