import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// content/akteure.yaml → the actors and their ties. Ties to unknown actors are found by `NetzwerkCheck`.
enum AkteurLoader {
    static let keys = ["id", "name", "art", "beschreibung", "web", "sozialraeume", "verbindungen"]
    static let tieKeys = ["mit", "art"]

    static func allItems(in folder: ContentFolder) -> [Akteur] {
        let name = "akteure.yaml"
        guard folder.exists(name), let text = folder.text(name) else { return [] }
        let file = folder.display(name)
        guard case let .node(node) = YAMLFile.parse(text, file: file, log: folder.log) else { return [] }
        guard let list = node.sequence else {
            folder.log.error("YAML", .notAnEntryList(name), at: Fields.location(node, file: file, lineOffset: 0))
            return []
        }
        let source = YAMLSource(text)
        var seen: [String: SourceLocation] = [:]
        return list.compactMap { item -> Akteur? in
            guard let f = Fields(item, known: keys, what: "Akteur", file: file, lineOffset: 0, log: folder.log,
                                 collection: folder.easyFields, source: source) else { return nil }
            guard let a = akteur(f) else { return nil }
            if let first = seen[a.id] {
                folder.log.error("NETZWERK", .duplicateId(a.id, firstAt: "Zeile \(first.line ?? 0)"), at: a.location)
                return nil
            }
            seen[a.id] = a.location
            return a
        }
    }

    private static func akteur(_ f: Fields) -> Akteur? {
        let id = f.string("id", required: true), name = f.string("name", required: true)
        let art: Akteur.Art? = f.choice("art", required: true)
        let areas = f.list("sozialraeume").compactMap { node -> (String, SourceLocation)? in
            guard let text = node.scalar?.string.trimmed(), !text.isEmpty else {
                f.log.error("SCHEMA-TYPE", .listEntryNotText("sozialraeume"), at: f.location(of: node))
                return nil
            }
            return (text, f.location(of: node))
        }
        let ties = f.list("verbindungen").compactMap { node -> Akteur.Verbindung? in
            guard let t = f.item(node, known: tieKeys, what: "Verbindung"), let with = t.string("mit", required: true),
                  let art: Akteur.Verbindung.Art = t.choice("art", required: true) else { return nil }
            return Akteur.Verbindung(mit: with, art: art, location: t.location("mit"))
        }
        if let id, !ProjektLoader.isSlugPart(Substring(id)) {
            f.log.error("SLUG", .fileNameNotSlug(id, example: Slug.make(id)), at: f.location("id"), suggestion: Slug.make(id))
            return nil
        }
        guard let id, let name, let art else { return nil }
        return Akteur(id: id, name: name, art: art, beschreibung: f.string("beschreibung"), web: f.string("web"),
                      sozialraeume: areas.map(\.0), verbindungen: ties, location: f.location("id"),
                      sozialraumLocations: areas.map(\.1))
    }
}
