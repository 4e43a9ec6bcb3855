import ArgumentParser
import Foundation
import Synchronization
import TeilhabeCore

/// `teilhabe import oparl URL` (contract section 11): committees, meetings and papers from a council
/// information system's OParl API into the content folder.
struct ImportOParlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "oparl",
        abstract: "Übernimmt Gremien, Sitzungen und Vorlagen von einem OParl-Server (System- oder Body-URL).")
    @Argument(help: "System- oder Body-URL des OParl-Servers") var url: String
    @Option(help: "Inhaltsordner") var content = "content"
    @Option(help: "Körperschaft (Body), wenn der Server mehrere hat: ihre Kennung oder ihr Name") var body: String?
    @Option(name: .customLong("seit"), help: "Nur Änderungen seit diesem Tag (JJJJ-MM-TT)") var sinceDay: String?
    @Flag(help: "Nur anzeigen, was sich ändern würde; nichts schreiben") var dryRun = false
    @OptionGroup var languageOption: LanguageOption

    func validate() throws {
        if let sinceDay, CalendarDay(sinceDay) == nil { throw ValidationError(Message.notADate("--seit", sinceDay).text(languageOption.language)) }
    }

    func run() throws {
        let language = languageOption.language
        var importer = OParlImport(url: url, content: content)
        importer.body = body
        importer.sinceDay = sinceDay.flatMap(CalendarDay.init)
        importer.dryRun = dryRun
        if isatty(STDERR_FILENO) == 1 {
            importer.progress = { m in FileHandle.standardError.write(Data(("\r\u{1B}[K" + m.text(language)).utf8)) }
        }
        let log = DiagnosticLog()
        let configured = importer
        let summary = wait { await configured.run(log: log) }
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        reportFinding(log, language)
        guard let summary else { throw ExitCode(1) }
        report(summary, language)
        // A file that could not be written safely (a link on the way, a full disk) was reported above.
        if log.hasErrors { throw ExitCode(1) }
    }

    private func report(_ s: OParlImport.Summary, _ language: Language) {
        if let since = s.since { print(Message.oparlSince(since).text(language)) }
        if dryRun {
            for (kind, paths) in [("neu", s.created), ("geaendert", s.changed), ("entfernt", s.removed), ("konflikt", s.conflicts)] {
                for p in paths { print(Message.oparlPlanned(kind, p).text(language)) }
            }
        }
        print(Message.oparlSummary(gremien: s.gremien, sitzungen: s.sitzungen, vorlagen: s.vorlagen, anlagen: s.anlagen,
                                   created: s.created.count, changed: s.changed.count, removed: s.removed.count,
                                   unchanged: s.unchanged.count, conflicts: s.conflicts.count, dryRun: dryRun).text(language))
        if !s.missingTwins.isEmpty { print(Message.oparlMissingTwins(s.missingTwins).text(language)) }
        if !s.conflicts.isEmpty { printErrors(Message.oparlConflictsWarning(s.conflicts.count), language) }
    }
}

/// Runs async work from the synchronous command and waits for it.
private func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>(), done = DispatchSemaphore(value: 0)
    Task { let r = await work(); box.value.withLock { $0 = r }; done.signal() }
    done.wait()
    return box.value.withLock { $0! }
}

private final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}
