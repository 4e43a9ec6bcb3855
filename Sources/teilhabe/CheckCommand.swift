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

    func run() throws {
        let log = DiagnosticLog()
        let projekt = ProjektLoader.load(contentRoot: content, log: log)
        if let projekt {
            Checker.check(projekt, log: log)
            LeichteSpracheCheck.run(projekt, log: log)
        }
        let befunde = log.all
        switch format {
        case .text:
            FileHandle.standardError.write(Data(Finding.text(befunde).utf8))
            FileHandle.standardError.write(Data("teilhabe check: \(Finding.zusammenfassung(befunde))\n".utf8))
        case .json:
            print(Finding.json(befunde))
        case .html:
            guard let output else { throw ValidationError("--format html needs --output FILE") }
            let html = CheckReport.html(befunde, titel: projekt?.site.titel ?? content)
            try Data(html.utf8).write(to: URL(fileURLWithPath: output))
            print("teilhabe check: \(Finding.zusammenfassung(befunde)); report in \(output)")
        }
        if log.hasErrors { throw ExitCode(1) }
    }
}
