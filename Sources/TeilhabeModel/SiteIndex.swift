import TeilhabeSupport
/// Lookups by id, built once per build, so that pages and exports never scan the whole project.
/// Papers are held by their place in the project's list: a paper is a large value, and copying
/// thousands of them into lookup tables costs more than the lookups save.
package struct SiteIndex: Sendable {
    package let sitzungen: [String: Sitzung]
    package let gremien: [String: Gremium]
    /// Created/modified of each meeting: from its own day and the papers it consults.
    package let sitzungsStempel: [String: Timestamp]
    private let alleVorlagen: [Vorlage]
    private let vorlageNachNummer: [String: Int]
    /// The papers a meeting consults or has on its agenda, by path.
    private let jeSitzung: [String: [Int]]

    package init(_ project: Projekt) {
        let vorlagen = project.vorlagen
        alleVorlagen = vorlagen
        sitzungen = Dictionary(project.sitzungen.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        gremien = Dictionary(project.gremien.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let nachNummer = Dictionary(vorlagen.indices.map { (vorlagen[$0].nummer, $0) }, uniquingKeysWith: { a, _ in a })
        vorlageNachNummer = nachNummer
        var days: [String: (first: Tag, letztes: Tag)] = [:]
        func merke(_ sitzung: String, _ von: Tag, _ bis: Tag) {
            let alt = days[sitzung] ?? (von, bis)
            days[sitzung] = (min(alt.first, von), max(alt.letztes, bis))
        }
        var je: [String: Set<Int>] = [:]
        for s in project.sitzungen {
            merke(s.id, s.begin.tag, s.begin.tag)
            for nummer in s.tagesordnung.compactMap(\.vorlage) {
                guard let i = nachNummer[nummer] else { continue }
                merke(s.id, vorlagen[i].datum, vorlagen[i].changed ?? vorlagen[i].datum)
                je[s.id, default: []].insert(i)
            }
        }
        // By index and field: `for v in vorlagen` would copy every paper whole.
        for i in vorlagen.indices {
            for b in vorlagen[i].beratungsfolge {
                je[b.sitzung, default: []].insert(i)
                if days[b.sitzung] != nil { merke(b.sitzung, vorlagen[i].datum, vorlagen[i].changed ?? vorlagen[i].datum) }
            }
        }
        sitzungsStempel = days.mapValues { Timestamp($0.first, $0.letztes) }
        // Each paper once (the set), in the order of their paths (`vorlagen/<slug>`, so of their slugs).
        let slugs = vorlagen.indices.map { vorlagen[$0].slug }
        jeSitzung = je.mapValues { $0.sorted { slugs[$0] < slugs[$1] } }
    }

    package func vorlage(nummer: String) -> Vorlage? { vorlageNachNummer[nummer].map { alleVorlagen[$0] } }

    package func vorlagen(jeSitzung id: String) -> [Vorlage] { (jeSitzung[id] ?? []).map { alleVorlagen[$0] } }

    /// `transform` of each paper a meeting shows, the papers read in place: a paper is a large value,
    /// and copying them for every object of a meeting (its page, agenda items, OParl objects) was 2 %
    /// of a clean build's CPU (perf).
    package func mapVorlagen<T>(jeSitzung id: String, _ transform: (Vorlage) -> T) -> [T] {
        // Through the buffer: the array's subscript hands the closure a copy.
        alleVorlagen.withUnsafeBufferPointer { all in (jeSitzung[id] ?? []).map { transform(all[$0]) } }
    }

    /// `transform` of the paper with this number, read in place.
    package func withVorlage<T>(nummer: String, _ transform: (Vorlage) -> T) -> T? {
        alleVorlagen.withUnsafeBufferPointer { all in vorlageNachNummer[nummer].map { transform(all[$0]) } }
    }
}
