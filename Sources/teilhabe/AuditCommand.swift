import ArgumentParser
import Foundation
import TeilhabeCore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Prüft jede Seite mit axe-core in Chromium und dem Nu HTML Checker (WCAG 2.2 AA, BITV 2.0).")

    @Argument(help: "Ordner der gebauten Website") var site = "site"
    @Option(help: "Bericht als JSON in diese Datei") var json: String?
    @Option(help: "Höchstens so viele Seiten (gleichmäßig verteilt)") var maxPages: Int?
    @Option(help: "Sekunden für das Laden einer Seite") var pageTimeout = 30
    @OptionGroup var sprache: LanguageOption

    func run() throws {
        let language = sprache.language
        let werkzeuge: Audit.AuditTools
        switch Audit.werkzeuge() {
        case let .success(w): werkzeuge = w
        case let .failure(f):
            fehlerAusgeben(.verbatim("teilhabe audit: error: ") + f.message, language)
            throw ExitCode(2)
        }
        // Ctrl-C and kill end the browser and the checker too (the sources live as long as the run).
        let signalQuellen = [SIGINT, SIGTERM].map { signal in
            Glibc.signal(signal, SIG_IGN)
            let quelle = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            quelle.setEventHandler { Cleanup.beenden(); Glibc.exit(130) }
            quelle.resume()
            return quelle
        }
        defer { withExtendedLifetime(signalQuellen) {} }
        let terminal = isatty(STDERR_FILENO) == 1
        let (ergebnisse, versionen, sekunden) = try Audit.laufen(site, werkzeuge: werkzeuge, hoechstens: maxPages,
                                                                 zeitlimit: pageTimeout, language: language) { n, gesamt in
            if terminal { FileHandle.standardError.write(Data("\r  \(Message.auditProgress(n, gesamt).text(language))\u{1B}[K".utf8)) }
        }
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if let json { try Audit.json(ergebnisse, versionen: versionen).write(to: URL(fileURLWithPath: json)) }
        print(Audit.text(ergebnisse, versionen: versionen, sekunden: sekunden, language: language), terminator: "")
        if ergebnisse.contains(where: { !$0.bestanden }) { throw ExitCode(1) }
    }
}

