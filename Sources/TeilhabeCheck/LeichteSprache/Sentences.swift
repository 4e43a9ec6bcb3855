import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Splits a masked line into sentences. A full stop does not end a sentence after an ordinal or a
/// date ("Die 5. Sitzung", "12. März"), after an abbreviation ("z. B.", "Mio.") or an initial, nor
/// when a lower-case word follows; e-mail addresses and URLs are blanked before and never split.
enum Sentences {
    static let abbreviations: Set<String> = [
        "z", "b", "d", "h", "u", "a", "o", "ä", "s", "v", "e", "ggf", "usw", "bzw", "etc", "ca", "evtl", "inkl", "zzgl",
        "vgl", "nr", "tel", "str", "abs", "art", "dr", "prof", "mio", "mrd", "sog", "bspw", "insb", "max", "min", "mind",
        "gem", "lt", "jh", "hr", "fr", "st", "kap", "bzgl", "ff", "f", "i", "ii", "iii",
    ]

    static func ranges(_ z: [Character], valueList: [UInt32]? = nil) -> [Range<Int>] {
        let s = valueList ?? Characters.valueList(z)
        var resultValue: [Range<Int>] = []
        var start: Int?
        var i = 0
        while i < s.count {
            let c = s[i]
            if start == nil, c != Characters.empty { start = i }
            if let beginning = start, Characters.sentenceEnd(c), isEnd(z, s, i) {
                var end = i + 1
                while end < s.count, Characters.sentenceEnd(s[end]) || Characters.closing(s[end]) { end += 1 }
                resultValue.append(beginning..<end)
                start = nil
                i = end
                continue
            }
            i += 1
        }
        if let beginning = start {
            var end = s.count
            while end > beginning, s[end - 1] == Characters.empty { end -= 1 }
            if end > beginning { resultValue.append(beginning..<end) }
        }
        return resultValue
    }

    private static func isEnd(_ z: [Character], _ s: [UInt32], _ i: Int) -> Bool {
        var n = i + 1
        while n < s.count, Characters.sentenceEnd(s[n]) || Characters.closing(s[n]) { n += 1 }
        guard n < s.count else { return true }
        guard s[n] == Characters.empty else { return false }
        while n < s.count, s[n] == Characters.empty { n += 1 }
        guard n < s.count else { return true }
        let follows = z[n]
        if s[i] != 0x2E { return follows.isUppercase || follows.isNumber || "„\"".contains(follows) }
        // The token before the full stop.
        var a = i
        while a > 0, Characters.wordCharacters(s[a - 1]) { a -= 1 }
        let token = String(z[a..<i]).lowercased()
        if token.allSatisfy(\.isNumber), !token.isEmpty { return false }          // ordinal or date
        if abbreviations.contains(token) { return false }                           // abbreviation or initial
        return follows.isUppercase || "„\"".contains(follows)
    }
}

/// Characters of a masked line by their first Unicode scalar: tests for letters and punctuation on
/// plain numbers, with an ASCII fast path (Character comparisons were a fifth of the LS check).
/// `Character.isLetter` and `isNumber` also look at the first scalar only, so the answers agree.
enum Characters {
    static let empty: UInt32 = 0x20

    static func valueList(_ z: some Collection<Character>) -> [UInt32] { z.map { $0.unicodeScalars.first!.value } }

    static func wordCharacters(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 }
        guard let u = Unicode.Scalar(v) else { return false }
        return u.properties.isAlphabetic || u.properties.numericType != nil
    }

    static func digit(_ v: UInt32) -> Bool {
        if v < 0x80 { return v &- 0x30 < 10 }
        return Unicode.Scalar(v)?.properties.numericType != nil
    }

    /// `.`, `!`, `?`
    static func sentenceEnd(_ v: UInt32) -> Bool { v == 0x2E || v == 0x21 || v == 0x3F }
    /// Closing quotes and brackets after a sentence's end: `“ ” " ) »`
    static func closing(_ v: UInt32) -> Bool { v == 0x201C || v == 0x201D || v == 0x22 || v == 0x29 || v == 0xBB }
    /// Joiners inside a word: `· - . , * : ’ ' _`
    static func innerCapital(_ v: UInt32) -> Bool {
        v == 0xB7 || v == 0x2D || v == 0x2E || v == 0x2C || v == 0x2A || v == 0x3A || v == 0x2019 || v == 0x27 || v == 0x5F
    }
}

/// Words of a masked line with their character ranges.
struct Word {
    var textRange: Range<Int>
    var text: String
    var letters: Int { text.filter(\.isLetter).count }
}

enum Words {
    static func list(_ z: [Character], valueList: [UInt32]? = nil) -> [Word] {
        let r = 0..<z.count
        let s = valueList ?? Characters.valueList(z)
        var resultValue: [Word] = []
        var i = r.lowerBound
        while i < r.upperBound {
            guard Characters.wordCharacters(s[i]) else { i += 1; continue }
            var e = i + 1
            while e < r.upperBound {
                let c = s[e]
                if Characters.wordCharacters(c) { e += 1; continue }
                // Inner joiners: Sozial·raum, E-Mail, 2.345, 3,5, Bürger*innen, geht's
                if Characters.innerCapital(c), e + 1 < r.upperBound, Characters.wordCharacters(s[e + 1]),
                   c != 0x2E && c != 0x2C || (Characters.digit(s[e - 1]) && Characters.digit(s[e + 1])) {
                    e += 1
                    continue
                }
                break
            }
            // Gender slash: "Ärzt/-innen", "Bürger/innen" stay one word.
            if e + 1 < r.upperBound, s[e] == 0x2F {
                let rest = String(z[(e + 1)..<min(r.upperBound, e + 7)])
                if rest.hasPrefix("-innen") || rest.hasPrefix("innen") {
                    e += rest.hasPrefix("-") ? 7 : 6
                }
            }
            resultValue.append(Word(textRange: i..<e, text: String(z[i..<e])))
            i = e
        }
        return resultValue
    }

    /// The words of `alle` (a line's) that lie in `satz`: the same as listing the sentence alone,
    /// because a word never runs across a sentence's end (that needs a space after its punctuation).
    static func inSentence(_ sentence: Range<Int>, _ allItems: [Word]) -> ArraySlice<Word> {
        let from = allItems.firstIndex { $0.textRange.lowerBound >= sentence.lowerBound } ?? allItems.endIndex
        let to = allItems[from...].firstIndex { $0.textRange.upperBound > sentence.upperBound } ?? allItems.endIndex
        return allItems[from..<to]
    }
}
