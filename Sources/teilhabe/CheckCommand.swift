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
    @Flag(name: .customLong("lesbarkeit"), help: "bei --format json: Lesbarkeit je Seite neben den Befunden ({\"befunde\": […], \"lesbarkeit\": […]})")
    var readability = false
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let log = DiagnosticLog()
        let language = languageOption.language
        let project = ProjektLoader.load(contentRoot: content, log: log)
        if let project {
            Checker.check(project, log: log)
            LeichteSpracheCheck.run(project, log: log)
        }
        let findings = log.all
        switch format {
        case .text:
            FileHandle.standardError.write(Data(Finding.text(findings, language: language).utf8))
            printErrors(.checkSummary(Finding.summary(findings)), language)
        case .json:
            if readability, let project {
                print(LeichteSpracheCheck.jsonWithReadability(findings, LeichteSpracheCheck.readability(project), language: language))
            } else {
                print(Finding.json(findings, language: language))
            }
        case .html:
            guard let output else { throw ValidationError(Message.htmlNeedsOutput.text(language)) }
            let html = CheckReport.html(findings, titel: project?.site.titel ?? content, language: language,
                                        readability: project.map(LeichteSpracheCheck.readability) ?? [])
            try Data(html.utf8).write(to: URL(fileURLWithPath: output))
            print(Message.checkReportWritten(Finding.summary(findings), path: output).text(language))
        }
        if log.hasErrors { throw ExitCode(1) }
    }
}
