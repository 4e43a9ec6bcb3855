import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// SVG charts made at build time, without JavaScript: bars for the areas in the latest column, a
/// line for the total over the years. Each carries a title and description, labels every value
/// directly (a second cue besides colour) and is sized for 320 px screens.
///
/// The SVG has no viewBox: it is as wide as its box and as high as its rows, across positions are
/// percentages and down positions CSS pixels, so text keeps its CSS size (≥ 12 px) at every width
/// instead of shrinking with a scaled drawing.
enum Chart {
    static let color = "#0a4a82"   // 9:1 against white
    /// The longest bar, in percent of the width: the rest holds its value label.
    static let barShare = 72.0

    struct Picture {
        var svg: String
        var sentence: String
    }

    static func allItems(_ i: Indikator, _ t: PublishedTable) -> [Picture] {
        [bar(i, t), lineSentence(i, t)].compactMap { $0 }
    }

    /// Horizontal bars, largest first; secret values appear as "•", not as bars.
    static func bar(_ i: Indikator, _ t: PublishedTable) -> Picture? {
        guard t.details.count >= 2, let columnIndex = t.columns.indices.last(where: { c in t.details.contains { $0.cellValues[c].number != nil } })
        else { return nil }
        let lines = t.details.sorted { a, b in
            (a.cellValues[columnIndex].number ?? -1, b.raum) > (b.cellValues[columnIndex].number ?? -1, a.raum)
        }
        let maximum = lines.compactMap { $0.cellValues[columnIndex].number }.max() ?? 1
        let height = 44.0
        var contents = ""
        for (n, sourceLine) in lines.enumerated() {
            let y = 6 + Double(n) * height
            contents += "<text x=\"0\" y=\"\(f(y + 13))\" class=\"beschriftung\">\(XML.escape(sourceLine.raum))</text>\n"
            switch sourceLine.cellValues[columnIndex] {
            case let .value(w):
                let length = maximum > 0 ? max(0.3, w / maximum * barShare) : 0.3
                contents += "<rect x=\"0\" y=\"\(f(y + 19))\" width=\"\(f(length))%\" height=\"16\" fill=\"\(color)\"/>\n"
                contents += "<text x=\"\(f(length))%\" dx=\"6\" y=\"\(f(y + 32))\" class=\"wert\">\(number(i, w))</text>\n"
            case .geheim:
                contents += "<text x=\"0\" y=\"\(f(y + 32))\" class=\"wert\">• geheim gehalten</text>\n"
            case .missing:
                contents += "<text x=\"0\" y=\"\(f(y + 32))\" class=\"wert\">– kein Wert</text>\n"
            }
        }
        let sentence = barSentence(i, t, columnIndex: columnIndex)
        let titel = "\(i.titel), \(t.columns[columnIndex]): Balkendiagramm"
        return Picture(svg: svg(titel: titel, beschreibung: sentence, height: 6 + Double(lines.count) * height, contents: contents), sentence: sentence)
    }

    /// A line over the years for the total (or the only area), with a marked and labelled point per year;
    /// none across categories that end in their own total (`summe_spalte`).
    static func lineSentence(_ i: Indikator, _ t: PublishedTable) -> Picture? {
        guard t.columns.count >= 3, t.summeSpalte == nil,
              let row = t.summe ?? (t.details.count == 1 ? t.details.first : nil) else { return nil }
        let points = row.cellValues.enumerated().compactMap { c, z in z.number.map { (c, $0) } }
        guard points.count >= 2 else { return nil }
        let height = 210.0, above = 34.0, below = height - 34
        let maximum = max(points.map(\.1).max()!, 1) * 1.05
        // Across in percent (first and last point far enough in for their centred labels), down in px.
        func x(_ c: Int) -> String { f(9 + Double(c) / Double(t.columns.count - 1) * 82) + "%" }
        func y(_ w: Double) -> Double { below - w / maximum * (below - above) }
        var contents = "<line x1=\"3%\" y1=\"\(f(below))\" x2=\"97%\" y2=\"\(f(below))\" stroke=\"#595959\" stroke-width=\"1\"/>\n"
        // Separate segments, because a polyline's points cannot be percentages.
        for (a, b) in zip(points, points.dropFirst()) {
            contents += "<line x1=\"\(x(a.0))\" y1=\"\(f(y(a.1)))\" x2=\"\(x(b.0))\" y2=\"\(f(y(b.1)))\" stroke=\"\(color)\" stroke-width=\"3\" stroke-linecap=\"round\"/>\n"
        }
        for (c, w) in points {
            contents += "<circle cx=\"\(x(c))\" cy=\"\(f(y(w)))\" r=\"5\" fill=\"\(color)\"/>\n"
            contents += "<text x=\"\(x(c))\" y=\"\(f(y(w) - 11))\" text-anchor=\"middle\" class=\"wert\">\(number(i, w))</text>\n"
        }
        for (c, columnIndex) in t.columns.enumerated() {
            contents += "<text x=\"\(x(c))\" y=\"\(f(height - 12))\" text-anchor=\"middle\" class=\"beschriftung\">\(XML.escape(columnIndex))</text>\n"
        }
        let sentence = trendSentence(i, t, row: row) ?? ""
        let titel = "\(i.titel), \(row.raum), \(t.columns.first!)–\(t.columns.last!): Liniendiagramm"
        return Picture(svg: svg(titel: titel, beschreibung: sentence, height: height, contents: contents), sentence: sentence)
    }

    static func svg(titel: String, beschreibung: String, height: Double, contents: String) -> String {
        """
        <svg class="diagramm" xmlns="http://www.w3.org/2000/svg" width="100%" height="\(f(height))" role="img">
        <title>\(XML.escape(titel))</title>
        <desc>\(XML.escape(beschreibung))</desc>
        \(contents)</svg>
        """
    }

    static func number(_ i: Indikator, _ w: Double) -> String { NumberFormat.german(w, places: i.decimals) }

    private static func f(_ v: Double) -> String { NumberFormat.german(v, places: 1, minus: "-", thousands: "").replacingOccurrences(of: ",", with: ".") }

    /// "2022 ist der Wert in Aachen am höchsten (26.004) und in Roetgen am niedrigsten (312)."
    static func barSentence(_ i: Indikator, _ t: PublishedTable, columnIndex: Int) -> String {
        let valueList = t.details.compactMap { z in z.cellValues[columnIndex].number.map { (z.raum, $0) } }
        guard let highest = valueList.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }),
              let deep = valueList.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return "" }
        let geheim = t.details.contains { $0.cellValues[columnIndex] == .geheim }
        let extra = geheim ? " unter den veröffentlichten Werten" : ""
        let spalteText = t.columns[columnIndex]
        let when = spalteText.count == 4 && Int(spalteText) != nil ? "Im Jahr \(spalteText)" : "Bei „\(spalteText)“"
        if highest.1 == deep.1 { return "\(when) ist der Wert in allen Gebieten mit veröffentlichtem Wert gleich (\(number(i, highest.1)))." }
        return "\(when) ist der Wert in \(highest.0) am höchsten (\(number(i, highest.1))) und\(extra) in \(deep.0) am niedrigsten (\(number(i, deep.1)))."
    }

    /// "Für die StädteRegion Aachen ist der Wert von 2016 bis 2022 gestiegen, von 58.220 auf 61.010 (+4,8 %)."
    static func trendSentence(_ i: Indikator, _ t: PublishedTable, row: PublishedTable.Row) -> String? {
        let points = row.cellValues.enumerated().compactMap { c, z in z.number.map { (c, $0) } }
        guard let firstPoint = points.first, let lastPoint = points.last, firstPoint.0 != lastPoint.0 else { return nil }
        let direction = lastPoint.1 > firstPoint.1 ? "gestiegen" : lastPoint.1 < firstPoint.1 ? "gesunken" : "gleich geblieben"
        let percent = i.isCount ? NumberFormat.percentChange(firstPoint.1, lastPoint.1).map { " (\($0))" } ?? "" : ""
        return "Für \(row.raum) ist der Wert von \(t.columns[firstPoint.0]) bis \(t.columns[lastPoint.0]) \(direction), "
            + "von \(number(i, firstPoint.1)) auf \(number(i, lastPoint.1))\(percent)."
    }
}
