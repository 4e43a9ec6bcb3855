import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The editor's report of `teilhabe check --format html`: findings per file with each line in
/// context and the match marked. A page of its own that passes the same accessibility checks.
public enum CheckReport {
    /// Wholly in `language`: headings, counts, severities and the findings' texts.
    /// `readability`: the figures of each easy page, shown as an overview table before the findings.
    public static func html(_ diagnostics: [Diagnostic], titel: String, language: Language = .de, readability: [Readability] = []) -> String {
        func t(_ m: Message) -> String { XML.escape(m.text(language)) }
        let fileList = Dictionary(grouping: diagnostics, by: \.location.file).sorted { $0.key < $1.key }
        let ruleSet = Dictionary(grouping: diagnostics, by: \.rule).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
        var html = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t(.reportTitle(titel)))</title>
        <style>
        body { font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; margin: 0; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.75rem; } h2 { font-size: 1.25rem; margin-top: 2rem; overflow-wrap: anywhere; }
        table { border-collapse: collapse; margin: 1rem 0; } th.ort { overflow-wrap: anywhere; min-width: 8rem; } td { white-space: nowrap; }
        caption { text-align: left; } .breit { overflow-x: auto; } .breit:focus { outline: 2px solid #1a1a1a; } th, td { border: 1px solid #6b6b6b; padding: 0.3rem 0.6rem; text-align: left; }
        ol { padding-left: 1.25rem; } li { margin: 0.75rem 0; }
        .ort { font-family: monospace; } .error { color: #a40000; font-weight: 700; } .warning { color: #6b4500; font-weight: 700; }
        pre { background: #f2f5f8; padding: 0.5rem; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0; }
        mark { background: #ffe08a; color: #1a1a1a; outline: 1px solid #8a5a00; }
        </style>
        </head>
        <body>
        <main>
        <h1>\(t(.reportHeading))</h1>
        <p>\(XML.escape(titel)): \(t(.findingCount(diagnostics.count))) – \(t(Finding.summary(diagnostics))).</p>

        """
        if !ruleSet.isEmpty {
            html += "<table>\n<caption>\(t(.reportRulesCaption))</caption>\n<thead><tr><th scope=\"col\">\(t(.reportRuleColumn))</th>"
                + "<th scope=\"col\">\(t(.reportCountColumn))</th></tr></thead>\n<tbody>\n"
            html += ruleSet.map { "<tr><th scope=\"row\">\(XML.escape($0.0))</th><td>\($0.1)</td></tr>" }.joined(separator: "\n")
            html += "\n</tbody>\n</table>\n"
        } else {
            html += "<p>\(t(.reportNoFindings))</p>\n"
        }
        html += readabilityTable(readability, language)
        for (filePath, findings) in fileList {
            html += "<h2>\(XML.escape(filePath))</h2>\n<ol>\n"
            for d in findings {
                let place = [d.location.line.map(String.init), d.location.column.map(String.init)].compactMap { $0 }.joined(separator: ":")
                html += "<li><span class=\"ort\">\(t(.reportLine(place)))</span> · <span class=\"\(d.severity.rawValue)\">\(t(d.severity == .error ? .severityError : d.severity == .warning ? .severityWarning : .severityNote))</span> "
                    + "\(XML.escape(d.rule)): \(t(d.text))"
                if let sourceLine = d.sourceLine {
                    let characters = Array(sourceLine)
                    let start = min(max(0, (d.location.column ?? 1) - 1 - d.columnOffset), characters.count)
                    let end = min(start + (d.length ?? 0), characters.count)
                    html += "<pre>\(XML.escape(String(characters[..<start])))<mark>\(XML.escape(String(characters[start..<end])))</mark>\(XML.escape(String(characters[end...])))</pre>"
                }
                if let v = d.suggestion { html += " \(t(.suggestionLabel)): <strong>\(XML.escape(v))</strong>" }
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        return html + "</main>\n</body>\n</html>\n"
    }

    /// The overview: one row per page, figures with a decimal comma in German, a point in English.
    static func readabilityTable(_ figures: [Readability], _ language: Language) -> String {
        guard !figures.isEmpty else { return "" }
        func t(_ m: Message) -> String { XML.escape(m.text(language)) }
        func n(_ x: Double) -> String { language == .de ? NumberFormat.german(x, places: 1) : String(format: "%.1f", x) }
        // A wide table scrolls in its own region (reachable by keyboard), not the page.
        var html = "<div class=\"breit\" role=\"region\" aria-labelledby=\"lesbarkeit\" tabindex=\"0\">\n"
            + "<table>\n<caption id=\"lesbarkeit\">\(t(.readabilityCaption))</caption>\n<thead><tr><th scope=\"col\">\(t(.readabilityPage))</th>"
        for m in [Message.readabilitySentenceLength, .readabilityWordLength, .readabilityLongWords, .readabilityLix] {
            html += "<th scope=\"col\">\(t(m))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for f in figures {
            let r = f.rounded
            html += "<tr><th scope=\"row\" class=\"ort\">\(XML.escape(f.file))</th><td>\(n(r.wordsPerSentence))</td><td>\(n(r.lettersPerWord))</td>"
                + "<td>\(n(r.longWordPercent)) %</td><td>\(n(r.lix))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>\n<p>\(t(.readabilityExplanation))</p>\n"
    }
}
