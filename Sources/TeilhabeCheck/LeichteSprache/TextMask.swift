import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// A body's lines as text to check: Markdown syntax (code, link targets, image paths, emphasis
/// markers, list and heading marks, table pipes, URLs, e-mail addresses, HTML comments) is blanked
/// out with spaces, so every character keeps its column and `match` can be cut from the original line.
struct TextLine {
    /// Line number in the file.
    var number: Int
    var original: [Character]
    var mask: [Character]
    /// The mask's characters by their first scalar (`Characters.werte`), made once for all rules.
    var valueList: [UInt32]
    /// Rules switched off for this line by `<!-- teilhabe erlaubt LS07 -->` (empty set with `alle`).
    var permitted: Set<String>
    var allAllowed: Bool
    var isHeading: Bool

    var text: String { String(mask) }

    func excerpt(_ textRange: Range<Int>) -> String { String(original[textRange]) }
}

enum TextMask {

    // Regex literals are parsed each time the expression runs: these are built once.
    // SharedRegex: a Regex is not Sendable; the wrapper says why sharing these is safe.
    static let ruleIdOrSlug = SharedRegex(#/ls\d\d|[a-z0-9]+-[a-z0-9-]+/#)
    static let inlineCode = SharedRegex(#/`[^`]*`/#)
    static let angleBracketLink = SharedRegex(#/<(https?://|mailto:)[^>\s]*>/#)
    static let markdownLinkOrImage = SharedRegex(#/!?\[([^\]]*)\](\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])/#)
    static let bareURL = SharedRegex(#/(?:https?://|www\.)[^\s)>\]]*[^\s)>\].,;:!?]/#)
    static let emailAddress = SharedRegex(#/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/#)
    static let strikethroughMarker = SharedRegex(#/~~/#)
    static func lines(_ source: MarkdownSource) -> [TextLine] {
        lines(source.text, firstTextLine: source.firstLine)
    }

    static func lines(_ text: String, firstTextLine: Int) -> [TextLine] {
        var resultValue: [TextLine] = []
        var fence: String?
        var pending: (Set<String>, Bool)?
        for (index, sourceLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let original = Array(sourceLine)
            let trimmed = sourceLine.trimmed()
            if let isOpen = fence {
                if trimmed.hasPrefix(isOpen) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                continue
            }
            var mask = original
            var (permitted, allItems) = comments(&mask)
            if let (e, a) = pending { permitted.formUnion(e); allItems = allItems || a; pending = nil }
            if mask.allSatisfy({ $0 == " " }), !permitted.isEmpty || allItems {
                pending = (permitted, allItems)   // a comment on a line of its own applies to the next line
                continue
            }
            if isTableSeparator(trimmed) { continue }
            let heading = blockCharacters(&mask)
            inline(&mask)
            resultValue.append(TextLine(number: firstTextLine + index, original: original, mask: mask, valueList: Characters.valueList(mask),
                                      permitted: permitted, allAllowed: allItems, isHeading: heading))
        }
        return resultValue
    }

    /// Blanks `<!-- … -->` and reads `teilhabe erlaubt LS07 LS20` directives from them.
    private static func comments(_ z: inout [Character]) -> (Set<String>, Bool) {
        var permitted = Set<String>(), allItems = false
        var i = 0
        while i + 3 < z.count {
            guard z[i] == "<", z[i + 1] == "!", z[i + 2] == "-", z[i + 3] == "-" else { i += 1; continue }
            var end = i + 4
            while end + 2 < z.count, !(z[end] == "-" && z[end + 1] == "-" && z[end + 2] == ">") { end += 1 }
            end = min(end + 3, z.count)
            let contents = String(z[i..<end]).lowercased()
            if contents.contains("teilhabe erlaubt") {
                let ids = contents.matches(of: TextMask.ruleIdOrSlug).map { String($0.0).uppercased() }
                    .filter { $0.hasPrefix("LS") || $0.contains("-") }
                if ids.isEmpty { allItems = true } else { permitted.formUnion(ids) }
            }
            for k in i..<end { z[k] = " " }
            i = end
        }
        return (permitted, allItems)
    }

    private static func isTableSeparator(_ sourceLine: String) -> Bool {
        !sourceLine.isEmpty && sourceLine.utf8.contains(0x2D) && sourceLine.allSatisfy { "|-: ".contains($0) }
    }

    /// Heading marks, quote marks, list markers and table pipes at line level. Returns whether it is a heading.
    private static func blockCharacters(_ z: inout [Character]) -> Bool {
        var i = 0
        while i < z.count, z[i] == " " { i += 1 }
        var heading = false
        if i < z.count, z[i] == "#" {
            var j = i
            while j < z.count, z[j] == "#" { j += 1 }
            if j == z.count || z[j] == " " {
                heading = true
                for k in i..<j { z[k] = " " }
                // closing #s
                var e = z.count - 1
                while e > j, z[e] == " " { e -= 1 }
                while e > j, z[e] == "#" { z[e] = " "; e -= 1 }
            }
        }
        while i < z.count, z[i] == ">" { z[i] = " "; i += 1; while i < z.count, z[i] == " " { i += 1 } }
        if i + 1 < z.count, "-*+".contains(z[i]), z[i + 1] == " " { z[i] = " " }
        var j = i
        while j < z.count, z[j].isNumber { j += 1 }
        if j > i, j + 1 < z.count, z[j] == "." || z[j] == ")", z[j + 1] == " " { for k in i...j { z[k] = " " } }
        if z.contains("|") { for k in z.indices where z[k] == "|" && (k == 0 || z[k - 1] != "\\") { z[k] = " " } }
        return heading
    }

    /// Inline syntax: code spans, autolinks, links and images (their text stays, targets go), bare URLs
    /// and e-mail addresses, emphasis markers, escapes.
    private static func inline(_ z: inout [Character]) {
        // Each pattern needs a character most lines lack: test for it before running the pattern.
        // (Compared as ASCII values: a Character comparison costs a string comparison.)
        var present = Set<Character>()
        for c in z { if let a = c.asciiValue, TextMask.trigger.contains(a) { present.insert(c) } }
        if present.contains("`") { clear(&z, pattern: TextMask.inlineCode) }
        if present.contains("<") { clear(&z, pattern: TextMask.angleBracketLink) }
        let text = present.contains("[") && present.contains("]") ? String(z) : ""
        // Targets may hold one level of parentheses: [Text](bericht_(neu).md)
        for link in text.matches(of: TextMask.markdownLinkOrImage) {
            let start = text.distance(from: text.startIndex, to: link.range.lowerBound)
            let textStart = text.distance(from: text.startIndex, to: link.output.1.startIndex)
            let textEnde = text.distance(from: text.startIndex, to: link.output.1.endIndex)
            let end = start + text[link.range].count
            for k in start..<textStart { z[k] = " " }
            for k in textEnde..<end { z[k] = " " }
        }
        // A URL ends before trailing punctuation, which belongs to the sentence.
        let www = z.count > 3
            && (0..<(z.count - 3)).contains {
                z[$0].asciiValue == 0x77 && z[$0 + 1].asciiValue == 0x77 && z[$0 + 2].asciiValue == 0x77
                    && z[$0 + 3].asciiValue == 0x2E
            }
        if present.contains("/") || www { clear(&z, pattern: TextMask.bareURL) }
        if present.contains("@") { clear(&z, pattern: TextMask.emailAddress) }
        // Emphasis and strikethrough markers: pairs at word edges (not the gender star inside "Bürger*innen",
        // not a lone "*" or "~", which are text).
        for characters in ["*", "_"] as [Character] where present.contains(characters) {
            let candidates = z.indices.filter { k in
                guard z[k] == characters else { return false }
                let before = k > 0 ? z[k - 1] : " ", after = k + 1 < z.count ? z[k + 1] : " "
                return !((before.isLetter || before.isNumber) && (after.isLetter || after.isNumber))
            }
            // "**x**" counts as one marker on each side.
            var groups: [[Int]] = []
            for k in candidates {
                if let last = groups.last?.last, last == k - 1 { groups[groups.count - 1].append(k) } else { groups.append([k]) }
            }
            let pairs = groups.count - groups.count % 2
            for groupName in groups.prefix(pairs) { for k in groupName { z[k] = " " } }
        }
        if present.contains("~") { clear(&z, pattern: TextMask.strikethroughMarker) }
        if present.contains("\\") { for k in z.indices where z[k] == "\\" { z[k] = " " } }
    }

    /// The characters an inline pattern needs, as ASCII values.
    private static let trigger = Set("`<[]/@~*_\\".utf8)

    private static func clear(_ z: inout [Character], pattern: some RegexComponent) {
        let text = String(z)
        var offsets: [Range<Int>] = []
        for hits in text.matches(of: pattern) {
            let start = text.distance(from: text.startIndex, to: hits.range.lowerBound)
            let length = text[hits.range].count
            offsets.append(start..<(start + length))
        }
        for textRange in offsets {
            for k in textRange { z[k] = " " }
        }
    }
}
