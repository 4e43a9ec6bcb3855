import Foundation
import TeilhabeSupport

extension DocxConversion {
    /// Formats a browser shows; others (EMF, WMF, TIFF) are skipped with a warning. SVG is left out
    /// on purpose: it may carry scripts, and Word stores a PNG beside it anyway.
    static let webImageTypes: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    /// `![alt](anlagen/<name>)` for a `w:drawing` (or legacy `w:pict`), nil where it holds no picture.
    func image(_ drawing: XMLElement) -> String? {
        let source: XMLElement = drawing.name == "AlternateContent" ? (drawing.child("Choice") ?? drawing) : drawing
        let id = source.descendant("blip")?["embed"] ?? source.descendant("imagedata")?["id"]
        guard let target = relationshipTarget(id), let path = DocxPackage.resolve(target, from: "word") else { return nil }
        let properties = source.descendant("docPr")
        let altText = DocxMarkdown.oneLine(properties?["descr"] ?? source.descendant("shape")?["alt"] ?? properties?["title"] ?? "")
        let fileExtension = (path.split(separator: ".").last.map(String.init) ?? "").lowercased()
        guard Self.webImageTypes.contains(fileExtension) else {
            recordImageWarning(DocxWarning("DOCX-BILD", .docxImageSkipped(properties?["name"] ?? path)))
            return nil
        }
        guard let data = readPart(path) else { return nil }
        let name = imageName(docPrName: properties?["name"], fileExtension: fileExtension)
        addImage(DocxImage(name: name, data: data, alt: altText))
        if altText.isEmpty { recordImageWarning(DocxWarning("A11Y-ALT", .docxImageWithoutAltText(name))) }
        return "![\(DocxMarkdown.escape(altText, inTable: false))](anlagen/\(name))"
    }

    /// The file's own name where it gives one with a web extension (`export docx` writes the original
    /// name), else `<prefix>-bild-<n>`; letters, digits and dashes only, unique within the file.
    func imageName(docPrName: String?, fileExtension: String) -> String {
        var stem = "\(imagePrefixForNames)-bild-\(imageCount + 1)"
        var ext = fileExtension == "jpeg" ? "jpg" : fileExtension
        if let docPrName, let dot = docPrName.lastIndex(of: "."),
           Self.webImageTypes.contains(docPrName[docPrName.index(after: dot)...].lowercased()) {
            let own = Slug.make(String(docPrName[..<dot]))
            if !own.isEmpty, own.count <= 80 {
                stem = own
                ext = docPrName[docPrName.index(after: dot)...].lowercased()
            }
        }
        var name = "\(stem).\(ext)", n = 2
        while imageNames.contains(name) { name = "\(stem)-\(n).\(ext)"; n += 1 }
        return name
    }
}
