/// Required sections: every name in `vorlagen.pflichtabschnitte` is a `##` heading of every
/// Vorlage, and a Beschlussvorlage also has `## Beschlussvorschlag`.
enum VorlageCheck {
    static func run(_ projekt: Projekt, _ g: Gliederungen, log: DiagnosticLog) {
        for vorlage in projekt.vorlagen {
            let outline = g[vorlage.body]
            let sections = Set(outline.headings.filter { $0.level == 2 }.map { normalize($0.text) })
            var required = projekt.site.pflichtabschnitte
            if vorlage.art == .Beschlussvorlage { required.append("Beschlussvorschlag") }
            for name in required where !sections.contains(normalize(name)) {
                log.error("VORLAGE-ABSCHNITT",
                          "\(vorlage.art.rawValue) \(vorlage.nummer) lacks the required section '## \(name)'",
                          at: SourceLocation(file: vorlage.location.file, line: vorlage.body.firstLine, column: 1))
            }
        }
    }

    /// Headings match regardless of case, a trailing colon and doubled spaces.
    static func normalize(_ text: String) -> String {
        var t = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if t.hasSuffix(":") { t.removeLast() }
        return t
    }
}
