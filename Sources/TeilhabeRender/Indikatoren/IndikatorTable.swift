import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The accessible table of an indicator: caption with title and unit, row and column headers with
/// scope, right-aligned German numbers, marks for secret and missing values explained below.
enum IndikatorTable {
    static func html(_ i: Indikator, _ t: PublishedTable, extraColumns: Bool = true) -> String {
        let number = { (w: Double) in NumberFormat.german(w, places: i.decimals) }
        let share = extraColumns && i.isCount && t.summe != nil && !t.columns.isEmpty
        // With a total column the last column is no later state of the first: no change to show.
        let change = extraColumns && t.columns.count >= 2 && t.summeSpalte == nil
        let last = t.columns.count - 1
        var head = "<tr><th scope=\"col\">\(XML.escape(t.areaTitle))</th>"
            + t.columns.map { "<th scope=\"col\" class=\"zahl\">\(XML.escape($0))</th>" }.joined()
        if share { head += "<th scope=\"col\" class=\"zahl\">Anteil an \(XML.escape(t.summe!.raum)) \(XML.escape(t.columns[last]))</th>" }
        if change {
            let art = i.isCount ? "" : " (absolut)"
            head += "<th scope=\"col\" class=\"zahl\">Veränderung \(XML.escape(t.columns[0]))–\(XML.escape(t.columns[last]))\(art)</th>"
        }
        var lines = ""
        for sourceLine in t.lines {
            lines += "<tr\(sourceLine.isTotal ? " class=\"summe\"" : "")><th scope=\"row\">\(XML.escape(sourceLine.raum))</th>"
            lines += sourceLine.cellValues.map { "<td class=\"zahl\">\(cell($0, number))</td>" }.joined()
            if share {
                let total = t.summe!.cellValues[last].number
                let text: String
                if let w = sourceLine.cellValues[last].number, let g = total, g > 0 {
                    text = NumberFormat.german(w / g * 100, places: 1) + " %"
                } else {
                    // A share of a secret value, or of a secret total, would give it away.
                    text = sourceLine.cellValues[last] == .missing ? mark(.missing) : mark(.geheim)
                }
                lines += "<td class=\"zahl\">\(text)</td>"
            }
            if change {
                lines += "<td class=\"zahl\">\(delta(i, sourceLine.cellValues[0], sourceLine.cellValues[last]))</td>"
            }
            lines += "</tr>\n"
        }
        return """
        <p class="tabellen-titel">\(XML.escape(i.titel)) <span class="einheit">(\(XML.escape(i.einheit)))</span></p>
        <div class="tabelle" role="region" aria-label="Tabelle: \(XML.escape(i.titel))" tabindex="0">
        <table class="indikator" aria-label="\(XML.escape(i.titel)) (\(XML.escape(i.einheit)))">
        <thead>\(head)</tr></thead>
        <tbody>
        \(lines)</tbody>
        </table>
        </div>
        \(footer(i, t))
        """
    }

    static func delta(_ i: Indikator, _ first: CellValue, _ last: CellValue) -> String {
        guard let a = first.number, let b = last.number else {
            return first == .geheim || last == .geheim ? mark(.geheim) : mark(.missing)
        }
        if i.isCount { return NumberFormat.percentChange(a, b) ?? mark(.missing) }
        return (b - a > 0 ? "+" : "") + NumberFormat.german(b - a, places: i.decimals)
    }

    static func cell(_ z: CellValue, _ number: (Double) -> String) -> String {
        switch z {
        case let .value(w): return number(w)
        case .missing, .geheim: return mark(z)
        }
    }

    /// The visible mark, with words for screen readers.
    static func mark(_ z: CellValue) -> String {
        z == .geheim ? "•<span class=\"sr\"> (geheim gehalten)</span>" : "–<span class=\"sr\"> (kein Wert)</span>"
    }

    /// Which counts are withheld: "von 1 bis 4", but a threshold of 2 hides only the 1.
    static func secretSentence(_ threshold: Int) -> String {
        let whichCells = threshold == 2 ? "Die Anzahl 1 wird" : "Anzahlen von 1 bis \(threshold - 1) werden"
        return whichCells + " zum Schutz der Betroffenen nicht veröffentlicht, ebenso Werte, aus denen sie sich errechnen ließen."
    }

    static func footer(_ i: Indikator, _ t: PublishedTable) -> String {
        var parts = ["Quelle: \(XML.escape(i.quelle))"]
        if let s = i.stichtag { parts.append("Stichtag: \(Formatting.date(s))") }
        if let r = i.raumebene { parts.append("Raumebene: \(XML.escape(r))") }
        var html = "<p class=\"tabellen-fuss\">\(parts.joined(separator: "; ")).</p>\n"
        // The marks explain themselves: as list items they stood behind a list bullet ("• • Wert …").
        var notes: [String] = []
        if t.hasSuppressed, let n = i.geheimhaltung { notes.append("<p>• Wert geheim gehalten: \(secretSentence(n))</p>") }
        if t.hasMissing { notes.append("<p>– kein Wert vorhanden.</p>") }
        if !notes.isEmpty { html += "<div class=\"fussnoten\">\n\(notes.joined(separator: "\n"))\n</div>\n" }
        if i.sampleData {
            html += "<p class=\"beispieldaten\"><strong>Beispieldaten:</strong> Die Werte sind erfunden und dienen nur der Veranschaulichung.</p>\n"
        }
        return html
    }
}
