import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// The inclusion plan: every reference resolves (indicators, paper numbers), ids are unique
/// within an edition and safe in addresses, and no two editions share a date.
enum InklusionsplanCheck {
    static func run(_ project: Projekt, log: DiagnosticLog) {
        let indikatoren = project.indikatoren.map(\.id), numbers = project.vorlagen.map(\.nummer), broken = project.broken
        var states: [CalendarDay: String] = [:]
        for plan in project.inklusionsplaene {
            if let others = states[plan.stand] {
                log.error("PLAN", .editionsSameStand(others, plan.edition),
                          at: plan.location)
            }
            states[plan.stand] = plan.edition
            var fields: [String: SourceLocation] = [:], massnahmen: [String: SourceLocation] = [:]
            for field in plan.handlungsfelder {
                if let earlier = fields[field.id] {
                    log.error("DUPLIKAT", .handlungsfeldTwice(field.id, firstLine: earlier.line ?? 1), at: field.location)
                }
                fields[field.id] = field.location
                if Slug.make(field.id) != field.id || field.id == "fortschreibung" {
                    log.error("SLUG", .handlungsfeldNotSlug(field.id),
                              at: field.location)
                }
                for m in field.massnahmen {
                    if let earlier = massnahmen[m.id] {
                        log.error("DUPLIKAT", .massnahmeTwice(m.id, firstLine: earlier.line ?? 1),
                                  at: m.location)
                    }
                    massnahmen[m.id] = m.location
                    // Reported at the entry's own line; records that exist but did not load were reported there.
                    for id in m.indikatoren where !indikatoren.contains(id) && !broken.indikatoren.contains(id) {
                        ReferenceCheck.unresolved("Indikator", id, known: indikatoren, file: "indikatoren/",
                                                  at: m.referenceLocations[id] ?? m.location, log: log)
                    }
                    for number in m.vorlagen where !numbers.contains(number) && !broken.mayBeVorlage(number) {
                        ReferenceCheck.unresolved("Vorlage", number, known: numbers, file: "vorlagen/",
                                                  at: m.referenceLocations[number] ?? m.location, log: log)
                    }
                }
            }
        }
    }
}
