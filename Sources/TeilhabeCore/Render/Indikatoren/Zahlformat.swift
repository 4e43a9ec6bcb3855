/// German number formatting: `26.004`, `12,5`, `−3,2`.
enum Zahlformat {
    static func deutsch(_ wert: Double, stellen: Int, minus: String = "−", tausender: String = ".") -> String {
        var faktor = 1
        for _ in 0..<stellen { faktor *= 10 }
        let skaliert = Int((abs(wert) * Double(faktor)).rounded())
        var ganz = String(skaliert / faktor)
        if !tausender.isEmpty {
            var gruppen: [String] = []
            while ganz.count > 3 {
                gruppen.insert(String(ganz.suffix(3)), at: 0)
                ganz = String(ganz.dropLast(3))
            }
            ganz = ([ganz] + gruppen).joined(separator: tausender)
        }
        var text = ganz
        if stellen > 0 {
            let rest = String(skaliert % faktor)
            text += "," + String(repeating: "0", count: stellen - rest.count) + rest
        }
        return (wert < 0 && skaliert != 0 ? minus : "") + text
    }

    /// `+4,8 %`
    static func prozentAenderung(_ von: Double, _ nach: Double) -> String? {
        guard von != 0 else { return nil }
        let p = (nach - von) / von * 100
        return (p > 0 ? "+" : "") + deutsch(p, stellen: 1) + " %"
    }
}
