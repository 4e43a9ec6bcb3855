import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// content/sozialraeume.yaml → areas (their boundaries come from the GeoJSON beside it).
enum SozialraumLoader {
    static let file = "sozialraeume.yaml"
    static let keys = ["id", "name", "name_leicht", "kommune", "beschreibung", "beschreibung_leicht"]

    static func allItems(in folder: ContentFolder) -> [Sozialraum] {
        guard folder.exists(file) else { return [] }
        let display = folder.display(file)
        guard let text = folder.text(file) else { return markBroken(folder) }
        let node: Node
        switch YAMLFile.parse(text, file: display, log: folder.log) {
        case .empty: return []
        case .failed: return markBroken(folder)
        case let .node(n): node = n
        }
        guard let list = node.sequence else {
            folder.log.error("YAML", .notAnEntryList(file), at: Fields.location(node, file: display, lineOffset: 0))
            return markBroken(folder)
        }
        let source = YAMLSource(text)
        var seen: [String: SourceLocation] = [:]
        return list.compactMap { item in
            let log = DiagnosticLog()
            let area = sozialraum(item, file: display, source: source, log: log, collection: folder.easyFields)
            if let area { checkIdentity(area, seen: &seen, log: log) }
            for finding in log.all { folder.log.report(finding) }
            guard log.hasErrors else { return area }
            let id = area?.id ?? item.mapping?.first(where: { $0.key.string == "id" })?.value.scalar?.string
            folder.broken.update { records in
                if let id, !id.isEmpty { records.sozialraeume.insert(id) } else { records.unknownSozialraum = true }
            }
            return nil
        }
    }

    private static func sozialraum(_ node: Node, file: String, source: YAMLSource, log: DiagnosticLog,
                                   collection: EasyFieldCollection) -> Sozialraum? {
        guard let f = Fields(node, known: keys, what: "Sozialraum", file: file, lineOffset: 0, log: log,
                             collection: collection, source: source) else { return nil }
        let id = f.string("id", required: true), name = f.string("name", required: true)
        let kommune = f.string("kommune", required: true)
        let nameLeicht = f.leicht("name_leicht"), beschreibungLeicht = f.leicht("beschreibung_leicht")
        guard let id, let name, let kommune else { return nil }
        return Sozialraum(id: id, name: name, nameLeicht: nameLeicht, kommune: kommune,
                          beschreibung: f.string("beschreibung"), beschreibungLeicht: beschreibungLeicht,
                          location: f.location("id"))
    }

    /// Ids become web addresses and are referred to from everywhere: safe and unique.
    private static func checkIdentity(_ area: Sozialraum, seen: inout [String: SourceLocation], log: DiagnosticLog) {
        let id = area.id
        if Slug.make(id) != id.lowercased() || id != id.lowercased() {
            log.error("SLUG", .idNotSlug(id, example: Slug.make(id)), at: area.location)
        }
        if let earlier = seen[id] {
            log.error("DUPLIKAT", .usedTwice(.sozialraumId, id, first: "\(earlier.file):\(earlier.line ?? 1)"), at: area.location)
        } else {
            seen[id] = area.location
        }
    }

    /// A file that cannot be read as a list: its ids, as far as a line scan finds them, count as existing.
    private static func markBroken(_ folder: ContentFolder) -> [Sozialraum] {
        let ids = BrokenRecordScan.rawText(file, in: folder).map { BrokenRecordScan.values(of: "id", in: $0) } ?? []
        folder.broken.update { records in
            if ids.isEmpty { records.unknownSozialraum = true } else { records.sozialraeume.formUnion(ids) }
        }
        return []
    }
}
