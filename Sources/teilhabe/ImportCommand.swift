import ArgumentParser

/// `teilhabe import oparl|docx` (contract section 11): content from a council information system or Word.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Übernimmt Gremien, Sitzungen und Vorlagen aus einem Ratsinformationssystem (OParl) oder aus Word-Dateien.",
        subcommands: [ImportOParlCommand.self, ImportDocxCommand.self])
}

/// `teilhabe export docx` (contract section 11): a page as an accessible Word file.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Schreibt eine Seite als barrierefreie Word-Datei (zum Hochladen ins Ratsinformationssystem).",
        subcommands: [ExportDocxCommand.self])
}
