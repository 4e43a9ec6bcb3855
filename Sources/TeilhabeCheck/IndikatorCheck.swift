import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Indicators: embedded ids must exist, ids must be safe in addresses, a `summe` row and a
/// `summe_spalte` column should really be totals, and every secret value must be protectable.
enum IndikatorCheck {
    static func run(_ project: Projekt, _ g: Outlines, log: DiagnosticLog) {
        let ids = project.indikatoren.map(\.id)
        for i in project.indikatoren where Slug.make(i.id) != i.id {
            log.error("SLUG", .fileNameIdNotSlug(i.id, example: Slug.make(i.id)),
                      at: i.location)
        }
        var bodies: [MarkdownSource] = []
        let vorlagen = project.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { bodies.append(vorlagen[i].body); vorlagen[i].leicht.map { bodies.append($0.body) } }
        for t in project.texts { bodies.append(t.body); t.leicht.map { bodies.append($0.body) } }
        bodies += project.broken.vorlageBodies.map(\.body)   // papers that did not load: their text is checked now
        for body in bodies {
            for block in g[body].blocks where block.info == "indikator" {
                let lines = block.contents.split(separator: "\n", omittingEmptySubsequences: false)
                for (n, sourceLine) in lines.enumerated() {
                    let id = sourceLine.trimmingCharacters(in: .whitespaces)
                    // An indicator that exists but did not load was reported at its own place.
                    guard !id.isEmpty, !ids.contains(id), !project.broken.indikatoren.contains(id) else { continue }
                    ReferenceCheck.unresolved("Indikator", id, known: ids, file: "indikatoren/",
                                              at: body.location(line: block.line + 1 + n), log: log)
                }
                if lines.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    log.error("REF", .indikatorBlockEmpty, at: body.location(line: block.line))
                }
            }
        }
        for i in project.indikatoren {
            sumMatches(i, log: log)
            sumColumnMatches(i, log: log)
            checkProtection(i, log: log)
        }
    }

    private static func csvFile(_ i: Indikator) -> String {
        i.location.file.replacingOccurrences(of: ".yaml", with: ".csv").replacingOccurrences(of: ".yml", with: ".csv")
    }

    /// A secret value that no secondary suppression can protect (its sums are missing or 0 where
    /// they would be needed) stops the build: publishing the table would give it away.
    private static func checkProtection(_ i: Indikator, log: DiagnosticLog) {
        for p in Geheimhaltung.apply(i).unprotectedCells {
            let sourceLine = i.table.lines[p.sourceLine]
            log.error("INDIKATOR", .geheimhaltungUnprotected(area: sourceLine.raum, column: i.table.columns[p.columnIndex]),
                      at: SourceLocation(file: csvFile(i), line: sourceLine.sourceLine, column: 1))
        }
    }

    /// Each row's `summe_spalte` value should be the total of its other value columns.
    private static func sumColumnMatches(_ i: Indikator, log: DiagnosticLog) {
        guard let name = i.summeSpalte, let k = i.table.columns.firstIndex(of: name) else { return }
        for sourceLine in i.table.lines {
            let valueList = sourceLine.valueList.indices.filter { $0 != k }.map { sourceLine.valueList[$0] }
            guard let total = sourceLine.valueList[k], !valueList.contains(where: { $0 == nil }) else { continue }
            let computedSum = valueList.compactMap { $0 }.reduce(0, +)
            if abs(computedSum - total) > 0.5 * pow10(-i.decimals) {
                let number = { NumberFormat.german($0, places: i.decimals) }
                log.warning("INDIKATOR", .rowNotTotal(row: sourceLine.raum, column: name, value: number(total), computed: number(computedSum)),
                            at: SourceLocation(file: csvFile(i), line: sourceLine.sourceLine, column: 1))
            }
        }
    }

    private static func sumMatches(_ i: Indikator, log: DiagnosticLog) {
        guard let name = i.summe, let summe = i.table.lines.first(where: { $0.raum == name }) else { return }
        let details = i.table.lines.filter { $0.raum != name }
        for (c, columnIndex) in i.table.columns.enumerated() {
            let valueList = details.map { $0.valueList[c] }
            guard let total = summe.valueList[c], !valueList.contains(where: { $0 == nil }) else { continue }
            let computedSum = valueList.compactMap { $0 }.reduce(0, +)
            if abs(computedSum - total) > 0.5 * pow10(-i.decimals) {
                log.warning("INDIKATOR", .columnNotTotal(column: "\(columnIndex)", row: name, value: "\(total)", computed: "\(computedSum)"),
                            at: SourceLocation(file: csvFile(i), line: summe.sourceLine, column: 1))
            }
        }
    }

    private static func pow10(_ e: Int) -> Double {
        var x = 1.0
        for _ in 0..<abs(e) { x *= 10 }
        return e < 0 ? 1 / x : x
    }
}
