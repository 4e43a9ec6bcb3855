import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Indicators: embedded ids must exist, ids must be safe in addresses, a `summe` row and a
/// `summe_spalte` column should really be totals, and every secret value must be protectable.
enum IndikatorCheck {
    static func run(_ projekt: Projekt, _ g: Outlines, log: DiagnosticLog) {
        let ids = projekt.indikatoren.map(\.id)
        for i in projekt.indikatoren where Slug.make(i.id) != i.id {
            log.error("SLUG", .fileNameIdNotSlug(i.id, example: Slug.make(i.id)),
                      at: i.location)
        }
        var bodies: [MarkdownQuelle] = []
        let vorlagen = projekt.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { bodies.append(vorlagen[i].body); vorlagen[i].leicht.map { bodies.append($0.body) } }
        for t in projekt.texte { bodies.append(t.body); t.leicht.map { bodies.append($0.body) } }
        bodies += projekt.broken.vorlageBodies.map(\.body)   // papers that did not load: their text is checked now
        for body in bodies {
            for block in g[body].blocks where block.info == "indikator" {
                let zeilen = block.inhalt.split(separator: "\n", omittingEmptySubsequences: false)
                for (n, zeile) in zeilen.enumerated() {
                    let id = zeile.trimmingCharacters(in: .whitespaces)
                    // An indicator that exists but did not load was reported at its own place.
                    guard !id.isEmpty, !ids.contains(id), !projekt.broken.indikatoren.contains(id) else { continue }
                    ReferenceCheck.unresolved("Indikator", id, known: ids, file: "indikatoren/",
                                              at: body.location(line: block.line + 1 + n), log: log)
                }
                if zeilen.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    log.error("REF", .indikatorBlockEmpty, at: body.location(line: block.line))
                }
            }
        }
        for i in projekt.indikatoren {
            summeStimmt(i, log: log)
            summeSpalteStimmt(i, log: log)
            checkProtection(i, log: log)
        }
    }

    private static func csvDatei(_ i: Indikator) -> String {
        i.location.file.replacingOccurrences(of: ".yaml", with: ".csv").replacingOccurrences(of: ".yml", with: ".csv")
    }

    /// A secret value that no secondary suppression can protect (its sums are missing or 0 where
    /// they would be needed) stops the build: publishing the table would give it away.
    private static func checkProtection(_ i: Indikator, log: DiagnosticLog) {
        for p in Geheimhaltung.anwenden(i).ungeschuetzt {
            let zeile = i.tabelle.zeilen[p.zeile]
            log.error("INDIKATOR", .geheimhaltungUnprotected(area: zeile.raum, column: i.tabelle.spalten[p.spalte]),
                      at: SourceLocation(file: csvDatei(i), line: zeile.zeile, column: 1))
        }
    }

    /// Each row's `summe_spalte` value should be the total of its other value columns.
    private static func summeSpalteStimmt(_ i: Indikator, log: DiagnosticLog) {
        guard let name = i.summeSpalte, let k = i.tabelle.spalten.firstIndex(of: name) else { return }
        for zeile in i.tabelle.zeilen {
            let werte = zeile.werte.indices.filter { $0 != k }.map { zeile.werte[$0] }
            guard let gesamt = zeile.werte[k], !werte.contains(where: { $0 == nil }) else { continue }
            let berechnet = werte.compactMap { $0 }.reduce(0, +)
            if abs(berechnet - gesamt) > 0.5 * pow10(-i.nachkommastellen) {
                let zahl = { NumberFormat.deutsch($0, stellen: i.nachkommastellen) }
                log.warning("INDIKATOR", .rowNotTotal(row: zeile.raum, column: name, value: zahl(gesamt), computed: zahl(berechnet)),
                            at: SourceLocation(file: csvDatei(i), line: zeile.zeile, column: 1))
            }
        }
    }

    private static func summeStimmt(_ i: Indikator, log: DiagnosticLog) {
        guard let name = i.summe, let summe = i.tabelle.zeilen.first(where: { $0.raum == name }) else { return }
        let details = i.tabelle.zeilen.filter { $0.raum != name }
        for (c, spalte) in i.tabelle.spalten.enumerated() {
            let werte = details.map { $0.werte[c] }
            guard let gesamt = summe.werte[c], !werte.contains(where: { $0 == nil }) else { continue }
            let berechnet = werte.compactMap { $0 }.reduce(0, +)
            if abs(berechnet - gesamt) > 0.5 * pow10(-i.nachkommastellen) {
                log.warning("INDIKATOR", .columnNotTotal(column: "\(spalte)", row: name, value: "\(gesamt)", computed: "\(berechnet)"),
                            at: SourceLocation(file: csvDatei(i), line: summe.zeile, column: 1))
            }
        }
    }

    private static func pow10(_ e: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(e) { x *= 10 }
        return e < 0 ? 1 / x : x
    }
}
