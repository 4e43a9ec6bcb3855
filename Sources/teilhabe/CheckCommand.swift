import ArgumentParser
import Foundation
import TeilhabeCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Prüft den Inhaltsordner und die Leichte Sprache, ohne zu bauen.")

    enum Format: String, ExpressibleByArgument { case text, json, html }

    @Option(help: "Inhaltsordner") var content = "content"
    @Option(help: "text, json oder html") var format = Format.text
    @Option(help: "Datei für den Bericht (bei --format html Pflicht)") var output: String?
    @OptionGroup var sprache: LanguageOption

    func run() throws {
        let log = DiagnosticLog()
        let language = sprache.language
        let projekt = ProjektLoader.load(contentRoot: content, log: log)
        if let projekt {
            Checker.check(projekt, log: log)
            LeichteSpracheCheck.run(projekt, log: log)
        }
        let befunde = log.all
        switch format {
        case .text:
            FileHandle.standardError.write(Data(Finding.text(befunde, language: language).utf8))
            fehlerAusgeben(.checkSummary(Finding.zusammenfassung(befunde)), language)
        case .json:
            print(Finding.json(befunde, language: language))
        case .html:
            guard let output else { throw ValidationError(Message.htmlNeedsOutput.text(language)) }
            let html = CheckReport.html(befunde, titel: projekt?.site.titel ?? content, language: language)
            try Data(html.utf8).write(to: URL(fileURLWithPath: output))
            print(Message.checkReportWritten(Finding.zusammenfassung(befunde), path: output).text(language))
        }
        if log.hasErrors { throw ExitCode(1) }
    }
}
