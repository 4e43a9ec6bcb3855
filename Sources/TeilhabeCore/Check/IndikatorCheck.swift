/// Indicators: embedded ids must exist, ids must be safe in addresses, and a `summe` row should
/// really be the total of the other rows.
enum IndikatorCheck {
    static func run(_ projekt: Projekt, _ g: Gliederungen, log: DiagnosticLog) {
        let ids = projekt.indikatoren.map(\.id)
        for i in projekt.indikatoren where Slug.make(i.id) != i.id {
            log.error("SLUG", "file name '\(i.id)' becomes a web address: use only a–z, 0–9 and '-' (e.g. '\(Slug.make(i.id))')",
                      at: i.location)
        }
        var bodies: [MarkdownQuelle] = []
        let vorlagen = projekt.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { bodies.append(vorlagen[i].body); vorlagen[i].leicht.map { bodies.append($0.body) } }
        for t in projekt.texte { bodies.append(t.body); t.leicht.map { bodies.append($0.body) } }
        for body in bodies {
            for block in g[body].blocks where block.info == "indikator" {
                let zeilen = block.inhalt.split(separator: "\n", omittingEmptySubsequences: false)
                for (n, zeile) in zeilen.enumerated() {
                    let id = zeile.trimmingCharacters(in: .whitespaces)
                    guard !id.isEmpty, !ids.contains(id) else { continue }
                    ReferenceCheck.unresolved("Indikator", id, known: ids, file: "indikatoren/",
                                              at: body.location(line: block.line + 1 + n), log: log)
                }
                if zeilen.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    log.error("REF", "```indikator block names no indicator id", at: body.location(line: block.line))
                }
            }
        }
        for i in projekt.indikatoren { summeStimmt(i, log: log) }
    }

    private static func summeStimmt(_ i: Indikator, log: DiagnosticLog) {
        guard let name = i.summe, let summe = i.tabelle.zeilen.first(where: { $0.raum == name }) else { return }
        let details = i.tabelle.zeilen.filter { $0.raum != name }
        for (c, spalte) in i.tabelle.spalten.enumerated() {
            let werte = details.map { $0.werte[c] }
            guard let gesamt = summe.werte[c], !werte.contains(where: { $0 == nil }) else { continue }
            let berechnet = werte.compactMap { $0 }.reduce(0, +)
            if abs(berechnet - gesamt) > 0.5 * pow10(-i.nachkommastellen) {
                log.warning("INDIKATOR", "column \(spalte): the row '\(name)' (\(gesamt)) is not the total of the other rows (\(berechnet))",
                            at: SourceLocation(file: i.location.file.replacingOccurrences(of: ".yaml", with: ".csv"), line: summe.zeile, column: 1))
            }
        }
    }

    private static func pow10(_ e: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(e) { x *= 10 }
        return e < 0 ? 1 / x : x
    }
}
