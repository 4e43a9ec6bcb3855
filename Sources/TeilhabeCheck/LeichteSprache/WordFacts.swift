import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// What the word rules first ask of a word's characters, found in one pass. Over its scalar values
/// where every character is a single scalar of ASCII, a German letter or the Mediopunkt (nearly every
/// word); else over Characters, whose properties Swift looks up in Unicode's tables one at a time.
struct WordFacts: Equatable {
    var letters = 0
    var lettersOnly = true
    var hasHyphen = false
    var hasDot = false
    /// Two or more characters, each I, V or X.
    var onlyRoman = false
    /// A part between joiners (`-`, `·`) of two or more characters, all capitals or digits, with a letter.
    var abbreviation = false
    /// Holds `* : _ /`, or a capital I after its first character: a gender form is possible.
    var genderMarks = false
    var capitalStart = false
    var lowercaseStart = false

    /// `werte`: the first scalar of each of the word's characters (TextLine.werte).
    init(_ t: String, valueList: ArraySlice<UInt32>) {
        if !fast(t, valueList) { slow(t) }
    }

    private static func utf8Length(_ v: UInt32) -> Int? {
        switch v {
        case 0x20..<0x7F: return 1
        case 0xB7, 0xC4, 0xD6, 0xDC, 0xDF, 0xE4, 0xF6, 0xFC: return 2
        default: return nil
        }
    }

    private static func big(_ v: UInt32) -> Bool { v &- 0x41 < 26 || v == 0xC4 || v == 0xD6 || v == 0xDC }
    private static func small(_ v: UInt32) -> Bool { v &- 0x61 < 26 || v == 0xE4 || v == 0xF6 || v == 0xFC || v == 0xDF }

    private mutating func fast(_ t: String, _ valueList: ArraySlice<UInt32>) -> Bool {
        var length = 0
        for v in valueList {
            guard let n = WordFacts.utf8Length(v) else { return false }
            length += n
        }
        // Equal lengths: no character carries a second scalar (a combining mark) behind its first.
        guard length == t.utf8.count, let firstPoint = valueList.first else { return false }
        onlyRoman = valueList.count >= 2
        var partLength = 0, partAllCapitals = true, partHasLetter = false
        for (k, v) in zip(valueList.indices, valueList) {
            let big = WordFacts.big(v), letter = big || WordFacts.small(v), digit = v &- 0x30 < 10
            if letter { letters += 1 } else { lettersOnly = false }
            if v != 0x49 && v != 0x56 && v != 0x58 { onlyRoman = false }
            if v == 0x2A || v == 0x3A || v == 0x5F || v == 0x2F || (v == 0x49 && k > valueList.startIndex) { genderMarks = true }
            if v == 0x2D || v == 0xB7 {
                if v == 0x2D { hasHyphen = true } else { hasDot = true }
                if partLength >= 2 && partAllCapitals && partHasLetter { abbreviation = true }
                partLength = 0; partAllCapitals = true; partHasLetter = false
            } else {
                partLength += 1
                partAllCapitals = partAllCapitals && (big || digit)
                partHasLetter = partHasLetter || letter
            }
        }
        if partLength >= 2 && partAllCapitals && partHasLetter { abbreviation = true }
        capitalStart = WordFacts.big(firstPoint)
        lowercaseStart = WordFacts.small(firstPoint)
        return true
    }

    private mutating func slow(_ t: String) {
        for c in t {
            if c.isLetter { letters += 1 } else { lettersOnly = false }
            if c == "-" { hasHyphen = true } else if c == "·" { hasDot = true }
        }
        onlyRoman = t.count >= 2 && t.allSatisfy { "IVX".contains($0) }
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "·" })
        abbreviation = parts.contains {
            $0.count >= 2 && $0.allSatisfy { $0.isUppercase || $0.isNumber } && $0.contains(where: \.isLetter)
        }
        genderMarks = t.contains(where: { "*:_/".contains($0) }) || t.dropFirst().contains(where: { $0 == "I" })
        capitalStart = t.first?.isUppercase == true
        lowercaseStart = t.first?.isLowercase == true
    }

    /// The facts through Characters alone (for tests: both ways must agree).
    static func aboveCharacters(_ t: String) -> WordFacts {
        var f = WordFacts()
        f.slow(t)
        return f
    }

    private init() {}
}
