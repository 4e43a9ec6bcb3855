import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Every area id named anywhere exists in sozialraeume.yaml; every row of an indicator at an area level
/// names an area (or the Kommune of one). Errors point at the entry or the CSV line, with the closest id.
enum SozialraumCheck {
    static func run(_ project: Projekt, log: DiagnosticLog) {
        var references: [AreaReference] = project.vorlagen.flatMap(\.sozialraeume) + project.texts.flatMap(\.sozialraeume)
        for plan in project.inklusionsplaene {
            for (_, m) in plan.massnahmen {
                references += m.sozialraeume.map { AreaReference(id: $0, location: m.referenceLocations[$0] ?? m.location) }
            }
        }
        for reference in references { check(reference, project, log: log) }
        for indikator in project.indikatoren { checkRows(indikator, project, log: log) }
    }

    /// A named area must exist, unless its entry is there but broken (reported at its place).
    static func check(_ reference: AreaReference, _ project: Projekt, log: DiagnosticLog) {
        guard project.sozialraum(id: reference.id) == nil, !project.mayBeSozialraum(reference.id) else { return }
        if project.sozialraeume.isEmpty, !project.broken.unknownSozialraum, project.broken.sozialraeume.isEmpty {
            log.error("REF", .sozialraeumeFileMissing(reference.id), at: reference.location)
            return
        }
        let suggestion = project.suggestSozialraum(reference.id)
        log.error("REF", .sozialraumUnknown(reference.id, suggestion: suggestion), at: reference.location, suggestion: suggestion)
    }

    /// With areas defined, an indicator at `raumebene: Sozialraum` or `Kommune` has one row per area it
    /// knows; a row that matches none (other than the `summe` row or the region, named as `traeger` in
    /// site.yaml) is an error at its CSV line.
    static func checkRows(_ indikator: Indikator, _ project: Projekt, log: DiagnosticLog) {
        guard !project.sozialraeume.isEmpty, !project.broken.unknownSozialraum,
              let level = AreaLevel(raumebene: indikator.raumebene) else { return }
        let csv = csvPath(indikator.location.file)
        let candidates = level.candidates(in: project.sozialraeume)
        for row in indikator.table.lines where row.raum != indikator.summe && row.raum != project.site.traeger && level.key(of: row.raum, in: project.sozialraeume) == nil {
            guard !project.broken.sozialraeume.contains(row.raum) else { continue }
            let suggestion = Suggest.closest(to: row.raum, in: candidates)
            log.error("REF", .rowMatchesNoArea(row.raum, raumebene: indikator.raumebene ?? "", suggestion: suggestion),
                      at: SourceLocation(file: csv, line: row.sourceLine, column: 1), suggestion: suggestion)
        }
    }

    /// `…/x.yaml` → `…/x.csv`.
    static func csvPath(_ yaml: String) -> String {
        guard let dot = yaml.lastIndex(of: ".") else { return yaml + ".csv" }
        return String(yaml[..<dot]) + ".csv"
    }
}
