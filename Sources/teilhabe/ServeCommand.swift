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
    @OptionGroup var languageOption: LanguageOption

    func run() throws {
        let language = languageOption.language
        let server = Server(rootPath: output, port: port, language: language)
        var settings = Build.Options(content: content, theme: theme, output: output)
        settings.pdf = false
        settings.leichteSprache = false
        settings.showDrafts = true   // the preview shows drafts, each with its banner (contract section 10)
        let preview = Preview(settings)
        func buildSite() {
            let log = DiagnosticLog()
            let start = Date()
            let resultValue = preview.buildSite(log: log)
            reportFinding(log, language)
            if let resultValue {
                server.rebuilt(errors: nil, changed: resultValue.changed)
                say(Message.serveRebuilt(milliseconds: milliseconds(since: start)).text(language))
            } else {
                let errors = log.all.filter { $0.severity == .error }
                server.rebuilt(errors: errors.map { $0.formatted(language) }.joined(separator: "\n"))
                printErrors(.serveBuildFailed, language)
            }
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        buildSite()
        do { try server.launch() } catch {
            printErrors(.serveCannotStart(port: port, reason: "\(error.localizedDescription)"), language)
            throw ExitCode(1)
        }
        say(Message.serveListening(port: server.port).text(language))
        let watcher = Watcher(folderPath: [content, Build.themeFolder(theme) ?? content].uniqued())
        while true {
            guard let fileList = watcher.awaitEvent(seconds: 3600) else { continue }
            // The open pages first, from the saved file alone; then the whole site.
            let start = Date()
            if let upfront = preview.prefer(fileList, isOpen: server.openPageCount), !upfront.isEmpty {
                server.rebuilt(errors: nil, changed: upfront)
                say(Message.serveOpenPagesRemade(upfront.count, milliseconds: milliseconds(since: start)).text(language))
            }
            buildSite()
        }
    }
}

private func milliseconds(since start: Date) -> Int { Int(Date().timeIntervalSince(start) * 1000) }

/// Unbuffered, so that the messages appear at once also when the output is piped.
private func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
