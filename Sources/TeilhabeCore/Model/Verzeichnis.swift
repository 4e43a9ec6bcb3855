/// Lookups by id, built once per build, so that pages and exports never scan the whole project.
struct Verzeichnis: Sendable {
    let sitzungen: [String: Sitzung]
    let vorlagen: [String: Vorlage]
    let gremien: [String: Gremium]
    /// Created/modified of each meeting: from its own day and the papers it consults.
    let sitzungsStempel: [String: Zeitstempel]
    /// The papers a meeting consults or has on its agenda, by path.
    let vorlagenJeSitzung: [String: [Vorlage]]

    init(_ projekt: Projekt) {
        sitzungen = Dictionary(projekt.sitzungen.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        vorlagen = Dictionary(projekt.vorlagen.map { ($0.nummer, $0) }, uniquingKeysWith: { a, _ in a })
        gremien = Dictionary(projekt.gremien.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var tage: [String: (erstes: Tag, letztes: Tag)] = [:]
        func merke(_ sitzung: String, _ von: Tag, _ bis: Tag) {
            let alt = tage[sitzung] ?? (von, bis)
            tage[sitzung] = (min(alt.erstes, von), max(alt.letztes, bis))
        }
        for s in projekt.sitzungen {
            merke(s.id, s.beginn.tag, s.beginn.tag)
            for nummer in s.tagesordnung.compactMap(\.vorlage) {
                if let v = vorlagen[nummer] { merke(s.id, v.datum, v.geaendert ?? v.datum) }
            }
        }
        for v in projekt.vorlagen {
            for b in v.beratungsfolge where tage[b.sitzung] != nil { merke(b.sitzung, v.datum, v.geaendert ?? v.datum) }
        }
        sitzungsStempel = tage.mapValues { Zeitstempel($0.erstes, $0.letztes) }
        var jeSitzung: [String: [String: Vorlage]] = [:]
        for v in projekt.vorlagen { for b in v.beratungsfolge { jeSitzung[b.sitzung, default: [:]][v.pfad] = v } }
        for s in projekt.sitzungen {
            for nummer in s.tagesordnung.compactMap(\.vorlage) { if let v = vorlagen[nummer] { jeSitzung[s.id, default: [:]][v.pfad] = v } }
        }
        vorlagenJeSitzung = jeSitzung.mapValues { $0.sorted { $0.key < $1.key }.map(\.value) }
    }
}
