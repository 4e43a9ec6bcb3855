import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// gremien.yaml and sitzungen.yaml → committees and meetings.
enum GremienLoader {
    static let gremiumKeys = ["id", "name", "kurzname", "art", "beschreibung", "beschreibung_leicht"]
    static let sitzungKeys = ["id", "gremium", "beginn", "ende", "ort", "tagesordnung"]
    static let topKeys = ["top", "titel", "vorlage", "status"]

    /// The items of a YAML file that holds a list; an absent file is an empty list.
    private static func items(_ name: String, in folder: ContentFolder) -> (file: String, nodes: [Node])? {
        guard folder.exists(name) else { return nil }
        let file = folder.display(name)
        // A file without entries (empty, or comments only) is a project without any yet.
        guard let node = folder.yaml(name).node else { return nil }
        guard let list = node.sequence else {
            folder.log.error("YAML", "\(name) must be a list of entries, each starting with '- id:'",
                             at: Fields.location(node, file: file, lineOffset: 0))
            return nil
        }
        return (file, Array(list))
    }

    static func gremien(in folder: ContentFolder) -> [Gremium] {
        guard let (file, nodes) = items("gremien.yaml", in: folder) else { return [] }
        return nodes.compactMap { node in
            guard let g = Fields(node, known: gremiumKeys, what: "Gremium", file: file, lineOffset: 0, log: folder.log,
                                 sammlung: folder.leichteFelder),
                  let id = g.string("id", required: true), let name = g.string("name", required: true),
                  let art: Gremium.Art = g.choice("art", required: true) else { return nil }
            return Gremium(id: id, name: name, kurzname: g.string("kurzname"), art: art,
                           beschreibung: g.string("beschreibung"), beschreibungLeicht: g.leicht("beschreibung_leicht"),
                           location: g.location("id"))
        }
    }

    static func sitzungen(in folder: ContentFolder) -> [Sitzung] {
        guard let (file, nodes) = items("sitzungen.yaml", in: folder) else { return [] }
        return nodes.compactMap { node in
            guard let s = Fields(node, known: sitzungKeys, what: "Sitzung", file: file, lineOffset: 0, log: folder.log)
            else { return nil }
            let id = s.string("id", required: true)
            let gremium = s.string("gremium", required: true)
            let beginn = s.zeitpunkt("beginn", required: true)
            let ende = s.zeitpunkt("ende")
            let tops = s.list("tagesordnung").compactMap { top(s.item($0, known: topKeys, what: "Tagesordnungspunkt")) }
            guard let id, let gremium, let beginn else { return nil }
            if let ende, ende < beginn {
                folder.log.error("SCHEMA-VALUE", "ende lies before beginn", at: s.location("ende"))
            }
            return Sitzung(id: id, gremium: gremium, beginn: beginn, ende: ende, ort: s.string("ort"),
                           tagesordnung: tops, location: s.location("id"))
        }
    }

    private static func top(_ t: Fields?) -> Tagesordnungspunkt? {
        guard let t, let nummer = t.string("top", required: true) else { return nil }
        let titel = t.string("titel"), vorlage = t.string("vorlage")
        if titel == nil, vorlage == nil {
            t.log.error("SCHEMA-REQUIRED", "Tagesordnungspunkt \(nummer) needs a 'titel' or a 'vorlage'", at: t.location)
            return nil
        }
        return Tagesordnungspunkt(top: nummer, titel: titel, vorlage: vorlage,
                                  status: t.status(drafts: false), location: t.location("top"))
    }
}
