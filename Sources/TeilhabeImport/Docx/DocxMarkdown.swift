import TeilhabeSupport

/// Writing what was read as Markdown: inline formatting, escapes, lists, GFM tables.
enum DocxMarkdown {
    // MARK: inline

    static func inline(_ pieces: [InlinePiece], inTable: Bool) -> String {
        var out = "", i = 0
        while i < pieces.count {
            let link = pieces[i].link
            var j = i
            while j < pieces.count, pieces[j].link == link { j += 1 }
            let inner = styled(pieces[i..<j], inTable: inTable)
            if let link, !inner.trimmed().isEmpty {
                let (lead, core, trail) = splitSpace(inner)
                out += lead + "[\(core)](\(destination(link)))" + trail
            } else {
                out += inner
            }
            i = j
        }
        return out.trimmed()
    }

    /// Runs of one formatting merged, spaces kept outside the markers (`** a**` is no emphasis).
    private static func styled(_ pieces: ArraySlice<InlinePiece>, inTable: Bool) -> String {
        var merged: [InlinePiece] = []
        for piece in pieces {
            if piece.kind == .text, let last = merged.last, last.kind == .text, last.bold == piece.bold, last.italic == piece.italic {
                merged[merged.count - 1].text += piece.text
            } else {
                merged.append(piece)
            }
        }
        var out = ""
        for piece in merged {
            switch piece.kind {
            case .markdown: out += piece.text
            case .lineBreak: out += inTable ? " " : "\\\n"
            case .text:
                let (lead, core, trail) = splitSpace(escape(collapse(piece.text), inTable: inTable))
                let marker = piece.bold && piece.italic ? "***" : piece.bold ? "**" : piece.italic ? "*" : ""
                out += core.isEmpty ? lead + trail : lead + marker + core + marker + trail
            }
        }
        return out
    }

    static func plain(_ pieces: [InlinePiece]) -> String {
        pieces.map { $0.kind == .markdown ? "" : $0.text }.joined()
    }

    /// Markdown's punctuation escaped; `|` in table cells only.
    static func escape(_ text: String, inTable: Bool) -> String {
        var out = ""
        for ch in text {
            if "\\*_`[]<".contains(ch) || (inTable && ch == "|") { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// A paragraph that would start a heading, quote or list is escaped so it stays a paragraph.
    static func guardBlockStart(_ markdown: String) -> String {
        guard let first = markdown.first else { return markdown }
        if "#>=+-".contains(first) { return "\\" + markdown }
        let digits = markdown.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let after = markdown.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + markdown.dropFirst(digits.count)
        }
        return markdown
    }

    /// Runs of spaces and tabs as one space: Word keeps them for layout, Markdown would keep them as text.
    static func collapse(_ text: String) -> String {
        var out = "", space = false
        for ch in text {
            if ch == " " || ch == "\t" {
                if !space { out.append(" ") }
                space = true
            } else {
                out.append(ch)
                space = false
            }
        }
        return out
    }

    /// All whitespace (line breaks too) as single spaces, trimmed; a no-break space stays what it is.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace && $0 != "\u{00A0}" }).joined(separator: " ")
    }

    private static func splitSpace(_ text: String) -> (String, String, String) {
        let core = text.trimmingCharacters(in: [" "])
        guard !core.isEmpty else { return (text, "", "") }
        let lead = String(text.prefix { $0 == " " }), trail = String(text.reversed().prefix { $0 == " " })
        return (lead, core, trail)
    }

    /// Only web and mail links are taken over: `javascript:`, `file:` and the like never reach a page.
    static func isSafeLink(_ url: String) -> Bool {
        let lowered = url.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:")
    }

    private static func destination(_ url: String) -> String {
        url.contains(where: { " ()<>".contains($0) }) ? "<" + url.replacingOccurrences(of: ">", with: "%3E")
            .replacingOccurrences(of: "<", with: "%3C") + ">" : url
    }

    // MARK: blocks

    static func text(_ blocks: [DocxBlock]) -> String {
        var out = "", previousWasItem = false
        var widths: [Int] = [], counters: [Int] = []
        var topOrdered: Bool?
        for block in blocks {
            var isItem = false, newList = false
            if case let .listItem(level, ordered, _) = block {
                isItem = true
                // A top-level item of the other kind starts a new list.
                if level == 0 { newList = topOrdered != nil && topOrdered != ordered; topOrdered = ordered }
            }
            if !out.isEmpty { out += isItem && previousWasItem && !newList ? "\n" : "\n\n" }
            if !isItem || newList { widths = []; counters = [] }
            if !isItem { topOrdered = nil }
            switch block {
            case let .title(text): out += "## " + escape(text, inTable: false)
            case let .heading(level, markdown): out += String(repeating: "#", count: min(level + 1, 6)) + " " + markdown
            case let .paragraph(markdown, _): out += markdown
            case let .listItem(level, ordered, markdown):
                out += listItem(level: level, ordered: ordered, markdown, widths: &widths, counters: &counters)
            case let .table(cells, _, alignments): out += table(cells, alignments: alignments)
            }
            previousWasItem = isItem
        }
        return out.isEmpty ? "" : out + "\n"
    }

    /// One list item, indented under its parent's marker; numbering counts per level.
    private static func listItem(level: Int, ordered: Bool, _ markdown: String, widths: inout [Int], counters: inout [Int]) -> String {
        while widths.count <= level { widths.append(2); counters.append(0) }
        widths.removeSubrange((level + 1)...)
        counters.removeSubrange((level + 1)...)
        counters[level] += 1
        let marker = ordered ? "\(counters[level]). " : "- "
        let indent = String(repeating: " ", count: widths[..<level].reduce(0, +))
        widths[level] = marker.count
        // A hard break inside an item continues on a line indented like its text.
        let body = markdown.replacingOccurrences(of: "\\\n", with: "\\\n" + indent + String(repeating: " ", count: marker.count))
        return indent + marker + body
    }

    /// A GFM table: the first row is the header row (GFM has no table without one).
    private static func table(_ cells: [[String]], alignments: [String]) -> String {
        let columns = max(cells.map(\.count).max() ?? 0, 1)
        let rows = cells.isEmpty ? [[""]] : cells
        func line(_ row: [String]) -> String {
            "| " + (row + Array(repeating: "", count: columns - row.count)).joined(separator: " | ") + " |"
        }
        let rule = (0..<columns).map { column in
            switch column < alignments.count ? alignments[column] : "" {
            case "r": " ---: |"
            case "c": " :---: |"
            default: " --- |"
            }
        }
        var lines = [line(rows[0]), "|" + rule.joined()]
        lines += rows.dropFirst().map(line)
        return lines.joined(separator: "\n")
    }
}
