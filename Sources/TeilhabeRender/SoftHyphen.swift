import TeilhabeSupport
import TeilhabeModel

/// Soft hyphens (U+00AD) at the joints of long German compounds in headings, table titles and
/// header cells (the sticky first column of a table is as wide as its longest word)
/// ("Umsetzungs·stand", "Maßnahmen·programm"), so that a 320 px screen breaks them at a joint and
/// not after any letter, also in browsers without a German hyphenation dictionary (`hyphens: auto`
/// does the rest). Only text content: never attributes, URLs, `<title>` or the search index, and
/// never on Leichte Sprache pages, which do not hyphenate at all.
enum SoftHyphen {
    static let mark: Character = "\u{AD}"
    /// Shorter words fit a 320 px line even in a large heading.
    static let minimumLength = 12
    /// Neither part of a break shorter than this (no "Maß-nahmen" style breaks at word edges).
    static let minimumPart = 4

    /// Parts of compounds the tool writes and municipal titles often hold, lowercased, with their
    /// linking s or n. A break may fall before or after each occurrence.
    static let parts: [String] = [
        "maßnahmen", "umsetzungs", "handlungs", "barrierefreiheits", "barriere", "freiheits", "inklusions",
        "sitzungs", "beratungs", "beschluss", "teilhabe", "verwaltungs", "ausschuss", "gremien", "haushalts",
        "fortschreibungs", "indikatoren", "leistungs", "gesundheits", "arbeits", "wohnungs", "bildungs",
        "mobilitäts", "bevölkerungs", "einwohner", "behinderten", "menschen", "bürger", "förder",
        "programm", "erklärung", "kalender", "stand", "planung", "folge", "ordnung", "bericht", "vorlage",
        "sitzung", "termine", "übersicht", "beauftragte", "beirat", "konzept", "sozialraum", "konferenz",
        "befragung", "projekte",
    ]

    /// The HTML of a page body with soft hyphens in the text of its h1–h3, table titles and header cells.
    static func headings(_ html: String) -> String {
        var result = "", rest = html[...]
        while let start = nextHeading(in: rest) {
            result += rest[..<start.open]
            guard let close = rest[start.open...].byteRange(of: start.closeTag) else { break }
            result += textOnly(rest[start.open..<close.lowerBound])
            result += rest[close]
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// Text with soft hyphens in its long words (U+00AD needs no escaping in HTML).
    static func text(_ s: String) -> String {
        var result = "", word = ""
        for c in s {
            if c.isLetter { word.append(c); continue }
            result += hyphenate(word) + String(c)
            word = ""
        }
        return result + hyphenate(word)
    }

    /// The opening tags whose text gets soft hyphens, and the tag that ends each.
    private static let openers: [(tag: [UInt8], close: [UInt8])] = [
        ("<h1", "</h1>"), ("<h2", "</h2>"), ("<h3", "</h3>"), ("<p class=\"tabellen-titel\"", "</p>"), ("<th ", "</th>"), ("<th>", "</th>"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The first of them in `s`: where its content starts and the tag that ends it. One pass over
    /// the bytes, so that a page with a long table costs no more than its length.
    private static func nextHeading(in s: Substring) -> (open: String.Index, closeTag: [UInt8])? {
        let bytes = s.utf8
        var i = bytes.startIndex
        while let lt = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            if let opener = openers.first(where: { bytes[lt...].starts(with: $0.tag) }) {
                guard let end = bytes[lt...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                return (bytes.index(after: end), opener.close)
            }
            i = bytes.index(after: lt)
        }
        return nil
    }

    private static let codeTag = Array("<code".utf8)

    /// Whether a run of `minimumLength` letters may stand in `s`, by bytes (ASCII letters and any
    /// byte of a multi-byte character count): most header cells are short, and walking them by
    /// Characters was most of this pass's cost.
    private static func hasLongWord(_ s: Substring) -> Bool {
        var run = 0
        for byte in s.utf8 {
            let letter = byte >= 0x80 || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            run = letter ? run + 1 : 0
            if run >= minimumLength { return true }
        }
        return false
    }


    /// The text between tags gets soft hyphens; tags and their attributes stay as they are, and so
    /// does code.
    private static func textOnly(_ s: Substring) -> String {
        if !hasLongWord(s) || s.byteRange(of: codeTag) != nil { return String(s) }
        var result = "", text = "", inTag = false
        for c in s {
            if c == "<" { result += self.text(text); text = ""; inTag = true }
            if inTag { result.append(c) } else { text.append(c) }
            if c == ">" { inTag = false }
        }
        return result + self.text(text)
    }

    /// One word with a soft hyphen at each joint found; words with one already stay as they are.
    static func hyphenate(_ word: String) -> String {
        let letters = Array(word)
        guard letters.count >= minimumLength, !letters.contains(mark) else { return word }
        let usable = joints(letters.map { $0.lowercased().first ?? $0 })
        guard !usable.isEmpty else { return word }
        var result = ""
        for (i, c) in letters.enumerated() {
            if usable.contains(i) { result.append(mark) }
            result.append(c)
        }
        return result
    }

    /// Where the word may break: each end of a known part is a vote; of joints closer than a part
    /// ("Sitzung|s|kalender") the one with more votes wins ("Sitzungs|kalender").
    private static func joints(_ lower: [Character]) -> Set<Int> {
        var votes: [Int: Int] = [:]
        for part in parts {
            let p = Array(part)
            var i = 0
            while i + p.count <= lower.count {
                if lower[i..<(i + p.count)].elementsEqual(p) {
                    votes[i, default: 0] += 1
                    votes[i + p.count, default: 0] += 1
                }
                i += 1
            }
        }
        var chosen = Set<Int>()
        let candidates = votes.filter { $0.key >= minimumPart && lower.count - $0.key >= minimumPart }
        for (joint, _) in candidates.sorted(by: { ($0.value, $0.key) > ($1.value, $1.key) })
        where chosen.allSatisfy({ abs($0 - joint) >= minimumPart }) {
            chosen.insert(joint)
        }
        return chosen
    }
}
