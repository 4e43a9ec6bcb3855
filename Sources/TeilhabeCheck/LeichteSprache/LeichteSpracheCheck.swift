import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// `teilhabe check` for Leichte Sprache: every LS rule on every .leicht.md body and on every
/// easy-language YAML field, with the exact match, line, column and a suggestion where there is one.
public enum LeichteSpracheCheck {
    /// One text to check (a twin's body or an easy YAML field) and how to check it.
    private struct Einheit {
        var cacheKey: Fingerprint
        var pruefen: @Sendable (LSRuleEngine) -> [Diagnostic]
    }

    /// With a `vorrat`, findings are kept per text (keyed by the text, its place, the settings and
    /// the word lists), so an unchanged text is not checked again and the word lists are not even loaded.
    /// `abbruch`: set by a build that failed its other checks; then nothing is reported or kept.
    public static func run(_ project: Projekt, log: DiagnosticLog, lexikon: Lexicon? = nil,
                           referenzjahr: Int = Stichtag.today().year, buildCache: BuildCache = .keiner, abbruch: CancellationFlag? = nil) {
        let delimiter = project.site.leichteSprache.delimiter
        let ruleSet = project.site.leichteSprache.ruleSet
        var konfig = FingerprintHasher()
        konfig.text(delimiter); konfig.number(referenzjahr)
        for (ruleId, stufe) in ruleSet.sorted(by: { $0.key < $1.key }) { konfig.text(ruleId); konfig.text(stufe?.rawValue ?? "aus") }
        konfig.inputFingerprint(lexikon == nil ? Lexicon.sourcesFingerprint() : Fingerprint(a: 0, b: 0))
        let buildCache = lexikon == nil ? buildCache : .keiner   // a lexicon given by a test has no fingerprint
        func cacheKey(_ text: Fingerprint, _ ort: SourceLocation) -> Fingerprint {
            var s = konfig
            s.inputFingerprint(text); s.text(ort.file); s.number(ort.line ?? 0); s.number(ort.column ?? 0)
            return s.resultValue
        }
        var einheiten: [Einheit] = []
        let glossary = Glossary.index(project.glossar)
        var bodyText: [MarkdownQuelle] = []
        let vorlagen = project.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { if let l = vorlagen[i].leicht { bodyText.append(l.body) } }
        for t in project.texts { if let l = t.leicht { bodyText.append(l.body) } }
        for body in bodyText {
            einheiten.append(Einheit(cacheKey: cacheKey(body.inhalt, body.location(line: 1))) { checker in
                reportFinding(checker.check(TextMask.lines(body)), filePath: body.file, spaltenVersatz: 0, ruleSet: ruleSet)
            })
        }
        for field in project.leichteFelder {
            einheiten.append(Einheit(cacheKey: cacheKey(.von(field.text), field.location)) { checker in
                let lines = TextMask.lines(field.text, firstTextLine: field.location.line ?? 1)
                // A title or short field that asks a question is answered by its page (LS30 is for running text).
                return reportFinding(checker.check(lines).filter { $0.1.ruleId != .ls30 }, filePath: field.location.file,
                              spaltenVersatz: (field.location.column ?? 1) - 1, ruleSet: ruleSet)
            })
        }
        let alt: [[Diagnostic]?] = einheiten.map { buildCache.cached("leichte-sprache", $0.cacheKey) }
        let isOpen = einheiten.indices.filter { alt[$0] == nil }
        var neu: [Int: [Diagnostic]] = [:]
        if !isOpen.isEmpty {
            let checker = LSRuleEngine(lexikon: lexikon ?? .standard, delimiter: delimiter, referenzjahr: referenzjahr)
            let allItems = einheiten
            let funde = Parallel.map(isOpen.count) { i in abbruch?.gesetzt == true ? [] : allItems[isOpen[i]].pruefen(checker) }
            // Findings of a stopped check are incomplete: none of them may reach the cache.
            if abbruch?.gesetzt == true { return }
            for (i, f) in zip(isOpen, funde) { neu[i] = f }
        }
        for (i, einheit) in einheiten.enumerated() {
            let findings = alt[i] ?? neu[i] ?? []
            if alt[i] == nil { buildCache.storeEntry("leichte-sprache", einheit.cacheKey, findings) }   // the cached ones are kept as read
            for d in findings { log.report(GlossarySuggestion.annotate(d, glossary)) }
        }
    }

    private static func reportFinding(_ funde: [(TextLine, LSMatch)], filePath: String, spaltenVersatz: Int,
                               ruleSet: [String: Severity?]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (sourceLine, fund) in funde {
            let severity: Severity
            if let eingestellt = ruleSet[fund.ruleId.rawValue] {
                guard let s = eingestellt else { continue }   // switched off
                severity = s
            } else {
                severity = fund.ruleId.standard
            }
            var d = Diagnostic(severity, fund.ruleId.rawValue, fund.message ?? fund.ruleId.message,
                               at: SourceLocation(file: filePath, line: sourceLine.nummer, column: spaltenVersatz + fund.textRange.lowerBound + 1),
                               match: sourceLine.excerpt(fund.textRange), suggestion: fund.suggested)
            d.sourceLine = String(sourceLine.original)
            d.length = fund.textRange.count
            d.spaltenVersatz = spaltenVersatz
            findings.append(d)
        }
        return findings
    }
}
