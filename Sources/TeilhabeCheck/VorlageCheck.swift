import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Required sections: every name in `vorlagen.pflichtabschnitte` is a `##` heading of every
/// Vorlage, and a Beschlussvorlage also has `## Beschlussvorschlag`.
package enum VorlageCheck {
    static func run(_ project: Projekt, _ g: Outlines, log: DiagnosticLog) {
        let pflicht = project.site.pflichtabschnitte.map { ($0, normalize($0)) }
        let resolution = ("Beschlussvorschlag", normalize("Beschlussvorschlag"))
        let vorlagen = project.vorlagen
        // Papers that did not load are checked too: a misspelt key must not hide a missing section until the next run.
        let broken = project.broken.vorlageBodies
        let count = vorlagen.count
        let missing = Parallel.map(count + broken.count) { i -> [String] in
            let body = i < count ? vorlagen[i].body : broken[i - count].body
            let art = i < count ? vorlagen[i].art.rawValue : broken[i - count].art
            // An imported paper's text is the council system's (or only linked): its sections are not ours to demand.
            if i < count, vorlagen[i].quelle != nil { return [] }
            let required = pflicht + (art == Vorlage.Art.Beschlussvorlage.rawValue ? [resolution] : [])
            let headings = g[body].headings.filter { $0.level == 2 }.map(\.text)
            // Headings mostly are written as required: only a paper that lacks one exactly is normalised.
            let exactHeadings = Set(headings)
            guard !required.allSatisfy({ exactHeadings.contains($0.0) }) else { return [] }
            let sections = Set(headings.map(normalize))
            return required.filter { !sections.contains($0.1) }.map(\.0)
        }
        for (i, names) in missing.enumerated() {
            let body = i < count ? vorlagen[i].body : broken[i - count].body
            let art = i < count ? vorlagen[i].art.rawValue : broken[i - count].art ?? "Vorlage"
            let number = i < count ? vorlagen[i].nummer : broken[i - count].nummer ?? body.pfad
            for section in names {
                log.error("VORLAGE-ABSCHNITT", .vorlageSectionMissing(art: art, number: number, section: section),
                          at: SourceLocation(file: body.file, line: body.firstLine, column: 1))
            }
        }
    }

    /// Headings match regardless of case, a trailing colon and doubled spaces.
    package static func normalize(_ text: String) -> String {
        var t = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if t.hasSuffix(":") { t.removeLast() }
        return t
    }
}
