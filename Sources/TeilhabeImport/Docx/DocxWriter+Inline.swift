import CCmarkGFM
import Foundation
import TeilhabeSupport
import TeilhabeMarkdown

extension DocxBodyWriter {
    /// The runs of a paragraph, heading or cell. Links in footnotes keep only their text (footnotes
    /// have relationships of their own, which this writer does not make).
    func inlines(_ node: OpaquePointer, _ style: RunStyle, inFootnote: Bool = false) -> String {
        var out = ""
        for child in MarkdownNode.children(node) {
            var inner = style
            switch MarkdownNode.type(child) {
            case CMARK_NODE_TEXT: out += Self.run(MarkdownNode.literal(child), style)
            case CMARK_NODE_SOFTBREAK: out += Self.run(" ", style)
            case CMARK_NODE_LINEBREAK: out += "<w:r><w:br/></w:r>"
            case CMARK_NODE_CODE: inner.code = true; out += Self.run(MarkdownNode.literal(child), inner)
            case CMARK_NODE_EMPH: inner.italic = true; out += inlines(child, inner, inFootnote: inFootnote)
            case CMARK_NODE_STRONG: inner.bold = true; out += inlines(child, inner, inFootnote: inFootnote)
            case CMARK_NODE_LINK: out += link(child, style, inFootnote: inFootnote)
            case CMARK_NODE_IMAGE: if !inFootnote { out += image(child) }
            case CMARK_NODE_FOOTNOTE_REFERENCE: out += footnoteReference(child)
            default:
                if MarkdownNode.typeName(child) == "strikethrough" { inner.strike = true; out += inlines(child, inner, inFootnote: inFootnote) }
            }
        }
        return out
    }

    private func link(_ node: OpaquePointer, _ style: RunStyle, inFootnote: Bool) -> String {
        guard !inFootnote, let url = resolveLink(MarkdownNode.url(node)) else { return inlines(node, style, inFootnote: inFootnote) }
        var inner = style
        inner.link = true
        let id = addRelationship(type: "hyperlink", target: url, external: true)
        return "<w:hyperlink r:id=\"\(id)\">" + inlines(node, inner) + "</w:hyperlink>"
    }

    private func footnoteReference(_ node: OpaquePointer) -> String {
        let label = MarkdownNode.literal(node)
        let id = footnoteId(label)
        return "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"\(id)\"/></w:r>"
    }

    /// An inline picture, as wide as it is (at 96 dpi) but at most the text's width.
    private func image(_ node: OpaquePointer) -> String {
        let destination = MarkdownNode.url(node)
        let altText = MarkdownNode.plainText(node)
        guard let file = imageFile(destination) else { return Self.run(altText) }
        let id = addRelationship(type: "image", target: "media/\(file.name)", external: false)
        let (width, height) = DocxImageSize.emu(file.data)
        let number = nextDrawingNumber()
        let name = DocxXML.escape(file.name), descr = DocxXML.escape(altText)
        let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
        let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
        return "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(width)\" cy=\"\(height)\"/><wp:docPr id=\"\(number)\" name=\"\(name)\" descr=\"\(descr)\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"\(a)\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic xmlns:a=\"\(a)\"><a:graphicData uri=\"\(pic)\"><pic:pic xmlns:pic=\"\(pic)\">"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(number)\" name=\"\(name)\" descr=\"\(descr)\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"\(id)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(width)\" cy=\"\(height)\"/></a:xfrm>"
            + "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
            + "</wp:inline></w:drawing></w:r>"
    }
}

/// Picture sizes from the file's header (PNG, GIF, JPEG), in English Metric Units at 96 dpi.
enum DocxImageSize {
    static let emuPerPixel = 9525
    static let maxWidth = 5_760_000   // 16 cm, the text width of A4 with 2.5 cm margins

    static func emu(_ data: Data) -> (Int, Int) {
        let (w, h) = pixels([UInt8](data.prefix(65_536))) ?? (400, 300)
        var width = max(w, 1) * emuPerPixel, height = max(h, 1) * emuPerPixel
        if width > maxWidth { height = height * maxWidth / width; width = maxWidth }
        return (width, height)
    }

    static func pixels(_ b: [UInt8]) -> (Int, Int)? {
        func be16(_ i: Int) -> Int { Int(b[i]) << 8 | Int(b[i + 1]) }
        if b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            return (be16(16) << 16 | be16(18), be16(20) << 16 | be16(22))
        }
        if b.count >= 10, b.starts(with: [0x47, 0x49, 0x46]) { return (Int(b[6]) | Int(b[7]) << 8, Int(b[8]) | Int(b[9]) << 8) }
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count, b[i] == 0xFF {
            let marker = b[i + 1]
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) { return (be16(i + 7), be16(i + 5)) }
            i += 2 + be16(i + 2)
        }
        return nil
    }
}
