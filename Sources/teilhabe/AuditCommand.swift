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
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        let auditTools: Audit.AuditTools
        switch Audit.auditTools() {
        case let .success(w): auditTools = w
        case let .failure(f):
            printErrors(.verbatim("teilhabe audit: error: ") + f.message, language)
            throw ExitCode(2)
        }
        // Ctrl-C and kill end the browser and the checker too (the sources live as long as the run).
        let signalSources = [SIGINT, SIGTERM].map { signal in
            Glibc.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler { Cleanup.shutDown(); Glibc.exit(130) }
            source.resume()
            return source
        }
        defer { withExtendedLifetime(signalSources) {} }
        let terminal = isatty(STDERR_FILENO) == 1
        let (results, versions, seconds) = try Audit.runAudit(site, auditTools: auditTools, atMost: maxPages,
                                                                 timeout: pageTimeout, language: language) { n, total in
            if terminal { FileHandle.standardError.write(Data("\r  \(Message.auditProgress(n, total).text(language))\u{1B}[K".utf8)) }
        }
        if terminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if let json { try Audit.json(results, versions: versions).write(to: URL(fileURLWithPath: json)) }
        print(Audit.text(results, versions: versions, seconds: seconds, language: language), terminator: "")
        if results.contains(where: { !$0.hasPassed }) { throw ExitCode(1) }
    }
}

