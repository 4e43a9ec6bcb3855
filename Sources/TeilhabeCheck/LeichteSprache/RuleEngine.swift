import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Applies the LS rules to lines of text. Works on masked lines (TextMask), so Markdown syntax is
/// never text, and reports character ranges that `match` cuts from the original line.
struct LSRuleEngine {

    // Regex literals are parsed each time the expression runs: these are built once.
    // SharedRegex: a Regex is not Sendable; the wrapper says why sharing these is safe.
    static let romanNumeral = SharedRegex(#/X{0,3}(IX|IV|V?I{0,3})/#)
    static let genderedPlural = SharedRegex(#/\p{L}+([*:_]|/-?)innen/#)
    static let binnenI = SharedRegex(#/\p{L}+[a-zäöüß]Innen/#)
    static let genderedSingular = SharedRegex(#/\p{L}+[*:_]in/#)
    static let lowercaseAfterHyphen = SharedRegex(#/\p{L}+(-\p{Ll}[\p{L}]*)+/#)
    static let capitalAfterMediopunkt = SharedRegex(#/·\p{Lu}/#)
    static let hyphenBeforeLowercase = SharedRegex(#/-\p{Ll}/#)
    static let phoneNumberOrPostcode = SharedRegex(#/(\+\d{1,3}|\b0\d{2,5})[\d \-/]{3,}\d|\b\d{5}(?=\s+\p{Lu})/#)
    static let numericDate = SharedRegex(#/\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b/#)
    static let timeWithDot = SharedRegex(#/\b(\d{1,2})\.(\d{2})\s?Uhr\b/#)
    static let timeWithColon = SharedRegex(#/\b(\d{1,2}):(\d{2})\b(\s?Uhr)?/#)
    static let numberRange = SharedRegex(#/(\d{1,4})\s?[–—-]\s?(\d{1,4})/#)
    static let largeOrDecimalNumber = SharedRegex(#/\b\d{1,3}(\.\d{3})+\b|\b\d+,\d+\b|\b\d{5,}\b|\b\d{4}\b(?=\s+(?:Euro|Menschen|Personen|Haushalte|Plätze|Kinder|Stunden|Mal|Wohnungen)\b)|\b\d{4}\b|\b(Mio\.|Mrd\.|Millionen|Milliarden)/#)
    static let percent = SharedRegex(#/%|\b[Pp]rozent\w*/#)
    let lexikon: Lexicon
    let delimiter: String
    /// Years before this one minus ten are "long ago" (LS36).
    let referenzjahr: Int

    static let months = Formatting.months

    // Patterns compiled once: compiling a Regex from a string costs far more than matching it.
    // SharedRegex: a Regex is not Sendable; the wrapper says why sharing these is safe.
    static let abbreviationPattern = SharedRegex<AnyRegexOutput>(try! Regex(#"\b(u\.(?=\s\p{Ll})|z\.\s?B\.|u\.\s?a\.|d\.\s?h\.|o\.\s?ä\.|v\.\s?a\.|e\.\s?V\.|ggf\.|usw\.|bzw\.|etc\.|ca\.|evtl\.|inkl\.|zzgl\.|Nr\.|Tel\.|Str\.|Abs\.|Dr\.|Prof\.|sog\.|bspw\.|insb\.)"#))
    static let crossReferencePattern = SharedRegex<AnyRegexOutput>(try! Regex(#"\b([Ss]iehe|[Vv]gl\.|[Ss]\.\s?\d+|Seite\s\d+|Anlage\s\d+|Kapitel\s\d+|Abschnitt\s\d+|oben genannt\w*|unten genannt\w*|s\.\s?o\.|s\.\s?u\.)"#))
    static let conjunctionPattern = SharedRegex<AnyRegexOutput>(try! Regex(#"\b(dass|weil|obwohl|obgleich|sodass|nachdem|falls|indem|sofern)\b"#).ignoresCase())
    static let subclauseAfterCommaPattern = SharedRegex<AnyRegexOutput>(try! Regex(#",\s*(wenn|ob|damit|bevor|während|welche[rsmn]?|deren|dessen|denen|aber|sondern)\b"#))
    static let idiome = SharedRegex<AnyRegexOutput>(try! Regex(LSWordLists.idiome.map { "(?:\($0))" }.joined(separator: "|")).ignoresCase())

    func check(_ lines: [TextLine]) -> [(TextLine, LSMatch)] {
        var resultValue: [(TextLine, LSMatch)] = []
        for (index, sourceLine) in lines.enumerated() {
            let sentences = Sentences.ranges(sourceLine.mask, valueList: sourceLine.valueList)
            var funde = lineRules(sourceLine, sentences)
            funde += frage(lines, index, sentences)
            for fund in funde where !sourceLine.alleErlaubt && !sourceLine.permitted.contains(fund.ruleId.rawValue) {
                resultValue.append((sourceLine, fund))
            }
        }
        return resultValue
    }

    /// Regex matches as character ranges of the line.
    private func hits(_ text: String, _ pattern: SharedRegex<AnyRegexOutput>) -> [Range<Int>] {
        text.matches(of: pattern).map { m in
            let start = text.distance(from: text.startIndex, to: m.range.lowerBound)
            return start..<(start + text[m.range].count)
        }
    }

    func lineRules(_ sourceLine: TextLine, _ sentences: [Range<Int>]) -> [LSMatch] {
        let z = sourceLine.mask, text = sourceLine.text
        var f: [LSMatch] = []
        let words = Woerter.list(z, valueList: sourceLine.valueList)
        // LS01, LS02
        for sentence in sentences where Woerter.imSatz(sentence, words).count > 12 { f.append(LSMatch(ruleId: .ls01, textRange: sentence)) }
        if sentences.count > 1 { f.append(LSMatch(ruleId: .ls02, textRange: sentences[1].lowerBound..<sentences.last!.upperBound)) }
        let sentenceStarts = Set(sentences.map(\.lowerBound))
        // Lower-cased words of the line: cheap set lookups decide which patterns are worth running.
        let kleine = words.map { $0.text.lowercased() }
        let small = Set(kleine)
        for (n, word) in words.enumerated() {
            let small = kleine[n]
            if LSWordLists.konjunktiv.contains(small) { f.append(LSMatch(ruleId: .ls05, textRange: word.textRange)) }
            if LSWordLists.verneinung.contains(small) { f.append(LSMatch(ruleId: .ls07, textRange: word.textRange)) }
            if LSWordLists.zahlwoerter.contains(small) { f.append(LSMatch(ruleId: .ls09, textRange: word.textRange)) }
            if LSWordLists.fremdwoerter.contains(small) || small.split(separator: "-").contains(where: { LSWordLists.fremdwoerter.contains(String($0)) && small != "e-mail" }) {
                f.append(LSMatch(ruleId: .ls22, textRange: word.textRange))
            }
            if LSWordLists.praeteritum.contains(small), !passivHilfsverb(words, n) {
                f.append(LSMatch(ruleId: .ls24, textRange: word.textRange))
            }
            if small == "man" { f.append(LSMatch(ruleId: .ls25, textRange: word.textRange)) }
            if (small == "des" || small == "eines"), n + 1 < words.count {
                f.append(LSMatch(ruleId: .ls06, textRange: word.textRange.lowerBound..<words[n + 1].textRange.upperBound))
            }
            // "die Wünsche der Menschen": der after a noun (not a pronoun, not the first word) before a capitalised word
            if small == "der", n >= 2, n + 1 < words.count, words[n - 1].text.first?.isUppercase == true,
               !["Sie", "Ihnen", "Ihr", "Ihre", "Wer", "Was"].contains(words[n - 1].text),
               words[n + 1].text.first?.isUppercase == true, !sentenceStarts.contains(words[n - 1].textRange.lowerBound) {
                f.append(LSMatch(ruleId: .ls06, textRange: word.textRange.lowerBound..<words[n + 1].textRange.upperBound))
            }
            f += wortregeln(word, sourceLine.valueList[word.textRange], satzanfang: sentenceStarts.contains(word.textRange.lowerBound))
        }
        f += passiv(words, sentences)
        f += nebensatz(text, sentences, z, words, small)
        // Cheap tests first: most lines hold no digit, no full stop inside, no idiom word.
        if sourceLine.valueList.indices.contains(where: { i in
            // A Character is a number by its first scalar: ASCII ones are told by value.
            let v = sourceLine.valueList[i]
            return v < 0x80 ? v &- 0x30 < 10 || v == 0x25 && z[i] == "%" : z[i].isNumber
        }) || !small.isDisjoint(with: ["mio", "mrd", "millionen", "milliarden", "prozent"]) {
            f += numbers(text)
        }
        f += characters(z, sourceLine.valueList)
        let mitPunkt = z.dropLast().contains(".")
        for textRange in mitPunkt ? hits(text, LSRuleEngine.abbreviationPattern) : [] {
            f.append(LSMatch(ruleId: .ls08, textRange: textRange))
        }
        let reference = !small.isDisjoint(with: ["siehe", "vgl", "s", "seite", "anlage", "kapitel", "abschnitt", "genannt", "genannten", "genannte", "o", "u"])
        for textRange in reference ? hits(text, LSRuleEngine.crossReferencePattern) : [] {
            f.append(LSMatch(ruleId: .ls26, textRange: textRange))
        }
        if !small.isDisjoint(with: LSWordLists.idiomWoerter) {
            for textRange in hits(text, LSRuleEngine.idiome) { f.append(LSMatch(ruleId: .ls29, textRange: textRange)) }
        }
        return f
    }

    /// Rules on a single word: acronyms, Roman numerals, gender characters, compounds, rare words.
    /// `satzanfang`: first word of a sentence, where a capital letter does not make a noun.
    private func wortregeln(_ word: Word, _ valueList: ArraySlice<UInt32>, satzanfang: Bool) -> [LSMatch] {
        var f: [LSMatch] = []
        let t = word.text
        let w = WordFacts(t, valueList: valueList)
        let (letters, nurBuchstaben, hatStrich, hatPunkt) = (w.letters, w.nurBuchstaben, w.hatStrich, w.hatPunkt)
        if w.onlyRoman, t.wholeMatch(of: LSRuleEngine.romanNumeral) != nil {
            f.append(LSMatch(ruleId: .ls12, textRange: word.textRange))
        } else if w.abbreviation {
            f.append(LSMatch(ruleId: .ls08, textRange: word.textRange))
        }
        if w.genderZeichen, t.wholeMatch(of: LSRuleEngine.genderedPlural) != nil || t.wholeMatch(of: LSRuleEngine.binnenI) != nil
            || t.wholeMatch(of: LSRuleEngine.genderedSingular) != nil {
            f.append(LSMatch(ruleId: .ls19, textRange: word.textRange))
        }
        // LS21: the style of splitting
        if !hatStrich && !hatPunkt {
            // nothing to check for LS21
        } else if delimiter == "·" {
            if hatStrich, t.wholeMatch(of: LSRuleEngine.lowercaseAfterHyphen) != nil, t.lowercased() != "e-mail" {
                f.append(LSMatch(ruleId: .ls21, textRange: word.textRange, suggested: t.replacingOccurrences(of: "-", with: "·")))
            } else if hatPunkt, hatStrich || t.contains(LSRuleEngine.capitalAfterMediopunkt) {
                f.append(LSMatch(ruleId: .ls21, textRange: word.textRange, suggested: imStil(t, separator: "·")))
            }
        } else if hatPunkt || t.contains(LSRuleEngine.hyphenBeforeLowercase) && t.lowercased() != "e-mail" {
            f.append(LSMatch(ruleId: .ls21, textRange: word.textRange, suggested: imStil(t, separator: "-")))
        }
        // LS20: long noun compounds without a split
        if letters >= 14, w.grossAnfang, !hatPunkt, !hatStrich, nurBuchstaben,
           lexikon.hasWords, !satzanfang || istNomen(t), let zerlegt = lexikon.splitText(t) {
            let suggested = delimiter == "·" ? zerlegt.joined(separator: "·")
                : zerlegt.enumerated().map { $0.offset == 0 ? $0.element : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
                    .joined(separator: "-")
            f.append(LSMatch(ruleId: .ls20, textRange: word.textRange, suggested: suggested))
        } else if lexikon.hasFrequencies, letters >= 6, letters < 14, nurBuchstaben, lexikon.zipf(t) < 2.5,
                  lexikon.inVocabulary(t.lowercased()) || w.kleinAnfang {
            // LS23: a rarely used word. Capitalised words missing from the list are mostly names: left alone.
            f.append(LSMatch(ruleId: .ls23, textRange: word.textRange))
        }
        return f
    }

    /// Capitalised and not only known as a lower-case word (a verb at the start of a sentence, say).
    private func istNomen(_ w: String) -> Bool {
        let k = w.lowercased()
        return !lexikon.hasWords || lexikon.alsNomen(k) || !lexikon.inVocabulary(k)
    }

    /// A compound in the project's style: "Sozial·raum" (Mediopunkt, lower case after it) or "Sozial-Raum".
    private func imStil(_ t: String, separator: Character) -> String {
        var resultValue = "", neuesGlied = false
        for c in t {
            if c == "-" || c == "·" { resultValue.append(separator); neuesGlied = true; continue }
            resultValue += !neuesGlied ? String(c) : separator == "·" ? c.lowercased() : c.uppercased()
            neuesGlied = false
        }
        return resultValue
    }

    /// "wurde"/"wurden" with a participle are the passive (LS04), not a Präteritum finding.
    private func passivHilfsverb(_ words: [Word], _ n: Int) -> Bool {
        guard ["wurde", "wurden"].contains(words[n].text.lowercased()) else { return false }
        return words.dropFirst(n + 1).contains { istPartizip($0.text) }
    }

    private func istPartizip(_ w: String) -> Bool {
        let k = w.lowercased()
        guard k.count >= 5, !LSWordLists.geInfinitive.contains(k) else { return false }
        if k.hasSuffix("iert") { return true }
        guard let ge = k.firstRange(of: "ge") else { return false }
        let front = k[..<ge.lowerBound]
        let prefixe: Set<Substring> = ["", "ab", "an", "auf", "aus", "bei", "ein", "fest", "mit", "nach", "um", "vor", "weg", "zu", "zurück", "vorbei", "dar", "her", "hin", "frei", "bereit"]
        return prefixe.contains(front) && (k.hasSuffix("t") || k.hasSuffix("en")) && k.count - front.count >= 5
    }

    /// LS04: werden/wurde/worden with a participle later in the same sentence.
    private func passiv(_ allItems: [Word], _ sentences: [Range<Int>]) -> [LSMatch] {
        var f: [LSMatch] = []
        for sentence in sentences {
            let words = Array(Woerter.imSatz(sentence, allItems))
            let hilfsverben: Set<String> = ["wird", "werden", "wurde", "wurden", "worden", "werde"]
            for (n, w) in words.enumerated() where hilfsverben.contains(w.text.lowercased()) {
                // "gestellt werden", "umgebaut worden": the participle right before the auxiliary
                if n > 0, istPartizip(words[n - 1].text) {
                    f.append(LSMatch(ruleId: .ls04, textRange: words[n - 1].textRange.lowerBound..<w.textRange.upperBound))
                    break
                }
                if w.text.lowercased() != "worden", let partizip = words.dropFirst(n + 1).first(where: { istPartizip($0.text) }) {
                    f.append(LSMatch(ruleId: .ls04, textRange: w.textRange.lowerBound..<partizip.textRange.upperBound))
                    break
                }
            }
        }
        return f
    }

    /// LS03: subordinating conjunctions and relative pronouns after a comma, or a clause opened by one.
    private func nebensatz(_ text: String, _ sentences: [Range<Int>], _ z: [Character], _ allItems: [Word], _ small: Set<String>) -> [LSMatch] {
        var f: [LSMatch] = []
        let konjunktion = !small.isDisjoint(with: ["dass", "weil", "obwohl", "obgleich", "sodass", "nachdem", "falls", "indem", "sofern"])
        for textRange in konjunktion ? hits(text, LSRuleEngine.conjunctionPattern) : [] {
            f.append(LSMatch(ruleId: .ls03, textRange: textRange))
        }
        for textRange in z.contains(",") ? hits(text, LSRuleEngine.subclauseAfterCommaPattern) : [] {
            var b = textRange
            while b.lowerBound < b.upperBound, z[b.lowerBound] == "," || z[b.lowerBound] == " " { b = (b.lowerBound + 1)..<b.upperBound }
            f.append(LSMatch(ruleId: .ls03, textRange: b))
        }
        for sentence in sentences {
            let words = Woerter.imSatz(sentence, allItems)
            if let first = words.first, ["wenn", "bevor", "damit", "während"].contains(first.text.lowercased()),
               z[sentence].contains(",") {
                f.append(LSMatch(ruleId: .ls03, textRange: first.textRange))
            }
        }
        return f
    }

    /// Numbers, dates, times, ranges, percent, years (LS10, LS11, LS13, LS14, LS15, LS36).
    private func numbers(_ text: String) -> [LSMatch] {
        var f: [LSMatch] = []
        // Phone numbers and postcodes are no quantities: their digits are left alone.
        var belegt: [Range<Int>] = text.matches(of: LSRuleEngine.phoneNumberOrPostcode).map { textRange(text, $0.range) }
        for m in text.matches(of: LSRuleEngine.numericDate) {
            let b = textRange(text, m.range)
            belegt.append(b)
            let monat = Int(m.output.2) ?? 0
            let jahr = m.output.3.count == 2 ? "20" + m.output.3 : String(m.output.3)
            let suggested = (1...12).contains(monat) ? "\(Int(m.output.1) ?? 0). \(Self.months[monat - 1]) \(jahr)" : nil
            f.append(LSMatch(ruleId: .ls13, textRange: b, suggested: suggested))
        }
        for m in text.matches(of: LSRuleEngine.timeWithDot) {
            let b = textRange(text, m.range)
            belegt.append(b)
            f.append(LSMatch(ruleId: .ls14, textRange: b, suggested: "\(Int(m.output.1) ?? 0):\(m.output.2) Uhr"))
        }
        for m in text.matches(of: LSRuleEngine.timeWithColon) {
            let b = textRange(text, m.range)
            let hour = Int(m.output.1) ?? 0
            if m.output.1.hasPrefix("0") && m.output.1.count == 2 || m.output.3 == nil {
                belegt.append(b)
                f.append(LSMatch(ruleId: .ls14, textRange: b, suggested: "\(hour):\(m.output.2) Uhr"))
            }
        }
        let telefon = text.contains("+49") || text.lowercased().contains("telefon") || text.lowercased().contains("tel.")
        let characters = Array(text)
        for m in text.matches(of: LSRuleEngine.numberRange) where !telefon {
            let b = textRange(text, m.range)
            // Not part of a longer number, phone number or code (no lookbehind in Swift regex).
            if b.lowerBound > 0, "0123456789+/-.".contains(characters[b.lowerBound - 1]) { continue }
            if b.upperBound < characters.count, "0123456789-".contains(characters[b.upperBound]) { continue }
            if belegt.contains(where: { $0.overlaps(b) }) { continue }
            belegt.append(b)
            f.append(LSMatch(ruleId: .ls15, textRange: b, suggested: "von \(m.output.1) bis \(m.output.2)"))
        }
        for m in text.matches(of: LSRuleEngine.largeOrDecimalNumber) {
            let b = textRange(text, m.range)
            if belegt.contains(where: { $0.overlaps(b) }) { continue }
            let s = String(text[m.range])
            let mitEinheit = text[m.range.upperBound...].prefix(while: { $0 == " " }).count > 0
                && ["Euro", "Menschen", "Personen", "Haushalte", "Plätze", "Kinder", "Stunden", "Mal", "Wohnungen"].contains {
                    text[m.range.upperBound...].drop(while: { $0 == " " }).hasPrefix($0) }
            if let n = Int(s), s.count == 4, (1900...2099).contains(n), !mitEinheit {
                // A year: LS36 when long ago.
                if n < referenzjahr - 10 { f.append(LSMatch(ruleId: .ls36, textRange: b)) }
                continue
            }
            if s.count == 4, let n = Int(s), n < 1000 { continue }
            f.append(LSMatch(ruleId: .ls10, textRange: b))
        }
        for m in text.matches(of: LSRuleEngine.percent) { f.append(LSMatch(ruleId: .ls11, textRange: textRange(text, m.range))) }
        return f
    }

    private func textRange(_ text: String, _ r: Range<String.Index>) -> Range<Int> {
        let start = text.distance(from: text.startIndex, to: r.lowerBound)
        return start..<(start + text[r].count)
    }

    /// LS16 special characters, LS17 brackets, LS18 quotation marks.
    private func characters(_ z: [Character], _ s: [UInt32]) -> [LSMatch] {
        var f: [LSMatch] = []
        for (i, c) in z.enumerated() {
            // Letters, digits and spaces – nearly every character – are none of the cases below.
            if s[i] == Zeichen.empty || s[i] < 0x80 && Zeichen.wordCharacters(s[i]) { continue }
            let before = i > 0 ? z[i - 1] : " ", after = i + 1 < z.count ? z[i + 1] : " "
            switch c {
            case "/" where String(z[(i + 1)...].prefix(6)).hasPrefix("-innen") || String(z[(i + 1)...].prefix(5)) == "innen":
                break   // gender slash: LS19
            case "&", "§", ";", "…", "#", "~", "|", "<", ">", "†", "/":
                f.append(LSMatch(ruleId: .ls16, textRange: i..<(i + 1)))
            case "+" where !after.isNumber:
                f.append(LSMatch(ruleId: .ls16, textRange: i..<(i + 1)))
            case "*" where !(before.isLetter && after.isLetter):
                f.append(LSMatch(ruleId: .ls16, textRange: i..<(i + 1)))
            case "." where after == "." && (i + 2 < z.count && z[i + 2] == ".") && before != ".":
                f.append(LSMatch(ruleId: .ls16, textRange: i..<(i + 3)))
            case "(", ")", "[", "]", "{", "}":
                f.append(LSMatch(ruleId: .ls17, textRange: i..<(i + 1)))
            case "„", "“", "”", "\"", "«", "»", "‹", "›", "‚":
                f.append(LSMatch(ruleId: .ls18, textRange: i..<(i + 1)))
            // Between letters either is an apostrophe (geht’s); a `where` binds only to its own pattern.
            case "‘" where !(before.isLetter && after.isLetter), "’" where !(before.isLetter && after.isLetter):
                f.append(LSMatch(ruleId: .ls18, textRange: i..<(i + 1)))
            default:
                break
            }
        }
        return f
    }

    /// LS30: a question that no answer follows – the last text of a body, or followed by a heading or another question.
    private func frage(_ lines: [TextLine], _ index: Int, _ sentences: [Range<Int>]) -> [LSMatch] {
        let sourceLine = lines[index]
        guard !sourceLine.isHeading else { return [] }
        var f: [LSMatch] = []
        for (n, sentence) in sentences.enumerated() where sourceLine.mask[sentence].last(where: { $0 != " " }) == "?" {
            if n + 1 < sentences.count { continue }   // the next sentence on the line answers
            let folgt = lines.dropFirst(index + 1).first { !$0.text.allSatisfy { $0 == " " } }
            guard let next = folgt else { f.append(LSMatch(ruleId: .ls30, textRange: sentence)); continue }
            let nextText = next.text.trimmed()
            if next.isHeading || nextText.hasSuffix("?") { f.append(LSMatch(ruleId: .ls30, textRange: sentence)) }
        }
        return f
    }
}
