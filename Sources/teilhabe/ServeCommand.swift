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

    func run() throws {
        let server = Server(wurzel: output, port: port)
        func bauen() {
            let log = DiagnosticLog()
            let start = Date()
            var optionen = Build.Optionen(content: content, theme: theme, output: output)
            optionen.pdf = false
            optionen.leichteSprache = false
            let ergebnis = Build.run(optionen, log: log)
            let fehler = log.all.filter { $0.severity == .error }
            melden(log)
            if ergebnis == nil {
                server.neugebaut(fehler: fehler.map(\.formatted).joined(separator: "\n"))
                FileHandle.standardError.write(Data("teilhabe serve: build failed; the browser shows the errors\n".utf8))
            } else {
                server.neugebaut(fehler: nil)
                sagen("teilhabe serve: rebuilt in \(Int(Date().timeIntervalSince(start) * 1000)) ms")
            }
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        bauen()
        try server.starten()
        sagen("teilhabe serve: http://127.0.0.1:\(server.port)/ (Ctrl-C beendet)")
        var beobachter = Beobachter(ordner: [content, Build.themeOrdner(theme) ?? content].uniqued())
        while true {
            Thread.sleep(forTimeInterval: 0.15)
            if beobachter.geaendert() { bauen() }
        }
    }
}

/// Unbuffered, so that the messages appear at once also when the output is piped.
private func sagen(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var gesehen = Set<Element>()
        return filter { gesehen.insert($0).inserted }
    }
}
