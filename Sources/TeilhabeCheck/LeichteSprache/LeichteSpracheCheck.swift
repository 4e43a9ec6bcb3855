import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// `teilhabe check` for Leichte Sprache: every LS rule on every .leicht.md body and on every
/// easy-language YAML field, with the exact match, line, column and a suggestion where there is one.
public enum LeichteSpracheCheck {
    /// One text to check (a twin's body or an easy YAML field) and how to check it.
    private struct Einheit {
        var schluessel: Fingerprint
        var pruefen: @Sendable (LSRuleEngine) -> [Diagnostic]
    }

    /// With a `vorrat`, findings are kept per text (keyed by the text, its place, the settings and
    /// the word lists), so an unchanged text is not checked again and the word lists are not even loaded.
    /// `abbruch`: set by a build that failed its other checks; then nothing is reported or kept.
    public static func run(_ projekt: Projekt, log: DiagnosticLog, lexikon: Lexicon? = nil,
                           referenzjahr: Int = Stichtag.heute().year, vorrat: BuildCache = .keiner, abbruch: CancellationFlag? = nil) {
        let trennzeichen = projekt.site.leichteSprache.trennzeichen
        let regeln = projekt.site.leichteSprache.regeln
        var konfig = FingerprintHasher()
        konfig.text(trennzeichen); konfig.zahl(referenzjahr)
        for (regel, stufe) in regeln.sorted(by: { $0.key < $1.key }) { konfig.text(regel); konfig.text(stufe?.rawValue ?? "aus") }
        konfig.abdruck(lexikon == nil ? Lexicon.quellenAbdruck() : Fingerprint(a: 0, b: 0))
        let vorrat = lexikon == nil ? vorrat : .keiner   // a lexicon given by a test has no fingerprint
        func schluessel(_ text: Fingerprint, _ ort: SourceLocation) -> Fingerprint {
            var s = konfig
            s.abdruck(text); s.text(ort.file); s.zahl(ort.line ?? 0); s.zahl(ort.column ?? 0)
            return s.ergebnis
        }
        var einheiten: [Einheit] = []
        var koerper: [MarkdownQuelle] = []
        let vorlagen = projekt.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { if let l = vorlagen[i].leicht { koerper.append(l.body) } }
        for t in projekt.texte { if let l = t.leicht { koerper.append(l.body) } }
        for body in koerper {
            einheiten.append(Einheit(schluessel: schluessel(body.inhalt, body.location(line: 1))) { pruefer in
                melden(pruefer.check(TextMask.zeilen(body)), datei: body.file, spaltenVersatz: 0, regeln: regeln)
            })
        }
        for feld in projekt.leichteFelder {
            einheiten.append(Einheit(schluessel: schluessel(.von(feld.text), feld.location)) { pruefer in
                let zeilen = TextMask.zeilen(feld.text, ersteZeile: feld.location.line ?? 1)
                // A title or short field that asks a question is answered by its page (LS30 is for running text).
                return melden(pruefer.check(zeilen).filter { $0.1.regel != .ls30 }, datei: feld.location.file,
                              spaltenVersatz: (feld.location.column ?? 1) - 1, regeln: regeln)
            })
        }
        let alt: [[Diagnostic]?] = einheiten.map { vorrat.lesen("leichte-sprache", $0.schluessel) }
        let offen = einheiten.indices.filter { alt[$0] == nil }
        var neu: [Int: [Diagnostic]] = [:]
        if !offen.isEmpty {
            let pruefer = LSRuleEngine(lexikon: lexikon ?? .standard, trennzeichen: trennzeichen, referenzjahr: referenzjahr)
            let alle = einheiten
            let funde = Parallel.map(offen.count) { i in abbruch?.gesetzt == true ? [] : alle[offen[i]].pruefen(pruefer) }
            // Findings of a stopped check are incomplete: none of them may reach the cache.
            if abbruch?.gesetzt == true { return }
            for (i, f) in zip(offen, funde) { neu[i] = f }
        }
        for (i, einheit) in einheiten.enumerated() {
            let befunde = alt[i] ?? neu[i] ?? []
            if alt[i] == nil { vorrat.ablegen("leichte-sprache", einheit.schluessel, befunde) }   // the cached ones are kept as read
            for d in befunde { log.report(d) }
        }
    }

    private static func melden(_ funde: [(TextLine, LSMatch)], datei: String, spaltenVersatz: Int,
                               regeln: [String: Severity?]) -> [Diagnostic] {
        var befunde: [Diagnostic] = []
        for (zeile, fund) in funde {
            let severity: Severity
            if let eingestellt = regeln[fund.regel.rawValue] {
                guard let s = eingestellt else { continue }   // switched off
                severity = s
            } else {
                severity = fund.regel.standard
            }
            var d = Diagnostic(severity, fund.regel.rawValue, fund.nachricht ?? fund.regel.nachricht,
                               at: SourceLocation(file: datei, line: zeile.nummer, column: spaltenVersatz + fund.bereich.lowerBound + 1),
                               match: zeile.ausschnitt(fund.bereich), suggestion: fund.vorschlag)
            d.zeile = String(zeile.original)
            d.laenge = fund.bereich.count
            d.spaltenVersatz = spaltenVersatz
            befunde.append(d)
        }
        return befunde
    }
}
