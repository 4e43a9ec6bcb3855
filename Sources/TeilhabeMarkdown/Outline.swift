import CCmarkGFM
import TeilhabeSupport
import TeilhabeModel

/// What the check stage needs to know of a Markdown body: headings, links, raw HTML.
package struct Outline: Codable {
    package struct Heading: Codable {
        package var level: Int
        package var text: String
        package var line: Int
        package var column: Int

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(level: Int, text: String, line: Int, column: Int) {
            self.level = level
            self.text = text
            self.line = line
            self.column = column
        }
    }

    package struct Link: Codable {
        package var destination: String
        package var text: String
        package var isImage: Bool
        package var line: Int
        package var column: Int

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(destination: String, text: String, isImage: Bool, line: Int, column: Int) {
            self.destination = destination
            self.text = text
            self.isImage = isImage
            self.line = line
            self.column = column
        }
    }

    package struct Block: Codable {
        package var info: String
        package var contents: String
        /// Line of the opening fence.
        package var line: Int

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(info: String, contents: String, line: Int) {
            self.info = info
            self.contents = contents
            self.line = line
        }
    }

    package var headings: [Heading] = []
    package var blocks: [Block] = []
    package struct Table: Codable {
        /// Header cells.
        package var head: [String]
        package var line: Int

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(head: [String], line: Int) {
            self.head = head
            self.line = line
        }
    }

    package var tables: [Table] = []
    package var links: [Link] = []
    /// Lines (relative to the body) that hold raw HTML, which is never published.
    package var rawHTMLLines: [Int] = []

    package init(_ text: String) {
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
                blocks.append(Block(info: info, contents: MarkdownNode.literal(node), line: line))
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                // `<!-- teilhabe erlaubt … -->` is a directive for `check`, not content.
                if !MarkdownNode.literal(node).contains("teilhabe erlaubt") { rawHTMLLines.append(line > 0 ? line : lastBlockLine) }
            default:
                if MarkdownNode.typeName(node) == "table", let head = MarkdownNode.children(node).first {
                    tables.append(Table(head: MarkdownNode.children(head).map(MarkdownNode.plainText), line: line))
                }
            }
        }
    }
}

extension Outline: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        headings = try d.list { Heading(level: try d.whole(), text: try d.text(), line: try d.whole(), column: try d.whole()) }
        blocks = try d.list { Block(info: try d.text(), contents: try d.text(), line: try d.whole()) }
        tables = try d.list { Table(head: try d.list(d.text), line: try d.whole()) }
        links = try d.list {
            Link(destination: try d.text(), text: try d.text(), isImage: try d.isTrue(), line: try d.whole(), column: try d.whole())
        }
        rawHTMLLines = try d.list(d.whole)
    }

    package func binary(_ p: BinaryCodec.Buffer) {
        p.list(headings) { p.whole($0.level); p.text($0.text); p.whole($0.line); p.whole($0.column) }
        p.list(blocks) { p.text($0.info); p.text($0.contents); p.whole($0.line) }
        p.list(tables) { p.list($0.head, p.text); p.whole($0.line) }
        p.list(links) { p.text($0.destination); p.text($0.text); p.isTrue($0.isImage); p.whole($0.line); p.whole($0.column) }
        p.list(rawHTMLLines, p.whole)
    }
}
