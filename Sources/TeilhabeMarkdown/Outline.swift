import CCmarkGFM

/// What the check stage needs to know of a Markdown body: headings, links, raw HTML.
struct Outline: Codable {
    struct Heading: Codable {
        var level: Int
        var text: String
        var line: Int
        var column: Int
    }

    struct Link: Codable {
        var destination: String
        var text: String
        var isImage: Bool
        var line: Int
        var column: Int
    }

    struct Block: Codable {
        var info: String
        var inhalt: String
        /// Line of the opening fence.
        var line: Int
    }

    var headings: [Heading] = []
    var blocks: [Block] = []
    struct Tabelle: Codable {
        /// Header cells.
        var kopf: [String]
        var line: Int
    }

    var tabellen: [Tabelle] = []
    var links: [Link] = []
    /// Lines (relative to the body) that hold raw HTML, which is never published.
    var rawHTMLLines: [Int] = []

    init(_ text: String) {
        let document = MarkdownDocument(text)
        var lastBlockLine = 1
        for node in document.nodes {
            let line = MarkdownNode.line(node)
            if line > 0 { lastBlockLine = line }
            switch MarkdownNode.type(node) {
            case CMARK_NODE_HEADING:
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)),
                                        text: MarkdownNode.plainText(node), line: line,
                                        column: MarkdownNode.column(node)))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                // Inline nodes carry no position in cmark; report the enclosing block's line.
                links.append(Link(destination: MarkdownNode.url(node), text: MarkdownNode.plainText(node),
                                  isImage: MarkdownNode.type(node) == CMARK_NODE_IMAGE,
                                  line: line > 0 ? line : lastBlockLine, column: line > 0 ? MarkdownNode.column(node) : 1))
            case CMARK_NODE_CODE_BLOCK:
                let info = MarkdownNode.fenceInfo(node).split(separator: " ").first.map(String.init) ?? ""
                blocks.append(Block(info: info, inhalt: MarkdownNode.literal(node), line: line))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // `<!-- teilhabe erlaubt … -->` is a directive for `check`, not content.
                if !MarkdownNode.literal(node).contains("teilhabe erlaubt") { rawHTMLLines.append(line > 0 ? line : lastBlockLine) }
            default:
                if MarkdownNode.typeName(node) == "table", let kopf = MarkdownNode.children(node).first {
                    tabellen.append(Tabelle(kopf: MarkdownNode.children(kopf).map(MarkdownNode.plainText), line: line))
                }
            }
        }
    }
}
