/// German number formatting: `26.004`, `12,5`, `−3,2`.
///
/// Total for every Double and every `stellen`: the digits are worked out as decimal text, never
/// through a fixed-width integer, so no value can overflow (a CSV value of 10^19 once trapped here).
package enum NumberFormat {
    /// More places than a Double has digits would only show zeros; a limit keeps the text bounded.
    package static let maxPlaces = 20

    /// Rounded half away from zero (as German statistics round), on the shortest decimal form of
    /// the value: `1,005` typed in a CSV is 1,01 with two places, not the 1,00 of its binary value.
    /// NaN and ±∞ (which loading refuses) come out as "–", the mark for "no value".
    package static func deutsch(_ wert: Double, stellen: Int, minus: String = "−", tausender: String = ".") -> String {
        guard wert.isFinite else { return "–" }
        let stellen = min(max(stellen, 0), maxPlaces)
        var ziffern = scaledDigits(abs(wert), stellen: stellen)
        let null = ziffern.allSatisfy { $0 == 0 }
        if ziffern.count <= stellen { ziffern = Array(repeating: 0, count: stellen + 1 - ziffern.count) + ziffern }
        var text = grouped(ziffern.dropLast(stellen), tausender: tausender)
        if stellen > 0 { text += "," + String(decoding: ziffern.suffix(stellen).map { $0 + 48 }, as: UTF8.self) }
        return (wert < 0 && !null ? minus : "") + text
    }

    /// The digits of `betrag` × 10^stellen, rounded to a whole number, without leading zeros ("0" for zero).
    package static func scaledDigits(_ betrag: Double, stellen: Int) -> [UInt8] {
        let (ziffern, punkt) = decimalDigits(betrag)
        let behalten = punkt + stellen          // digits left of the rounding position
        guard behalten >= 0 else { return [0] } // below a tenth of the last place: rounds to zero
        var ergebnis = Array(ziffern.prefix(behalten))
        if ergebnis.count < behalten { ergebnis += Array(repeating: 0, count: behalten - ergebnis.count) }
        if behalten < ziffern.count, ziffern[behalten] >= 5 { roundUp(&ergebnis) }
        while ergebnis.count > 1, ergebnis[0] == 0 { ergebnis.removeFirst() }
        return ergebnis.isEmpty ? [0] : ergebnis
    }

    /// The shortest decimal digits that read back as `betrag` (≥ 0, finite) and how many of them stand
    /// before the decimal point (negative: zeros after it first): 12.25 → ([1,2,2,5], 2), 1e-5 → ([1], -4).
    package static func decimalDigits(_ betrag: Double) -> (ziffern: [UInt8], punkt: Int) {
        let text = betrag.description             // "12.25", "1e+19", "5e-324"
        let teile = text.split(separator: "e", maxSplits: 1)
        let exponent = teile.count > 1 ? Int(teile[1]) ?? 0 : 0
        let mantisse = teile.first ?? "0"
        let vor = mantisse.prefix { $0 != "." }
        let nach = mantisse.drop { $0 != "." }.dropFirst()
        var ziffern = (vor + nach).compactMap { $0.wholeNumberValue.map(UInt8.init) }
        var punkt = vor.count + exponent
        while ziffern.count > 1, ziffern[0] == 0 { ziffern.removeFirst(); punkt -= 1 }
        return (ziffern.isEmpty ? [0] : ziffern, punkt)
    }

    /// Adds one to the last digit and carries; an empty number becomes 1.
    private static func roundUp(_ ziffern: inout [UInt8]) {
        var i = ziffern.count - 1
        while i >= 0 {
            if ziffern[i] < 9 { ziffern[i] += 1; return }
            ziffern[i] = 0
            i -= 1
        }
        ziffern.insert(1, at: 0)
    }

    /// `1234567` → `1.234.567`.
    private static func grouped(_ ziffern: ArraySlice<UInt8>, tausender: String) -> String {
        var text = ""
        for (n, z) in ziffern.enumerated() {
            if n > 0, (ziffern.count - n) % 3 == 0 { text += tausender }
            text.unicodeScalars.append(Unicode.Scalar(z + 48))
        }
        return text
    }

    /// `+4,8 %`; nothing where there is no base to compare with.
    package static func prozentAenderung(_ von: Double, _ nach: Double) -> String? {
        guard von != 0 else { return nil }
        let p = (nach - von) / von * 100
        guard p.isFinite else { return nil }
        return (p > 0 ? "+" : "") + deutsch(p, stellen: 1) + " %"
    }
}
