import Foundation
import TeilhabeSupport

/// One image of a Word file, to be written as `anlagen/<name>`; the Markdown names it so.
package struct DocxImage: Sendable, Equatable {
    package var name: String
    package var data: Data
    package var alt: String
}

/// What a Word file says: the body as Markdown (CommonMark + GFM tables, `[^1]` footnotes), the
/// Grunddaten found in its head, its images and what was changed on the way.
package struct DocxDocument: Sendable {
    /// The whole Markdown: the body, then the footnote definitions.
    package var markdown: String { body + footnotes }
    package var body: String
    /// `[^1]: …` lines (empty without footnotes), kept apart so that text can be added before them.
    package var footnotes: String
    package var grunddaten: DocxGrunddaten
    package var images: [DocxImage]
    package var warnings: [DocxWarning]
}

/// Word (.docx) → Markdown, without a content folder: the OParl importer calls it for a paper's main file.
package enum DocxReader {
    /// Reads `data` (a .docx). Images are named `<imagePrefix>-bild-<n>.<ext>` unless the file names
    /// them itself (as `export docx` does); the caller writes them into `anlagen/`.
    package static func markdown(from data: Data, imagePrefix: String = "bild") throws(DocxError) -> DocxDocument {
        var package_ = try DocxPackage(data: data)
        guard let documentData = try package_.part("word/document.xml") else { throw DocxError(.docxCorrupt(.docxNoDocument)) }
        let document = try XMLElement.parse(documentData, part: "word/document.xml")
        let styles = try DocxStyles(optionalPart(&package_, "word/styles.xml"))
        let numbering = try DocxNumbering(optionalPart(&package_, "word/numbering.xml"))
        let relationships = try DocxRelationships(optionalPart(&package_, "word/_rels/document.xml.rels"))
        let footnotes = try optionalPart(&package_, "word/footnotes.xml")
        let core = try optionalPart(&package_, "docProps/core.xml")
        let footnoteRelationships = try DocxRelationships(optionalPart(&package_, "word/_rels/footnotes.xml.rels"))
        // From here on the conversion reads the images: it holds the package (and its size budget).
        let conversion = DocxConversion(package: package_, styles: styles, numbering: numbering,
                                        relationships: relationships, imagePrefix: imagePrefix)
        var blocks = conversion.blocks(document.child("body"))
        var warnings: [DocxWarning] = []
        var grunddaten = DocxGrunddaten.take(from: &blocks, warnings: &warnings)
        if grunddaten.betreff == nil, let title = core?.descendant("title")?.text.trimmed(), !title.isEmpty {
            grunddaten.betreff = title
        }
        let body = DocxMarkdown.text(blocks)
        let definitions = conversion.footnoteDefinitions(footnotes, relationships: footnoteRelationships)
        warnings = conversion.warnings() + warnings
        return DocxDocument(body: body, footnotes: definitions, grunddaten: grunddaten, images: conversion.images,
                            warnings: warnings)
    }

    private static func optionalPart(_ package_: inout DocxPackage, _ path: String) throws(DocxError) -> XMLElement? {
        guard let data = try package_.part(path) else { return nil }
        return try XMLElement.parse(data, part: path)
    }
}

/// word/_rels/document.xml.rels: relationship id → target (links, images).
package struct DocxRelationships {
    struct Target { var path: String; var external: Bool }
    private var targets: [String: Target] = [:]

    package init(_ root: XMLElement?) {
        for relationship in root?.all("Relationship") ?? [] {
            guard let id = relationship["Id"], let target = relationship["Target"] else { continue }
            targets[id] = Target(path: target, external: relationship["TargetMode"] == "External")
        }
    }

    subscript(_ id: String?) -> Target? { id.flatMap { targets[$0] } }
}

/// A block of the body before it is written as Markdown.
package enum DocxBlock: Equatable {
    case title(String)
    /// Word's level 1…9 (`Heading 1` is Markdown's `##`: the page title is the only `#`), as Markdown.
    case heading(level: Int, text: String)
    /// Markdown and the plain text with line breaks as "\n" (for the Grunddaten's labelled lines).
    case paragraph(markdown: String, plain: String)
    case listItem(level: Int, ordered: Bool, markdown: String)
    /// `alignments`: per column "l", "c", "r" or "" (as Word's header cells are justified).
    case table(cells: [[String]], plain: [[String]], alignments: [String] = [])
}
