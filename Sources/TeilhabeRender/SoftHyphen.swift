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
    /// It works on the page's UTF-8 bytes and turns only runs that may hold a long word into Characters:
    /// walking every heading by Characters was 7.5 % of a clean build's instructions (callgrind, 200 papers).
    static func headings(_ html: String) -> String {
        var source = html
        return source.withUTF8 { page in
            var out: [UInt8] = []
            out.reserveCapacity(page.count + 512)
            var copied = 0
            while let (open, closeTag) = nextHeading(in: page, from: copied) {
                guard let close = String.position(closeTag, in: page, from: open) else { break }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied..<open]))
                textOnly(UnsafeBufferPointer(rebasing: page[open..<close]), into: &out)
                out.append(contentsOf: closeTag)
                copied = close + closeTag.count
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: page[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
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

    /// The first of them at or after `start`: where its content starts and the tag that ends it.
    private static func nextHeading(in page: UnsafeBufferPointer<UInt8>, from start: Int) -> (open: Int, closeTag: [UInt8])? {
        var i = start
        while let lt = String.position(lessThan, in: page, from: i) {
            i = lt + 1
            // Every opener starts "<h", "<p" or "<t": most tags are ruled out by their second byte.
            guard i < page.count, secondBytes.contains(page[i]) else { continue }
            guard let opener = openers.first(where: { starts(page, at: lt, with: $0.tag) }) else { continue }
            guard let end = String.position(greaterThan, in: page, from: lt) else { return nil }
            return (end + 1, opener.close)
        }
        return nil
    }

    private static let secondBytes: Set<UInt8> = Set(openers.map { $0.tag[1] })
    private static let lessThan = Array("<".utf8), greaterThan = Array(">".utf8), codeTag = Array("<code".utf8)

    private static func starts(_ page: UnsafeBufferPointer<UInt8>, at i: Int, with day: [UInt8]) -> Bool {
        guard page.count - i >= day.count else { return false }
        for k in day.indices where page[i + k] != day[k] { return false }
        return true
    }

    /// A byte that may belong to a letter: an ASCII letter or any byte of a multi-byte character.
    private static func mayBeLetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The text between tags gets soft hyphens; tags and their attributes stay as they are, and so
    /// does code. A word of `minimumLength` letters lies in a run of at least as many such bytes, and
    /// runs end at ASCII non-letters, which end a word as Characters too: so only the long runs are
    /// handed to `text`, and the result equals `text` over the whole.
    private static func textOnly(_ s: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        if String.position(codeTag, in: s, from: 0) != nil { out.append(contentsOf: s); return }
        var i = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "<") {
                let end = String.position(greaterThan, in: s, from: i).map { $0 + 1 } ?? s.count
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<end]))
                i = end
            } else if mayBeLetter(s[i]) {
                var j = i + 1
                while j < s.count, mayBeLetter(s[j]) { j += 1 }
                let run = UnsafeBufferPointer(rebasing: s[i..<j])
                if run.count >= minimumLength { out.append(contentsOf: text(String(decoding: run, as: UTF8.self)).utf8) } else { out.append(contentsOf: run) }
                i = j
            } else {
                out.append(s[i]); i += 1
            }
        }
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

    /// The parts as Characters, made once (each word made them anew: 4 % of a clean build).
    private static let partLetters: [[Character]] = parts.map { Array($0) }

    /// Where the word may break: each end of a known part is a vote; of joints closer than a part
    /// ("Sitzung|s|kalender") the one with more votes wins ("Sitzungs|kalender").
    private static func joints(_ lower: [Character]) -> Set<Int> {
        var votes: [Int: Int] = [:]
        for p in partLetters where p.count <= lower.count {
            var i = 0
            while i + p.count <= lower.count {
                if lower[i] == p[0], lower[i..<(i + p.count)].elementsEqual(p) {
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
