import TeilhabeSupport
/// Lookups by id, built once per build, so that pages and exports never scan the whole project.
/// Papers are held by their place in the project's list: a paper is a large value, and copying
/// thousands of them into lookup tables costs more than the lookups save.
package struct SiteIndex: Sendable {
    package let sitzungen: [String: Sitzung]
    package let gremien: [String: Gremium]
    /// Created/modified of each meeting: from its own day and the papers it consults.
    package let sitzungTimestamps: [String: Timestamp]
    private let allVorlagen: [Vorlage]
    private let vorlageByNummer: [String: Int]
    /// The papers a meeting consults or has on its agenda, by path.
    private let perSitzung: [String: [Int]]

    package init(_ project: Projekt) {
        let vorlagen = project.vorlagen
        allVorlagen = vorlagen
        sitzungen = Dictionary(project.sitzungen.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        gremien = Dictionary(project.gremien.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let byNummer = Dictionary(vorlagen.indices.map { (vorlagen[$0].nummer, $0) }, uniquingKeysWith: { a, _ in a })
        vorlageByNummer = byNummer
        var days: [String: (first: CalendarDay, lastDay: CalendarDay)] = [:]
        func remember(_ sitzung: String, _ from: CalendarDay, _ to: CalendarDay) {
            let old = days[sitzung] ?? (from, to)
            days[sitzung] = (min(old.first, from), max(old.lastDay, to))
        }
        var per: [String: Set<Int>] = [:]
        for s in project.sitzungen {
            remember(s.id, s.begin.calendarDay, s.begin.calendarDay)
            for number in s.tagesordnung.compactMap(\.vorlage) {
                guard let i = byNummer[number] else { continue }
                remember(s.id, vorlagen[i].datum, vorlagen[i].changed ?? vorlagen[i].datum)
                per[s.id, default: []].insert(i)
            }
        }
        // By index and field: `for v in vorlagen` would copy every paper whole.
        for i in vorlagen.indices {
            for b in vorlagen[i].beratungsfolge {
                per[b.sitzung, default: []].insert(i)
                if days[b.sitzung] != nil { remember(b.sitzung, vorlagen[i].datum, vorlagen[i].changed ?? vorlagen[i].datum) }
            }
        }
        sitzungTimestamps = days.mapValues { Timestamp($0.first, $0.lastDay) }
        // Each paper once (the set), in the order of their paths (`vorlagen/<slug>`, so of their slugs).
        let slugs = vorlagen.indices.map { vorlagen[$0].slug }
        perSitzung = per.mapValues { $0.sorted { slugs[$0] < slugs[$1] } }
    }

    package func vorlage(number: String) -> Vorlage? { vorlageByNummer[number].map { allVorlagen[$0] } }

    package func vorlagen(perSitzung id: String) -> [Vorlage] { (perSitzung[id] ?? []).map { allVorlagen[$0] } }

    /// `transform` of each paper a meeting shows, the papers read in place: a paper is a large value,
    /// and copying them for every object of a meeting (its page, agenda items, OParl objects) was 2 %
    /// of a clean build's CPU (perf).
    package func mapVorlagen<T>(perSitzung id: String, _ transform: (Vorlage) -> T) -> [T] {
        // Through the buffer: the array's subscript hands the closure a copy.
        allVorlagen.withUnsafeBufferPointer { all in (perSitzung[id] ?? []).map { transform(all[$0]) } }
    }

    /// `transform` of the paper with this number, read in place.
    package func withVorlage<T>(number: String, _ transform: (Vorlage) -> T) -> T? {
        allVorlagen.withUnsafeBufferPointer { all in vorlageByNummer[number].map { transform(all[$0]) } }
    }
}
