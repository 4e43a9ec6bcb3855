import Foundation
import TeilhabeSupport

/// Hints for the YAML mistakes editors make, read from the line where libyaml stopped: libyaml's own
/// words ("mapping values are not allowed in this context") do not say what to change.
enum YAMLHints {
    struct Hint {
        var message: Message
        /// The line (1-based, of the YAML text) the mistake stands on, where it is not libyaml's.
        var line: Int?
        var column: Int?
    }

    /// `line` and `column` are libyaml's (1-based), `contextLine` the line of what it was scanning when it stopped.
    static func hint(problem: String, line: Int, column: Int, contextLine: Int?, text: String) -> Hint? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let tab = tabIndented(lines, upTo: line) {
            return Hint(message: .yamlTabHint, line: tab, column: 1)
        }
        if problem.contains("mapping values are not allowed"), line >= 1, line <= lines.count,
           let (key, value) = keyAndValue(lines[line - 1]) {
            // At the line's first colon the key itself is misplaced; at a later one the value holds a colon.
            let firstColon = lines[line - 1].distance(from: lines[line - 1].startIndex,
                                                      to: lines[line - 1].firstIndex(of: ":")!) + 1
            return Hint(message: column > firstColon ? .yamlColonHint(key: key, value: value) : .yamlIndentHint(key: key))
        }
        if problem.contains("could not find expected ':'") {
            return multiline(lines, at: contextLine ?? line)
        }
        return nil
    }

    /// The first line up to the error's that is indented with a tab (libyaml stops at the tab or after it).
    private static func tabIndented(_ lines: [String], upTo line: Int) -> Int? {
        for n in 0..<min(line, lines.count) {
            let indentation = lines[n].prefix { $0 == " " || $0 == "\t" }
            if indentation.contains("\t"), lines[n].count > indentation.count { return n + 1 }
        }
        return nil
    }

    /// A line without a colon after a `key: value` line: a text continued without indentation.
    private static func multiline(_ lines: [String], at line: Int) -> Hint? {
        guard line >= 1, line <= lines.count else { return nil }
        let previous = lines[..<(line - 1)].last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        let column = (lines[line - 1].prefix { $0 == " " }.count) + 1
        guard let previous, let (key, _) = keyAndValue(previous) else {
            return Hint(message: .yamlLineWithoutKeyHint, line: line, column: column)
        }
        return Hint(message: .yamlMultilineHint(key: key), line: line, column: column)
    }

    /// `  - titel: Antrag: Mehr` → (`titel`, `Antrag: Mehr`).
    static func keyAndValue(_ line: String) -> (String, String)? {
        var rest = Substring(line.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        guard let colon = rest.range(of: ": ") else { return nil }
        let key = rest[..<colon.lowerBound]
        guard !key.isEmpty, !key.contains(" "), !key.contains("\"") else { return nil }
        return (String(key), rest[colon.upperBound...].trimmingCharacters(in: .whitespaces))
    }
}
