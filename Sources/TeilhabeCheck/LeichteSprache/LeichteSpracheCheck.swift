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
        var toCheck: @Sendable (LSRuleEngine) -> [Diagnostic]
    }

    /// With a `vorrat`, findings are kept per text (keyed by the text, its place, the settings and
    /// the word lists), so an unchanged text is not checked again and the word lists are not even loaded.
    /// `cancellation`: set by a build that failed its other checks; then nothing is reported or kept.
    public static func run(_ project: Projekt, log: DiagnosticLog, lexicon: Lexicon? = nil,
                           referenceYear: Int = Stichtag.today().year, buildCache: BuildCache = .disabled, cancellation: CancellationFlag? = nil) {
        let delimiter = project.site.leichteSprache.delimiter
        let ruleSet = project.site.leichteSprache.ruleSet
        var config = FingerprintHasher()
        config.text(delimiter); config.number(referenceYear)
        for (ruleId, level) in ruleSet.sorted(by: { $0.key < $1.key }) { config.text(ruleId); config.text(level?.rawValue ?? "aus") }
        config.inputFingerprint(lexicon == nil ? Lexicon.sourcesFingerprint() : Fingerprint(a: 0, b: 0))
        let buildCache = lexicon == nil ? buildCache : .disabled   // a lexicon given by a test has no fingerprint
        func cacheKey(_ text: Fingerprint, _ place: SourceLocation) -> Fingerprint {
            var s = config
            s.inputFingerprint(text); s.text(place.file); s.number(place.line ?? 0); s.number(place.column ?? 0)
            return s.resultValue
        }
        var units: [Einheit] = []
        let glossary = Glossary.index(project.glossar)
        var bodyText: [MarkdownSource] = []
        let vorlagen = project.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { if let l = vorlagen[i].leicht { bodyText.append(l.body) } }
        for t in project.texts { if let l = t.leicht { bodyText.append(l.body) } }
        for body in bodyText {
            units.append(Einheit(cacheKey: cacheKey(body.bodyFingerprint, body.location(line: 1))) { checker in
                reportFinding(checker.check(TextMask.lines(body)), filePath: body.file, columnOffset: 0, ruleSet: ruleSet)
            })
        }
        for field in project.easyFields {
            units.append(Einheit(cacheKey: cacheKey(.of(field.text), field.location)) { checker in
                let lines = TextMask.lines(field.text, firstTextLine: field.location.line ?? 1)
                // A title or short field that asks a question is answered by its page (LS30 is for running text).
                return reportFinding(checker.check(lines).filter { $0.1.ruleId != .ls30 }, filePath: field.location.file,
                              columnOffset: (field.location.column ?? 1) - 1, ruleSet: ruleSet)
            })
        }
        let old: [[Diagnostic]?] = units.map { buildCache.cached("leichte-sprache", $0.cacheKey) }
        let isOpen = units.indices.filter { old[$0] == nil }
        var new: [Int: [Diagnostic]] = [:]
        if !isOpen.isEmpty {
            let checker = LSRuleEngine(lexicon: lexicon ?? .standard, delimiter: delimiter, referenceYear: referenceYear)
            let allItems = units
            let checked = Parallel.map(isOpen.count) { i in cancellation?.isSet == true ? [] : allItems[isOpen[i]].toCheck(checker) }
            // Findings of a stopped check are incomplete: none of them may reach the cache.
            if cancellation?.isSet == true { return }
            for (i, f) in zip(isOpen, checked) { new[i] = f }
        }
        for (i, einheit) in units.enumerated() {
            let findings = old[i] ?? new[i] ?? []
            if old[i] == nil { buildCache.storeEntry("leichte-sprache", einheit.cacheKey, findings) }   // the cached ones are kept as read
            for d in findings { log.report(GlossarySuggestion.annotate(d, glossary)) }
        }
    }

    private static func reportFinding(_ checked: [(TextLine, LSMatch)], filePath: String, columnOffset: Int,
                               ruleSet: [String: Severity?]) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (sourceLine, finding) in checked {
            let severity: Severity
            if let configured = ruleSet[finding.ruleId.rawValue] {
                guard let s = configured else { continue }   // switched off
                severity = s
            } else {
                severity = finding.ruleId.standard
            }
            var d = Diagnostic(severity, finding.ruleId.rawValue, finding.message ?? finding.ruleId.message,
                               at: SourceLocation(file: filePath, line: sourceLine.number, column: columnOffset + finding.textRange.lowerBound + 1),
                               match: sourceLine.excerpt(finding.textRange), suggestion: finding.suggested)
            d.sourceLine = String(sourceLine.original)
            d.length = finding.textRange.count
            d.columnOffset = columnOffset
            findings.append(d)
        }
        return findings
    }
}
