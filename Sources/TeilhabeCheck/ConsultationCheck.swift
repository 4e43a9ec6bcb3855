import TeilhabeSupport
import TeilhabeModel

/// A paper's Beratungsfolge and the meetings' agendas tell the same story: a paper on an agenda
/// names that meeting in its Beratungsfolge, and a meeting named in a Beratungsfolge has the paper
/// on its agenda (once it has an agenda at all). Otherwise the public pages contradict each other.
enum ConsultationCheck {
    static func run(_ project: Projekt, log: DiagnosticLog) {
        // A file with errors is reported there; comparing against what could be read of it would add follow-up errors.
        // A meeting whose entry has an error counts as broken: its agenda may be the part that failed.
        let faulty = project.filesWithErrors, broken = project.broken
        guard !broken.unknownSitzung else { return }
        var vorlageAfter: [String: Vorlage] = [:]
        for v in project.vorlagen where !faulty.contains(v.body.pfad) { vorlageAfter[v.nummer] = v }
        let sitzungAfter = Dictionary(project.sitzungen.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for sitzung in project.sitzungen where !broken.sitzungen.contains(sitzung.id) {
            for top in sitzung.tagesordnung {
                // A Beratung that names a meeting which does not exist was reported as such: it may be this one.
                guard let number = top.vorlage, let v = vorlageAfter[number],
                      !v.beratungsfolge.contains(where: { $0.sitzung == sitzung.id || sitzungAfter[$0.sitzung] == nil })
                else { continue }
                log.error("BERATUNG", .topNotInBeratungsfolge(number: number, top: top.top, sitzung: sitzung.id, place: ort(v.location)), at: top.location)
            }
        }
        for v in vorlageAfter.values.sorted(by: { $0.nummer < $1.nummer }) {
            for beratung in v.beratungsfolge {
                guard let sitzung = sitzungAfter[beratung.sitzung], !broken.sitzungen.contains(sitzung.id),
                      !sitzung.tagesordnung.isEmpty,
                      !sitzung.tagesordnung.contains(where: { $0.vorlage == v.nummer }) else { continue }
                log.error("BERATUNG", .beratungNotOnAgenda(sitzung: sitzung.id, place: ort(sitzung.location), number: v.nummer), at: beratung.location)
            }
        }
    }

    /// `sitzungen.yaml:12` for a message that names the other place.
    private static func ort(_ l: SourceLocation) -> String {
        l.line.map { "\(l.file):\($0)" } ?? l.file
    }
}
