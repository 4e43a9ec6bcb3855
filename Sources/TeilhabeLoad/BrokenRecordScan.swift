import Foundation
import TeilhabeSupport
import TeilhabeModel

/// What a file that cannot be parsed as YAML still tells: the values of one key, read line by line.
/// Enough to know which paper number or meeting id the broken file holds, so that references to it
/// are not reported as dangling as well.
enum BrokenRecordScan {
    /// Values of `key:` at the start of a line (after indentation and a list dash), quotes removed.
    /// A Markdown file is read up to the end of its front matter only.
    static func values(of key: String, in text: String) -> [String] {
        var values: [String] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if n > 0, trimmed == "---" || trimmed == "..." { break }
            var rest = Substring(trimmed)
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop(while: { $0 == " " }) }
            guard rest.hasPrefix(key + ":") else { continue }
            let value = withoutComment(rest.dropFirst(key.count + 1)).trimmingCharacters(in: .whitespaces)
            let unquoted = value.count >= 2 && (value.first == "\"" || value.first == "'") && value.last == value.first
                ? String(value.dropFirst().dropLast()) : value
            if !unquoted.isEmpty { values.append(unquoted) }
        }
        return values
    }

    /// A value without a trailing ` # comment` (a `#` inside quotes stays).
    private static func withoutComment(_ value: Substring) -> Substring {
        var quote: Character?
        var previous: Character = " "
        for index in value.indices {
            let c = value[index]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "#", previous == " " {
                return value[..<index]
            }
            previous = c
        }
        return value
    }

    /// The file's text without logging anything: its error was reported when it was read the first time.
    static func rawText(_ relative: String, in folder: ContentFolder) -> String? {
        guard let data = try? folder.io.read(folder.display(relative)) else { return nil }
        return TextDecoding.utf8(Array(data))
    }
}
