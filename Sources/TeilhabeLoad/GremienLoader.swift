import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// gremien.yaml and sitzungen.yaml → committees and meetings.
enum GremienLoader {
    static let gremiumKeys = ["id", "name", "kurzname", "art", "beschreibung", "beschreibung_leicht", "name_leicht", "quelle"]
    static let sitzungKeys = ["id", "gremium", "beginn", "ende", "ort", "tagesordnung", "quelle"]
    static let topKeys = ["top", "titel", "vorlage", "status"]

    /// The items of a YAML file that holds a list; an absent file is an empty list. A file that cannot be
    /// read as a list has its ids looked for line by line (`broken`), so that references to them stay quiet.
    private static func items(_ name: String, in folder: ContentFolder,
                              broken: WritableKeyPath<BrokenRecords, Set<String>>,
                              unknown: WritableKeyPath<BrokenRecords, Bool>) -> (file: String, source: YAMLSource, nodes: [Node])? {
        guard folder.exists(name) else { return nil }
        let file = folder.display(name)
        let node: Node
        guard let text = folder.text(name) else {
            recordUnreadable(name, in: folder, broken: broken, unknown: unknown)
            return nil
        }
        switch YAMLFile.parse(text, file: file, log: folder.log) {
        case .empty: return nil   // a file without entries (or comments only): a project without any yet
        case .failed:
            recordUnreadable(name, in: folder, broken: broken, unknown: unknown)
            return nil
        case let .node(n): node = n
        }
        guard let list = node.sequence else {
            folder.log.error("YAML", .notAnEntryList(name),
                             at: Fields.location(node, file: file, lineOffset: 0))
            recordUnreadable(name, in: folder, broken: broken, unknown: unknown)
            return nil
        }
        return (file, YAMLSource(text), Array(list))
    }

    private static func recordUnreadable(_ name: String, in folder: ContentFolder,
                                         broken: WritableKeyPath<BrokenRecords, Set<String>>,
                                         unknown: WritableKeyPath<BrokenRecords, Bool>) {
        let ids = BrokenRecordScan.rawText(name, in: folder).map { BrokenRecordScan.values(of: "id", in: $0) } ?? []
        folder.broken.update { records in
            if ids.isEmpty { records[keyPath: unknown] = true } else { records[keyPath: broken].formUnion(ids) }
        }
    }

    /// Reads one entry into its own log: an entry with an error is recorded as broken by its id (as far as
    /// it could be read), so that checks neither report references to it nor compare against its rest.
    private static func entry<T>(_ node: Node, in folder: ContentFolder,
                                 broken: WritableKeyPath<BrokenRecords, Set<String>>,
                                 unknown: WritableKeyPath<BrokenRecords, Bool>,
                                 _ read: (DiagnosticLog) -> T?) -> T? {
        let log = DiagnosticLog()
        let value = read(log)
        for finding in log.all { folder.log.report(finding) }
        guard log.hasErrors else { return value }
        let id = node.mapping?.first(where: { $0.key.string == "id" })?.value.scalar?.string.trimmed(lineEndings: true)
        folder.broken.update { records in
            if let id, !id.isEmpty { records[keyPath: broken].insert(id) } else { records[keyPath: unknown] = true }
        }
        return value
    }

    static func gremien(in folder: ContentFolder) -> [Gremium] {
        guard let (file, source, nodes) = items("gremien.yaml", in: folder, broken: \.gremien, unknown: \.unknownGremium)
        else { return [] }
        return nodes.compactMap { node in
            entry(node, in: folder, broken: \.gremien, unknown: \.unknownGremium) { log in
                gremium(node, file: file, source: source, log: log, collection: folder.easyFields)
            }
        }
    }

    private static func gremium(_ node: Node, file: String, source: YAMLSource, log: DiagnosticLog,
                                collection: EasyFieldCollection) -> Gremium? {
        guard let g = Fields(node, known: gremiumKeys, what: "Gremium", file: file, lineOffset: 0, log: log, collection: collection,
                             source: source),
              let id = g.string("id", required: true), let name = g.string("name", required: true),
              let art: Gremium.Art = g.choice("art", required: true) else { return nil }
        QuelleField.read(g)
        return Gremium(id: id, name: name, kurzname: g.string("kurzname"), art: art,
                       beschreibung: g.string("beschreibung"), beschreibungLeicht: g.leicht("beschreibung_leicht"),
                       nameLeicht: g.leicht("name_leicht"), location: g.location("id"))
    }

    static func sitzungen(in folder: ContentFolder) -> [Sitzung] {
        guard let (file, source, nodes) = items("sitzungen.yaml", in: folder, broken: \.sitzungen, unknown: \.unknownSitzung)
        else { return [] }
        return nodes.compactMap { node in
            entry(node, in: folder, broken: \.sitzungen, unknown: \.unknownSitzung) { log in
                sitzung(node, file: file, source: source, log: log)
            }
        }
    }

    private static func sitzung(_ node: Node, file: String, source: YAMLSource, log: DiagnosticLog) -> Sitzung? {
        guard let s = Fields(node, known: sitzungKeys, what: "Sitzung", file: file, lineOffset: 0, log: log, source: source)
        else { return nil }
        let id = s.string("id", required: true)
        let gremium = s.string("gremium", required: true)
        let begin = s.instant("beginn", required: true)
        let end = s.instant("ende")
        QuelleField.read(s)
        let tops = s.list("tagesordnung").compactMap { top(s.item($0, known: topKeys, what: "Tagesordnungspunkt")) }
        guard let id, let gremium, let begin else { return nil }
        if let end, end < begin {
            log.error("SCHEMA-VALUE", .endBeforeBeginn, at: s.location("ende"))
        }
        return Sitzung(id: id, gremium: gremium, begin: begin, ende: end, ort: s.string("ort"),
                       tagesordnung: tops, location: s.location("id"))
    }

    private static func top(_ t: Fields?) -> Tagesordnungspunkt? {
        guard let t, let number = t.string("top", required: true) else { return nil }
        let titel = t.string("titel"), vorlage = t.string("vorlage")
        if titel == nil, vorlage == nil {
            t.log.error("SCHEMA-REQUIRED", .topNeedsTitel(number), at: t.location)
            return nil
        }
        return Tagesordnungspunkt(top: number, titel: titel, vorlage: vorlage,
                                  status: t.status(drafts: false), location: t.location("top"))
    }
}
