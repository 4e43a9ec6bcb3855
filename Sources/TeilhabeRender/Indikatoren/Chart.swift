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
    static let farbe = "#0a4a82"   // 9:1 against white
    /// The longest bar, in percent of the width: the rest holds its value label.
    static let balkenAnteil = 72.0

    struct Bild {
        var svg: String
        var satz: String
    }

    static func alle(_ i: Indikator, _ t: VeroeffentlichteTabelle) -> [Bild] {
        [balken(i, t), linie(i, t)].compactMap { $0 }
    }

    /// Horizontal bars, largest first; secret values appear as "•", not as bars.
    static func balken(_ i: Indikator, _ t: VeroeffentlichteTabelle) -> Bild? {
        guard t.details.count >= 2, let spalte = t.spalten.indices.last(where: { c in t.details.contains { $0.zellen[c].wert != nil } })
        else { return nil }
        let zeilen = t.details.sorted { a, b in
            (a.zellen[spalte].wert ?? -1, b.raum) > (b.zellen[spalte].wert ?? -1, a.raum)
        }
        let maximum = zeilen.compactMap { $0.zellen[spalte].wert }.max() ?? 1
        let hoehe = 44.0
        var inhalt = ""
        for (n, zeile) in zeilen.enumerated() {
            let y = 6 + Double(n) * hoehe
            inhalt += "<text x=\"0\" y=\"\(f(y + 13))\" class=\"beschriftung\">\(XML.escape(zeile.raum))</text>\n"
            switch zeile.zellen[spalte] {
            case let .wert(w):
                let laenge = maximum > 0 ? max(0.3, w / maximum * balkenAnteil) : 0.3
                inhalt += "<rect x=\"0\" y=\"\(f(y + 19))\" width=\"\(f(laenge))%\" height=\"16\" fill=\"\(farbe)\"/>\n"
                inhalt += "<text x=\"\(f(laenge))%\" dx=\"6\" y=\"\(f(y + 32))\" class=\"wert\">\(zahl(i, w))</text>\n"
            case .geheim:
                inhalt += "<text x=\"0\" y=\"\(f(y + 32))\" class=\"wert\">• geheim gehalten</text>\n"
            case .fehlt:
                inhalt += "<text x=\"0\" y=\"\(f(y + 32))\" class=\"wert\">– kein Wert</text>\n"
            }
        }
        let satz = satzBalken(i, t, spalte: spalte)
        let titel = "\(i.titel), \(t.spalten[spalte]): Balkendiagramm"
        return Bild(svg: svg(titel: titel, beschreibung: satz, hoehe: 6 + Double(zeilen.count) * hoehe, inhalt: inhalt), satz: satz)
    }

    /// A line over the years for the total (or the only area), with a marked and labelled point per year;
    /// none across categories that end in their own total (`summe_spalte`).
    static func linie(_ i: Indikator, _ t: VeroeffentlichteTabelle) -> Bild? {
        guard t.spalten.count >= 3, t.summeSpalte == nil,
              let reihe = t.summe ?? (t.details.count == 1 ? t.details.first : nil) else { return nil }
        let punkte = reihe.zellen.enumerated().compactMap { c, z in z.wert.map { (c, $0) } }
        guard punkte.count >= 2 else { return nil }
        let hoehe = 210.0, oben = 34.0, unten = hoehe - 34
        let maximum = max(punkte.map(\.1).max()!, 1) * 1.05
        // Across in percent (first and last point far enough in for their centred labels), down in px.
        func x(_ c: Int) -> String { f(9 + Double(c) / Double(t.spalten.count - 1) * 82) + "%" }
        func y(_ w: Double) -> Double { unten - w / maximum * (unten - oben) }
        var inhalt = "<line x1=\"3%\" y1=\"\(f(unten))\" x2=\"97%\" y2=\"\(f(unten))\" stroke=\"#595959\" stroke-width=\"1\"/>\n"
        // Separate segments, because a polyline's points cannot be percentages.
        for (a, b) in zip(punkte, punkte.dropFirst()) {
            inhalt += "<line x1=\"\(x(a.0))\" y1=\"\(f(y(a.1)))\" x2=\"\(x(b.0))\" y2=\"\(f(y(b.1)))\" stroke=\"\(farbe)\" stroke-width=\"3\" stroke-linecap=\"round\"/>\n"
        }
        for (c, w) in punkte {
            inhalt += "<circle cx=\"\(x(c))\" cy=\"\(f(y(w)))\" r=\"5\" fill=\"\(farbe)\"/>\n"
            inhalt += "<text x=\"\(x(c))\" y=\"\(f(y(w) - 11))\" text-anchor=\"middle\" class=\"wert\">\(zahl(i, w))</text>\n"
        }
        for (c, spalte) in t.spalten.enumerated() {
            inhalt += "<text x=\"\(x(c))\" y=\"\(f(hoehe - 12))\" text-anchor=\"middle\" class=\"beschriftung\">\(XML.escape(spalte))</text>\n"
        }
        let satz = satzTrend(i, t, reihe: reihe) ?? ""
        let titel = "\(i.titel), \(reihe.raum), \(t.spalten.first!)–\(t.spalten.last!): Liniendiagramm"
        return Bild(svg: svg(titel: titel, beschreibung: satz, hoehe: hoehe, inhalt: inhalt), satz: satz)
    }

    static func svg(titel: String, beschreibung: String, hoehe: Double, inhalt: String) -> String {
        """
        <svg class="diagramm" xmlns="http://www.w3.org/2000/svg" width="100%" height="\(f(hoehe))" role="img">
        <title>\(XML.escape(titel))</title>
        <desc>\(XML.escape(beschreibung))</desc>
        \(inhalt)</svg>
        """
    }

    static func zahl(_ i: Indikator, _ w: Double) -> String { NumberFormat.deutsch(w, stellen: i.nachkommastellen) }

    private static func f(_ v: Double) -> String { NumberFormat.deutsch(v, stellen: 1, minus: "-", tausender: "").replacingOccurrences(of: ",", with: ".") }

    /// "2022 ist der Wert in Aachen am höchsten (26.004) und in Roetgen am niedrigsten (312)."
    static func satzBalken(_ i: Indikator, _ t: VeroeffentlichteTabelle, spalte: Int) -> String {
        let werte = t.details.compactMap { z in z.zellen[spalte].wert.map { (z.raum, $0) } }
        guard let hoch = werte.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }),
              let tief = werte.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return "" }
        let geheim = t.details.contains { $0.zellen[spalte] == .geheim }
        let zusatz = geheim ? " unter den veröffentlichten Werten" : ""
        let spalteText = t.spalten[spalte]
        let wann = spalteText.count == 4 && Int(spalteText) != nil ? "Im Jahr \(spalteText)" : "Bei „\(spalteText)“"
        if hoch.1 == tief.1 { return "\(wann) ist der Wert in allen Gebieten mit veröffentlichtem Wert gleich (\(zahl(i, hoch.1)))." }
        return "\(wann) ist der Wert in \(hoch.0) am höchsten (\(zahl(i, hoch.1))) und\(zusatz) in \(tief.0) am niedrigsten (\(zahl(i, tief.1)))."
    }

    /// "Für die StädteRegion Aachen ist der Wert von 2016 bis 2022 gestiegen, von 58.220 auf 61.010 (+4,8 %)."
    static func satzTrend(_ i: Indikator, _ t: VeroeffentlichteTabelle, reihe: VeroeffentlichteTabelle.Zeile) -> String? {
        let punkte = reihe.zellen.enumerated().compactMap { c, z in z.wert.map { (c, $0) } }
        guard let erster = punkte.first, let letzter = punkte.last, erster.0 != letzter.0 else { return nil }
        let richtung = letzter.1 > erster.1 ? "gestiegen" : letzter.1 < erster.1 ? "gesunken" : "gleich geblieben"
        let prozent = i.istAnzahl ? NumberFormat.prozentAenderung(erster.1, letzter.1).map { " (\($0))" } ?? "" : ""
        return "Für \(reihe.raum) ist der Wert von \(t.spalten[erster.0]) bis \(t.spalten[letzter.0]) \(richtung), "
            + "von \(zahl(i, erster.1)) auf \(zahl(i, letzter.1))\(prozent)."
    }
}
