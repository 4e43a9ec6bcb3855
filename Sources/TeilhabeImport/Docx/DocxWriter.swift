import CCmarkGFM
import Foundation
import TeilhabeSupport
import TeilhabeMarkdown

/// A page's Markdown → word/document.xml body, walking cmark-gfm's tree (never parsing Markdown by
/// hand): real heading styles (`##` → Heading 1), lists with numbering, tables with a repeated header
/// row, images with their alternative text, links, footnotes.
final class DocxBodyWriter {
    struct Relationship { var id: String; var type: String; var target: String; var external: Bool }
    struct Media { var name: String; var data: Data }
    /// Looks an image up by its Markdown destination: its file name and bytes, nil where it is missing.
    typealias ImageSource = (String) -> Media?

    private(set) var xml = ""
    private(set) var relationships: [Relationship] = []
    private(set) var media: [Media] = []
    private(set) var lists: [(ordered: Bool, start: Int)] = []
    private(set) var footnotes: [String] = []   // paragraphs of each footnote, ids 1, 2, …
    private(set) var missingImages: [String] = []
    private var footnoteIds: [String: Int] = [:]
    private var drawingCount = 0
    private let images: ImageSource
    /// Relationship ids below this are the fixed parts' (styles, numbering, footnotes, settings).
    static let firstFreeRelationship = 5

    /// A link's destination as the Word file gets it (an address on the web), nil for text only.
    let resolveLink: (String) -> String?

    init(images: @escaping ImageSource, links: @escaping (String) -> String? = { DocxMarkdown.isSafeLink($0) ? $0 : nil }) {
        self.images = images
        resolveLink = links
    }

    func addRelationship(type: String, target: String, external: Bool) -> String {
        let id = "rId\(Self.firstFreeRelationship + relationships.count)"
        relationships.append(Relationship(id: id, type: type, target: target, external: external))
        return id
    }

    func footnoteId(_ label: String) -> Int {
        if let id = footnoteIds[label] { return id }
        footnoteIds[label] = footnoteIds.count + 1
        return footnoteIds.count
    }

    func nextDrawingNumber() -> Int {
        drawingCount += 1
        return drawingCount
    }

    /// The image's file, once in the package however often it is shown; nil (and noted) where missing.
    func imageFile(_ destination: String) -> Media? {
        guard let file = images(destination) else {
            if !missingImages.contains(destination) { missingImages.append(destination) }
            return nil
        }
        if !media.contains(where: { $0.name == file.name }) { media.append(file) }
        return file
    }

    struct RunStyle { var bold = false, italic = false, strike = false, code = false, link = false }

    /// XML made elsewhere (the export's head tables).
    func raw(_ text: String) { xml += text }

    func paragraph(style: String?, runs: String, numbering: (numId: Int, level: Int)? = nil) {
        xml += Self.paragraph(style: style, runs: runs, numbering: numbering)
    }

    /// `justification`: Word's `w:jc` ("right", "center"), for aligned table columns.
    static func paragraph(style: String?, runs: String, numbering: (numId: Int, level: Int)? = nil,
                          justification: String? = nil) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if let numbering { properties += "<w:numPr><w:ilvl w:val=\"\(numbering.level)\"/><w:numId w:val=\"\(numbering.numId)\"/></w:numPr>" }
        if let justification { properties += "<w:jc w:val=\"\(justification)\"/>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
    }

    static func run(_ text: String, _ style: RunStyle = RunStyle()) -> String {
        var properties = ""
        if style.link { properties += "<w:rStyle w:val=\"Hyperlink\"/>" }
        if style.code { properties += "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/>" }
        if style.bold { properties += "<w:b/><w:bCs/>" }
        if style.italic { properties += "<w:i/><w:iCs/>" }
        if style.strike { properties += "<w:strike/>" }
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>")
            + "<w:t xml:space=\"preserve\">\(DocxXML.escape(text))</w:t></w:r>"
    }

    // MARK: blocks

    /// The body of a page: `root` of a document parsed with footnotes on.
    func body(_ root: OpaquePointer) {
        for node in MarkdownNode.children(root) { block(node, listLevel: 0, style: nil) }
    }

    private func block(_ node: OpaquePointer, listLevel: Int, style: String?) {
        switch MarkdownNode.type(node) {
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            paragraph(style: "Heading\(min(max(level - 1, 1), 6))", runs: inlines(node, RunStyle()))
        case CMARK_NODE_PARAGRAPH: paragraph(style: style, runs: inlines(node, RunStyle()))
        case CMARK_NODE_LIST: list(node, level: listLevel)
        case CMARK_NODE_BLOCK_QUOTE: for child in MarkdownNode.children(node) { block(child, listLevel: listLevel, style: "Quote") }
        case CMARK_NODE_CODE_BLOCK:
            for line in MarkdownNode.literal(node).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                paragraph(style: style, runs: Self.run(String(line), RunStyle(code: true)))
            }
        case CMARK_NODE_FOOTNOTE_DEFINITION: footnote(node)
        default:
            if MarkdownNode.typeName(node) == "table" { table(node) }
        }
    }

    private func list(_ node: OpaquePointer, level: Int) {
        let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        lists.append((ordered, Int(cmark_node_get_list_start(node))))
        let numId = lists.count
        for item in MarkdownNode.children(node) {
            for (index, child) in MarkdownNode.children(item).enumerated() {
                if index == 0, MarkdownNode.type(child) == CMARK_NODE_PARAGRAPH {
                    paragraph(style: "ListParagraph", runs: inlines(child, RunStyle()), numbering: (numId, min(level, 8)))
                } else {
                    block(child, listLevel: level + 1, style: nil)
                }
            }
        }
    }

    private func table(_ node: OpaquePointer) {
        let rows = MarkdownNode.children(node)
        let columns = max(Int(cmark_gfm_extensions_get_table_columns(node)), 1)
        xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
            + "<w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
            + "</w:tblPr><w:tblGrid>" + String(repeating: "<w:gridCol/>", count: columns) + "</w:tblGrid>"
        let alignments = cmark_gfm_extensions_get_table_alignments(node).map { pointer in
            (0..<columns).map { column -> String? in
                switch pointer[column] {
                case UInt8(ascii: "r"): "right"
                case UInt8(ascii: "c"): "center"
                default: nil
                }
            }
        } ?? []
        for row in rows {
            let header = cmark_gfm_extensions_get_table_row_is_header(row) != 0
            xml += "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
            for (column, cell) in MarkdownNode.children(row).enumerated() {
                let justification = column < alignments.count ? alignments[column] : nil
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>"
                    + Self.paragraph(style: nil, runs: inlines(cell, RunStyle()), justification: justification) + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
        paragraph(style: nil, runs: "")   // Word needs a paragraph between two tables, and after the last one
    }

    private func footnote(_ node: OpaquePointer) {
        // cmark-gfm moves the definitions to the end in the order they are first referenced and drops
        // unreferenced ones: the n-th definition is the n-th footnote.
        footnotes.append("")
        let id = footnotes.count
        var paragraphs = ""
        for (index, child) in MarkdownNode.children(node).enumerated() where MarkdownNode.type(child) == CMARK_NODE_PARAGRAPH {
            let mark = index == 0 ? "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>" + Self.run(" ") : ""
            paragraphs += Self.paragraph(style: "FootnoteText", runs: mark + inlines(child, RunStyle(), inFootnote: true))
        }
        footnotes[id - 1] = paragraphs
    }
}

/// XML text and attribute escaping.
enum DocxXML {
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 allows no control characters but tab, newline and return.
                if scalar.value < 0x20, scalar != "\t", scalar != "\n", scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
