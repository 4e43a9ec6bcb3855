/// Texts of the findings' output: `check` text, JSON and HTML report, and the summary lines.
extension Message {
    /// "1 Fehler" / "2 errors": a number with its noun in singular or plural.
    public static func count(_ n: Int, de: (String, String), en: (String, String)) -> Message {
        Message(de: "\(n) \(n == 1 ? de.0 : de.1)", en: "\(n) \(n == 1 ? en.0 : en.1)")
    }

    public static func errorCount(_ n: Int) -> Message { count(n, de: ("Fehler", "Fehler"), en: ("error", "errors")) }
    public static func warningCount(_ n: Int) -> Message { count(n, de: ("Warnung", "Warnungen"), en: ("warning", "warnings")) }
    public static func fileCount(_ n: Int) -> Message { count(n, de: ("Datei", "Dateien"), en: ("file", "files")) }
    public static func findingCount(_ n: Int) -> Message { count(n, de: ("Befund", "Befunde"), en: ("finding", "findings")) }

    /// "2 Fehler, 1 Warnung in 3 Dateien"; without files "in 0 Dateien" would read as if nothing had been checked.
    public static func findingsSummary(errors: Int, warnings: Int, files: Int) -> Message {
        let counts = errorCount(errors) + .verbatim(", ") + warningCount(warnings)
        return files == 0 ? counts : counts + Message(de: " in ", en: " in ") + fileCount(files)
    }

    /// The label before a suggested replacement.
    public static let suggestionLabel = Message(de: "Vorschlag", en: "suggestion")

    public static func reportTitle(_ site: String) -> Message {
        Message(de: "Prüfbericht Leichte Sprache – \(site)", en: "Easy Language check report – \(site)")
    }
    public static let reportHeading = Message(de: "Prüfbericht Leichte Sprache", en: "Easy Language check report")
    public static let reportRulesCaption = Message(de: "Befunde nach Regel", en: "Findings by rule")
    public static let reportRuleColumn = Message(de: "Regel", en: "Rule")
    public static let reportCountColumn = Message(de: "Anzahl", en: "Count")
    public static let reportNoFindings = Message(de: "Keine Befunde.", en: "No findings.")
    public static func reportLine(_ place: String) -> Message { Message(de: "Zeile \(place)", en: "Line \(place)") }
    public static let severityError = Message(de: "Fehler", en: "Error")
    public static let severityWarning = Message(de: "Warnung", en: "Warning")
    public static let severityNote = Message(de: "Hinweis", en: "Note")
}
