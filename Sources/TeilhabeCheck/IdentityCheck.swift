import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Ids and numbers must be unique, and ids that become web addresses must be safe in them.
enum IdentityCheck {
    static func run(_ project: Projekt, log: DiagnosticLog) {
        duplicates(project.vorlagen.map { ($0.nummer, $0.nummerLocation) }, what: .vorlageNumber, log: log)
        duplicates(project.gremien.map { ($0.id, $0.location) }, what: .gremiumId, log: log)
        duplicates(project.sitzungen.map { ($0.id, $0.location) }, what: .sitzungId, log: log)
        for (id, location) in project.gremien.map({ ($0.id, $0.location) }) + project.sitzungen.map({ ($0.id, $0.location) })
        where Slug.make(id) != id.lowercased() || id != id.lowercased() {
            log.error("SLUG", .idNotSlug(id, example: Slug.make(id)),
                      at: location)
        }
        for sitzung in project.sitzungen {
            duplicates(sitzung.tagesordnung.map { ($0.top, $0.location) }, what: .topNumber(in: sitzung.id), log: log)
        }
    }

    private static func duplicates(_ items: [(String, SourceLocation)], what: Message, log: DiagnosticLog) {
        var first: [String: SourceLocation] = [:]
        for (key, location) in items {
            if let earlier = first[key] {
                log.error("DUPLIKAT", .usedTwice(what, key, first: "\(earlier.file):\(earlier.line ?? 1)"),
                          at: location)
            } else {
                first[key] = location
            }
        }
    }
}
