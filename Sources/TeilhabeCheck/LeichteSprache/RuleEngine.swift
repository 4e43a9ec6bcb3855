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
    let trennzeichen: String
    /// Years before this one minus ten are "long ago" (LS36).
    let referenzjahr: Int

    static let monate = Formatting.monate

    // Patterns compiled once: compiling a Regex from a string costs far more than matching it.
    // SharedRegex: a Regex is not Sendable; the wrapper says why sharing these is safe.
    static let muster0 = SharedRegex<AnyRegexOutput>(try! Regex(#"\b(u\.(?=\s\p{Ll})|z\.\s?B\.|u\.\s?a\.|d\.\s?h\.|o\.\s?ä\.|v\.\s?a\.|e\.\s?V\.|ggf\.|usw\.|bzw\.|etc\.|ca\.|evtl\.|inkl\.|zzgl\.|Nr\.|Tel\.|Str\.|Abs\.|Dr\.|Prof\.|sog\.|bspw\.|insb\.)"#))
    static let muster1 = SharedRegex<AnyRegexOutput>(try! Regex(#"\b([Ss]iehe|[Vv]gl\.|[Ss]\.\s?\d+|Seite\s\d+|Anlage\s\d+|Kapitel\s\d+|Abschnitt\s\d+|oben genannt\w*|unten genannt\w*|s\.\s?o\.|s\.\s?u\.)"#))
    static let muster2 = SharedRegex<AnyRegexOutput>(try! Regex(#"\b(dass|weil|obwohl|obgleich|sodass|nachdem|falls|indem|sofern)\b"#).ignoresCase())
    static let muster3 = SharedRegex<AnyRegexOutput>(try! Regex(#",\s*(wenn|ob|damit|bevor|während|welche[rsmn]?|deren|dessen|denen|aber|sondern)\b"#))
    static let idiome = SharedRegex<AnyRegexOutput>(try! Regex(LSWordLists.idiome.map { "(?:\($0))" }.joined(separator: "|")).ignoresCase())

    func check(_ zeilen: [TextLine]) -> [(TextLine, LSMatch)] {
        var ergebnis: [(TextLine, LSMatch)] = []
        for (index, zeile) in zeilen.enumerated() {
            let saetze = Sentences.bereiche(zeile.maske, werte: zeile.werte)
            var funde = zeilenregeln(zeile, saetze)
            funde += frage(zeilen, index, saetze)
            for fund in funde where !zeile.alleErlaubt && !zeile.erlaubt.contains(fund.regel.rawValue) {
                ergebnis.append((zeile, fund))
            }
        }
        return ergebnis
    }

    /// Regex matches as character ranges of the line.
    private func treffer(_ text: String, _ muster: SharedRegex<AnyRegexOutput>) -> [Range<Int>] {
        text.matches(of: muster).map { m in
            let start = text.distance(from: text.startIndex, to: m.range.lowerBound)
            return start..<(start + text[m.range].count)
        }
    }

    func zeilenregeln(_ zeile: TextLine, _ saetze: [Range<Int>]) -> [LSMatch] {
        let z = zeile.maske, text = zeile.text
        var f: [LSMatch] = []
        let woerter = Woerter.liste(z, werte: zeile.werte)
        // LS01, LS02
        for satz in saetze where Woerter.imSatz(satz, woerter).count > 12 { f.append(LSMatch(regel: .ls01, bereich: satz)) }
        if saetze.count > 1 { f.append(LSMatch(regel: .ls02, bereich: saetze[1].lowerBound..<saetze.last!.upperBound)) }
        let satzanfaenge = Set(saetze.map(\.lowerBound))
        // Lower-cased words of the line: cheap set lookups decide which patterns are worth running.
        let kleine = woerter.map { $0.text.lowercased() }
        let klein = Set(kleine)
        for (n, wort) in woerter.enumerated() {
            let klein = kleine[n]
            if LSWordLists.konjunktiv.contains(klein) { f.append(LSMatch(regel: .ls05, bereich: wort.bereich)) }
            if LSWordLists.verneinung.contains(klein) { f.append(LSMatch(regel: .ls07, bereich: wort.bereich)) }
            if LSWordLists.zahlwoerter.contains(klein) { f.append(LSMatch(regel: .ls09, bereich: wort.bereich)) }
            if LSWordLists.fremdwoerter.contains(klein) || klein.split(separator: "-").contains(where: { LSWordLists.fremdwoerter.contains(String($0)) && klein != "e-mail" }) {
                f.append(LSMatch(regel: .ls22, bereich: wort.bereich))
            }
            if LSWordLists.praeteritum.contains(klein), !passivHilfsverb(woerter, n) {
                f.append(LSMatch(regel: .ls24, bereich: wort.bereich))
            }
            if klein == "man" { f.append(LSMatch(regel: .ls25, bereich: wort.bereich)) }
            if (klein == "des" || klein == "eines"), n + 1 < woerter.count {
                f.append(LSMatch(regel: .ls06, bereich: wort.bereich.lowerBound..<woerter[n + 1].bereich.upperBound))
            }
            // "die Wünsche der Menschen": der after a noun (not a pronoun, not the first word) before a capitalised word
            if klein == "der", n >= 2, n + 1 < woerter.count, woerter[n - 1].text.first?.isUppercase == true,
               !["Sie", "Ihnen", "Ihr", "Ihre", "Wer", "Was"].contains(woerter[n - 1].text),
               woerter[n + 1].text.first?.isUppercase == true, !satzanfaenge.contains(woerter[n - 1].bereich.lowerBound) {
                f.append(LSMatch(regel: .ls06, bereich: wort.bereich.lowerBound..<woerter[n + 1].bereich.upperBound))
            }
            f += wortregeln(wort, zeile.werte[wort.bereich], satzanfang: satzanfaenge.contains(wort.bereich.lowerBound))
        }
        f += passiv(woerter, saetze)
        f += nebensatz(text, saetze, z, woerter, klein)
        // Cheap tests first: most lines hold no digit, no full stop inside, no idiom word.
        if zeile.werte.indices.contains(where: { i in
            // A Character is a number by its first scalar: ASCII ones are told by value.
            let v = zeile.werte[i]
            return v < 0x80 ? v &- 0x30 < 10 || v == 0x25 && z[i] == "%" : z[i].isNumber
        }) || !klein.isDisjoint(with: ["mio", "mrd", "millionen", "milliarden", "prozent"]) {
            f += zahlen(text)
        }
        f += zeichen(z, zeile.werte)
        let mitPunkt = z.dropLast().contains(".")
        for bereich in mitPunkt ? treffer(text, LSRuleEngine.muster0) : [] {
            f.append(LSMatch(regel: .ls08, bereich: bereich))
        }
        let verweis = !klein.isDisjoint(with: ["siehe", "vgl", "s", "seite", "anlage", "kapitel", "abschnitt", "genannt", "genannten", "genannte", "o", "u"])
        for bereich in verweis ? treffer(text, LSRuleEngine.muster1) : [] {
            f.append(LSMatch(regel: .ls26, bereich: bereich))
        }
        if !klein.isDisjoint(with: LSWordLists.idiomWoerter) {
            for bereich in treffer(text, LSRuleEngine.idiome) { f.append(LSMatch(regel: .ls29, bereich: bereich)) }
        }
        return f
    }

    /// Rules on a single word: acronyms, Roman numerals, gender characters, compounds, rare words.
    /// `satzanfang`: first word of a sentence, where a capital letter does not make a noun.
    private func wortregeln(_ wort: Word, _ werte: ArraySlice<UInt32>, satzanfang: Bool) -> [LSMatch] {
        var f: [LSMatch] = []
        let t = wort.text
        let w = WordFacts(t, werte: werte)
        let (buchstaben, nurBuchstaben, hatStrich, hatPunkt) = (w.buchstaben, w.nurBuchstaben, w.hatStrich, w.hatPunkt)
        if w.nurRoemisch, t.wholeMatch(of: LSRuleEngine.romanNumeral) != nil {
            f.append(LSMatch(regel: .ls12, bereich: wort.bereich))
        } else if w.abkuerzung {
            f.append(LSMatch(regel: .ls08, bereich: wort.bereich))
        }
        if w.genderZeichen, t.wholeMatch(of: LSRuleEngine.genderedPlural) != nil || t.wholeMatch(of: LSRuleEngine.binnenI) != nil
            || t.wholeMatch(of: LSRuleEngine.genderedSingular) != nil {
            f.append(LSMatch(regel: .ls19, bereich: wort.bereich))
        }
        // LS21: the style of splitting
        if !hatStrich && !hatPunkt {
            // nothing to check for LS21
        } else if trennzeichen == "·" {
            if hatStrich, t.wholeMatch(of: LSRuleEngine.lowercaseAfterHyphen) != nil, t.lowercased() != "e-mail" {
                f.append(LSMatch(regel: .ls21, bereich: wort.bereich, vorschlag: t.replacingOccurrences(of: "-", with: "·")))
            } else if hatPunkt, hatStrich || t.contains(LSRuleEngine.capitalAfterMediopunkt) {
                f.append(LSMatch(regel: .ls21, bereich: wort.bereich, vorschlag: imStil(t, trenner: "·")))
            }
        } else if hatPunkt || t.contains(LSRuleEngine.hyphenBeforeLowercase) && t.lowercased() != "e-mail" {
            f.append(LSMatch(regel: .ls21, bereich: wort.bereich, vorschlag: imStil(t, trenner: "-")))
        }
        // LS20: long noun compounds without a split
        if buchstaben >= 14, w.grossAnfang, !hatPunkt, !hatStrich, nurBuchstaben,
           lexikon.hatWoerter, !satzanfang || istNomen(t), let zerlegt = lexikon.zerlegen(t) {
            let vorschlag = trennzeichen == "·" ? zerlegt.joined(separator: "·")
                : zerlegt.enumerated().map { $0.offset == 0 ? $0.element : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
                    .joined(separator: "-")
            f.append(LSMatch(regel: .ls20, bereich: wort.bereich, vorschlag: vorschlag))
        } else if lexikon.hatFrequenzen, buchstaben >= 6, buchstaben < 14, nurBuchstaben, lexikon.zipf(t) < 2.5,
                  lexikon.imWortschatz(t.lowercased()) || w.kleinAnfang {
            // LS23: a rarely used word. Capitalised words missing from the list are mostly names: left alone.
            f.append(LSMatch(regel: .ls23, bereich: wort.bereich))
        }
        return f
    }

    /// Capitalised and not only known as a lower-case word (a verb at the start of a sentence, say).
    private func istNomen(_ w: String) -> Bool {
        let k = w.lowercased()
        return !lexikon.hatWoerter || lexikon.alsNomen(k) || !lexikon.imWortschatz(k)
    }

    /// A compound in the project's style: "Sozial·raum" (Mediopunkt, lower case after it) or "Sozial-Raum".
    private func imStil(_ t: String, trenner: Character) -> String {
        var ergebnis = "", neuesGlied = false
        for c in t {
            if c == "-" || c == "·" { ergebnis.append(trenner); neuesGlied = true; continue }
            ergebnis += !neuesGlied ? String(c) : trenner == "·" ? c.lowercased() : c.uppercased()
            neuesGlied = false
        }
        return ergebnis
    }

    /// "wurde"/"wurden" with a participle are the passive (LS04), not a Präteritum finding.
    private func passivHilfsverb(_ woerter: [Word], _ n: Int) -> Bool {
        guard ["wurde", "wurden"].contains(woerter[n].text.lowercased()) else { return false }
        return woerter.dropFirst(n + 1).contains { istPartizip($0.text) }
    }

    private func istPartizip(_ w: String) -> Bool {
        let k = w.lowercased()
        guard k.count >= 5, !LSWordLists.geInfinitive.contains(k) else { return false }
        if k.hasSuffix("iert") { return true }
        guard let ge = k.firstRange(of: "ge") else { return false }
        let vorne = k[..<ge.lowerBound]
        let prefixe: Set<Substring> = ["", "ab", "an", "auf", "aus", "bei", "ein", "fest", "mit", "nach", "um", "vor", "weg", "zu", "zurück", "vorbei", "dar", "her", "hin", "frei", "bereit"]
        return prefixe.contains(vorne) && (k.hasSuffix("t") || k.hasSuffix("en")) && k.count - vorne.count >= 5
    }

    /// LS04: werden/wurde/worden with a participle later in the same sentence.
    private func passiv(_ alle: [Word], _ saetze: [Range<Int>]) -> [LSMatch] {
        var f: [LSMatch] = []
        for satz in saetze {
            let woerter = Array(Woerter.imSatz(satz, alle))
            let hilfsverben: Set<String> = ["wird", "werden", "wurde", "wurden", "worden", "werde"]
            for (n, w) in woerter.enumerated() where hilfsverben.contains(w.text.lowercased()) {
                // "gestellt werden", "umgebaut worden": the participle right before the auxiliary
                if n > 0, istPartizip(woerter[n - 1].text) {
                    f.append(LSMatch(regel: .ls04, bereich: woerter[n - 1].bereich.lowerBound..<w.bereich.upperBound))
                    break
                }
                if w.text.lowercased() != "worden", let partizip = woerter.dropFirst(n + 1).first(where: { istPartizip($0.text) }) {
                    f.append(LSMatch(regel: .ls04, bereich: w.bereich.lowerBound..<partizip.bereich.upperBound))
                    break
                }
            }
        }
        return f
    }

    /// LS03: subordinating conjunctions and relative pronouns after a comma, or a clause opened by one.
    private func nebensatz(_ text: String, _ saetze: [Range<Int>], _ z: [Character], _ alle: [Word], _ klein: Set<String>) -> [LSMatch] {
        var f: [LSMatch] = []
        let konjunktion = !klein.isDisjoint(with: ["dass", "weil", "obwohl", "obgleich", "sodass", "nachdem", "falls", "indem", "sofern"])
        for bereich in konjunktion ? treffer(text, LSRuleEngine.muster2) : [] {
            f.append(LSMatch(regel: .ls03, bereich: bereich))
        }
        for bereich in z.contains(",") ? treffer(text, LSRuleEngine.muster3) : [] {
            var b = bereich
            while b.lowerBound < b.upperBound, z[b.lowerBound] == "," || z[b.lowerBound] == " " { b = (b.lowerBound + 1)..<b.upperBound }
            f.append(LSMatch(regel: .ls03, bereich: b))
        }
        for satz in saetze {
            let woerter = Woerter.imSatz(satz, alle)
            if let erstes = woerter.first, ["wenn", "bevor", "damit", "während"].contains(erstes.text.lowercased()),
               z[satz].contains(",") {
                f.append(LSMatch(regel: .ls03, bereich: erstes.bereich))
            }
        }
        return f
    }

    /// Numbers, dates, times, ranges, percent, years (LS10, LS11, LS13, LS14, LS15, LS36).
    private func zahlen(_ text: String) -> [LSMatch] {
        var f: [LSMatch] = []
        // Phone numbers and postcodes are no quantities: their digits are left alone.
        var belegt: [Range<Int>] = text.matches(of: LSRuleEngine.phoneNumberOrPostcode).map { bereich(text, $0.range) }
        for m in text.matches(of: LSRuleEngine.numericDate) {
            let b = bereich(text, m.range)
            belegt.append(b)
            let monat = Int(m.output.2) ?? 0
            let jahr = m.output.3.count == 2 ? "20" + m.output.3 : String(m.output.3)
            let vorschlag = (1...12).contains(monat) ? "\(Int(m.output.1) ?? 0). \(Self.monate[monat - 1]) \(jahr)" : nil
            f.append(LSMatch(regel: .ls13, bereich: b, vorschlag: vorschlag))
        }
        for m in text.matches(of: LSRuleEngine.timeWithDot) {
            let b = bereich(text, m.range)
            belegt.append(b)
            f.append(LSMatch(regel: .ls14, bereich: b, vorschlag: "\(Int(m.output.1) ?? 0):\(m.output.2) Uhr"))
        }
        for m in text.matches(of: LSRuleEngine.timeWithColon) {
            let b = bereich(text, m.range)
            let stunde = Int(m.output.1) ?? 0
            if m.output.1.hasPrefix("0") && m.output.1.count == 2 || m.output.3 == nil {
                belegt.append(b)
                f.append(LSMatch(regel: .ls14, bereich: b, vorschlag: "\(stunde):\(m.output.2) Uhr"))
            }
        }
        let telefon = text.contains("+49") || text.lowercased().contains("telefon") || text.lowercased().contains("tel.")
        let zeichen = Array(text)
        for m in text.matches(of: LSRuleEngine.numberRange) where !telefon {
            let b = bereich(text, m.range)
            // Not part of a longer number, phone number or code (no lookbehind in Swift regex).
            if b.lowerBound > 0, "0123456789+/-.".contains(zeichen[b.lowerBound - 1]) { continue }
            if b.upperBound < zeichen.count, "0123456789-".contains(zeichen[b.upperBound]) { continue }
            if belegt.contains(where: { $0.overlaps(b) }) { continue }
            belegt.append(b)
            f.append(LSMatch(regel: .ls15, bereich: b, vorschlag: "von \(m.output.1) bis \(m.output.2)"))
        }
        for m in text.matches(of: LSRuleEngine.largeOrDecimalNumber) {
            let b = bereich(text, m.range)
            if belegt.contains(where: { $0.overlaps(b) }) { continue }
            let s = String(text[m.range])
            let mitEinheit = text[m.range.upperBound...].prefix(while: { $0 == " " }).count > 0
                && ["Euro", "Menschen", "Personen", "Haushalte", "Plätze", "Kinder", "Stunden", "Mal", "Wohnungen"].contains {
                    text[m.range.upperBound...].drop(while: { $0 == " " }).hasPrefix($0) }
            if let n = Int(s), s.count == 4, (1900...2099).contains(n), !mitEinheit {
                // A year: LS36 when long ago.
                if n < referenzjahr - 10 { f.append(LSMatch(regel: .ls36, bereich: b)) }
                continue
            }
            if s.count == 4, let n = Int(s), n < 1000 { continue }
            f.append(LSMatch(regel: .ls10, bereich: b))
        }
        for m in text.matches(of: LSRuleEngine.percent) { f.append(LSMatch(regel: .ls11, bereich: bereich(text, m.range))) }
        return f
    }

    private func bereich(_ text: String, _ r: Range<String.Index>) -> Range<Int> {
        let start = text.distance(from: text.startIndex, to: r.lowerBound)
        return start..<(start + text[r].count)
    }

    /// LS16 special characters, LS17 brackets, LS18 quotation marks.
    private func zeichen(_ z: [Character], _ s: [UInt32]) -> [LSMatch] {
        var f: [LSMatch] = []
        for (i, c) in z.enumerated() {
            // Letters, digits and spaces – nearly every character – are none of the cases below.
            if s[i] == Zeichen.leer || s[i] < 0x80 && Zeichen.wortzeichen(s[i]) { continue }
            let vorher = i > 0 ? z[i - 1] : " ", nachher = i + 1 < z.count ? z[i + 1] : " "
            switch c {
            case "/" where String(z[(i + 1)...].prefix(6)).hasPrefix("-innen") || String(z[(i + 1)...].prefix(5)) == "innen":
                break   // gender slash: LS19
            case "&", "§", ";", "…", "#", "~", "|", "<", ">", "†", "/":
                f.append(LSMatch(regel: .ls16, bereich: i..<(i + 1)))
            case "+" where !nachher.isNumber:
                f.append(LSMatch(regel: .ls16, bereich: i..<(i + 1)))
            case "*" where !(vorher.isLetter && nachher.isLetter):
                f.append(LSMatch(regel: .ls16, bereich: i..<(i + 1)))
            case "." where nachher == "." && (i + 2 < z.count && z[i + 2] == ".") && vorher != ".":
                f.append(LSMatch(regel: .ls16, bereich: i..<(i + 3)))
            case "(", ")", "[", "]", "{", "}":
                f.append(LSMatch(regel: .ls17, bereich: i..<(i + 1)))
            case "„", "“", "”", "\"", "«", "»", "‹", "›", "‚":
                f.append(LSMatch(regel: .ls18, bereich: i..<(i + 1)))
            // Between letters either is an apostrophe (geht’s); a `where` binds only to its own pattern.
            case "‘" where !(vorher.isLetter && nachher.isLetter), "’" where !(vorher.isLetter && nachher.isLetter):
                f.append(LSMatch(regel: .ls18, bereich: i..<(i + 1)))
            default:
                break
            }
        }
        return f
    }

    /// LS30: a question that no answer follows – the last text of a body, or followed by a heading or another question.
    private func frage(_ zeilen: [TextLine], _ index: Int, _ saetze: [Range<Int>]) -> [LSMatch] {
        let zeile = zeilen[index]
        guard !zeile.istUeberschrift else { return [] }
        var f: [LSMatch] = []
        for (n, satz) in saetze.enumerated() where zeile.maske[satz].last(where: { $0 != " " }) == "?" {
            if n + 1 < saetze.count { continue }   // the next sentence on the line answers
            let folgt = zeilen.dropFirst(index + 1).first { !$0.text.allSatisfy { $0 == " " } }
            guard let naechste = folgt else { f.append(LSMatch(regel: .ls30, bereich: satz)); continue }
            let naechsterText = naechste.text.getrimmt()
            if naechste.istUeberschrift || naechsterText.hasSuffix("?") { f.append(LSMatch(regel: .ls30, bereich: satz)) }
        }
        return f
    }
}
