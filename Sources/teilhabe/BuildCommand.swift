import ArgumentParser
import Foundation
import TeilhabeCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Baut die Website aus dem Inhaltsordner.")

    @Option(help: "Inhaltsordner") var content = "content"
    @Option(help: "Theme-Ordner, der das eingebaute Theme Datei für Datei überschreibt") var theme: String?
    @Option(help: "Ausgabeordner") var output = "site"
    @Option(help: "oeffentlich (Standard) oder gremium (mit nichtöffentlichen Vorlagen)") var publikum = Publikum.oeffentlich
    @Flag(help: "Keine PDF-Fassungen der Vorlagen erzeugen") var ohnePdf = false
    @Flag(help: "Frühere Arbeit aus .teilhabe-cache/ nicht wiederverwenden (alles neu berechnen)") var ohneCache = false
    @Flag(help: "Nur Fehler ausgeben") var quiet = false
    @OptionGroup var sprache: LanguageOption

    func run() throws {
        let log = DiagnosticLog()
        let language = sprache.language
        let start = Date()
        var optionen = Build.Options(content: content, theme: theme, output: output, publikum: publikum)
        optionen.pdf = !ohnePdf
        optionen.cache = !ohneCache
        let terminal = isatty(STDERR_FILENO) == 1
        if terminal, !quiet {
            optionen.fortschritt = BuildProgress { fertig, gesamt in
                FileHandle.standardError.write(Data("\r  \(Message.pagesProgress(fertig, gesamt).text(language))\u{1B}[K".utf8))
            }
        }
        let ergebnis = Build.run(optionen, log: log)
        if terminal, !quiet { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        melden(log, language, nurFehler: quiet)
        guard let ergebnis else {
            let unvollstaendig = log.all.contains { $0.rule == Build.ausgabeUnvollstaendig }
            fehlerAusgeben(.buildFailed(errors: log.errorCount, output: output, incomplete: unvollstaendig), language)
            throw ExitCode(1)
        }
        if !quiet {
            let b = ergebnis.bilanz
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            print(Message.buildDone(pages: ergebnis.seiten, files: ergebnis.dateien, output: output, written: b.geschrieben,
                                    unchanged: b.unveraendert, removed: b.entfernt,
                                    searchIndex: Formatting.groesse(ergebnis.suchindex), warnings: log.warningCount,
                                    milliseconds: ms).text(language))
            print(Message.easyLanguageSummary(Finding.zusammenfassung(ergebnis.leichteSprache),
                                              hasFindings: !ergebnis.leichteSprache.isEmpty).text(language))
        }
    }
}
