import Foundation
import TeilhabeSupport
import TeilhabeModel

/// Readability figures of one page's text (issue 23, item 5): mean sentence and word length, the share of
/// long words and Björnsson's LIX (words per sentence + percent of words longer than 6 letters). Counted on
/// the masked text the rules see: Markdown syntax, link targets, code and comments are no words.
public struct Readability: Sendable, Equatable, Codable {
    /// The page's file as reached from the working directory.
    public var file: String
    public var sentences: Int
    public var words: Int
    public var letters: Int
    /// Words of more than 6 letters (LIX's definition).
    public var longWords: Int

    public var wordsPerSentence: Double { sentences == 0 ? 0 : Double(words) / Double(sentences) }
    public var lettersPerWord: Double { words == 0 ? 0 : Double(letters) / Double(words) }
    public var longWordShare: Double { words == 0 ? 0 : Double(longWords) / Double(words) }
    public var lix: Double { wordsPerSentence + 100 * longWordShare }

    /// Counts a Markdown body: every line's sentences (a heading or list item without a full stop is one).
    public static func of(_ text: String, file: String) -> Readability {
        var r = Readability(file: file, sentences: 0, words: 0, letters: 0, longWords: 0)
        for line in TextMask.lines(text, firstTextLine: 1) {
            let words = Words.list(line.mask, valueList: line.valueList).filter { $0.text.contains(where: \.isLetter) }
            guard !words.isEmpty else { continue }
            r.sentences += Sentences.ranges(line.mask, valueList: line.valueList)
                .filter { s in words.contains { s.contains($0.textRange.lowerBound) } }.count
            for w in words {
                let n = w.text.filter(\.isLetter).count
                r.words += 1
                r.letters += n
                if n > 6 { r.longWords += 1 }
            }
        }
        return r
    }

    /// Figures rounded for people and files: one decimal, the share in percent.
    public var rounded: (wordsPerSentence: Double, lettersPerWord: Double, longWordPercent: Double, lix: Double) {
        func one(_ x: Double) -> Double { (x * 10).rounded() / 10 }
        return (one(wordsPerSentence), one(lettersPerWord), one(100 * longWordShare), one(lix))
    }
}

extension LeichteSpracheCheck {
    /// The figures of every page in Leichter Sprache (the `.leicht.md` twins), sorted by file.
    public static func readability(_ project: Projekt) -> [Readability] {
        var result: [Readability] = []
        let vorlagen = project.vorlagen
        for i in vorlagen.indices { if let l = vorlagen[i].leicht { result.append(.of(l.body.text, file: l.body.file)) } }
        for t in project.texts { if let l = t.leicht { result.append(.of(l.body.text, file: l.body.file)) } }
        return result.sorted { $0.file < $1.file }
    }

    /// `check --format json --lesbarkeit`: the findings' array (as `Finding.json` writes it) beside the figures,
    /// as {"befunde": [...], "lesbarkeit": [{"file", "saetze", "woerter", "woerter_je_satz", …}]}.
    public static func jsonWithReadability(_ diagnostics: [Diagnostic], _ figures: [Readability], language: Language) -> String {
        struct Page: Encodable {
            var file: String, saetze: Int, woerter: Int
            var woerter_je_satz: Double, buchstaben_je_wort: Double, anteil_lange_woerter_prozent: Double, lix: Double
        }
        struct Document: Encodable {
            var befunde: [Finding.Entry]
            var lesbarkeit: [Page]
        }
        let pages = figures.map { f in
            let r = f.rounded
            return Page(file: f.file, saetze: f.sentences, woerter: f.words, woerter_je_satz: r.wordsPerSentence,
                        buchstaben_je_wort: r.lettersPerWord, anteil_lange_woerter_prozent: r.longWordPercent, lix: r.lix)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(befunde: Finding.entries(diagnostics, language: language), lesbarkeit: pages)
        return (try? encoder.encode(document)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
