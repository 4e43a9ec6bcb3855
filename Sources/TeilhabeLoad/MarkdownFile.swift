import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// A Markdown file read up to its front matter, ready for a typed loader.
struct MarkdownFile {
    let relative: String
    let fields: Fields
    let body: MarkdownSource

    var location: SourceLocation { SourceLocation(file: fields.file, line: 1, column: 1) }

    /// nil (with errors logged) when the file cannot be read or has no valid front matter.
    init?(_ relative: String, in folder: ContentFolder, known: [String], what: String) {
        let file = folder.display(relative)
        guard let text = folder.text(relative) else { return nil }
        guard let front = FrontMatter(text) else {
            folder.log.error("FRONTMATTER", .frontMatterMissing(what),
                             at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        let node: Node
        switch YAMLFile.parse(front.yaml, file: file, lineOffset: front.yamlLineOffset, log: folder.log) {
        case let .node(n): node = n
        case .failed: return nil
        case .empty:
            // One error for the file, not one for each required key.
            folder.log.error("FRONTMATTER", .frontMatterEmpty(what),
                             at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        guard let fields = Fields(node, known: known, what: what, file: file, lineOffset: front.yamlLineOffset,
                                  log: folder.log, collection: relative.hasSuffix(".leicht.md") ? folder.easyFields : nil,
                                  source: YAMLSource(front.yaml))
        else { return nil }
        self.relative = relative
        self.fields = fields
        self.body = MarkdownSource(text: front.body, file: file, pfad: relative, firstLine: front.bodyFirstLine,
                                   head: .of(file + "\n" + front.yaml))
    }
}

/// Reads the `anlagen:` list shared by Vorlagen, Berichte and Seiten.
enum AnlagenField {
    static func read(_ f: Fields) -> [Anlage] {
        f.list("anlagen").compactMap { node in
            guard let a = f.item(node, known: ["titel", "datei"], what: "Anlage"),
                  let titel = a.string("titel", required: true),
                  let filePath = a.string("datei", required: true) else { return nil }
            return Anlage(titel: titel, filePath: filePath, location: a.location("datei"))
        }
    }
}
