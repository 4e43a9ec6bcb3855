import Foundation
import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// Parses YAML text into a node tree that keeps line and column marks.
/// `lineOffset` maps the YAML's lines to the file's (front matter starts on line 2).
enum YAMLFile {
    /// A parsed document, a text without one (empty or comments only), or an error (logged).
    enum Parsed {
        case node(Node)
        case empty
        case failed

        var node: Node? {
            if case let .node(node) = self { return node }
            return nil
        }
    }

    static func parse(_ text: String, file: String, lineOffset: Int = 0, log: DiagnosticLog) -> Parsed {
        do {
            // Fields reads every scalar as text, so no tags are resolved (.default runs regexes on each
            // scalar); the encoding is named because `.default` reads the environment on every call.
            guard let node = try compose(text) else { return .empty }
            return .node(node)
        } catch let error as YamlError {
            log.report(diagnostic(for: error, text: text, file: file, lineOffset: lineOffset))
        } catch {
            log.error("YAML", .yamlUnreadable("\(error)"), at: SourceLocation(file: file))
        }
        return .failed
    }

    private static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic, .default, .utf8)
    }

    private static func diagnostic(for error: YamlError, text: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            let (line, column) = insideText(mark.line, mark.column, text)
            return SourceLocation(file: file, line: line + lineOffset, column: column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            guard let hint = YAMLHints.hint(problem: problem, line: mark.line, column: mark.column, contextLine: context?.mark.line, text: text)
            else { return Diagnostic(.error, "YAML", .yamlSyntax(detail), at: at(mark)) }
            // The hint says what to change, at the line where the mistake stands.
            var place = at(mark)
            if let line = hint.line { place.line = line + lineOffset; place.column = hint.column ?? 1 }
            return Diagnostic(.error, "YAML", .yamlSyntax(detail, hint: hint.message), at: place)
        case let .duplicatedKeysInMapping(duplicates, context):
            let name = duplicates.first ?? ""
            let (line, column) = secondOccurrence(of: name, first: context.mark, in: text)
                ?? (context.mark.line, context.mark.column)
            return Diagnostic(.error, "YAML", .yamlDuplicateKey(name, firstLine: context.mark.line + lineOffset),
                              at: SourceLocation(file: file, line: line + lineOffset, column: column))
        case let .reader(problem, offset, value, _):
            return readerDiagnostic(problem, offset: offset, value: value, text: text, file: file, lineOffset: lineOffset)
        default:
            return Diagnostic(.error, "YAML", .yamlUnreadable(nil), at: SourceLocation(file: file))
        }
    }

    /// libyaml reports a mistake found at the end of the input on the line after the last one: it
    /// is shown at the end of the last line that holds anything, where the editor can see it.
    static func insideText(_ line: Int, _ column: Int, _ text: String) -> (Int, Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line > lines.count || (line == lines.count && lines.last?.isEmpty == true) else { return (line, column) }
        guard let last = lines.lastIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return (1, 1) }
        return (last + 1, lines[last].count + 1)
    }

    /// The reader's offset counts characters from the start of the YAML text (Yams converts libyaml's
    /// bytes): turned into the file's line and column, so that the place is the file's, not the front matter's.
    private static func readerDiagnostic(_ problem: String, offset: Int?, value: Int32, text: String, file: String,
                                         lineOffset: Int) -> Diagnostic {
        var place = SourceLocation(file: file)
        if let offset, offset <= text.count {
            var line = 1, column = 1
            for character in text.prefix(offset) {
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            place.line = line + lineOffset
            place.column = column
        }
        if problem.contains("control characters"), value >= 0 {
            let hex = String(value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return Diagnostic(.error, "YAML", .yamlControlCharacter(code),
                              at: place)
        }
        return Diagnostic(.error, "YAML", .yamlUnreadable(problem), at: place)
    }

    /// Where a duplicated key stands the second time. Yams names the first place only: the first key
    /// is renamed and the text parsed again, and the key of that name in the same mapping is the second.
    private static func secondOccurrence(of name: String, first: Mark, in text: String) -> (line: Int, column: Int)? {
        let marker = "teilhabe-erster-"
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        var scalars = Array(lines[first.line - 1].unicodeScalars)
        guard first.column >= 1, first.column <= scalars.count + 1 else { return nil }
        scalars.insert(contentsOf: marker.unicodeScalars, at: first.column - 1)
        lines[first.line - 1] = String(String.UnicodeScalarView(scalars))
        guard let root = try? compose(lines.joined(separator: "\n")), let mapping = mapping(holding: marker, in: root),
              let second = mapping.keys.first(where: { $0.string == name })?.mark else { return nil }
        let shift = second.line == first.line ? marker.unicodeScalars.count : 0
        return (second.line, second.column - shift)
    }

    /// The mapping (anywhere in the tree) that has a key starting with `marker`.
    private static func mapping(holding marker: String, in node: Node) -> Node.Mapping? {
        if let mapping = node.mapping {
            if mapping.keys.contains(where: { $0.string?.hasPrefix(marker) == true }) { return mapping }
            for (key, value) in mapping {
                if let found = self.mapping(holding: marker, in: key) ?? self.mapping(holding: marker, in: value) {
                    return found
                }
            }
        }
        for item in node.sequence ?? [] {
            if let found = mapping(holding: marker, in: item) { return found }
        }
        return nil
    }
}
