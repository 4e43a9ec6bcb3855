import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Stacked bars: one per group of an area (and all groups), a segment per answer in percent of the
/// group's answers, with colour and a pattern per answer; percent and count written under each bar.
/// A group with any suppressed value gets no bar, only the words "nicht ausgewiesen".
enum BefragungChart {
    static let colors = ["#0a4a82", "#4f7fae", "#b36b00", "#8a3b00", "#595959", "#1d6b2f"]

    /// A pattern per answer, drawn over its colour in white: the second cue besides colour.
    static func pattern(_ k: Int) -> String {
        switch k % 6 {
        case 1: "<path d=\"M0 8 L8 0\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        case 2: "<circle cx=\"4\" cy=\"4\" r=\"1.5\" fill=\"#fff\"/>"
        case 3: "<path d=\"M0 4 H8\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        case 4: "<path d=\"M0 0 L8 8 M0 8 L8 0\" stroke=\"#fff\" stroke-width=\"1\"/>"
        case 5: "<path d=\"M4 0 V8\" stroke=\"#fff\" stroke-width=\"1.5\"/>"
        default: ""
        }
    }

    static func defs(_ count: Int, id: String) -> String {
        "<defs>" + (0..<count).map { k in
            "<pattern id=\"\(id)-m\(k)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">\(pattern(k))</pattern>"
        }.joined() + "</defs>\n"
    }

    static func svg(_ b: Befragung, _ t: PublishedTable, raum: String, id: String) -> String {
        let last = t.columns.count - 1, height = 64.0
        var body = defs(b.antworten.count, id: id)
        for (n, line) in t.lines.enumerated() {
            let y = 4 + Double(n) * height
            body += "<text x=\"0\" y=\"\(f(y + 13))\" class=\"beschriftung\">\(XML.escape(line.raum))</text>\n"
            guard let total = line.cellValues[last].number, total > 0,
                  line.cellValues.allSatisfy({ $0.number != nil }) else {
                let why = line.cellValues.contains(.geheim) ? "• nicht ausgewiesen" : "– keine Antworten"
                body += "<text x=\"0\" y=\"\(f(y + 34))\" class=\"wert\">\(why)</text>\n"
                continue
            }
            var x = 0.0, words: [String] = []
            for k in b.antworten.indices {
                let count = line.cellValues[k].number!, width = count / total * 100
                if width > 0 {
                    body += "<rect x=\"\(f(x))%\" y=\"\(f(y + 19))\" width=\"\(f(width))%\" height=\"18\" fill=\"\(colors[k % colors.count])\"/>"
                    body += "<rect x=\"\(f(x))%\" y=\"\(f(y + 19))\" width=\"\(f(width))%\" height=\"18\" fill=\"url(#\(id)-m\(k))\"/>\n"
                }
                x += width
                words.append("\(NumberFormat.german(width, places: 0)) % (\(NumberFormat.german(count, places: 0)))")
            }
            body += "<text x=\"0\" y=\"\(f(y + 53))\" class=\"wert\">\(XML.escape(words.joined(separator: " · ")))</text>\n"
        }
        return """
        <svg class="diagramm" xmlns="http://www.w3.org/2000/svg" width="100%" height="\(f(8 + Double(t.lines.count) * height))" role="img">
        <title>\(XML.escape(b.titel)), \(XML.escape(raum)): gestapelte Balken nach Gruppe</title>
        <desc>Anteile der Antworten je Gruppe in Prozent, in der Reihenfolge \(XML.escape(b.antworten.joined(separator: ", "))); in Klammern die Anzahl. Alle Werte stehen auch in der Tabelle.</desc>
        \(body)</svg>
        """
    }

    static func legend(_ b: Befragung) -> String {
        var html = "<ul class=\"legende\">\n"
        for (k, a) in b.antworten.enumerated() {
            html += "<li><svg width=\"24\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">\(defs(b.antworten.count, id: "legende-\(k)"))"
                + "<rect width=\"24\" height=\"16\" fill=\"\(colors[k % colors.count])\"/><rect width=\"24\" height=\"16\" fill=\"url(#legende-\(k)-m\(k))\"/></svg> \(XML.escape(a))</li>\n"
        }
        return html + "</ul>\n"
    }

    static func f(_ v: Double) -> String { NumberFormat.german(v, places: 1, minus: "-", thousands: "").replacingOccurrences(of: ",", with: ".") }
}

/// The survey as downloads: a row per area, group and answer; suppressed counts are "•" (CSV) or
/// `"geheim": true` (JSON) – the value itself is never written.
enum BefragungDownloads {
    static func cells(_ b: Befragung, _ tables: [(raum: String, tabelle: PublishedTable)]) -> [(String, String, String, CellValue)] {
        tables.flatMap { entry in
            entry.tabelle.lines.flatMap { line in
                entry.tabelle.columns.indices.map { c in (entry.raum, line.raum, entry.tabelle.columns[c], line.cellValues[c]) }
            }
        }
    }

    static func csv(_ b: Befragung, _ tables: [(raum: String, tabelle: PublishedTable)], _ u: RenderContext) -> Data {
        func field(_ s: String) -> String {
            s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = ["Raum;Gruppe;Antwort;Anzahl"]
        for (raum, gruppe, antwort, z) in cells(b, tables) {
            let value: String
            switch z {
            case let .value(w): value = NumberFormat.german(w, places: 0, minus: "-", thousands: "")
            case .geheim: value = "•"
            case .missing: value = ""
            }
            lines.append([field(raum), field(gruppe), field(antwort), value].joined(separator: ";"))
        }
        return Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    struct Download: Encodable {
        var id, titel, frage: String
        var antworten: [String]
        var mindestfallzahl: Int
        var stichtag, quelle: String?
        var beispieldaten: Bool
        var zeilen: [Row]

        struct Row: Encodable {
            var raum, gruppe, antwort: String
            var anzahl: Int?
            var geheim: Bool?
        }
    }

    static func json(_ b: Befragung, _ tables: [(raum: String, tabelle: PublishedTable)], _ u: RenderContext) -> Data {
        let rows = cells(b, tables).map { raum, gruppe, antwort, z in
            Download.Row(raum: raum, gruppe: gruppe, antwort: antwort, anzahl: z.number.map { Int($0) }, geheim: z == .geheim ? true : nil)
        }
        return JSONText.data(Download(id: b.id, titel: b.titel, frage: b.frage, antworten: b.antworten, mindestfallzahl: b.mindestfallzahl,
                                      stichtag: b.stichtag?.description, quelle: b.quelle, beispieldaten: b.sampleData, zeilen: rows))
    }
}
