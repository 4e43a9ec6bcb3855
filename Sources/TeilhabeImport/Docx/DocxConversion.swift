import Foundation
import TeilhabeSupport

/// One piece of a paragraph's text: plain text with its formatting, or Markdown made already
/// (an image, a footnote mark) that is neither escaped nor emphasised.
struct InlinePiece: Equatable {
    enum Kind: Equatable { case text, markdown, lineBreak }
    var kind: Kind
    var text: String
    var bold = false
    var italic = false
    var link: String?
}

/// The walk over word/document.xml: blocks, inline formatting, images, footnote marks, and the counts
/// of what was changed on the way (tracked changes, comments, merged cells).
final class DocxConversion {
    private var package_: DocxPackage
    private let styles: DocxStyles
    private let numbering: DocxNumbering
    private var relationships: DocxRelationships
    private let imagePrefix: String
    private(set) var images: [DocxImage] = []
    private var imageWarnings: [DocxWarning] = []
    var imageCount: Int { images.count }
    var imageNames: Set<String> { Set(images.map(\.name)) }
    var imagePrefixForNames: String { imagePrefix }
    private var trackedChanges = 0
    private var comments: Set<String> = []
    private var mergedTables: [Int] = []
    private var tableCount = 0
    /// Word's footnote ids in the order they are first referenced; Markdown numbers them 1, 2, …
    private var footnoteOrder: [String] = []

    init(package: DocxPackage, styles: DocxStyles, numbering: DocxNumbering, relationships: DocxRelationships,
         imagePrefix: String) {
        package_ = package
        self.styles = styles
        self.numbering = numbering
        self.relationships = relationships
        self.imagePrefix = imagePrefix
    }

    func recordImageWarning(_ warning: DocxWarning) { imageWarnings.append(warning) }
    func addImage(_ image: DocxImage) { images.append(image) }
    func relationshipTarget(_ id: String?) -> String? {
        guard let target = relationships[id], !target.external else { return nil }
        return target.path
    }
    /// A part's bytes; a part over the limits is left out (the image is then missing, not the paper).
    func readPart(_ path: String) -> Data? { (try? package_.part(path)) ?? nil }

    func warnings() -> [DocxWarning] {
        var result = mergedTables.map { DocxWarning("DOCX-TABELLE", .docxMergedCells($0)) }
        result += imageWarnings
        if trackedChanges > 0 { result.append(DocxWarning("DOCX-AENDERUNGEN", .docxTrackedChanges(trackedChanges))) }
        if !comments.isEmpty { result.append(DocxWarning("DOCX-KOMMENTARE", .docxCommentsDropped(comments.count))) }
        return result
    }

    // MARK: blocks

    func blocks(_ container: XMLElement?) -> [DocxBlock] {
        var result: [DocxBlock] = []
        for child in container?.children ?? [] {
            switch child.name {
            case "p": if let block = paragraph(child) { result.append(block) }
            case "tbl": result.append(table(child))
            case "sdt": result += blocks(child.child("sdtContent"))
            case "customXml": result += blocks(child)
            case "ins", "moveTo": trackedChanges += 1; result += blocks(child)
            case "del", "moveFrom": trackedChanges += 1
            default: continue
            }
        }
        return result
    }

    private func paragraph(_ p: XMLElement) -> DocxBlock? {
        let properties = p.child("pPr")
        let styleId = properties?.child("pStyle")?["val"]
        if properties?.child("rPr")?.child("del") != nil { trackedChanges += 1 }
        let pieces = inline(p, link: nil)
        let plain = DocxMarkdown.plain(pieces).trimmed()
        if styles.isTitle(styleId) { return plain.isEmpty ? nil : .title(DocxMarkdown.oneLine(plain)) }
        let outline = properties?.child("outlineLvl")?["val"].flatMap(Int.init)
        if let level = outline.map({ (0...8).contains($0) ? $0 + 1 : 0 }) ?? styles.headingLevel(styleId), level > 0 {
            // The heading's style makes it bold: emphasis inside is dropped, footnote marks and links stay.
            let unformatted = pieces.map { piece in
                InlinePiece(kind: piece.kind == .lineBreak ? .text : piece.kind, text: piece.kind == .lineBreak ? " " : piece.text,
                            link: piece.link)
            }
            let text = DocxMarkdown.oneLine(DocxMarkdown.inline(unformatted, inTable: false))
            return text.isEmpty ? nil : .heading(level: level, text: text)
        }
        let markdown = DocxMarkdown.inline(pieces, inTable: false)
        guard !markdown.isEmpty else { return nil }
        if let list = DocxStyles.numbering(properties) ?? styles.numbering(styleId) {
            return .listItem(level: min(list.level, 8), ordered: numbering.isOrdered(numId: list.numId, level: list.level),
                             markdown: markdown)
        }
        return .paragraph(markdown: DocxMarkdown.guardBlockStart(markdown), plain: plain)
    }

    private func table(_ tbl: XMLElement) -> DocxBlock {
        tableCount += 1
        var cells: [[String]] = [], plain: [[String]] = [], merged = false
        for row in tbl.all("tr") {
            var rowCells: [String] = [], rowPlain: [String] = []
            for cell in row.all("tc") {
                let properties = cell.child("tcPr")
                let span = properties?.child("gridSpan")?["val"].flatMap(Int.init) ?? 1
                // vMerge without "restart" continues the cell above: its text stands there already.
                let continues = properties?.child("vMerge").map { $0["val"] != "restart" } ?? false
                let pieces = continues ? [] : cellPieces(cell)
                rowCells.append(DocxMarkdown.inline(pieces, inTable: true))
                rowPlain.append(DocxMarkdown.oneLine(DocxMarkdown.plain(pieces)))
                if span > 1 || continues { merged = true }
                for _ in 1..<max(span, 1) { rowCells.append(""); rowPlain.append("") }
            }
            cells.append(rowCells)
            plain.append(rowPlain)
        }
        if merged { mergedTables.append(tableCount) }
        let header = tbl.all("tr").first?.all("tc") ?? []
        return .table(cells: cells, plain: plain, alignments: header.map(Self.alignment))
    }

    /// "r" or "c" where a cell's first paragraph is justified so (right-aligned numbers), else "".
    static func alignment(_ cell: XMLElement) -> String {
        switch cell.child("p")?.child("pPr")?.child("jc")?["val"] {
        case "right", "end": "r"
        case "center": "c"
        default: ""
        }
    }

    /// A cell's paragraphs (and nested tables, flattened) as one line of pieces.
    private func cellPieces(_ cell: XMLElement) -> [InlinePiece] {
        var pieces: [InlinePiece] = []
        for child in cell.children {
            var part: [InlinePiece] = []
            switch child.name {
            case "p": part = inline(child, link: nil)
            case "tbl", "sdt": for inner in child.descendantsNamed("p") { part += inline(inner, link: nil) + [InlinePiece(kind: .text, text: " ")] }
            default: continue
            }
            if !pieces.isEmpty, !part.isEmpty { pieces.append(InlinePiece(kind: .text, text: " ")) }
            pieces += part
        }
        return pieces
    }

    // MARK: inline

    func inline(_ element: XMLElement, link: String?) -> [InlinePiece] {
        var pieces: [InlinePiece] = []
        for child in element.children {
            switch child.name {
            case "r": pieces += run(child, link: link)
            case "hyperlink":
                let target = relationships[child["id"]]
                let url = target.flatMap { $0.external && DocxMarkdown.isSafeLink($0.path) ? $0.path : nil }
                pieces += inline(child, link: url ?? link)
            case "ins", "moveTo": trackedChanges += 1; pieces += inline(child, link: link)
            case "del", "moveFrom": trackedChanges += 1
            case "smartTag", "customXml", "fldSimple", "sdtContent", "bdo", "dir": pieces += inline(child, link: link)
            case "sdt": pieces += inline(child.child("sdtContent") ?? child, link: link)
            case "commentRangeStart": if let id = child["id"] { comments.insert(id) }
            default: continue
            }
        }
        return pieces
    }

    private func run(_ r: XMLElement, link: String?) -> [InlinePiece] {
        let properties = r.child("rPr")
        let styleName = properties?.child("rStyle")?["val"]?.lowercased() ?? ""
        let bold = Self.isOn(properties?.child("b")) || styleName == "strong" || styleName.hasPrefix("fett")
        let italic = Self.isOn(properties?.child("i")) || styleName == "emphasis" || styleName.hasPrefix("hervorhebung")
        var pieces: [InlinePiece] = []
        func text(_ value: String) { pieces.append(InlinePiece(kind: .text, text: value, bold: bold, italic: italic, link: link)) }
        for child in r.children {
            switch child.name {
            case "t": text(child.text)
            case "tab": text(" ")
            case "noBreakHyphen": text("-")
            case "br", "cr":
                if child["type"] == nil || child["type"] == "textWrapping" { pieces.append(InlinePiece(kind: .lineBreak, text: "\n", link: link)) }
            case "footnoteReference":
                if let id = child["id"] { pieces.append(InlinePiece(kind: .markdown, text: "[^\(footnoteNumber(id))]")) }
            case "drawing", "pict", "AlternateContent":
                if let image = image(child) { pieces.append(InlinePiece(kind: .markdown, text: image, link: link)) }
            case "commentReference": if let id = child["id"] { comments.insert(id) }
            default: continue
            }
        }
        return pieces
    }

    /// `<w:b/>` and `<w:b w:val="true"/>` are on, `w:val="0"`, `"false"` or `"off"` off.
    static func isOn(_ element: XMLElement?) -> Bool {
        guard let element else { return false }
        return !["0", "false", "off", "none"].contains(element["val"] ?? "1")
    }

    private func footnoteNumber(_ id: String) -> Int {
        if let index = footnoteOrder.firstIndex(of: id) { return index + 1 }
        footnoteOrder.append(id)
        return footnoteOrder.count
    }

    /// `[^1]: …` lines for the footnotes referenced, in order.
    /// `relationships`: footnotes.xml's own (its links and pictures name those).
    func footnoteDefinitions(_ root: XMLElement?, relationships footnoteRelationships: DocxRelationships) -> String {
        guard let root, !footnoteOrder.isEmpty else { return "" }
        relationships = footnoteRelationships
        var byId: [String: XMLElement] = [:]
        for note in root.all("footnote") { if let id = note["id"] { byId[id] = note } }
        var text = ""
        for (index, id) in footnoteOrder.enumerated() {
            let paragraphs = byId[id]?.all("p").map { DocxMarkdown.inline(inline($0, link: nil), inTable: false) } ?? []
            let body = DocxMarkdown.oneLine(paragraphs.filter { !$0.isEmpty }.joined(separator: " "))
            text += "\n[^\(index + 1)]: \(body)\n"
        }
        return text
    }
}

extension XMLElement {
    /// Every element of that name below, in document order.
    func descendantsNamed(_ name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        for child in children {
            if child.name == name { result.append(child) } else { result += child.descendantsNamed(name) }
        }
        return result
    }
}
