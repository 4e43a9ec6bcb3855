import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Required sections: every name in `vorlagen.pflichtabschnitte` is a `##` heading of every
/// Vorlage, and a Beschlussvorlage also has `## Beschlussvorschlag`.
package enum VorlageCheck {
    static func run(_ projekt: Projekt, _ g: Outlines, log: DiagnosticLog) {
        let pflicht = projekt.site.pflichtabschnitte.map { ($0, normalize($0)) }
        let beschluss = ("Beschlussvorschlag", normalize("Beschlussvorschlag"))
        let vorlagen = projekt.vorlagen
        let fehlend = Parallel.map(vorlagen.count) { i -> [String] in
            let required = pflicht + (vorlagen[i].art == .Beschlussvorlage ? [beschluss] : [])
            let ueberschriften = g[vorlagen[i].body].headings.filter { $0.level == 2 }.map(\.text)
            // Headings mostly are written as required: only a paper that lacks one exactly is normalised.
            let genau = Set(ueberschriften)
            guard !required.allSatisfy({ genau.contains($0.0) }) else { return [] }
            let sections = Set(ueberschriften.map(normalize))
            return required.filter { !sections.contains($0.1) }.map(\.0)
        }
        for (vorlage, namen) in zip(vorlagen, fehlend) {
            for name in namen {
                log.error("VORLAGE-ABSCHNITT", .vorlageSectionMissing(art: vorlage.art.rawValue, nummer: vorlage.nummer, section: name),
                          at: SourceLocation(file: vorlage.location.file, line: vorlage.body.firstLine, column: 1))
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
