/// The fixed parts of an exported Word file: styles (real heading styles, language de-DE), list
/// numbering, footnote separators, settings, content types and relationships, core properties.
enum DocxParts {
    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

    static func document(_ body: String) -> String {
        head + "<w:document xmlns:w=\"\(w)\" xmlns:r=\"\(r)\" xmlns:wp=\"\(wp)\"><w:body>" + body
            + "<w:sectPr><w:footnotePr><w:numFmt w:val=\"decimal\"/></w:footnotePr>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1134\" "
            + "w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    }

    private static func paragraphStyle(_ id: String, _ name: String, outline: Int? = nil, size: Int? = nil,
                                       bold: Bool = false, spacing: String = "") -> String {
        "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr>"
            + (outline != nil ? "<w:keepNext/>" : "") + spacing
            + (outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "") + "</w:pPr><w:rPr>"
            + (bold ? "<w:b/><w:bCs/>" : "") + (size.map { "<w:sz w:val=\"\($0)\"/><w:szCs w:val=\"\($0)\"/>" } ?? "")
            + "</w:rPr></w:style>"
    }

    static let styles: String = {
        var text = head + "<w:styles xmlns:w=\"\(w)\"><w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
            + "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"de-DE\" w:eastAsia=\"de-DE\" w:bidi=\"ar-SA\"/>"
            + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"160\" w:line=\"276\" w:lineRule=\"auto\"/>"
            + "</w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + paragraphStyle("Title", "Title", size: 40, bold: true, spacing: "<w:spacing w:after=\"240\"/>")
        let sizes = [32, 28, 26, 24, 24, 24]
        for level in 1...6 {
            text += paragraphStyle("Heading\(level)", "heading \(level)", outline: level - 1, size: sizes[level - 1], bold: true,
                                   spacing: "<w:spacing w:before=\"240\" w:after=\"120\"/>")
        }
        text += paragraphStyle("ListParagraph", "List Paragraph")
            + paragraphStyle("Quote", "Quote", spacing: "<w:ind w:left=\"708\"/>")
            + paragraphStyle("FootnoteText", "footnote text", size: 20, spacing: "<w:spacing w:after=\"0\"/>")
            + "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/></w:style>"
            + "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/>"
            + "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
            + "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/>"
            + "<w:rPr><w:color w:val=\"0550AE\"/><w:u w:val=\"single\"/></w:rPr></w:style>"
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
            + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
            + "</w:tblCellMar></w:tblPr></w:style>"
            + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/>"
            + "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:tblPr><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
            + "</w:tblBorders></w:tblPr><w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr></w:tblStylePr>"
            + "<w:tblStylePr w:type=\"firstCol\"><w:rPr><w:b/><w:bCs/></w:rPr></w:tblStylePr></w:style>"
            + "</w:styles>"
        return text
    }()

    /// Abstract list 1 bullets, 2 numbers; one `w:num` per Markdown list (numbers restart per list).
    static func numbering(_ lists: [(ordered: Bool, start: Int)]) -> String {
        var text = head + "<w:numbering xmlns:w=\"\(w)\">"
        for (id, ordered) in [(1, false), (2, true)] {
            text += "<w:abstractNum w:abstractNumId=\"\(id)\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
            for level in 0...8 {
                let format = ordered ? "decimal" : "bullet"
                let label = ordered ? "%\(level + 1)." : ["•", "◦", "▪"][level % 3]
                text += "<w:lvl w:ilvl=\"\(level)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"\(format)\"/>"
                    + "<w:lvlText w:val=\"\(label)\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(720 * (level + 1))\" "
                    + "w:hanging=\"360\"/></w:pPr></w:lvl>"
            }
            text += "</w:abstractNum>"
        }
        for (index, list) in lists.enumerated() {
            text += "<w:num w:numId=\"\(index + 1)\"><w:abstractNumId w:val=\"\(list.ordered ? 2 : 1)\"/>"
                + (list.ordered && list.start != 1
                   ? "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"\(list.start)\"/></w:lvlOverride>" : "")
                + "</w:num>"
        }
        return text + "</w:numbering>"
    }

    static func footnotes(_ notes: [String]) -> String {
        var text = head + "<w:footnotes xmlns:w=\"\(w)\" xmlns:r=\"\(r)\">"
            + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        for (index, paragraphs) in notes.enumerated() {
            text += "<w:footnote w:id=\"\(index + 1)\">" + (paragraphs.isEmpty ? "<w:p/>" : paragraphs) + "</w:footnote>"
        }
        return text + "</w:footnotes>"
    }

    static let settings = head + "<w:settings xmlns:w=\"\(w)\"><w:defaultTabStop w:val=\"708\"/>"
        + "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
        + "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "<w:themeFontLang w:val=\"de-DE\"/></w:settings>"

    static func contentTypes(mediaExtensions: [String]) -> String {
        let types = ["png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp"]
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        var text = head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        for ext in Set(mediaExtensions).sorted() { text += "<Default Extension=\"\(ext)\" ContentType=\"\(types[ext] ?? "application/octet-stream")\"/>" }
        for (part, type) in [("/word/document.xml", "\(main).document.main+xml"), ("/word/styles.xml", "\(main).styles+xml"),
                             ("/word/numbering.xml", "\(main).numbering+xml"), ("/word/footnotes.xml", "\(main).footnotes+xml"),
                             ("/word/settings.xml", "\(main).settings+xml"),
                             ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                             ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")] {
            text += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>"
        }
        return text + "</Types>"
    }

    static let packageRelationships = head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(r)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(r)/extended-properties\" Target=\"docProps/app.xml\"/></Relationships>"

    static func documentRelationships(_ relationships: [DocxBodyWriter.Relationship]) -> String {
        var text = head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (index, part) in ["styles", "numbering", "footnotes", "settings"].enumerated() {
            text += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(r)/\(part)\" Target=\"\(part).xml\"/>"
        }
        for relationship in relationships {
            text += "<Relationship Id=\"\(relationship.id)\" Type=\"\(r)/\(relationship.type)\" Target=\"\(DocxXML.escape(relationship.target))\""
                + (relationship.external ? " TargetMode=\"External\"" : "") + "/>"
        }
        return text + "</Relationships>"
    }

    /// Title, subject, author, language and the paper's date (not the time of the export: the same
    /// page gives the same bytes).
    static func core(title: String, subject: String, creator: String, created: String?) -> String {
        head + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(DocxXML.escape(title))</dc:title><dc:subject>\(DocxXML.escape(subject))</dc:subject>"
            + "<dc:creator>\(DocxXML.escape(creator))</dc:creator><dc:language>de-DE</dc:language>"
            + (created.map { "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\($0)T00:00:00Z</dcterms:created>" } ?? "")
            + "</cp:coreProperties>"
    }

    static let app = head + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>Teilhabe</Application></Properties>"
}
