import ArgumentParser
import Foundation
import TeilhabeCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Arbeit mit dem Inklusionsplan.",
                                                    subcommands: [VorlageCommand.self])

    struct VorlageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vorlage",
            abstract: "Schreibt den Entwurf der Mitteilungsvorlage zur Fortschreibung (status: entwurf, mit Fassung in Leichter Sprache).")

        @Option(help: "Inhaltsordner") var content = "content"
        @Option(help: "Fassung (Dateiname ohne .yaml); Standard: die neueste") var edition: String?
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let log = DiagnosticLog()
            let language = languageOption.language
            guard let project = Build.check(content: content, log: log) else {
                reportFinding(log, language)
                throw ExitCode(1)
            }
            // A draft dated today, with the year's next free number; never over an existing file.
            guard let paths = NewPaper.planVorlage(project, edition: edition, content: content, today: Stichtag.today(), log: log) else {
                reportFinding(log, language)
                throw ExitCode(1)
            }
            for path in paths { print(Message.written(path).text(language)) }
        }
    }
}
