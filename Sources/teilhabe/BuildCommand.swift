import ArgumentParser
import Foundation
import TeilhabeCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Baut die Website aus dem Inhaltsordner.")

    @Option(help: "Inhaltsordner") var content = "content"
    @Option(help: "Theme-Ordner, der das eingebaute Theme Datei für Datei überschreibt") var theme: String?
    @Option(help: "Ausgabeordner") var output = "site"
    @Option(help: "oeffentlich (Standard) oder gremium (mit nichtöffentlichen Vorlagen)") var publikum = Publikum.oeffentlich
    @Flag(help: "Keine PDF-Fassungen der Vorlagen erzeugen") var ohnePdf = false
    @Flag(help: "Frühere Arbeit aus .teilhabe-cache/ nicht wiederverwenden (alles neu berechnen)") var ohneCache = false
    @Flag(help: "Nur Fehler ausgeben") var quiet = false

    func run() throws {
        let log = DiagnosticLog()
        let start = Date()
        var optionen = Build.Options(content: content, theme: theme, output: output, publikum: publikum)
        optionen.pdf = !ohnePdf
        optionen.cache = !ohneCache
        let terminal = isatty(STDERR_FILENO) == 1
        if terminal, !quiet {
            optionen.fortschritt = BuildProgress { fertig, gesamt in
                FileHandle.standardError.write(Data("\r  Seiten: \(fertig) von \(gesamt)\u{1B}[K".utf8))
            }
        }
        let ergebnis = Build.run(optionen, log: log)
        if terminal, !quiet { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        melden(log, nurFehler: quiet)
        guard let ergebnis else {
            let unvollstaendig = log.all.contains { $0.rule == Build.ausgabeUnvollstaendig }
            let stand = unvollstaendig ? "\(output)/ ist unvollständig – bitte den Build wiederholen" : "\(output)/ ist unverändert"
            FileHandle.standardError.write(Data("teilhabe: Build fehlgeschlagen mit \(log.errorCount) Fehler(n); \(stand)\n".utf8))
            throw ExitCode(1)
        }
        if !quiet {
            let b = ergebnis.bilanz
            let ms = Int(Date().timeIntervalSince(start) * 1000)
            print("teilhabe: \(ergebnis.seiten) pages, \(ergebnis.dateien) files in \(output)/ "
                  + "(\(b.geschrieben) written, \(b.unveraendert) unchanged, \(b.entfernt) removed), "
                  + "search index \(Formatting.groesse(ergebnis.suchindex)), \(log.warningCount) warning(s), \(ms) ms")
            print("Leichte Sprache: \(Finding.zusammenfassung(ergebnis.leichteSprache))"
                  + (ergebnis.leichteSprache.isEmpty ? "" : " (details: teilhabe check)"))
        }
    }
}
