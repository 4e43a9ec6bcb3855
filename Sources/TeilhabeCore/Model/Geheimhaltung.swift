/// A cell as it may be published.
public enum Zelle: Equatable, Sendable {
    case wert(Double)
    /// No value in the data.
    case fehlt
    /// Kept secret (primary or secondary suppression); the value is gone.
    case geheim

    public var wert: Double? { if case let .wert(w) = self { return w }; return nil }
}

/// The table that renderers receive: secret values are already removed, so no page, chart,
/// download or index can show them.
public struct VeroeffentlichteTabelle: Sendable {
    public struct Zeile: Sendable {
        public var raum: String
        public var zellen: [Zelle]
        public var istSumme: Bool
    }

    public var spalten: [String]
    public var raumTitel: String
    public var zeilen: [Zeile]
    public var primaer: Int
    public var sekundaer: Int

    public var summe: Zeile? { zeilen.first { $0.istSumme } }
    public var details: [Zeile] { zeilen.filter { !$0.istSumme } }
    public var hatGeheime: Bool { primaer + sekundaer > 0 }
    public var hatFehlende: Bool { zeilen.contains { $0.zellen.contains(.fehlt) } }
}

/// Statistical disclosure control for counts. With `geheimhaltung: n` every value from 1 to n−1 is
/// suppressed (primary). Where a `summe` row exists, each column is an equation total = Σ areas: a
/// column with exactly one secret cell among its values would give that cell away by subtraction,
/// so further cells are suppressed (secondary), the smallest published area values first, else the total.
public enum Geheimhaltung {
    public static func anwenden(_ indikator: Indikator) -> VeroeffentlichteTabelle {
        let t = indikator.tabelle
        let summe = indikator.summe.flatMap { s in t.zeilen.firstIndex { $0.raum == s } }
        var geheim = Set<[Int]>()
        if let n = indikator.geheimhaltung, indikator.istAnzahl {
            for (r, zeile) in t.zeilen.enumerated() {
                for (c, wert) in zeile.werte.enumerated() {
                    if let w = wert, w >= 1, w <= Double(n - 1) { geheim.insert([r, c]) }
                }
            }
        }
        let primaer = geheim.count
        if let s = summe, !geheim.isEmpty {
            for c in t.spalten.indices {
                sichern(spalte: c, summe: s, tabelle: t, geheim: &geheim)
            }
        }
        let zeilen = t.zeilen.enumerated().map { r, zeile in
            VeroeffentlichteTabelle.Zeile(raum: zeile.raum, zellen: zeile.werte.enumerated().map { c, wert in
                geheim.contains([r, c]) ? .geheim : wert.map { .wert($0) } ?? .fehlt
            }, istSumme: r == summe)
        }
        return VeroeffentlichteTabelle(spalten: t.spalten, raumTitel: t.raumTitel, zeilen: zeilen,
                                       primaer: primaer, sekundaer: geheim.count - primaer)
    }

    /// Adds cells to one column until it holds no secret cell or at least two.
    private static func sichern(spalte c: Int, summe s: Int, tabelle t: Tabelle, geheim: inout Set<[Int]>) {
        // Missing values are unknown anyway and take no part in the equation.
        let mitWert = t.zeilen.indices.filter { t.zeilen[$0].werte[c] != nil }
        while mitWert.filter({ geheim.contains([$0, c]) }).count == 1 {
            let kandidaten = mitWert.filter { $0 != s && !geheim.contains([$0, c]) }
                .sorted { (t.zeilen[$0].werte[c]! == 0 ? 1 : 0, t.zeilen[$0].werte[c]!, $0)
                        < (t.zeilen[$1].werte[c]! == 0 ? 1 : 0, t.zeilen[$1].werte[c]!, $1) }
            if let naechste = kandidaten.first {
                geheim.insert([naechste, c])
            } else if mitWert.contains(s), !geheim.contains([s, c]) {
                geheim.insert([s, c])
            } else {
                return
            }
        }
    }
}
