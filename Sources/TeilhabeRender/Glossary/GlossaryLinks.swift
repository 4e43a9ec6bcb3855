import TeilhabeSupport
import TeilhabeModel
/// On an easy page, the first use of each glossary word links to its entry in the Wörterbuch. Only
/// running text: never inside headings, links, code, menus, captions or SVG; whole words only, with
/// splitting marks and the case of the first letter ignored (`Glossary.comparable`).
struct GlossaryLinks: Sendable {
    /// Phrases by their first word (comparable form): the remaining words and the entry, longest first.
    private let phrases: [String: [(rest: [String], entry: GlossarEntry)]]

    init(_ entries: [GlossarEntry]) {
        var phrases: [String: [(rest: [String], entry: GlossarEntry)]] = [:]
        for (form, entry) in Glossary.index(entries) {
            let words = form.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            phrases[first, default: []].append((Array(words.dropFirst()), entry))
        }
        self.phrases = phrases.mapValues { list in
            list.sorted { ($0.rest.count, $0.rest.joined(separator: " ")) > ($1.rest.count, $1.rest.joined(separator: " ")) }
        }
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// Elements whose text is never linked.
    static let skipped: Set<String> = ["a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "samp", "script", "style",
                                       "svg", "title", "button", "textarea", "select", "label", "nav", "figcaption", "summary"]

    /// The page body with the links; `href` gives the link to an entry.
    func apply(_ html: String, href: (GlossarEntry) -> String) -> String {
        guard !isEmpty else { return html }
        var out = "", linked: Set<String> = [], open: [String: Int] = [:], depth = 0
        var i = html.startIndex
        while i < html.endIndex {
            if html[i] == "<" {
                let end = tagEnd(html, from: i)
                let day = html[i..<end]
                out += day
                if let (name, closing) = Self.tagName(day), Self.skipped.contains(name), !day.hasSuffix("/>") {
                    let before = open[name, default: 0]
                    open[name] = max(0, before + (closing ? -1 : 1))
                    depth += open[name]! - before
                }
                i = end
            } else {
                let end = html[i...].firstIndex(of: "<") ?? html.endIndex
                out += depth > 0 ? String(html[i..<end]) : link(html[i..<end], linked: &linked, href: href)
                i = end
            }
        }
        return out
    }

    /// Where a tag (or comment) starting at `start` ends, just after its `>`.
    private func tagEnd(_ html: String, from start: String.Index) -> String.Index {
        if html[start...].hasPrefix("<!--"), let close = html[start...].range(of: "-->") { return close.upperBound }
        guard let close = html[start...].firstIndex(of: ">") else { return html.endIndex }
        return html.index(after: close)
    }

    /// `<h2 id="x">` → ("h2", false); `</a>` → ("a", true); nil for comments and doctype.
    static func tagName(_ day: Substring) -> (String, Bool)? {
        var rest = day.dropFirst()
        let closing = rest.first == "/"
        if closing { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isLetter || $0.isNumber }
        return name.isEmpty ? nil : (name.lowercased(), closing)
    }

    /// One text node with its first uses linked.
    private func link(_ text: Substring, linked: inout Set<String>, href: (GlossarEntry) -> String) -> String {
        let words = Self.words(text)
        var out = "", copied = text.startIndex, n = 0
        while n < words.count {
            guard let (entry, last) = match(words, at: n, in: text), !linked.contains(entry.wort) else { n += 1; continue }
            linked.insert(entry.wort)
            out += text[copied..<words[n].lowerBound]
            out += "<a class=\"glossar-wort\" href=\"\(href(entry))\">\(text[words[n].lowerBound..<words[last].upperBound])</a>"
            copied = words[last].upperBound
            n = last + 1
        }
        return out + text[copied...]
    }

    /// The longest phrase starting at word `n` (its words apart by spaces only) and the index of its last word.
    private func match(_ words: [Range<String.Index>], at n: Int, in text: Substring) -> (GlossarEntry, Int)? {
        guard let candidates = phrases[Glossary.comparable(String(text[words[n]]))] else { return nil }
        for (rest, entry) in candidates {
            guard n + rest.count < words.count else { continue }
            let fits = rest.enumerated().allSatisfy { k, word in
                let gap = text[words[n + k].upperBound..<words[n + k + 1].lowerBound]
                return !gap.isEmpty && gap.allSatisfy { $0 == " " || $0 == "\n" } && Glossary.comparable(String(text[words[n + k + 1]])) == word
            }
            if fits { return (entry, n + rest.count) }
        }
        return nil
    }

    /// The words of a text node: letters and digits with the splitting marks inside them; entities
    /// (`&amp;`) are no words.
    static func words(_ text: Substring) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = [], start: String.Index?, i = text.startIndex
        func close(_ end: String.Index) {
            guard var s = start else { return }
            var e = end
            while e > s, ["-", "·", "\u{AD}"].contains(text[text.index(before: e)]) { e = text.index(before: e) }
            while s < e, ["-", "·", "\u{AD}"].contains(text[s]) { s = text.index(after: s) }
            if s < e { result.append(s..<e) }
            start = nil
        }
        while i < text.endIndex {
            let c = text[i]
            if c == "&", let semicolon = text[i...].prefix(12).firstIndex(of: ";") {
                close(i)
                i = text.index(after: semicolon)
                continue
            }
            if c.isLetter || c.isNumber || c == "-" || c == "·" || c == "\u{AD}" {
                if start == nil { start = i }
            } else {
                close(i)
            }
            i = text.index(after: i)
        }
        close(text.endIndex)
        return result
    }
}
