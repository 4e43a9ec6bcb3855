import ArgumentParser
import Foundation
import TeilhabeCore

@main
struct Teilhabe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teilhabe",
        abstract: "Barrierefreie Websites für Vorlagen, Berichte und Leichte Sprache aus Markdown und YAML.",
        version: TeilhabeCore.version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, AuditCommand.self, PlanCommand.self, NewCommand.self,
                      ImportCommand.self, ExportCommand.self]
    )
}

extension Publikum: ExpressibleByArgument {}

/// Prints findings as `path:line:column: severity: message` on stderr.
func reportFinding(_ log: DiagnosticLog, _ language: Language, errorsOnly: Bool = false) {
    for d in log.all where !errorsOnly || d.severity == .error {
        FileHandle.standardError.write(Data((d.formatted(language) + "\n").utf8))
    }
}

/// One line of a catalogue message on stderr.
func printErrors(_ message: Message, _ language: Language) {
    FileHandle.standardError.write(Data((message.text(language) + "\n").utf8))
}
