import Foundation
import Synchronization

public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Where something stands in a source file; `file` is the path as reached from the working directory.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// One finding of a run: an error that stops the build, or a warning that does not.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var location: SourceLocation
    public var severity: Severity
    public var rule: String
    /// The text in both languages; the language is chosen where it is printed.
    public var text: Message
    public var match: String?
    public var suggestion: String?
    /// The source line, for showing the finding in context (text output, HTML report).
    public var sourceLine: String?
    public var length: Int?
    /// Characters before the line's text in the file (YAML values start after their key).
    public var columnOffset = 0

    public init(_ severity: Severity, _ rule: String, _ text: Message, at location: SourceLocation,
                match: String? = nil, suggestion: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.text = text
        self.location = location
        self.match = match
        self.suggestion = suggestion
    }

    /// The German text (the default language), for code that reads one language.
    public var message: String { text.de }

    /// `path:line:column: error: message`, or `path: error: message` where no line applies.
    /// The `error`/`warning` token stays English in both languages: editors parse it.
    public func formatted(_ language: Language) -> String {
        var head = location.file
        if let line = location.line {
            head += ":\(line):\(location.column ?? 1)"
        }
        return "\(head): \(severity.rawValue): \(text.text(language))"
    }

    /// The German form of `formatted(_:)`.
    public var formatted: String { formatted(.de) }
}

/// Collects the findings of one run. A class with a lock, so that stages running
/// pages in parallel can report into one place.
public final class DiagnosticLog: Sendable {
    private let items = Mutex<[Diagnostic]>([])

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        items.withLock { $0.append(diagnostic) }
    }

    /// Only catalogue messages (Messages/): an inline string cannot be passed.
    public func error(_ rule: String, _ message: Message, at location: SourceLocation, suggestion: String? = nil) {
        report(Diagnostic(.error, rule, message, at: location, suggestion: suggestion))
    }

    public func warning(_ rule: String, _ message: Message, at location: SourceLocation) {
        report(Diagnostic(.warning, rule, message, at: location))
    }

    /// All findings in a stable order: by file, line, column, then message.
    public var all: [Diagnostic] {
        items.withLock { $0 }.sorted { a, b in
            (a.location.file, a.location.line ?? 0, a.location.column ?? 0, a.message)
                < (b.location.file, b.location.line ?? 0, b.location.column ?? 0, b.message)
        }
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.filter { $0.severity == .error }.count }
    public var warningCount: Int { all.filter { $0.severity == .warning }.count }
}
