/// `teilhabe check` for Leichte Sprache: every LS rule on every .leicht.md body and on every
/// easy-language YAML field, with the exact match, line, column and a suggestion where there is one.
public enum LeichteSpracheCheck {
    public static func run(_ projekt: Projekt, log: DiagnosticLog, lexikon: Lexikon = .standard,
                           referenzjahr: Int = Stichtag.heute().year) {
        let pruefer = LSPruefer(lexikon: lexikon, trennzeichen: projekt.site.leichteSprache.trennzeichen,
                                referenzjahr: referenzjahr)
        let regeln = projekt.site.leichteSprache.regeln
        var koerper: [MarkdownQuelle] = []
        for v in projekt.vorlagen { if let l = v.leicht { koerper.append(l.body) } }
        for t in projekt.texte { if let l = t.leicht { koerper.append(l.body) } }
        let alle = koerper
        let funde = Parallel.map(alle.count) { i in pruefer.pruefen(Textmaske.zeilen(alle[i])) }
        for (body, befunde) in zip(koerper, funde) {
            melden(befunde, datei: body.file, spaltenVersatz: 0, regeln: regeln, log: log)
        }
        for feld in projekt.leichteFelder {
            let zeilen = Textmaske.zeilen(feld.text, ersteZeile: feld.location.line ?? 1)
            // A title or short field that asks a question is answered by its page (LS30 is for running text).
            melden(pruefer.pruefen(zeilen).filter { $0.1.regel != .ls30 }, datei: feld.location.file, spaltenVersatz: (feld.location.column ?? 1) - 1,
                   regeln: regeln, log: log)
        }
    }

    private static func melden(_ funde: [(Textzeile, LSFund)], datei: String, spaltenVersatz: Int,
                               regeln: [String: Severity?], log: DiagnosticLog) {
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
            log.report(d)
        }
    }
}
