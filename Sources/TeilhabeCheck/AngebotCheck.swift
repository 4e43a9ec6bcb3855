import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Area references of offers, actors and survey rows: each names an area of sozialraeume.yaml
/// (survey rows may use its name too); an unknown one is an error at its place with the closest id.
enum AngebotCheck {
    static func run(_ project: Projekt, log: DiagnosticLog) {
        func check(_ id: String, at location: SourceLocation, names: Bool = false) {
            guard project.sozialraum(id: id) == nil, !project.mayBeSozialraum(id) else { return }
            if names, project.sozialraeume.contains(where: { $0.name == id }) { return }
            let suggestion = project.suggestSozialraum(id)
            let message: Message = names ? .surveyUnknownArea(id, suggestion: suggestion) : .unknownSozialraumId(id, suggestion: suggestion)
            log.error("REF", message, at: location, suggestion: suggestion)
        }
        for a in project.angebote { check(a.sozialraum, at: a.sozialraumLocation) }
        for a in project.akteure {
            for (id, location) in zip(a.sozialraeume, a.sozialraumLocations) { check(id, at: location) }
        }
        for b in project.befragungen {
            var seen = Set<String>()
            for z in b.zeilen where seen.insert(z.raum).inserted { check(z.raum, at: z.location, names: true) }
        }
    }
}
