/// Splits a masked line into sentences. A full stop does not end a sentence after an ordinal or a
/// date ("Die 5. Sitzung", "12. März"), after an abbreviation ("z. B.", "Mio.") or an initial, nor
/// when a lower-case word follows; e-mail addresses and URLs are blanked before and never split.
enum Saetze {
    static let abkuerzungen: Set<String> = [
        "z", "b", "d", "h", "u", "a", "o", "ä", "s", "v", "e", "ggf", "usw", "bzw", "etc", "ca", "evtl", "inkl", "zzgl",
        "vgl", "nr", "tel", "str", "abs", "art", "dr", "prof", "mio", "mrd", "sog", "bspw", "insb", "max", "min", "mind",
        "gem", "lt", "jh", "hr", "fr", "st", "kap", "bzgl", "ff", "f", "i", "ii", "iii",
    ]

    static func bereiche(_ z: [Character]) -> [Range<Int>] {
        var ergebnis: [Range<Int>] = []
        var start: Int?
        var i = 0
        while i < z.count {
            let c = z[i]
            if start == nil, c != " " { start = i }
            if let s = start, ".!?".contains(c), istEnde(z, i) {
                var ende = i + 1
                while ende < z.count, ".!?".contains(z[ende]) || "“”\")»".contains(z[ende]) { ende += 1 }
                ergebnis.append(s..<ende)
                start = nil
                i = ende
                continue
            }
            i += 1
        }
        if let s = start {
            var ende = z.count
            while ende > s, z[ende - 1] == " " { ende -= 1 }
            if ende > s { ergebnis.append(s..<ende) }
        }
        return ergebnis
    }

    private static func istEnde(_ z: [Character], _ i: Int) -> Bool {
        var n = i + 1
        while n < z.count, ".!?“”\")»".contains(z[n]) { n += 1 }
        guard n < z.count else { return true }
        guard z[n] == " " else { return false }
        while n < z.count, z[n] == " " { n += 1 }
        guard n < z.count else { return true }
        let folgt = z[n]
        if z[i] != "." { return folgt.isUppercase || folgt.isNumber || "„\"".contains(folgt) }
        // The token before the full stop.
        var a = i
        while a > 0, z[a - 1].isLetter || z[a - 1].isNumber { a -= 1 }
        let token = String(z[a..<i]).lowercased()
        if token.allSatisfy(\.isNumber), !token.isEmpty { return false }          // ordinal or date
        if abkuerzungen.contains(token) { return false }                           // abbreviation or initial
        return folgt.isUppercase || "„\"".contains(folgt)
    }
}

/// Words of a masked line with their character ranges.
struct Wort {
    var bereich: Range<Int>
    var text: String
    var buchstaben: Int { text.filter(\.isLetter).count }
}

enum Woerter {
    static func liste(_ z: [Character], in bereich: Range<Int>? = nil) -> [Wort] {
        let r = bereich ?? 0..<z.count
        var ergebnis: [Wort] = []
        var i = r.lowerBound
        while i < r.upperBound {
            guard z[i].isLetter || z[i].isNumber else { i += 1; continue }
            var e = i + 1
            while e < r.upperBound {
                let c = z[e]
                if c.isLetter || c.isNumber { e += 1; continue }
                // Inner joiners: Sozial·raum, E-Mail, 2.345, 3,5, Bürger*innen, geht's
                if "·-.,*:’'_".contains(c), e + 1 < r.upperBound, z[e + 1].isLetter || z[e + 1].isNumber,
                   c != "." && c != "," || (z[e - 1].isNumber && z[e + 1].isNumber) {
                    e += 1
                    continue
                }
                break
            }
            // Gender slash: "Ärzt/-innen", "Bürger/innen" stay one word.
            if e + 1 < r.upperBound, z[e] == "/" {
                let rest = String(z[(e + 1)..<min(r.upperBound, e + 7)])
                if rest.hasPrefix("-innen") || rest.hasPrefix("innen") {
                    e += rest.hasPrefix("-") ? 7 : 6
                }
            }
            ergebnis.append(Wort(bereich: i..<e, text: String(z[i..<e])))
            i = e
        }
        return ergebnis
    }
}
