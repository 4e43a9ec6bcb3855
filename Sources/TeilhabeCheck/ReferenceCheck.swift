import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Every reference between files must resolve: meeting → committee, Beratung → meeting,
/// agenda item → paper number.
enum ReferenceCheck {
    static func run(_ projekt: Projekt, log: DiagnosticLog) {
        let gremien = projekt.gremien.map(\.id), sitzungen = projekt.sitzungen.map(\.id), nummern = projekt.vorlagen.map(\.nummer)
        // Sets for the lookups: an office has thousands of papers and hundreds of meetings.
        let gremienMenge = Set(gremien), sitzungenMenge = Set(sitzungen), nummernMenge = Set(nummern)
        // References into a file with errors may fail because of them: that file's errors are reported.
        let fehlerhaft = projekt.filesWithErrors
        let vorlagenFehlerhaft = fehlerhaft.contains { $0.hasPrefix("vorlagen/") }
        for sitzung in projekt.sitzungen where !gremienMenge.contains(sitzung.gremium) && !fehlerhaft.contains("gremien.yaml") {
            unresolved("Gremium", sitzung.gremium, known: gremien, file: "gremien.yaml", at: sitzung.location, log: log)
        }
        let vorlagen = projekt.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices {
            for beratung in vorlagen[i].beratungsfolge
            where !sitzungenMenge.contains(beratung.sitzung) && !fehlerhaft.contains("sitzungen.yaml") {
                unresolved("Sitzung", beratung.sitzung, known: sitzungen, file: "sitzungen.yaml",
                           at: beratung.location, log: log)
            }
        }
        for sitzung in projekt.sitzungen {
            for top in sitzung.tagesordnung {
                guard let nummer = top.vorlage, !nummernMenge.contains(nummer), !vorlagenFehlerhaft else { continue }
                unresolved("Vorlage", nummer, known: nummern, file: "vorlagen/", at: top.location, log: log)
            }
        }
    }

    static func unresolved(_ what: String, _ id: String, known: [String], file: String,
                           at location: SourceLocation, log: DiagnosticLog) {
        let suggestion = Suggest.closest(to: id, in: known)
        log.error("REF", .notFound(what, id, in: file, suggestion: suggestion), at: location, suggestion: suggestion)
    }
}
