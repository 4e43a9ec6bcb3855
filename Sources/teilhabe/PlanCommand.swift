import ArgumentParser
import Foundation
import TeilhabeCore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Arbeit mit dem Inklusionsplan.",
                                                    subcommands: [VorlageCommand.self])

    struct VorlageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vorlage",
            abstract: "Schreibt einen Entwurf der Mitteilungsvorlage zur Fortschreibung (mit Fassung in Leichter Sprache).")

        @Option(help: "Inhaltsordner") var content = "content"
        @Option(help: "Fassung (Dateiname ohne .yaml); Standard: die neueste") var edition: String?
        @OptionGroup var sprache: LanguageOption

        func run() throws {
            let log = DiagnosticLog()
            let language = sprache.language
            guard let projekt = Build.check(content: content, log: log) else {
                melden(log, language)
                throw ExitCode(1)
            }
            do {
                let entwurf = try PlanVorlage.entwurf(projekt, edition: edition)
                let pfade = try PlanVorlage.schreiben(entwurf, content: content)
                for pfad in pfade { print(Message.planWritten(pfad).text(language)) }
            } catch {
                FileHandle.standardError.write(Data("\(content): error: \(Message.of(error).text(language))\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
