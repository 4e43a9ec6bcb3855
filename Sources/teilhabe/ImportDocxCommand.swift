import ArgumentParser
import Foundation
import TeilhabeCore

/// `teilhabe import docx FILE…` (contract section 11): each Word file becomes a draft Vorlage (or Bericht).
struct ImportDocxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "docx",
        abstract: "Macht aus Word-Dateien (.docx) Vorlagen (status: entwurf, mit Bildern in anlagen/).")
    @Argument(help: "Word-Dateien") var files: [String]
    @Option(help: "Inhaltsordner") var content = "content"
    @Option(help: "Vorlagenart (Mitteilungsvorlage, Beschlussvorlage, Antrag, Anfrage) oder Bericht (schreibt berichte/…); Standard: was die Datei sagt")
    var art: String?
    @Option(help: "Vorlagen-Nummer, z. B. 2026/0007 (Standard: was die Datei sagt, sonst die nächste freie)") var nummer: String?
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        let log = DiagnosticLog()
        let options = DocxImport.Options(files: files, content: content, art: art, nummer: nummer, today: Stichtag.today())
        let written = DocxImport.run(options, log: log)
        reportFinding(log, language)
        for result in written {
            for image in result.images { print(Message.docxImageWritten(image).text(language)) }
            let warnings = log.all.filter { $0.severity == .warning }.count
            print(Message.docxImported(result.paper, warnings: written.count == 1 ? warnings : 0).text(language))
            print(Message.written(result.twin).text(language))
        }
        if !written.isEmpty { print(Message.docxNextSteps.text(language)) }
        if log.hasErrors { throw ExitCode(1) }
    }
}

/// `teilhabe export docx PAGE` (contract section 11): a page as an accessible Word file.
struct ExportDocxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "docx",
        abstract: "Schreibt eine Vorlage, einen Bericht oder eine Seite als Word-Datei.")
    @Argument(help: "vorlagen/<slug>.md, berichte/… oder seiten/…") var page: String
    @Option(help: "Inhaltsordner") var content = "content"
    @Option(help: "Ziel-Datei (Standard: <slug>.docx im aktuellen Ordner)") var output: String?
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let log = DiagnosticLog()
        let written = DocxExport.run(page: page, content: content, output: output, log: log)
        reportFinding(log, languageOption.language)
        guard let written else { throw ExitCode(1) }
        print(Message.docxExported(written).text(languageOption.language))
    }
}
