import CCmarkGFM
import Foundation
import Synchronization
import TeilhabeSupport
import TeilhabeModel

/// One parsed Markdown body (CommonMark + GFM tables, strikethrough, autolinks, tag filter).
/// Owns the cmark parser and tree; both are freed with it.
package final class MarkdownDocument {
    package let parser: OpaquePointer
    package let root: OpaquePointer

    /// cmark-gfm's registration guard is not thread-safe: run it once, through a static.
    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm's inline special-character table is process-global: the inline pass (run by
    /// `cmark_parser_finish`) sets and clears it, so inline passes must not overlap (see STACK-NOTES).
    /// Block parsing (`cmark_parser_feed`), rendering and tree walks need no lock.
    private static let parseLock = Mutex(())

    package static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// Raw HTML is never passed through (no CMARK_OPT_UNSAFE); table alignment as style, not `align`.
    /// `footnotes`: `[^1]` marks and definitions become footnote nodes (`export docx` reads them so).
    package init(_ text: String, hardBreaks: Bool = false, footnotes: Bool = false) {
        _ = Self.extensionsRegistered
        var options = CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_VALIDATE_UTF8
        if hardBreaks { options |= CMARK_OPT_HARDBREAKS }
        if footnotes { options |= CMARK_OPT_FOOTNOTES }
        let parser = cmark_parser_new(options)!
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        cmark_parser_feed(parser, text, text.utf8.count)
        var root: OpaquePointer?
        Self.parseLock.withLock { _ in root = cmark_parser_finish(parser) }
        self.root = root!
        self.parser = parser
        self.options = options
    }

    package let options: Int32

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// Every node in document order (containers once, on entry).
    package var nodes: [OpaquePointer] {
        var result: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                result.append(node)
            }
        }
        return result
    }

    /// The text without markup, for the search index: parsed with GFM tables but without the inline
    /// extensions (autolink, strikethrough), so without the inline pass's global table and its lock
    /// (see `parseLock`; the table extension is a block extension and has no inline characters). The
    /// words are the same: an autolink's address and struck-through text are plain text either way;
    /// the extensions' characters only split text nodes, which cmark joins again. On 2 cores the
    /// search index's parses waited for the pages' parses.
    package static func plainText(_ text: String) -> String {
        _ = Self.extensionsRegistered
        guard let parser = cmark_parser_new(CMARK_OPT_VALIDATE_UTF8) else { return "" }
        defer { cmark_parser_free(parser) }
        if let table = cmark_find_syntax_extension("table") { cmark_parser_attach_syntax_extension(parser, table) }
        cmark_parser_feed(parser, text, text.utf8.count)
        guard let root = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(root) }
        guard let cString = cmark_render_plaintext(root, CMARK_OPT_VALIDATE_UTF8, 0) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// The text without markup.
    package func plainText() -> String {
        guard let cString = cmark_render_plaintext(root, options, 0) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    package func html() -> String {
        guard let cString = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else {
            return ""
        }
        defer { free(cString) }
        return String(cString: cString)
    }
}

/// Reading single nodes.
package enum MarkdownNode {
    package static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }

    /// `table`, `strikethrough`, … for extension nodes, `heading`, `link`, … for the others.
    package static func typeName(_ node: OpaquePointer) -> String {
        cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    }

    package static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    package static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    package static func fenceInfo(_ node: OpaquePointer) -> String {
        cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
    }

    package static func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    /// The text a reader sees in a node: literals of text and code, breaks as spaces.
    package static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text.trimmed()
    }

    package static func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }
    package static func column(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_column(node)) }
}
