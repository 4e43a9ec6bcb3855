import Foundation

/// The JSON form of findings for `check --format json`: one array of
/// `{"file","line","column","rule","severity","message","match","suggestion"}`.
public enum Befund {
    struct Eintrag: Encodable {
        var file: String
        var line: Int?
        var column: Int?
        var rule: String
        var severity: String
        var message: String
        var match: String?
        var suggestion: String?

        func encode(to encoder: Encoder) throws {
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

        enum CodingKeys: String, CodingKey { case file, line, column, rule, severity, message, match, suggestion }
    }

    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let eintraege = diagnostics.map {
            Eintrag(file: $0.location.file, line: $0.location.line, column: $0.location.column, rule: $0.rule,
                    severity: $0.severity.rawValue, message: $0.message, match: $0.match, suggestion: $0.suggestion)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(eintraege)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}
