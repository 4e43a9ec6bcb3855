import ArgumentParser
import Foundation
import TeilhabeCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Prüft den Inhaltsordner, ohne zu bauen.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @Option(help: "Inhaltsordner") var content = "content"
    @Option(help: "text oder json") var format = Format.text

    func run() throws {
        let log = DiagnosticLog()
        _ = Build.pruefen(content: content, log: log)
        switch format {
        case .text: melden(log)
        case .json: print(Befund.json(log.all))
        }
        if log.hasErrors { throw ExitCode(1) }
    }
}
