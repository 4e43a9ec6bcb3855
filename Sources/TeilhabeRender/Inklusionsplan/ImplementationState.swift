import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Measures per status and field: as a table and as a stacked-bar SVG whose segments carry the
/// status symbol and count in text (never colour alone).
enum ImplementationState {
    static let colors: [Massnahme.Status: String] = [
        .geplant: "#595959", .inUmsetzung: "#0a4a82", .umgesetzt: "#1b6e2f", .dauerhaft: "#5b2c83", .zurueckgestellt: "#8a4b00",
    ]

    static func count(_ field: Handlungsfeld, _ status: Massnahme.Status) -> Int {
        field.massnahmen.filter { $0.status == status }.count
    }

    static func table(_ plan: Inklusionsplan) -> String {
        let states = Massnahme.Status.allCases
        // The caption stands outside the scroll box (never cut); the table is named by the same words.
        let titel = "Umsetzungsstand der Maßnahmen nach Handlungsfeld (Stand \(Formatting.date(plan.stand)))"
        var html = """
        <p class="tabellen-titel">\(XML.escape(titel))</p>
        <div class="tabelle" role="region" aria-label="Tabelle: Umsetzungsstand" tabindex="0">
        <table aria-label="\(XML.escape(titel))">
        <thead><tr><th scope="col">Handlungsfeld</th>
        """
        html += states.map { "<th scope=\"col\" class=\"zahl\"><span aria-hidden=\"true\">\($0.symbol)</span> \($0.text)</th>" }.joined()
        html += "<th scope=\"col\" class=\"zahl\">Maßnahmen insgesamt</th></tr></thead>\n<tbody>\n"
        for field in plan.handlungsfelder {
            html += "<tr><th scope=\"row\">\(XML.escape(field.titel))</th>"
                + states.map { "<td class=\"zahl\">\(count(field, $0))</td>" }.joined()
                + "<td class=\"zahl\">\(field.massnahmen.count)</td></tr>\n"
        }
        html += "<tr class=\"summe\"><th scope=\"row\">Alle Handlungsfelder</th>"
            + states.map { s in "<td class=\"zahl\">\(plan.handlungsfelder.map { count($0, s) }.reduce(0, +))</td>" }.joined()
            + "<td class=\"zahl\">\(plan.massnahmen.count)</td></tr>\n</tbody>\n</table>\n</div>\n"
        return html
    }

    /// "Von 4 Maßnahmen ist 1 geplant, 2 sind in Umsetzung und 1 ist umgesetzt." – verb and noun agree
    /// with each number ("1 Maßnahmen", "sind 1 geplant" before).
    static func sentence(_ plan: Inklusionsplan) -> String {
        let total = plan.massnahmen.count
        let parts = Massnahme.Status.allCases.compactMap { s -> (Int, String)? in
            let n = plan.massnahmen.filter { $0.massnahme.status == s }.count
            return n == 0 ? nil : (n, s == .dauerhaft && n > 1 ? "dauerhafte Aufgaben" : s.text)
        }
        guard total > 0, let (n0, text0) = parts.first else { return "Der Plan enthält noch keine Maßnahmen." }
        if total == 1 { return "Die eine Maßnahme des Plans ist \(text0)." }
        let sentences = ["\(GermanText.be(n0)) \(n0) \(text0)"]
            + parts.dropFirst().map { n, text in "\(n) \(GermanText.be(n)) \(text)" }
        return "Von \(GermanText.count(total, GermanText.massnahme)) " + GermanText.list(sentences) + "."
    }

    static func chart(_ plan: Inklusionsplan) -> String {
        // Across in percent, down in px: the text keeps its CSS size at every width (see Chart).
        let sourceLine = 50.0, bar = 96.0
        let largest = max(plan.handlungsfelder.map(\.massnahmen.count).max() ?? 1, 1)
        var contents = ""
        for (n, field) in plan.handlungsfelder.enumerated() {
            let y = 8 + Double(n) * sourceLine
            contents += "<text x=\"0\" y=\"\(fmt(y + 12))\" class=\"beschriftung\">\(XML.escape(field.titel))</text>\n"
            var x = 0.0
            for status in Massnahme.Status.allCases {
                let k = count(field, status)
                guard k > 0 else { continue }
                let w = Double(k) / Double(largest) * bar
                // A white edge parts the segments (a width cannot be "percent minus 2 px").
                contents += "<rect x=\"\(fmt(x))%\" y=\"\(fmt(y + 18))\" width=\"\(fmt(w))%\" height=\"22\" fill=\"\(colors[status]!)\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n"
                contents += "<text x=\"\(fmt(x))%\" dx=\"5\" y=\"\(fmt(y + 34))\" class=\"segment\">\(status.symbol) \(k)</text>\n"
                x += w
            }
        }
        let height = 8 + Double(plan.handlungsfelder.count) * sourceLine
        return Chart.svg(titel: "Umsetzungsstand je Handlungsfeld: gestapelte Balken", beschreibung: sentence(plan), height: height, contents: contents)
    }

    /// The legend: symbol, colour swatch and text for each status.
    static func legend() -> String {
        "<ul class=\"legende\">\n" + Massnahme.Status.allCases.map { s in
            "<li><span class=\"farbfeld\" style=\"background: \(colors[s]!)\" aria-hidden=\"true\"></span>"
                + "<span aria-hidden=\"true\">\(s.symbol)</span> \(s.text)</li>"
        }.joined(separator: "\n") + "\n</ul>\n"
    }

    private static func fmt(_ v: Double) -> String {
        NumberFormat.german(v, places: 1, minus: "-", thousands: "").replacingOccurrences(of: ",", with: ".")
    }
}
