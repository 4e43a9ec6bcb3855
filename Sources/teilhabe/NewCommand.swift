import ArgumentParser
import Foundation
import TeilhabeCore

/// `teilhabe neu vorlage|bericht|seite` (contract section 10): a new draft with its easy twin.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "neu",
        abstract: "Legt eine neue Vorlage, einen Bericht oder eine Seite als Entwurf an (mit Fassung in Leichter Sprache).",
        subcommands: [VorlageCommand.self, BerichtCommand.self, SeiteCommand.self])

    struct VorlageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vorlage",
            abstract: "Schreibt vorlagen/<jahr>-<nnnn>-<slug>.md mit der nächsten freien Nummer des Jahres, status: entwurf.")

        @Option(help: "Vorlagenart: Mitteilungsvorlage, Beschlussvorlage, Antrag, Anfrage oder Bericht") var art: String
        @Option(help: "Betreff der Vorlage") var betreff: String
        @Option(help: "Federführendes Amt (Standard: amt aus site.yaml)") var federfuehrend: String?
        @Option(help: "Inhaltsordner") var content = "content"
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            try writeFile(.vorlage(art: art, betreff: betreff, federfuehrend: federfuehrend), content: content,
                          language: languageOption.language)
        }
    }

    struct BerichtCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "bericht",
                                                        abstract: "Schreibt berichte/<slug>.md, status: entwurf.")
        @Option(help: "Titel des Berichts") var titel: String
        @Option(help: "Inhaltsordner") var content = "content"
        @OptionGroup var languageOption: LanguageOption

        func run() throws { try writeFile(.bericht(titel: titel), content: content, language: languageOption.language) }
    }

    struct SeiteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "seite",
                                                        abstract: "Schreibt seiten/<slug>.md, status: entwurf.")
        @Option(help: "Titel der Seite") var titel: String
        @Option(help: "Inhaltsordner") var content = "content"
        @OptionGroup var languageOption: LanguageOption

        func run() throws { try writeFile(.webPage(titel: titel), content: content, language: languageOption.language) }
    }
}

/// Writes the new files and prints both paths; the errors and exit status 1 otherwise.
private func writeFile(_ kind: NewPaper.Kind, content: String, language: Language) throws {
    let log = DiagnosticLog()
    guard let paths = NewPaper.write(kind, content: content, today: Stichtag.today(), log: log) else {
        reportFinding(log, language)
        throw ExitCode(1)
    }
    for path in paths { print(Message.written(path).text(language)) }
}
