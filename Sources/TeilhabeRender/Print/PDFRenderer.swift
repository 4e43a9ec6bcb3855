import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// Turns print HTML into tagged PDF/UA files with WeasyPrint, when `weasyprint` is on the PATH.
/// WeasyPrint runs through its Python API (`PrintDriver`), with a URL fetcher that serves only the
/// listed files of the content folder: no other file, no network. Each PDF is cached under the
/// SHA-256 of everything its bytes follow from (HTML, listed files, date, WeasyPrint's version and
/// the driver), so only changed papers cost a run (about a second each); several run at once.
public struct PDFRenderer: Sendable {
    /// The `weasyprint` command found on the PATH.
    let program: String
    /// The Python interpreter of that installation, which runs the driver.
    let python: String
    package let version: String
    let cache: String
    /// Why the tool cannot be used although `weasyprint` is on the PATH (then no PDF is made).
    var problem: Message?
    /// Seconds one paper may take; then the tool is stopped and the paper gets no PDF.
    var deadline: TimeInterval = 120

    /// nil when no `weasyprint` is on the PATH.
    public static func find(cache: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFRenderer? {
        let folderPath = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let program = folderPath.map({ Paths.join($0, "weasyprint") }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        // The tool runs in the cache folder and gets absolute paths: a relative one would count twice.
        let cache = cache.hasPrefix("/") ? cache : Paths.join(FileManager.default.currentDirectoryPath, cache)
        func unusable(_ reason: Message) -> PDFRenderer {
            PDFRenderer(program: program, python: "", version: "unbrauchbar", cache: cache, problem: reason)
        }
        guard let python = PrintDriver.interpreter(of: program, path: folderPath) else {
            return unusable(.weasyprintNotPython(program))
        }
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        guard let driver = PrintDriver.install(in: cache) else {
            return unusable(.printDriverNotStored(cache))
        }
        let run = ExternalTool.run(python, ["-s", driver, "--version"],
                                    environment: PrintDriver.environment(sourceDateEpoch: 0, base: environment), directory: cache, timeout: 60)
        let version = run?.outputPath.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let run, run.status == 0, !version.isEmpty else {
            let reason = run?.errors.split(separator: "\n").last.map { Message.verbatim(String($0)) } ?? .interpreterDoesNotStart(python)
            return unusable(.weasyprintNotLoading(python, reason: reason))
        }
        return PDFRenderer(program: program, python: python, version: "WeasyPrint \(version), \(PrintDriver.revision)", cache: cache)
    }

    public struct RenderJob: Sendable {
        var name: String
        var html: String
        /// `teilhabe:` URL → real path of a published file, as checked by `PrintFiles`.
        var files: [String: String] = [:]
        /// The real path of the content folder: the driver serves no file outside it.
        var root: String?
        /// The time the tool sees as now (`SOURCE_DATE_EPOCH`).
        var sourceDateEpoch = 0
        /// The Markdown file the paper comes from, for messages.
        var source: String = ""
        /// Image sources left out of the print HTML.
        var refused: [String] = []
    }

    /// PDFs by job name; failures come back as messages. Failures, and everything left out of a
    /// PDF, are logged as warnings.
    func generate(_ jobs: [RenderJob], log: DiagnosticLog = DiagnosticLog()) -> (pdfs: [String: Data], errors: [String: Message]) {
        guard !jobs.isEmpty else { return ([:], [:]) }
        if let problem {
            log.warning("PDF", .noPDFs(problem), at: SourceLocation(file: program))
            return ([:], [:])
        }
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        guard let driver = PrintDriver.install(in: cache) else {
            log.warning("PDF", .noPDFs(.printDriverNotStored(cache)),
                        at: SourceLocation(file: cache))
            return ([:], [:])
        }
        let results = Parallel.map(jobs.count) { i in generate(jobs[i], number: i, driver: driver) }
        var pdfs: [String: Data] = [:], errors: [String: Message] = [:]
        for (job, resultValue) in zip(jobs, results) {
            if let pdf = resultValue.pdf { pdfs[job.name] = pdf }
            if let messageText = resultValue.errors {
                errors[job.name] = messageText
                log.warning("PDF", .noPDFForPage(messageText), at: SourceLocation(file: job.name))
            }
            reportFinding(job, refusedImages: resultValue.refusedImages, log: log)
        }
        return (pdfs, errors)
    }

    private func reportFinding(_ job: RenderJob, refusedImages: [String], log: DiagnosticLog) {
        let place = SourceLocation(file: job.source.isEmpty ? job.name : job.source)
        for image in job.refused {
            log.warning("PDF", .printImageLeftOut(String(image.prefix(200))), at: place)
        }
        for url in refusedImages {
            log.warning("PDF", .printAccessRefused(url),
                        at: place)
        }
    }

    /// One paper: from the cache, or a run of the driver.
    private func generate(_ job: RenderJob, number i: Int, driver: String) -> (pdf: Data?, errors: Message?, refusedImages: [String]) {
        let (cacheKey, manifest) = input(job)
        let pdf = Paths.join(cache, cacheKey + ".pdf")
        if let payload = FileManager.default.contents(atPath: pdf) { return (payload, nil, []) }
        let stem = Paths.join(cache, "\(cacheKey)-\(getpid())-\(i)")
        let html = stem + ".html", list = stem + ".json", temp = stem + ".pdf.tmp"
        defer { for filePath in [html, list, temp] { try? FileManager.default.removeItem(atPath: filePath) } }
        guard FileManager.default.createFile(atPath: html, contents: Data(job.html.utf8)),
              FileManager.default.createFile(atPath: list, contents: manifest) else {
            return (nil, .printJobNotWritten(cache), [])
        }
        let run = ExternalTool.run(python, ["-s", driver, html, list, cacheKey, temp],
                                    environment: PrintDriver.environment(sourceDateEpoch: job.sourceDateEpoch),
                                    directory: cache, timeout: deadline)
        let refusedImages = (run?.errors ?? "").split(separator: "\n")
            .filter { $0.hasPrefix(PrintDriver.refusedPrefix) }.map { String($0.dropFirst(PrintDriver.refusedPrefix.count)) }
        guard let run, !run.timedOut, run.status == 0,
              FileManager.default.contents(atPath: temp)?.starts(with: Array("%PDF-".utf8)) == true,
              rename(temp, pdf) == 0, let payload = FileManager.default.contents(atPath: pdf) else {
            let messageText = run.map { $0.timedOut ? Message.weasyprintTimeout(seconds: Int(deadline))
                : $0.errors.split(separator: "\n").last(where: { !$0.hasPrefix(PrintDriver.refusedPrefix) }).map { Message.verbatim(String($0)) }
                    ?? .weasyprintNoPDF(status: $0.status) }
            return (nil, messageText ?? .weasyprintDidNotRun, refusedImages)
        }
        return (payload, nil, refusedImages)
    }

    /// The cache key (SHA-256 of everything the PDF's bytes follow from) and the driver's list of
    /// files, each with the SHA-256 of the bytes it must still have.
    private func input(_ job: RenderJob) -> (cacheKey: String, manifest: Data) {
        var text = "teilhabe-pdf\n\(version)\n\(job.sourceDateEpoch)\n"
        var entries: [String: [String: String]] = [:]
        for (url, localPath) in job.files.sorted(by: { $0.key < $1.key }) {
            guard let bytes = FileManager.default.contents(atPath: localPath) else { text += "\(url) -\n"; continue }
            let checksum = SHA256.hex(bytes)
            entries[url] = ["path": localPath, "sha256": checksum]
            text += "\(url) \(checksum)\n"
        }
        let cacheKey = SHA256.hex(Array((text + job.html).utf8))
        let manifest: [String: Any] = ["root": job.root ?? "", "files": entries]
        let payload = (try? JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])) ?? Data("{}".utf8)
        return (cacheKey, payload)
    }

    /// The tool's output as text (kept for callers that run other programs the same way).
    static func execute(_ program: String, _ arguments: [String],
                           deadline: TimeInterval = 120) -> (status: Int32, outputPath: String, errors: String)? {
        guard let run = ExternalTool.run(program, arguments, timeout: deadline) else { return nil }
        return (run.status, run.outputPath, run.errors)
    }
}
