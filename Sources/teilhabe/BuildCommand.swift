import ArgumentParser
import Foundation
import TeilhabeCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Baut die Website aus dem Inhaltsordner.")

    @Option(help: "Inhaltsordner") var content = "content"
    @Option(help: "Theme-Ordner, der das eingebaute Theme Datei für Datei überschreibt") var theme: String?
    @Option(help: "Ausgabeordner") var output = "site"
    @Option(help: "oeffentlich (Standard) oder gremium (mit nichtöffentlichen Vorlagen)") var publikum = Publikum.oeffentlich
    @Flag(name: .customLong("ohne-pdf"), help: "Keine PDF-Fassungen der Vorlagen erzeugen") var noPDF = false
    @Flag(name: .customLong("ohne-cache"), help: "Frühere Arbeit aus .teilhabe-cache/ nicht wiederverwenden (alles neu berechnen)") var noCache = false
    @Flag(help: "Nur Fehler ausgeben") var quiet = false
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let log = DiagnosticLog()
        let language = languageOption.language
        let start = Date()
        var settings = Build.Options(content: content, theme: theme, output: output, publikum: publikum)
        settings.pdf = !noPDF
        settings.cache = !noCache
        let terminal = isatty(STDERR_FILENO) == 1
        if terminal, !quiet {
            settings.progress = BuildProgress { done, total in
                FileHandle.standardError.write(Data("\r  \(Message.pagesProgress(done, total).text(language))\u{1B}[K".utf8))
            }
        }
        let resultValue = Build.run(settings, log: log)
        if terminal, !quiet { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        reportFinding(log, language, errorsOnly: quiet)
        guard let resultValue else {
            let outputIncomplete = log.all.contains { $0.rule == Build.outputIncompleteRule }
            printErrors(.buildFailed(errors: log.errorCount, output: output, incomplete: outputIncomplete), language)
            throw ExitCode(1)
        }
        if !quiet {
            let b = resultValue.tally
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            print(Message.buildDone(pages: resultValue.auditedPages, files: resultValue.fileList, output: output, written: b.written,
                                    unchanged: b.unchanged, removed: b.removed,
                                    searchIndex: Formatting.byteSize(resultValue.searchIndex), warnings: log.warningCount,
                                    milliseconds: ms).text(language))
            print(Message.easyLanguageSummary(Finding.summary(resultValue.leichteSprache),
                                              hasFindings: !resultValue.leichteSprache.isEmpty).text(language))
        }
    }
}
