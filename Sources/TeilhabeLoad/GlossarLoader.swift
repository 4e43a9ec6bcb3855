import Foundation
import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// content/glossar.yaml → the glossary: a list of `wort`, `varianten`, `erklaerung`. A word or variant
/// that two entries share (splitting marks and the first letter's case ignored) is an error at the
/// second one, naming the line of the first: a page could not tell which explanation it means.
enum GlossarLoader {
    static let keys = ["wort", "varianten", "erklaerung"]
    static let file = "glossar.yaml"

    static func load(in folder: ContentFolder) -> [GlossarEntry] {
        guard folder.exists(file), let text = folder.text(file) else { return [] }
        let display = folder.display(file)
        let node: Node
        switch YAMLFile.parse(text, file: display, log: folder.log) {
        case .empty, .failed: return []
        case let .node(n): node = n
        }
        guard let list = node.sequence else {
            folder.log.error("YAML", .glossaryNotAList, at: Fields.location(node, file: display, lineOffset: 0))
            return []
        }
        let source = YAMLSource(text)
        var seen: [String: (wort: String, line: Int?)] = [:]
        return list.compactMap { item in
            guard let f = Fields(item, known: keys, what: "Glossar-Eintrag", file: display, lineOffset: 0, log: folder.log,
                                 collection: folder.easyFields, source: source),
                  let word = f.string("wort", required: true) else { return nil }
            let erklaerung = f.leicht("erklaerung", required: true)
            var forms: [(String, SourceLocation)] = [(word, f.location("wort"))]
            for v in f.list("varianten") {
                guard let variant = v.scalar?.string, !variant.trimmingCharacters(in: .whitespaces).isEmpty else {
                    folder.log.error("SCHEMA-TYPE", .listEntryNotText("varianten"), at: f.location(of: v))
                    continue
                }
                forms.append((variant, f.location(of: v)))
            }
            var own: Set<String> = []
            for (form, at) in forms {
                let key = Glossary.comparable(form)
                if own.contains(key) { continue }   // a variant that only repeats the word in another spelling
                own.insert(key)
                if let first = seen[key] {
                    folder.log.error("GLOSSAR", .glossaryDuplicate(form, word: first.wort, line: first.line), at: at)
                } else {
                    seen[key] = (word, f.location("wort").line)
                }
            }
            guard let erklaerung else { return nil }
            return GlossarEntry(wort: word, varianten: forms.dropFirst().map(\.0), erklaerung: erklaerung, location: f.location("wort"))
        }
    }
}
