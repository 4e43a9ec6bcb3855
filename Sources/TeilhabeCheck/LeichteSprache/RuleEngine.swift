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
    static let innerI = SharedRegex(#/\p{L}+[a-zäöüß]Innen/#)
    static let genderedSingular = SharedRegex(#/\p{L}+[*:_]in/#)
    static let lowercaseAfterHyphen = SharedRegex(#/\p{L}+(-\p{Ll}[\p{L}]*)+/#)
    static let capitalAfterMiddleDot = SharedRegex(#/·\p{Lu}/#)
    static let hyphenBeforeLowercase = SharedRegex(#/-\p{Ll}/#)
    /// A postcode: five digits before a place's name (not before a counted noun), or after the word Postleitzahl.
    static let phoneNumberOrPostcode = SharedRegex(#/(\+\d{1,3}|\b0\d{2,5})[\d \-/]{3,}\d|\b\d{5}(?=\s+(?!(?:Euro|Menschen|Personen|Haushalte|Plätze|Kinder|Stunden|Mal|Wohnungen|Einwohner|Mitglieder|Besucher|Jahre|Tage|Meter|Kilometer|Seiten|Stimmen|Anträge|Fälle)\b)\p{Lu})|(?:Post[·-]?[Ll]eit[·-]?[Zz]ahl|PLZ)\D{0,12}\d{5}/#)
    static let numericDate = SharedRegex(#/\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b/#)
    /// Day and month without a year: "12.5.", "am 1.3. und 5.3." (not a version number like "4.1").
    static let dayMonth = SharedRegex(#/\b(\d{1,2})\.(\d{1,2})\.(?!\d)/#)
    /// A unit after a number: "5 km", "20 qm", "3 Std.".
    static let unitAfterNumber = SharedRegex(#/\d\s?(km|kg|qm|m²|cm|mm|ml|ha|kWh|Std\.?|Min\.|Tsd\.)(?!\p{L})/#)
    static let timeWithDot = SharedRegex(#/\b(\d{1,2})\.(\d{2})\s?Uhr\b/#)
    static let timeWithColon = SharedRegex(#/\b(\d{1,2}):(\d{2})\b(\s?Uhr)?/#)
    static let numberRange = SharedRegex(#/(\d{1,4})\s?[–—-]\s?(\d{1,4})/#)
    static let largeOrDecimalNumber = SharedRegex(#/\b\d{1,3}(\.\d{3})+\b|\b\d+,\d+\b|\b\d{5,}\b|\b\d{4}\b(?=\s+(?:Euro|Menschen|Personen|Haushalte|Plätze|Kinder|Stunden|Mal|Wohnungen)\b)|\b\d{4}\b|\b(Mio\.|Mrd\.|Millionen|Milliarden)/#)
    static let percent = SharedRegex(#/%|\b[Pp]rozent\w*/#)
    let lexicon: Lexicon
    var morphology: Morphology { Morphology(lexicon: lexicon) }
    let delimiter: String
    /// Years before this one minus ten are "long ago" (LS36).
    let referenceYear: Int

    static let months = Formatting.months

    // Patterns compiled once: compiling a Regex from a string costs far more than matching it.
    // SharedRegex: a Regex is not Sendable; the wrapper says why sharing these is safe.
    /// Listed abbreviations in any case ("Ca."), every spaced one ("z. T.", "i. d. R.", "o. g."), and a short
    /// lower-case word with a full stop that does not end the sentence ("ggfs. auch", "lt. Plan").
    static let abbreviationPattern = SharedRegex<AnyRegexOutput>(try! Regex(#"\b(\p{L}{1,2}\.\s?\p{L}{1,2}\.(?:\s?\p{L}{1,2}\.)*|u\.(?=\s\p{Ll})|(?i:ggfs?|usw|bzw|etc|ca|evtl|inkl|zzgl|zzt|Nr|Tel|Str|Abs|Dr|Prof|sog|bspw|insb|bzgl|gem|lt|max|min|mind|Kap|Jh|Tsd|Std|Min)\.|(?:Mo|Di|Mi|Do|Fr|Sa|So|Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\.(?=\s?[–—\-,/]|\s+\p{Ll}|\s*$)|\p{Ll}{2,5}\.(?=\s+[\p{Ll}\d]))"#))
    static let crossReferencePattern = SharedRegex<AnyRegexOutput>(try! Regex(#"\b([Ss]iehe|[Vv]gl\.|[Ss]\.\s?\d+|Seite\s\d+|Anlage\s\d+|Kapitel\s\d+|Abschnitt\s\d+|oben genannt\w*|unten genannt\w*|s\.\s?o\.|s\.\s?u\.)"#))
    static let conjunctionPattern = SharedRegex<AnyRegexOutput>(try! Regex(#"\b(dass|weil|obwohl|obgleich|sodass|nachdem|falls|indem|sofern)\b"#).ignoresCase())
    static let subclauseAfterCommaPattern = SharedRegex<AnyRegexOutput>(try! Regex(#",\s*(wenn|ob|damit|bevor|während|welche[rsmn]?|deren|dessen|denen|aber|sondern|was|wo|warum|weshalb|wobei|wodurch|wofür|worüber)\b"#))
    /// Each idiom with its longest plain word: a line is matched only against the idioms whose word it
    /// holds. One alternation of all 110 idioms, run on every line with any idiom word, took 12 % of a
    /// clean 4,000-page build's CPU (perf) and put the Leichte-Sprache check on the critical path.
    /// `words`: all its plain words, which must all stand in the line before the regex runs: keyed by
    /// "einen", "das" or "sprache" alone, idioms ran on most lines of a paper (0.86 G instructions,
    /// 2.3 % of a clean 4,000-page build under callgrind) and matched none.
    static let idioms: [(word: String, words: [String], pattern: SharedRegex<AnyRegexOutput>)] = LSWordLists.idioms.map { idiom in
        let plain = idiom.split(separator: " ").filter { $0.allSatisfy(\.isLetter) }.map { $0.lowercased() }
        return (plain.max { $0.count < $1.count } ?? "", plain, SharedRegex<AnyRegexOutput>(try! Regex(idiom).ignoresCase()))
    }
    /// The idioms by their word: a line touches only the idioms its own words name (walking all 110 per
    /// line copied each regex, and the copies' generic metadata cost more than the matching).
    static let idiomsByWord: [String: [Int]] = Dictionary(grouping: idioms.indices, by: { idioms[$0].word })

    func check(_ lines: [TextLine]) -> [(TextLine, LSMatch)] {
        var resultValue: [(TextLine, LSMatch)] = []
        var naming = NamingMemory()
        for (index, sourceLine) in lines.enumerated() {
            let sentences = Sentences.ranges(sourceLine.mask, valueList: sourceLine.valueList)
            // The line's words, once for the line rules and the naming memory (each made them: 2 % of a build's CPU).
            let words = Words.list(sourceLine.mask, valueList: sourceLine.valueList)
            var findings = lineRules(sourceLine, sentences, words)
            findings += unansweredQuestion(lines, index, sentences)
            findings += naming.check(words)
            var seen = Set<String>()
            for finding in findings where !sourceLine.allAllowed && !sourceLine.permitted.contains(finding.ruleId.rawValue) {
                // Two patterns of one rule may find the same text ("3 Std." as a unit and as an abbreviation).
                guard seen.insert("\(finding.ruleId.rawValue) \(finding.textRange)").inserted else { continue }
                resultValue.append((sourceLine, finding))
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

    func lineRules(_ sourceLine: TextLine, _ sentences: [Range<Int>], _ words: [Word]) -> [LSMatch] {
        let z = sourceLine.mask, text = sourceLine.text
        var f: [LSMatch] = []
        // LS01, LS02
        for sentence in sentences where Words.inSentence(sentence, words).count > 12 { f.append(LSMatch(ruleId: .ls01, textRange: sentence)) }
        if sentences.count > 1 { f.append(LSMatch(ruleId: .ls02, textRange: sentences[1].lowerBound..<sentences.last!.upperBound)) }
        let sentenceStarts = Set(sentences.map(\.lowerBound))
        // Lower-cased words of the line: cheap set lookups decide which patterns are worth running.
        let lowercasedWords = words.map { $0.text.lowercased() }
        let small = Set(lowercasedWords)
        for (n, word) in words.enumerated() {
            let small = lowercasedWords[n]
            if LSWordLists.konjunktiv.contains(small) { f.append(LSMatch(ruleId: .ls05, textRange: word.textRange)) }
            if LSWordLists.negation.contains(small) { f.append(LSMatch(ruleId: .ls07, textRange: word.textRange)) }
            if LSWordLists.numberWords.contains(small) { f.append(LSMatch(ruleId: .ls09, textRange: word.textRange)) }
            let joined = sourceLine.valueList[word.textRange].contains { $0 == 0x2D || $0 == 0xB7 }
            if LSWordLists.foreignWords.contains(small) || joined && small != "e-mail" && foreignPart(small) {
                f.append(LSMatch(ruleId: .ls22, textRange: word.textRange))
            }
            if isPreterite(words, n, small, sentenceStart: sentenceStarts.contains(word.textRange.lowerBound), sentences) {
                f.append(LSMatch(ruleId: .ls24, textRange: word.textRange))
            }
            if small == "man" { f.append(LSMatch(ruleId: .ls25, textRange: word.textRange)) }
            if (small == "des" || small == "eines"), n + 1 < words.count {
                f.append(LSMatch(ruleId: .ls06, textRange: word.textRange.lowerBound..<words[n + 1].textRange.upperBound))
            }
            if let genitiv = genitiveAfterNoun(words, n, small, sentenceStarts, z) { f.append(genitiv) }
            f += wordRules(word, sourceLine.valueList[word.textRange], sentenceStart: sentenceStarts.contains(word.textRange.lowerBound))
        }
        f += passiv(words, sentences, z)
        f += nebensatz(text, sentences, z, words, small)
        f += styleRules(words, lowercasedWords, sentences, z)
        // Cheap tests first: most lines hold no digit, no full stop inside, no idiom word.
        // A Character is a number by its first scalar: ASCII ones are told by value.
        let hasNumber = sourceLine.valueList.indices.contains { i in
            let v = sourceLine.valueList[i]
            return v < 0x80 ? v &- 0x30 < 10 : z[i].isNumber
        }
        if hasNumber || sourceLine.valueList.indices.contains(where: { sourceLine.valueList[$0] == 0x25 && z[$0] == "%" })
            || !small.isDisjoint(with: ["mio", "mrd", "millionen", "milliarden", "prozent"]) {
            f += numbers(text)
        }
        f += characters(z, sourceLine.valueList)
        let withDot = z.dropLast().contains(".")
        for textRange in withDot ? hits(text, LSRuleEngine.abbreviationPattern) : [] {
            // "Mio." and "Mrd." are large numbers (LS10); "s. o." and "s. u." are references (LS26).
            let t = text.dropFirst(textRange.lowerBound).prefix(textRange.count)
            if ["mio.", "mrd.", "s. o.", "s.o.", "s. u.", "s.u."].contains(t.lowercased()) { continue }
            f.append(LSMatch(ruleId: .ls08, textRange: textRange))
        }
        for m in hasNumber ? text.matches(of: LSRuleEngine.unitAfterNumber) : [] {
            f.append(LSMatch(ruleId: .ls08, textRange: textRange(text, m.output.1.startIndex..<m.output.1.endIndex)))
        }
        let reference = !small.isDisjoint(with: ["siehe", "vgl", "s", "seite", "anlage", "kapitel", "abschnitt", "genannt", "genannten", "genannte", "o", "u"])
        for textRange in reference ? hits(text, LSRuleEngine.crossReferencePattern) : [] {
            f.append(LSMatch(ruleId: .ls26, textRange: textRange))
        }
        f += idiomHits(text, small)
        return f
    }

    /// LS29: the idioms whose word stands in the line; of overlapping hits the first (and longest) counts.
    private func idiomHits(_ text: String, _ small: Set<String>) -> [LSMatch] {
        var found: [Range<Int>] = []
        for word in small {
            for i in LSRuleEngine.idiomsByWord[word] ?? [] where LSRuleEngine.idioms[i].words.allSatisfy(small.contains) {
                found += hits(text, LSRuleEngine.idioms[i].pattern)
            }
        }
        var kept: [Range<Int>] = []
        for r in found.sorted(by: { ($0.lowerBound, -$0.count) < ($1.lowerBound, -$1.count) }) where !kept.contains(where: { $0.overlaps(r) }) {
            kept.append(r)
        }
        return kept.map { LSMatch(ruleId: .ls29, textRange: $0) }
    }

    /// A foreign word as a part of a compound ("Job·coaching", "Online-Angebot") or two parts ("Best-Practice-Beispiel").
    private func foreignPart(_ small: String) -> Bool {
        let parts = small.split(whereSeparator: { $0 == "-" || $0 == "·" }).map(String.init)
        if parts.contains(where: { LSWordLists.foreignWords.contains($0) }) { return true }
        return zip(parts, parts.dropFirst()).contains { LSWordLists.foreignWords.contains($0 + "-" + $1) }
    }

    /// Rules on a single word: acronyms, Roman numerals, gender characters, compounds, rare words.
    /// The hard-word findings (LS20 long compounds, LS23 rare words) are made here; LS22 (foreign words) in `lineRules`.
    /// `sentenceStart`: first word of a sentence, where a capital letter does not make a noun.
    private func wordRules(_ word: Word, _ valueList: ArraySlice<UInt32>, sentenceStart: Bool) -> [LSMatch] {
        var f: [LSMatch] = []
        let t = word.text
        let w = WordFacts(t, valueList: valueList)
        let (letters, lettersOnly, hasHyphen, hasDot) = (w.letters, w.lettersOnly, w.hasHyphen, w.hasDot)
        if w.onlyRoman, t.wholeMatch(of: LSRuleEngine.romanNumeral) != nil {
            f.append(LSMatch(ruleId: .ls12, textRange: word.textRange))
        } else if w.abbreviation {
            f.append(LSMatch(ruleId: .ls08, textRange: word.textRange))
        }
        if w.genderMarks, t.wholeMatch(of: LSRuleEngine.genderedPlural) != nil || t.wholeMatch(of: LSRuleEngine.innerI) != nil
            || t.wholeMatch(of: LSRuleEngine.genderedSingular) != nil {
            f.append(LSMatch(ruleId: .ls19, textRange: word.textRange))
        }
        // LS21: the style of splitting
        if !hasHyphen && !hasDot {
            // nothing to check for LS21
        } else if delimiter == "·" {
            if hasHyphen, t.wholeMatch(of: LSRuleEngine.lowercaseAfterHyphen) != nil, t.lowercased() != "e-mail" {
                f.append(LSMatch(ruleId: .ls21, textRange: word.textRange, suggested: t.replacingOccurrences(of: "-", with: "·")))
            } else if hasDot, hasHyphen || t.contains(LSRuleEngine.capitalAfterMiddleDot) {
                f.append(LSMatch(ruleId: .ls21, textRange: word.textRange, suggested: inStyle(t, separator: "·")))
            }
        } else if hasDot || t.contains(LSRuleEngine.hyphenBeforeLowercase) && t.lowercased() != "e-mail" {
            f.append(LSMatch(ruleId: .ls21, textRange: word.textRange, suggested: inStyle(t, separator: "-")))
        }
        // LS20: long noun compounds without a split
        if letters >= 14, w.capitalStart, !hasDot, !hasHyphen, lettersOnly,
           lexicon.hasWords, !sentenceStart || isNoun(t), let splitParts = lexicon.splitText(t) {
            let suggested = delimiter == "·" ? splitParts.joined(separator: "·")
                : splitParts.enumerated().map { $0.offset == 0 ? $0.element : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
                    .joined(separator: "-")
            f.append(LSMatch(ruleId: .ls20, textRange: word.textRange, suggested: suggested))
        } else if lexicon.hasFrequencies, letters >= 6, letters < 14 || w.lowercaseStart, lettersOnly, lexicon.zipf(t) < 2.5,
                  lexicon.inVocabulary(t.lowercased()) || w.lowercaseStart {
            // LS23: a rarely used word. Capitalised words missing from the list are mostly names: left alone.
            // Long lower-case words (bedarfsgerecht, niedrigschwellig) are adjectives no split helps: rare ones are hard.
            f.append(LSMatch(ruleId: .ls23, textRange: word.textRange))
        }
        return f
    }

    /// Capitalised and not only known as a lower-case word (a verb at the start of a sentence, say).
    private func isNoun(_ w: String) -> Bool {
        let k = w.lowercased()
        return !lexicon.hasWords || lexicon.listedAsNoun(k) || !lexicon.inVocabulary(k)
    }

    /// A compound in the project's style: "Sozial·raum" (Mediopunkt, lower case after it) or "Sozial-Raum".
    private func inStyle(_ t: String, separator: Character) -> String {
        var resultValue = "", newMember = false
        for c in t {
            if c == "-" || c == "·" { resultValue.append(separator); newMember = true; continue }
            resultValue += !newMember ? String(c) : separator == "·" ? c.lowercased() : c.uppercased()
            newMember = false
        }
        return resultValue
    }

    static let werdenForms: Set<String> = ["wird", "werden", "wurde", "wurden", "worden", "werde"]
    /// Auxiliaries of the Perfekt and the passive: with one, a form like "entschieden" is a participle.
    static let perfectAuxiliaries: Set<String> = [
        "hat", "haben", "habe", "hast", "habt", "hatte", "hatten", "ist", "sind", "bin", "bist", "seid", "war", "waren", "sei",
        "wird", "werden", "wurde", "wurden", "worden", "werde",
    ]

    /// The sentence's clauses (split at commas, semicolons and colons) as slices of the line's words.
    func clauses(_ sentence: Range<Int>, _ allItems: [Word], _ z: [Character]) -> [ArraySlice<Word>] {
        let words = Words.inSentence(sentence, allItems)
        var result: [ArraySlice<Word>] = []
        var start = words.startIndex
        for i in words.indices where i > start {
            let between = z[words[i - 1].textRange.upperBound..<words[i].textRange.lowerBound]
            if between.contains(where: { $0 == "," || $0 == ";" || $0 == ":" }) { result.append(words[start..<i]); start = i }
        }
        if start < words.endIndex { result.append(words[start...]) }
        return result
    }

    /// LS24: a listed strong Präteritum (also behind a prefix: unterschrieb, besprach) or a weak one found by
    /// its shape (stellte, folgten). Not: wurde with a participle (passive), a form that is a participle
    /// beside an auxiliary (hat … entschieden), an adjective after an article (die geplante Rampe), a noun.
    private func isPreterite(_ words: [Word], _ n: Int, _ k: String, sentenceStart: Bool, _ sentences: [Range<Int>]) -> Bool {
        let word = words[n].text
        guard k.count >= 3 else { return false }
        guard word.first?.isLowercase == true || sentenceStart && !lexicon.listedAsNoun(k) || !lexicon.hasWords && sentenceStart else { return false }
        // Prefixed forms are looked for only where the word ends like a listed form (most words do not).
        let listed = LSWordLists.preterite.contains(k) || LSRuleEngine.preteriteEndings.contains(String(k.suffix(3)))
            && Morphology.prefixes.contains { p in
                k.hasPrefix(p) && k.count - p.count >= 3 && LSWordLists.preterite.contains(String(k.dropFirst(p.count)))
            }
        guard listed || !LSWordLists.konjunktiv.contains(k) && morphology.isWeakPreterite(word) else { return false }
        if ["wurde", "wurden"].contains(k) { return !passiveAuxiliary(words, n) }
        if !listed, n > 0, LSRuleEngine.attributiveBefore.contains(words[n - 1].text.lowercased()) { return false }
        if k.hasSuffix("en"), morphology.isParticiple(word, strongInfinitiveLike: true) || LSWordLists.preterite.contains(k) {
            // "entschieden", "unterschrieben": a participle when an auxiliary stands in the sentence
            let sentence = sentences.first { $0.contains(words[n].textRange.lowerBound) } ?? 0..<0
            if Words.inSentence(sentence, words).contains(where: { LSRuleEngine.perfectAuxiliaries.contains($0.text.lowercased()) }) { return false }
        }
        return true
    }

    static let preteriteEndings = Set(LSWordLists.preterite.map { String($0.suffix(3)) })

    /// Articles, possessives and prepositions: a -te word after them is an adjective (die geplante Rampe).
    static let attributiveBefore: Set<String> = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine", "keinen",
        "mein", "meine", "dein", "deine", "sein", "seine", "ihr", "ihre", "ihren", "ihrem", "unser", "unsere", "unseren", "euer",
        "diese", "dieser", "diesen", "diesem", "jede", "jeder", "jeden", "jedem", "alle", "allen", "viele", "vielen", "für", "mit",
        "von", "bei", "in", "im", "am", "an", "auf", "aus", "nach", "zu", "zum", "zur", "über", "unter", "sehr", "ganz", "besonders",
    ]

    /// "wurde"/"wurden" with a participle before or after it in the sentence are the passive (LS04), not a Präteritum.
    private func passiveAuxiliary(_ words: [Word], _ n: Int) -> Bool {
        if n > 0, morphology.isParticiple(words[n - 1].text, strongInfinitiveLike: true) { return true }
        return words.dropFirst(n + 1).contains { morphology.isParticiple($0.text, strongInfinitiveLike: true) }
    }

    /// LS04: a werden form anywhere in a clause with a participle right before an auxiliary ("gestellt werden",
    /// "entschieden wurde") or closing the clause ("wird vom Amt bearbeitet", "werden … neue Bänke gebaut").
    private func passiv(_ allItems: [Word], _ sentences: [Range<Int>], _ z: [Character]) -> [LSMatch] {
        var f: [LSMatch] = []
        for sentence in sentences {
            for clause in clauses(sentence, allItems, z) {
                let forms = clause.indices.filter { LSRuleEngine.werdenForms.contains(clause[$0].text.lowercased()) }
                guard let first = forms.first else { continue }
                if let aux = forms.first(where: { $0 > clause.startIndex && morphology.isParticiple(clause[$0 - 1].text, strongInfinitiveLike: true) }) {
                    f.append(LSMatch(ruleId: .ls04, textRange: clause[aux - 1].textRange.lowerBound..<clause[aux].textRange.upperBound))
                    continue
                }
                let last = clause.endIndex - 1, auxText = clause[first].text.lowercased()
                guard last > first, auxText != "worden" else { continue }
                if morphology.isParticiple(clause[last].text, strongInfinitiveLike: auxText != "werden" && auxText != "werde") {
                    f.append(LSMatch(ruleId: .ls04, textRange: clause[first].textRange.lowerBound..<clause[last].textRange.upperBound))
                }
            }
        }
        return f
    }

    /// LS06 beyond des/eines: a genitive article or determiner after a noun, before a noun or an adjective and
    /// a noun ("die Angebote der Stadt", "die Hilfe der ganzen Stadt", "die Wünsche aller Menschen").
    private func genitiveAfterNoun(_ words: [Word], _ n: Int, _ small: String, _ sentenceStarts: Set<Int>, _ z: [Character]) -> LSMatch? {
        guard LSRuleEngine.genitiveDeterminers.contains(small), n >= 2, n + 1 < words.count,
              words[n - 1].text.first?.isUppercase == true,
              // ", der jeden Tag offen ist" opens a relative clause
              !z[words[n - 1].textRange.upperBound..<words[n].textRange.lowerBound].contains(where: { $0 != " " }),
              !["Sie", "Ihnen", "Ihr", "Ihre", "Wer", "Was"].contains(words[n - 1].text),
              !sentenceStarts.contains(words[n - 1].textRange.lowerBound) else { return nil }
        var noun = n + 1
        if words[noun].text.first?.isLowercase == true, words[noun].text.hasSuffix("en"), noun + 1 < words.count { noun += 1 }
        guard words[noun].text.first?.isUppercase == true else { return nil }
        return LSMatch(ruleId: .ls06, textRange: words[n].textRange.lowerBound..<words[noun].textRange.upperBound)
    }

    static let genitiveDeterminers: Set<String> = ["der", "aller", "vieler", "dieser", "unserer", "ihrer", "seiner", "jeder", "einer"]

    /// LS03: subordinating conjunctions and relative pronouns after a comma, or a clause opened by one.
    private func nebensatz(_ text: String, _ sentences: [Range<Int>], _ z: [Character], _ allItems: [Word], _ small: Set<String>) -> [LSMatch] {
        var f: [LSMatch] = []
        let conjunction = !small.isDisjoint(with: ["dass", "weil", "obwohl", "obgleich", "sodass", "nachdem", "falls", "indem", "sofern"])
        for textRange in conjunction ? hits(text, LSRuleEngine.conjunctionPattern) : [] {
            f.append(LSMatch(ruleId: .ls03, textRange: textRange))
        }
        for textRange in z.contains(",") ? hits(text, LSRuleEngine.subclauseAfterCommaPattern) : [] {
            var b = textRange
            while b.lowerBound < b.upperBound, z[b.lowerBound] == "," || z[b.lowerBound] == " " { b = (b.lowerBound + 1)..<b.upperBound }
            f.append(LSMatch(ruleId: .ls03, textRange: b))
        }
        for sentence in sentences {
            let words = Words.inSentence(sentence, allItems)
            if let first = words.first, ["wenn", "bevor", "damit", "während"].contains(first.text.lowercased()),
               z[sentence].contains(",") {
                f.append(LSMatch(ruleId: .ls03, textRange: first.textRange))
            }
            if z[sentence].contains(",") { f += relativeClauses(clauses(sentence, allItems, z)) }
            if small.contains("und") || small.contains("oder") { f += secondVerb(words) }
        }
        return f
    }

    static let relativePronouns: Set<String> = ["der", "die", "das", "dem", "den"]
    static let prepositions: Set<String> = [
        "an", "in", "mit", "bei", "von", "zu", "für", "auf", "aus", "nach", "über", "unter", "durch", "ohne", "um", "vor", "gegen", "hinter", "neben",
    ]

    /// LS03: a relative clause opened by der/die/das/dem/den (after a preposition too: ", an dem Sie leben"),
    /// told from an enumeration (", die Stadt und der Kreis") and from reported speech (", die Stadt müsse …")
    /// by its verb at the end and no finite verb before it.
    private func relativeClauses(_ clauses: [ArraySlice<Word>]) -> [LSMatch] {
        var f: [LSMatch] = []
        for clause in clauses.dropFirst() {
            var p = clause.startIndex
            if LSRuleEngine.prepositions.contains(clause[p].text.lowercased()), p + 1 < clause.endIndex { p += 1 }
            guard LSRuleEngine.relativePronouns.contains(clause[p].text.lowercased()), p + 1 < clause.endIndex - 1 else { continue }
            let last = clause[clause.endIndex - 1].text
            guard last.first?.isLowercase == true, endsLikeVerb(last) else { continue }
            let middle = clause[(p + 1)..<(clause.endIndex - 1)]
            if middle.contains(where: { isFiniteInMiddle($0.text) }) { continue }
            f.append(LSMatch(ruleId: .ls03, textRange: clause[p].textRange))
        }
        return f
    }

    private func endsLikeVerb(_ w: String) -> Bool {
        let k = w.lowercased()
        if LSRuleEngine.werdenForms.contains(k) || LSRuleEngine.perfectAuxiliaries.contains(k) || morphology.isFinite(w) { return true }
        return (k.hasSuffix("en") || k.hasSuffix("ern") || k.hasSuffix("eln")) && morphology.isVerb(k)
    }

    /// A finite verb in second place marks a main clause ("…, die Stadt hilft allen"; "…, der Antrag sei …").
    private func isFiniteInMiddle(_ w: String) -> Bool {
        let k = w.lowercased()
        return w.first?.isLowercase == true && (Morphology.irregularFinite.contains(k) || LSWordLists.konjunktivEins.contains(k)
            || LSRuleEngine.werdenForms.contains(k) || LSWordLists.konjunktiv.contains(k) || LSRuleEngine.perfectAuxiliaries.contains(k))
    }

    /// LS03: two verbs of one subject joined by "und"/"oder" ("prüft den Antrag und entscheidet"): a finite verb
    /// right after the conjunction when one stands before it and no passive auxiliary makes both participles.
    private func secondVerb(_ words: ArraySlice<Word>) -> [LSMatch] {
        guard !words.contains(where: { LSRuleEngine.werdenForms.contains($0.text.lowercased()) }) else { return [] }
        var f: [LSMatch] = []
        for i in words.indices.dropLast() where ["und", "oder"].contains(words[i].text) {
            guard morphology.isFinite(words[i + 1].text),
                  words[words.startIndex..<i].contains(where: { morphology.isFinite($0.text) }) else { continue }
            f.append(LSMatch(ruleId: .ls03, textRange: words[i].textRange))
        }
        return f
    }

    /// LS13: dates in digits, with a year ("12.03.2025") and without ("12.5."), with the month as a word suggested.
    private func dates(_ text: String, _ taken: inout [Range<Int>]) -> [LSMatch] {
        var f: [LSMatch] = []
        for m in text.matches(of: LSRuleEngine.numericDate) {
            let b = textRange(text, m.range)
            taken.append(b)
            let month = Int(m.output.2) ?? 0
            let year = m.output.3.count == 2 ? "20" + m.output.3 : String(m.output.3)
            let suggested = (1...12).contains(month) ? "\(Int(m.output.1) ?? 0). \(Self.months[month - 1]) \(year)" : nil
            f.append(LSMatch(ruleId: .ls13, textRange: b, suggested: suggested))
        }
        for m in text.matches(of: LSRuleEngine.dayMonth) {
            let b = textRange(text, m.range)
            if taken.contains(where: { $0.overlaps(b) }) { continue }
            taken.append(b)
            let month = Int(m.output.2) ?? 0
            let suggested = (1...12).contains(month) ? "\(Int(m.output.1) ?? 0). \(Self.months[month - 1])" : nil
            f.append(LSMatch(ruleId: .ls13, textRange: b, suggested: suggested))
        }
        return f
    }

    /// Numbers, dates, times, ranges, percent, years (LS10, LS11, LS13, LS14, LS15, LS36).
    private func numbers(_ text: String) -> [LSMatch] {
        var f: [LSMatch] = []
        // Phone numbers and postcodes are no quantities: their digits are left alone.
        var taken: [Range<Int>] = text.matches(of: LSRuleEngine.phoneNumberOrPostcode).map { textRange(text, $0.range) }
        f += dates(text, &taken)
        for m in text.matches(of: LSRuleEngine.timeWithDot) {
            let b = textRange(text, m.range)
            taken.append(b)
            f.append(LSMatch(ruleId: .ls14, textRange: b, suggested: "\(Int(m.output.1) ?? 0):\(m.output.2) Uhr"))
        }
        for m in text.matches(of: LSRuleEngine.timeWithColon) {
            let b = textRange(text, m.range)
            let hour = Int(m.output.1) ?? 0
            if m.output.1.hasPrefix("0") && m.output.1.count == 2 || m.output.3 == nil {
                taken.append(b)
                f.append(LSMatch(ruleId: .ls14, textRange: b, suggested: "\(hour):\(m.output.2) Uhr"))
            }
        }
        let phone = text.contains("+49") || text.lowercased().contains("telefon") || text.lowercased().contains("tel.")
        let characters = Array(text)
        for m in text.matches(of: LSRuleEngine.numberRange) where !phone {
            let b = textRange(text, m.range)
            // Not part of a longer number, phone number or code (no lookbehind in Swift regex).
            if b.lowerBound > 0, "0123456789+/-.".contains(characters[b.lowerBound - 1]) { continue }
            if b.upperBound < characters.count, "0123456789-".contains(characters[b.upperBound]) { continue }
            if taken.contains(where: { $0.overlaps(b) }) { continue }
            taken.append(b)
            f.append(LSMatch(ruleId: .ls15, textRange: b, suggested: "von \(m.output.1) bis \(m.output.2)"))
        }
        for m in text.matches(of: LSRuleEngine.largeOrDecimalNumber) {
            let b = textRange(text, m.range)
            if taken.contains(where: { $0.overlaps(b) }) { continue }
            let s = String(text[m.range])
            let withUnit = text[m.range.upperBound...].prefix(while: { $0 == " " }).count > 0
                && ["Euro", "Menschen", "Personen", "Haushalte", "Plätze", "Kinder", "Stunden", "Mal", "Wohnungen"].contains {
                    text[m.range.upperBound...].drop(while: { $0 == " " }).hasPrefix($0) }
            if let n = Int(s), s.count == 4, (1900...2099).contains(n), !withUnit {
                // A year: LS36 when long ago.
                if n < referenceYear - 10 { f.append(LSMatch(ruleId: .ls36, textRange: b)) }
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
            if s[i] == Characters.empty || s[i] < 0x80 && Characters.wordCharacters(s[i]) { continue }
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
            case "[" where after == "^":
                // A footnote marker "[^1]" (LS40), not brackets.
                let close = z[i...].firstIndex(of: "]") ?? i
                f.append(LSMatch(ruleId: .ls40, textRange: i..<(close + 1)))
            case "]" where z[..<i].lastIndex(of: "[").map { $0 + 1 < z.count && z[$0 + 1] == "^" } == true:
                break
            case "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰":
                if !"¹²³⁴⁵⁶⁷⁸⁹⁰".contains(before) { f.append(LSMatch(ruleId: .ls40, textRange: i..<(i + 1))) }
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
    private func unansweredQuestion(_ lines: [TextLine], _ index: Int, _ sentences: [Range<Int>]) -> [LSMatch] {
        let sourceLine = lines[index]
        guard !sourceLine.isHeading else { return [] }
        var f: [LSMatch] = []
        for (n, sentence) in sentences.enumerated() where sourceLine.mask[sentence].last(where: { $0 != " " }) == "?" {
            if n + 1 < sentences.count { continue }   // the next sentence on the line answers
            let follows = lines.dropFirst(index + 1).first { !$0.text.allSatisfy { $0 == " " } }
            guard let next = follows else { f.append(LSMatch(ruleId: .ls30, textRange: sentence)); continue }
            let nextText = next.text.trimmed()
            if next.isHeading || nextText.hasSuffix("?") { f.append(LSMatch(ruleId: .ls30, textRange: sentence)) }
        }
        return f
    }
}
