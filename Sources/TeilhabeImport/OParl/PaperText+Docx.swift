import Foundation

extension PaperText {
    /// A Word main file's text through the Word importer. Its pictures are not written: the main file
    /// itself is downloaded into `anlagen/` beside the paper, so each picture stands as its alternative text.
    package static let wordText: @Sendable (Data) throws -> String = { data in
        let document = try DocxReader.markdown(from: data)
        var text = document.markdown
        for image in document.images {
            let altText = image.alt.isEmpty ? "Abbildung" : "Abbildung: " + image.alt
            text = text.replacingOccurrences(of: #"!\[[^\]]*\]\(anlagen/\#(NSRegularExpression.escapedPattern(for: image.name))\)"#,
                                             with: NSRegularExpression.escapedTemplate(for: "*" + altText + "*"),
                                             options: .regularExpression)
        }
        return text
    }
}
