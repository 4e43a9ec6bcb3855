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
    package static func german(_ value: Double, places: Int, minus: String = "−", thousands: String = ".") -> String {
        guard value.isFinite else { return "–" }
        let places = min(max(places, 0), maxPlaces)
        var digits = scaledDigits(abs(value), places: places)
        let null = digits.allSatisfy { $0 == 0 }
        if digits.count <= places { digits = Array(repeating: 0, count: places + 1 - digits.count) + digits }
        var text = grouped(digits.dropLast(places), thousands: thousands)
        if places > 0 { text += "," + String(decoding: digits.suffix(places).map { $0 + 48 }, as: UTF8.self) }
        return (value < 0 && !null ? minus : "") + text
    }

    /// The digits of `amount` × 10^stellen, rounded to a whole number, without leading zeros ("0" for zero).
    package static func scaledDigits(_ amount: Double, places: Int) -> [UInt8] {
        let (digits, point) = decimalDigits(amount)
        let keep = point + places          // digits left of the rounding position
        guard keep >= 0 else { return [0] } // below a tenth of the last place: rounds to zero
        var resultValue = Array(digits.prefix(keep))
        if resultValue.count < keep { resultValue += Array(repeating: 0, count: keep - resultValue.count) }
        if keep < digits.count, digits[keep] >= 5 { roundUp(&resultValue) }
        while resultValue.count > 1, resultValue[0] == 0 { resultValue.removeFirst() }
        return resultValue.isEmpty ? [0] : resultValue
    }

    /// The shortest decimal digits that read back as `amount` (≥ 0, finite) and how many of them stand
    /// before the decimal point (negative: zeros after it first): 12.25 → ([1,2,2,5], 2), 1e-5 → ([1], -4).
    package static func decimalDigits(_ amount: Double) -> (digits: [UInt8], point: Int) {
        let text = amount.description             // "12.25", "1e+19", "5e-324"
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts.first ?? "0"
        let before = mantissa.prefix { $0 != "." }
        let after = mantissa.drop { $0 != "." }.dropFirst()
        var digits = (before + after).compactMap { $0.wholeNumberValue.map(UInt8.init) }
        var point = before.count + exponent
        while digits.count > 1, digits[0] == 0 { digits.removeFirst(); point -= 1 }
        return (digits.isEmpty ? [0] : digits, point)
    }

    /// Adds one to the last digit and carries; an empty number becomes 1.
    private static func roundUp(_ digits: inout [UInt8]) {
        var i = digits.count - 1
        while i >= 0 {
            if digits[i] < 9 { digits[i] += 1; return }
            digits[i] = 0
            i -= 1
        }
        digits.insert(1, at: 0)
    }

    /// `1234567` → `1.234.567`.
    private static func grouped(_ digits: ArraySlice<UInt8>, thousands: String) -> String {
        var text = ""
        for (n, z) in digits.enumerated() {
            if n > 0, (digits.count - n) % 3 == 0 { text += thousands }
            text.unicodeScalars.append(Unicode.Scalar(z + 48))
        }
        return text
    }

    /// `+4,8 %`; nothing where there is no base to compare with.
    package static func percentChange(_ from: Double, _ after: Double) -> String? {
        guard from != 0 else { return nil }
        let p = (after - from) / from * 100
        guard p.isFinite else { return nil }
        return (p > 0 ? "+" : "") + german(p, places: 1) + " %"
    }
}
