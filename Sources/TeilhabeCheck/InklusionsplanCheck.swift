import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// The inclusion plan: every reference resolves (indicators, paper numbers), ids are unique
/// within an edition and safe in addresses, and no two editions share a date.
enum InklusionsplanCheck {
    static func run(_ projekt: Projekt, log: DiagnosticLog) {
        let indikatoren = projekt.indikatoren.map(\.id), nummern = projekt.vorlagen.map(\.nummer), broken = projekt.broken
        var staende: [Tag: String] = [:]
        for plan in projekt.inklusionsplaene {
            if let andere = staende[plan.stand] {
                log.error("PLAN", .editionsSameStand(andere, plan.edition),
                          at: plan.location)
            }
            staende[plan.stand] = plan.edition
            var felder: [String: SourceLocation] = [:], massnahmen: [String: SourceLocation] = [:]
            for feld in plan.handlungsfelder {
                if let frueher = felder[feld.id] {
                    log.error("DUPLIKAT", .handlungsfeldTwice(feld.id, firstLine: frueher.line ?? 1), at: feld.location)
                }
                felder[feld.id] = feld.location
                if Slug.make(feld.id) != feld.id || feld.id == "fortschreibung" {
                    log.error("SLUG", .handlungsfeldNotSlug(feld.id),
                              at: feld.location)
                }
                for m in feld.massnahmen {
                    if let frueher = massnahmen[m.id] {
                        log.error("DUPLIKAT", .massnahmeTwice(m.id, firstLine: frueher.line ?? 1),
                                  at: m.location)
                    }
                    massnahmen[m.id] = m.location
                    // Reported at the entry's own line; records that exist but did not load were reported there.
                    for id in m.indikatoren where !indikatoren.contains(id) && !broken.indikatoren.contains(id) {
                        ReferenceCheck.unresolved("Indikator", id, known: indikatoren, file: "indikatoren/",
                                                  at: m.referenceLocations[id] ?? m.location, log: log)
                    }
                    for nummer in m.vorlagen where !nummern.contains(nummer) && !broken.mayBeVorlage(nummer) {
                        ReferenceCheck.unresolved("Vorlage", nummer, known: nummern, file: "vorlagen/",
                                                  at: m.referenceLocations[nummer] ?? m.location, log: log)
                    }
                }
            }
        }
    }
}
