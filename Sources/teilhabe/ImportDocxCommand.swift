import ArgumentParser

/// `teilhabe import docx FILE…` — placeholder until the Word importer lands (issue 22).
struct ImportDocxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "docx",
        abstract: "Macht aus Word-Dateien (.docx) Vorlagen.")
    @Argument(help: "Word-Dateien") var files: [String]
    func run() throws { throw ExitCode.failure }
}

/// `teilhabe export docx PAGE` — placeholder until the Word exporter lands (issue 22).
struct ExportDocxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "docx",
        abstract: "Schreibt eine Vorlage, einen Bericht oder eine Seite als Word-Datei.")
    @Argument(help: "vorlagen/<slug>.md, berichte/… oder seiten/…") var page: String
    func run() throws { throw ExitCode.failure }
}
