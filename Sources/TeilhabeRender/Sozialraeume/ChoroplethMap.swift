import TeilhabeSupport
import TeilhabeModel

/// An accessible SVG map drawn at build time, without JavaScript: every area a link named with its
/// value, classes by quantiles in a colour-blind-safe sequential palette (ColorBrewer YlGnBu) with a
/// pattern per class as a second cue, "keine Angabe" with its own, a legend, a generated description
/// and the values as a table beside it.
struct ChoroplethMap {
    struct Area {
        var key: String
        var name: String
        /// Relative link to the area's page.
        var href: String
        var shapes: [AreaShape]
        /// nil: no published value (no row, no value, or kept secret).
        var value: Double?
    }

    /// Fills light to dark; patterns in an ink that stands out on each fill.
    static let palette = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
    static let ink = ["#1a1a1a", "#1a1a1a", "#1a1a1a", "#ffffff", "#ffffff"]
    static let noDataFill = "#ffffff"
    static let border = "#1a1a1a"   // 17:1 against the white page

    var id: String
    var titel: String
    var areas: [Area]
    /// "23,4 %" for a value.
    var format: (Double) -> String
    /// The number alone, for the legend (whose heading names the unit once).
    var number: ((Double) -> String)?
    var unit: String?
    /// false: the overview of the areas, one colour, named without values, no legend or table.
    var showsValues = true

    /// Class index per value (0 = lowest), by quantiles; tied values share a class, empty classes are dropped.
    static func classes(_ values: [Double], maximum: Int = 5) -> (ofValue: [Double: Int], count: Int) {
        let sorted = values.sorted()
        let k = min(maximum, Set(sorted).count)
        guard k > 0 else { return ([:], 0) }
        var raw: [Double: Int] = [:]
        for (rank, v) in sorted.enumerated() where raw[v] == nil { raw[v] = min(k - 1, rank * k / sorted.count) }
        let used = Array(Set(raw.values)).sorted()
        return (raw.mapValues { used.firstIndex(of: $0)! }, used.count)
    }

    /// Palette positions for `count` classes, spread over the five.
    static func paletteIndex(_ klass: Int, of count: Int) -> Int {
        count <= 1 ? 2 : Int((Double(klass) * 4 / Double(count - 1)).rounded())
    }

    /// The figure: caption, map, description, legend, table.
    func html(leicht: Bool) -> String {
        let (classOf, count) = ChoroplethMap.classes(areas.compactMap(\.value))
        let geometry = MapGeometry(areas.map { ($0.key, $0.shapes) })
        let description = !showsValues ? overviewSentences(leicht: leicht)
            : leicht ? easySentences() : self.description(classCount: count)
        var html = "<figure class=\"karte\" id=\"\(id)\">\n<figcaption>\(XML.escape("Karte: " + titel))</figcaption>\n"
        html += "<div class=\"karte-bild\">\n" + svg(geometry, classOf: classOf, count: count, description: description.joined(separator: " ")) + "</div>\n"
        html += "<p class=\"karte-beschreibung\">" + description.map(XML.escape).joined(separator: leicht ? "<br>\n" : " ") + "</p>\n"
        if showsValues { html += legend(classOf: classOf, count: count, leicht: leicht) }
        if showsValues, !leicht { html += table() }
        return html + "</figure>\n"
    }

    private func svg(_ geometry: MapGeometry, classOf: [Double: Int], count: Int, description: String) -> String {
        var s = "<svg class=\"karte-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(geometry.width) \(geometry.height)\" "
            + "width=\"\(geometry.width * 3 / 4)\" height=\"\(geometry.height * 3 / 4)\" "
            + "role=\"group\" aria-labelledby=\"\(id)-titel \(id)-text\">\n"
        s += "<title id=\"\(id)-titel\">\(XML.escape("Karte: " + titel))</title>\n<desc id=\"\(id)-text\">\(XML.escape(description))</desc>\n"
        s += "<defs>\n" + (0..<5).map { pattern($0) }.joined() + noDataPattern() + "</defs>\n"
        for (area, path) in zip(areas, geometry.paths) where !path.d.isEmpty {
            let name = XML.escape(accessibleName(area))
            let (fill, patternId): (String, String)
            if !showsValues {
                (fill, patternId) = (ChoroplethMap.palette[1], "\(id)-muster-0")
            } else if let v = area.value, let k = classOf[v] {
                let p = ChoroplethMap.paletteIndex(k, of: count)
                (fill, patternId) = (ChoroplethMap.palette[p], "\(id)-muster-\(p)")
            } else {
                (fill, patternId) = (ChoroplethMap.noDataFill, "\(id)-muster-ka")
            }
            s += "<a href=\"\(XML.escape(area.href))\" aria-label=\"\(name)\"><title>\(name)</title>"
            s += "<path class=\"flaeche\" d=\"\(path.d)\" fill=\"\(fill)\" fill-rule=\"evenodd\"/>"
            s += "<path class=\"muster\" d=\"\(path.d)\" fill=\"url(#\(patternId))\" fill-rule=\"evenodd\" stroke=\"\(ChoroplethMap.border)\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/></a>\n"
        }
        return s + "</svg>\n"
    }

    func accessibleName(_ area: Area) -> String {
        guard showsValues else { return area.name }
        return "\(area.name): " + (area.value.map(format) ?? "keine Angabe")
    }

    /// What the overview shows, in plain or easy words.
    func overviewSentences(leicht: Bool) -> [String] {
        leicht ? ["Die Karte zeigt die Orte.", "Wählen Sie einen Ort.", "Dann sehen Sie mehr über den Ort."]
            : ["\(areas.count) Gebiete; jedes führt zu seinem Profil."]
    }

    /// One pattern per palette position: dots, lines one way, lines the other, a grid, dense dots.
    private func pattern(_ p: Int) -> String {
        let c = ChoroplethMap.ink[p]
        let shapes = [
            "<circle cx=\"5\" cy=\"5\" r=\"1.3\" fill=\"\(c)\"/>",
            "<path d=\"M0 10L10 0\" stroke=\"\(c)\" stroke-width=\"1.2\"/>",
            "<path d=\"M0 0L10 10\" stroke=\"\(c)\" stroke-width=\"1.4\"/>",
            "<path d=\"M0 5H10M5 0V10\" stroke=\"\(c)\" stroke-width=\"1.4\"/>",
            "<circle cx=\"2.5\" cy=\"2.5\" r=\"1.4\" fill=\"\(c)\"/><circle cx=\"7.5\" cy=\"7.5\" r=\"1.4\" fill=\"\(c)\"/>",
        ]
        return "<pattern id=\"\(id)-muster-\(p)\" patternUnits=\"userSpaceOnUse\" width=\"10\" height=\"10\">\(shapes[p])</pattern>\n"
    }

    /// "keine Angabe": white with short grey dashes, unlike every class.
    private func noDataPattern() -> String {
        "<pattern id=\"\(id)-muster-ka\" patternUnits=\"userSpaceOnUse\" width=\"12\" height=\"12\">"
            + "<path d=\"M2 6H10\" stroke=\"#595959\" stroke-width=\"1.5\"/></pattern>\n"
    }

    /// "10 Gebiete, Werte von 12,0 % bis 41,0 % in 5 Klassen. Am höchsten: … Am niedrigsten: … 2 ohne Angabe."
    func description(classCount: Int) -> [String] {
        let known = areas.compactMap { a in a.value.map { (a.name, $0) } }
        let missing = areas.count - known.count
        var s = ["\(areas.count) Gebiete."]
        if let high = known.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), let low = known.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) {
            s[0] = "\(areas.count) Gebiete, Werte von \(format(low.1)) bis \(format(high.1)) in \(classCount) \(classCount == 1 ? "Klasse" : "Klassen")."
            if high.1 != low.1 {
                s.append("Am höchsten: \(high.0) (\(format(high.1))).")
                s.append("Am niedrigsten: \(low.0) (\(format(low.1))).")
            }
        }
        if missing > 0 { s.append(missing == 1 ? "1 Gebiet ohne Angabe." : "\(missing) Gebiete ohne Angabe.") }
        return s
    }

    /// Where the value is highest and lowest, in easy words: no numbers with a comma, no signs.
    func easySentences() -> [String] {
        let known = areas.compactMap { a in a.value.map { (a.name, $0) } }
        var s = ["Die Karte zeigt die Orte.", "Jeder Ort hat eine Farbe.", "Dunkle Farbe heißt: Die Zahl ist groß."]
        if let high = known.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), let low = known.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }),
           high.1 != low.1 {
            s.append("In \(high.0) ist die Zahl am größten.")
            s.append("In \(low.0) ist die Zahl am kleinsten.")
        }
        if known.count < areas.count { s.append("Bei manchen Orten fehlt die Zahl.") }
        return s
    }

    private func legend(classOf: [Double: Int], count: Int, leicht: Bool) -> String {
        var items: [(String, String)] = []
        for k in 0..<count {
            let members = classOf.filter { $0.value == k }.keys
            guard let low = members.min(), let high = members.max() else { continue }
            let plain = number ?? format
            let text = low == high ? plain(low) : "\(plain(low)) bis \(plain(high))"
            items.append((swatch(ChoroplethMap.paletteIndex(k, of: count)), leicht ? "Farbe \(k + 1)" : text))
        }
        if areas.contains(where: { $0.value == nil }) { items.append((swatch(nil), "keine Angabe")) }
        let heading = leicht ? "Die Farben" : "Legende" + (unit.map { " (\($0))" } ?? "")
        return "<div class=\"karte-legende\"><p class=\"karte-legende-titel\">\(heading)</p>\n<ul>\n"
            + items.map { "<li>\($0.0) \(XML.escape($0.1))</li>\n" }.joined() + "</ul>\n</div>\n"
    }

    /// A small square with the class's colour and pattern (decoration: the text beside it says the class).
    private func swatch(_ p: Int?) -> String {
        let fill = p.map { ChoroplethMap.palette[$0] } ?? ChoroplethMap.noDataFill
        let patternId = p.map { "\(id)-muster-\($0)" } ?? "\(id)-muster-ka"
        return "<svg class=\"karte-farbfeld\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\" focusable=\"false\">"
            + "<rect x=\"1\" y=\"1\" width=\"22\" height=\"22\" fill=\"\(fill)\"/><rect x=\"1\" y=\"1\" width=\"22\" height=\"22\" fill=\"url(#\(patternId))\" stroke=\"\(ChoroplethMap.border)\" stroke-width=\"1.5\"/></svg>"
    }

    /// The values beside the map, as a real table.
    private func table() -> String {
        let rows = areas.map { a in
            "<tr><th scope=\"row\"><a href=\"\(XML.escape(a.href))\">\(XML.escape(a.name))</a></th><td class=\"zahl\">"
                + (a.value.map { XML.escape(format($0)) } ?? "keine Angabe") + "</td></tr>\n"
        }.joined()
        return """
        <p class="tabellen-titel">Werte zur Karte: \(XML.escape(titel))</p>
        <div class="tabelle" role="region" aria-label="Tabelle zur Karte: \(XML.escape(titel))" tabindex="0">
        <table class="karte-werte" aria-label="Werte zur Karte: \(XML.escape(titel))">
        <thead><tr><th scope="col">Gebiet</th><th scope="col" class="zahl">Wert</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        </div>

        """
    }
}
