import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Easy-language sentences about an indicator, one per line: no decimal numbers, no percent signs.
enum IndikatorLeicht {
    static func sentences(_ i: Indikator, _ t: PublishedTable) -> [String] {
        var s = ["Auf dieser Seite steht: \(i.titelLeicht)."]
        if let stichtag = i.stichtag { s.append("Die Zahlen sind vom \(Formatting.date(stichtag)).") }
        // A column with secret cells has no known largest or smallest value: a hidden one may be either.
        if let columnIndex = t.columns.indices.last(where: { c in t.details.contains { $0.cellValues[c].number != nil } }),
           !t.details.contains(where: { $0.cellValues[columnIndex] == .geheim }) {
            let valueList = t.details.compactMap { z in z.cellValues[columnIndex].number.map { (z.raum, $0) } }
            if let highest = valueList.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }),
               let deep = valueList.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), highest.1 != deep.1 {
                s.append("In \(highest.0) ist die Zahl am größten.")
                s.append("In \(deep.0) ist die Zahl am kleinsten.")
            }
        }
        if t.summeSpalte == nil, let row = t.summe ?? (t.details.count == 1 ? t.details.first : nil) {
            let points = row.cellValues.enumerated().compactMap { c, z in z.number.map { (c, $0) } }
            if let firstPoint = points.first, let lastPoint = points.last, firstPoint.0 != lastPoint.0 {
                let word = lastPoint.1 > firstPoint.1 * 1.01 ? "größer geworden" : lastPoint.1 < firstPoint.1 * 0.99 ? "kleiner geworden" : "fast gleich geblieben"
                s.append("Von \(t.columns[firstPoint.0]) bis \(t.columns[lastPoint.0]) ist die Zahl \(word).")
            }
        }
        if t.hasSuppressed {
            s += ["Manche Zahlen sind geheim.", "Dort steht ein Punkt.", "So schützen wir die Menschen."]
        }
        if t.details.count >= 2 {
            s += ["Das Bild zeigt die Zahlen als Balken.", "Ein langer Balken heißt: Die Zahl ist groß."]
        }
        if i.sampleData { s += ["Achtung: Die Zahlen sind ausgedacht.", "Sie sind nur ein Beispiel."] }
        return s
    }
}

/// The figure's table and chart texts on easy pages: the easy title, easy marks and notes, no
/// standard-language footnotes (the sentences above the chart already say where the numbers stand).
extension IndikatorLeicht {
    static func table(_ i: Indikator, _ t: PublishedTable) -> String {
        let number = { (w: Double) in NumberFormat.german(w, places: i.decimals) }
        let head = "<tr><th scope=\"col\">\(XML.escape(t.areaTitle))</th>"
            + t.columns.map { "<th scope=\"col\" class=\"zahl\">\(XML.escape($0))</th>" }.joined() + "</tr>"
        var lines = ""
        for line in t.lines {
            lines += "<tr\(line.isTotal ? " class=\"summe\"" : "")><th scope=\"row\">\(XML.escape(line.raum))</th>"
            lines += line.cellValues.map { "<td class=\"zahl\">\(cell($0, number))</td>" }.joined() + "</tr>\n"
        }
        var notes: [String] = []
        if t.hasSuppressed { notes.append("<p>• heißt: Diese Zahl ist geheim.</p>") }
        if t.hasMissing { notes.append("<p>– heißt: Hier gibt es keine Zahl.</p>") }
        let titel = XML.escape(i.titelLeicht), einheit = XML.escape(i.einheit)
        return """
        <p class="tabellen-titel">\(titel) <span class="einheit">(\(einheit))</span></p>
        <div class="tabelle" role="region" aria-label="Tabelle: \(titel)" tabindex="0">
        <table class="indikator" aria-label="\(titel) (\(einheit))">
        <thead>\(head)</thead>
        <tbody>
        \(lines)</tbody>
        </table>
        </div>
        <p class="tabellen-fuss">Die Zahlen kommen von: \(XML.escape(i.quelle)).</p>
        \(notes.isEmpty ? "" : "<div class=\"fussnoten\">\n\(notes.joined(separator: "\n"))\n</div>\n")
        """
    }

    /// A cell with words for screen readers in Leichte Sprache.
    static func cell(_ z: CellValue, _ number: (Double) -> String) -> String {
        switch z {
        case let .value(w): return number(w)
        case .geheim: return "•<span class=\"sr\"> (geheim)</span>"
        case .missing: return "–<span class=\"sr\"> (keine Zahl)</span>"
        }
    }

    /// The bar chart with an easy title and description in place of the standard ones.
    static func chart(_ svg: String, _ i: Indikator) -> String {
        guard let start = svg.range(of: "<title>"), let end = svg.range(of: "</desc>"), start.upperBound <= end.lowerBound else { return svg }
        let texts = "<title>Balken: \(XML.escape(i.titelLeicht))</title>\n<desc>Die Balken zeigen die Zahlen aus der Tabelle.</desc>"
        // A hidden value's bar is labelled in easy words too.
        return String(svg[..<start.lowerBound]) + texts
            + String(svg[end.upperBound...]).replacingOccurrences(of: ">• geheim gehalten<", with: ">• geheim<")
    }
}
