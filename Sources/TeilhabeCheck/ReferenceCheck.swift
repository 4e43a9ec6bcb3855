import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Every reference between files must resolve: meeting → committee, Beratung → meeting,
/// agenda item → paper number.
enum ReferenceCheck {
    static func run(_ project: Projekt, log: DiagnosticLog) {
        let gremien = project.gremien.map(\.id), sitzungen = project.sitzungen.map(\.id), numbers = project.vorlagen.map(\.nummer)
        // Sets for the lookups: an office has thousands of papers and hundreds of meetings.
        let gremienSet = Set(gremien), sitzungSet = Set(sitzungen), numberSet = Set(numbers)
        // A record that exists but did not load was reported at its place: references to it are no mistake.
        let broken = project.broken
        for sitzung in project.sitzungen where !gremienSet.contains(sitzung.gremium) && !broken.mayBeGremium(sitzung.gremium) {
            unresolved("Gremium", sitzung.gremium, known: gremien, file: "gremien.yaml", at: sitzung.location, log: log)
        }
        let vorlagen = project.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices {
            for beratung in vorlagen[i].beratungsfolge
            where !sitzungSet.contains(beratung.sitzung) && !broken.mayBeSitzung(beratung.sitzung) {
                unresolved("Sitzung", beratung.sitzung, known: sitzungen, file: "sitzungen.yaml",
                           at: beratung.location, log: log)
            }
        }
        for sitzung in project.sitzungen {
            for top in sitzung.tagesordnung {
                guard let number = top.vorlage, !numberSet.contains(number), !broken.mayBeVorlage(number) else { continue }
                unresolved("Vorlage", number, known: numbers, file: "vorlagen/", at: top.location, log: log)
            }
        }
    }

    static func unresolved(_ what: String, _ id: String, known: [String], file: String,
                           at location: SourceLocation, log: DiagnosticLog) {
        let suggestion = suggestion(for: id, in: known)
        log.error("REF", .notFound(what, id, in: file, suggestion: suggestion), at: location, suggestion: suggestion)
    }

    /// The closest id; else the one id that shares a date with it (`2026-03-12-sozialausschuss` for
    /// `2026-03-12-ausschuss-soziales`: the words differ, the day does not); else the one id that holds it
    /// or that it holds. Meeting ids are long, so spelling distance alone often finds nothing.
    static func suggestion(for id: String, in known: [String]) -> String? {
        if let closest = Suggest.closest(to: id, in: known) { return closest }
        let dates = id.matches(of: datePattern.regex).map { String(id[$0.range]) }
        for date in dates {
            let sameDay = known.filter { $0.contains(date) }
            if sameDay.count == 1 { return sameDay[0] }
        }
        guard id.count >= 4 else { return nil }
        let lowered = id.lowercased()
        let related = known.filter { $0.lowercased().contains(lowered) || lowered.contains($0.lowercased()) }
        return related.count == 1 ? related[0] : nil
    }

    private static let datePattern = SharedRegex(#/[0-9]{4}-[0-9]{2}-[0-9]{2}/#)
}
