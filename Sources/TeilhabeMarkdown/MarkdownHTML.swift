import CCmarkGFM
import TeilhabeSupport
import TeilhabeModel

/// Markdown → HTML for a page: headings get stable ids, tables get a scrollable wrapper and
/// column scopes, links to content files are rewritten to the output, and fenced blocks of
/// known kinds (e.g. ```indikator) are replaced by generated HTML.
package struct MarkdownHTML {
    package struct Heading: Sendable {
        package var level: Int
        package var text: String
        package var id: String

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(level: Int, text: String, id: String) {
            self.level = level
            self.text = text
            self.id = id
        }
    }

    package var hardBreaks = false
    /// Rewrites a link or image destination; nil leaves it as written.
    package var resolveLink: (String) -> String? = { _ in nil }
    /// HTML for a fenced block by its info word and contents; nil keeps the code block.
    package var replaceBlock: (String, String) -> String? = { _, _ in nil }
    /// Ids the page template already uses, so that section ids do not collide with them.
    package var reservedIDs: Set<String> = ["inhalt", "hauptnavigation", "grunddaten", "beratungsfolge", "anlagen",
                                    "abschnitte", "seitenkopf", "fuss"]

    package init() {}

    package func render(_ text: String) -> (html: String, headings: [Heading]) {
        let document = MarkdownDocument(text, hardBreaks: hardBreaks)
        var used = reservedIDs
        var headings: [Heading] = []
        var tables = 0
        // Collect first, then change the tree: the iterator must not see a changing tree.
        for node in document.nodes {
            switch MarkdownNode.type(node) {
            case CMARK_NODE_HEADING:
                let level = Int(cmark_node_get_heading_level(node))
                let text = MarkdownNode.plainText(node)
                let id = unique(Slug.make(text), in: &used)
                headings.append(Heading(level: level, text: text, id: id))
                wrap(node, enter: "<h\(level) id=\"\(id)\">", exit: "</h\(level)>", replacing: true)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = resolveLink(MarkdownNode.url(node)) { cmark_node_set_url(node, url) }
            case CMARK_NODE_CODE_BLOCK:
                let info = MarkdownNode.fenceInfo(node).split(separator: " ").first.map(String.init) ?? ""
                if let html = replaceBlock(info, MarkdownNode.literal(node)) {
                    let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
                    cmark_node_set_on_enter(block, html)
                    cmark_node_set_on_exit(block, "")
                    cmark_node_replace(node, block)
                    cmark_node_free(node)
                }
            default:
                if MarkdownNode.typeName(node) == "table" {
                    tables += 1
                    wrap(node, enter: "<div class=\"tabelle\" role=\"region\" aria-label=\"Tabelle \(tables)\" tabindex=\"0\">",
                         exit: "</div>", replacing: false)
                }
            }
        }
        var html = document.html()
        // Header cells name their column for screen readers; only tables have <th>.
        if html.containsText("<th") {
            html = html.replaced("<th>", with: "<th scope=\"col\">").replaced("<th style=", with: "<th scope=\"col\" style=")
        }
        return (html, headings)
    }

    private func unique(_ base: String, in used: inout Set<String>) -> String {
        var id = base, n = 2
        while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }

    /// Puts a node's children (replacing: true) or the node itself into a custom block that
    /// prints `enter` and `exit` around them.
    private func wrap(_ node: OpaquePointer, enter: String, exit: String, replacing: Bool) {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, enter)
        cmark_node_set_on_exit(block, exit)
        if replacing {
            for child in MarkdownNode.children(node) {
                cmark_node_unlink(child)
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            cmark_node_free(node)
        } else {
            cmark_node_insert_before(node, block)
            cmark_node_unlink(node)
            cmark_node_append_child(block, node)
        }
    }
}
