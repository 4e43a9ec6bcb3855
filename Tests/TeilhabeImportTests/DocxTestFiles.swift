import Foundation
import ZIPFoundation

/// .docx files built in code for the tests, as Word and LibreOffice write them.
enum DocxTestFiles {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A ZIP of the given parts (path → text or bytes).
    static func zip(_ parts: [String: Data]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// A Word file whose body is `body` (the inside of `w:body`), with the given extra parts.
    static func docx(body: String, styles: String = wordStyles, numbering: String? = wordNumbering,
                     footnotes: String? = nil, relationships: String = "", media: [String: Data] = [:],
                     extra: [String: String] = [:]) throws -> Data {
        var parts: [String: Data] = [
            "[Content_Types].xml": Data("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8),
            "word/document.xml": Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"\(w)\" xmlns:r=\"\(r)\" "
                + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
                + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>\(body)<w:sectPr/></w:body></w:document>").utf8),
            "word/styles.xml": Data(styles.utf8),
            "word/_rels/document.xml.rels": Data(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + relationships + "</Relationships>").utf8),
        ]
        if let numbering { parts["word/numbering.xml"] = Data(numbering.utf8) }
        if let footnotes { parts["word/footnotes.xml"] = Data(footnotes.utf8) }
        for (name, data) in media { parts["word/media/\(name)"] = data }
        for (path, text) in extra { parts[path] = Data(text.utf8) }
        return try zip(parts)
    }

    static func p(_ runs: String, style: String? = nil, numId: Int? = nil, level: Int = 0) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if let numId { properties += "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numId)\"/></w:numPr>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
    }

    static func t(_ text: String, bold: Bool = false, italic: Bool = false) -> String {
        var properties = ""
        if bold { properties += "<w:b/>" }
        if italic { properties += "<w:i/>" }
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + "<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    static func cell(_ text: String, properties: String = "") -> String {
        "<w:tc>" + (properties.isEmpty ? "" : "<w:tcPr>\(properties)</w:tcPr>") + p(t(text)) + "</w:tc>"
    }

    static func row(_ cells: [String]) -> String { "<w:tr>" + cells.map { cell($0) }.joined() + "</w:tr>" }

    /// German Word: localised style ids, English names.
    static let wordStyles = "<?xml version=\"1.0\"?><w:styles xmlns:w=\"\(w)\">"
        + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Standard\"><w:name w:val=\"Normal\"/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Titel\"><w:name w:val=\"Title\"/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"berschrift1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Standard\"/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"berschrift2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Standard\"/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Listenabsatz\"><w:name w:val=\"List Paragraph\"/></w:style>"
        + "</w:styles>"

    /// LibreOffice: English ids, a custom chapter style found only by its outline level.
    static let libreOfficeStyles = "<?xml version=\"1.0\"?><w:styles xmlns:w=\"\(w)\">"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"Überschrift 1\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Kapitel\"><w:name w:val=\"Kapitel\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
        + "<w:style w:type=\"paragraph\" w:styleId=\"Unterkapitel\"><w:name w:val=\"Unterkapitel\"/><w:basedOn w:val=\"Kapitel\"/></w:style>"
        + "</w:styles>"

    /// numId 1: bullets; numId 2: decimal numbers (level 1 lower letters).
    static let wordNumbering = "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"\(w)\">"
        + "<w:abstractNum w:abstractNumId=\"10\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
        + "<w:abstractNum w:abstractNumId=\"11\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:numFmt w:val=\"lowerLetter\"/></w:lvl></w:abstractNum>"
        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"11\"/></w:num>"
        + "</w:numbering>"

    /// A 2×1 PNG (header only matters for the size; the bytes are copied as they are).
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
                           0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x7B, 0x1A, 0x43, 0xAD, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44,
                           0xAE, 0x42, 0x60, 0x82])

    static func drawing(rid: String, name: String, descr: String?) -> String {
        "<w:r><w:drawing><wp:inline><wp:extent cx=\"100\" cy=\"100\"/><wp:docPr id=\"1\" name=\"\(name)\""
            + (descr.map { " descr=\"\($0)\"" } ?? "") + "/><a:graphic><a:graphicData><pic:pic><pic:blipFill>"
            + "<a:blip r:embed=\"\(rid)\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    }
}
