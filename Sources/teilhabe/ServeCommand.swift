import ArgumentParser
import Foundation
import TeilhabeCore

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Baut die Website, zeigt sie auf 127.0.0.1 und baut bei jeder Änderung neu (Seite lädt neu).")

    @Option(help: "Inhaltsordner") var content = "content"
    @Option(help: "Theme-Ordner") var theme: String?
    @Option(help: "Port auf 127.0.0.1 (0: ein freier)") var port: UInt16 = 8080
    @Option(help: "Ordner für die Vorschau") var output = ".teilhabe-cache/vorschau"
    @OptionGroup var sprache: LanguageOption

    func run() throws {
        let language = sprache.language
        let server = Server(wurzel: output, port: port, language: language)
        var optionen = Build.Options(content: content, theme: theme, output: output)
        optionen.pdf = false
        optionen.leichteSprache = false
        optionen.showDrafts = true   // the preview shows drafts, each with its banner (contract section 10)
        let vorschau = Preview(optionen)
        func bauen() {
            let log = DiagnosticLog()
            let start = Date()
            let ergebnis = vorschau.bauen(log: log)
            melden(log, language)
            if let ergebnis {
                server.neugebaut(fehler: nil, geaendert: ergebnis.geaendert)
                sagen(Message.serveRebuilt(milliseconds: millisekunden(seit: start)).text(language))
            } else {
                let fehler = log.all.filter { $0.severity == .error }
                server.neugebaut(fehler: fehler.map { $0.formatted(language) }.joined(separator: "\n"))
                fehlerAusgeben(.serveBuildFailed, language)
            }
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        bauen()
        do { try server.starten() } catch {
            fehlerAusgeben(.serveCannotStart(port: port, reason: "\(error.localizedDescription)"), language)
            throw ExitCode(1)
        }
        sagen(Message.serveListening(port: server.port).text(language))
        let beobachter = Watcher(ordner: [content, Build.themeOrdner(theme) ?? content].uniqued())
        while true {
            guard let dateien = beobachter.warten(sekunden: 3600) else { continue }
            // The open pages first, from the saved file alone; then the whole site.
            let start = Date()
            if let vorab = vorschau.vorziehen(dateien, offen: server.offeneSeiten), !vorab.isEmpty {
                server.neugebaut(fehler: nil, geaendert: vorab)
                sagen(Message.serveOpenPagesRemade(vorab.count, milliseconds: millisekunden(seit: start)).text(language))
            }
            bauen()
        }
    }
}

private func millisekunden(seit start: Date) -> Int { Int(Date().timeIntervalSince(start) * 1000) }

/// Unbuffered, so that the messages appear at once also when the output is piped.
private func sagen(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var gesehen = Set<Element>()
        return filter { gesehen.insert($0).inserted }
    }
}
