import Foundation

/// The JSON form of findings for `check --format json`: one array of
/// `{"file","line","column","rule","severity","message","match","suggestion"}`.
public enum Finding {
    package struct Entry: Encodable {
        package var file: String
        package var line: Int?
        package var column: Int?
        package var rule: String
        package var severity: String
        package var message: String
        package var match: String?
        package var suggestion: String?

        package func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
            try c.encode(rule, forKey: .rule)
            try c.encode(severity, forKey: .severity)
            try c.encode(message, forKey: .message)
            try c.encode(match, forKey: .match)
            try c.encode(suggestion, forKey: .suggestion)
        }

        package enum CodingKeys: String, CodingKey { case file, line, column, rule, severity, message, match, suggestion }
    }

    /// `severity` stays `error`/`warning` in both languages (tools read it); `message` is in `language`.
    public static func json(_ diagnostics: [Diagnostic], language: Language = .de) -> String {
        let entries = Finding.entries(diagnostics, language: language)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(entries)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}

extension Finding {
    /// The findings as JSON entries, for documents that hold them beside other figures (`check --lesbarkeit`).
    package static func entries(_ diagnostics: [Diagnostic], language: Language) -> [Entry] {
        diagnostics.map {
            Entry(file: $0.location.file, line: $0.location.line, column: $0.location.column, rule: $0.rule,
                  severity: $0.severity.rawValue, message: $0.text.text(language), match: $0.match, suggestion: $0.suggestion)
        }
    }

    /// Like a compiler: the location line, the source line, a caret under the match, the suggestion.
    public static func text(_ diagnostics: [Diagnostic], language: Language = .de) -> String {
        let label = Message.suggestionLabel.text(language)
        var out = ""
        for d in diagnostics {
            let ruleId = d.rule.hasPrefix("LS") || d.match != nil ? "[\(d.rule)] " : ""
            var head = d.location.file
            if let line = d.location.line { head += ":\(line):\(d.location.column ?? 1)" }
            out += "\(head): \(d.severity.rawValue): \(ruleId)\(d.text.text(language))\n"
            if let sourceLine = d.sourceLine, let line = d.location.line {
                let number = String(line)
                let padding = String(repeating: " ", count: number.count)
                let columnIndex = max(0, (d.location.column ?? 1) - 1 - d.columnOffset)
                let indentation = String(sourceLine.prefix(columnIndex).map { $0 == "\t" ? "\t" : " " })
                out += " \(number) | \(sourceLine)\n \(padding) | \(indentation)^\(String(repeating: "~", count: max(0, (d.length ?? 1) - 1)))\n"
                if let suggested = d.suggestion { out += " \(padding) = \(label): \(suggested)\n" }
            } else if let suggested = d.suggestion {
                out += "    \(label): \(suggested)\n"
            }
        }
        return out
    }

    /// One line for build summaries: counts of errors and warnings, in both languages.
    public static func summary(_ diagnostics: [Diagnostic]) -> Message {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warningCount = diagnostics.filter { $0.severity == .warning }.count
        let fileList = Set(diagnostics.map(\.location.file)).count
        return .findingsSummary(errors: errors, warnings: warningCount, files: fileList)
    }
}
