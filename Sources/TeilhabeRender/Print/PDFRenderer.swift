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
    let programm: String
    /// The Python interpreter of that installation, which runs the driver.
    let python: String
    package let version: String
    let cache: String
    /// Why the tool cannot be used although `weasyprint` is on the PATH (then no PDF is made).
    var mangel: Message?
    /// Seconds one paper may take; then the tool is stopped and the paper gets no PDF.
    var frist: TimeInterval = 120

    /// nil when no `weasyprint` is on the PATH.
    public static func finden(cache: String, umgebung: [String: String] = ProcessInfo.processInfo.environment) -> PDFRenderer? {
        let ordner = (umgebung["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let programm = ordner.map({ Paths.join($0, "weasyprint") }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { return nil }
        // The tool runs in the cache folder and gets absolute paths: a relative one would count twice.
        let cache = cache.hasPrefix("/") ? cache : Paths.join(FileManager.default.currentDirectoryPath, cache)
        func unbrauchbar(_ grund: Message) -> PDFRenderer {
            PDFRenderer(programm: programm, python: "", version: "unbrauchbar", cache: cache, mangel: grund)
        }
        guard let python = PrintDriver.interpreter(of: programm, path: ordner) else {
            return unbrauchbar(.weasyprintNotPython(programm))
        }
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        guard let treiber = PrintDriver.install(in: cache) else {
            return unbrauchbar(.printDriverNotStored(cache))
        }
        let lauf = ExternalTool.run(python, ["-s", treiber, "--version"],
                                    environment: PrintDriver.environment(sourceDateEpoch: 0, base: umgebung), directory: cache, timeout: 60)
        let version = lauf?.ausgabe.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let lauf, lauf.status == 0, !version.isEmpty else {
            let grund = lauf?.fehler.split(separator: "\n").last.map { Message.verbatim(String($0)) } ?? .interpreterDoesNotStart(python)
            return unbrauchbar(.weasyprintNotLoading(python, reason: grund))
        }
        return PDFRenderer(programm: programm, python: python, version: "WeasyPrint \(version), \(PrintDriver.revision)", cache: cache)
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
    func erzeugen(_ auftraege: [RenderJob], log: DiagnosticLog = DiagnosticLog()) -> (pdfs: [String: Data], fehler: [String: Message]) {
        guard !auftraege.isEmpty else { return ([:], [:]) }
        if let mangel {
            log.warning("PDF", .noPDFs(mangel), at: SourceLocation(file: programm))
            return ([:], [:])
        }
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        guard let treiber = PrintDriver.install(in: cache) else {
            log.warning("PDF", .noPDFs(.printDriverNotStored(cache)),
                        at: SourceLocation(file: cache))
            return ([:], [:])
        }
        let ergebnisse = Parallel.map(auftraege.count) { i in erzeugen(auftraege[i], nummer: i, treiber: treiber) }
        var pdfs: [String: Data] = [:], fehler: [String: Message] = [:]
        for (auftrag, ergebnis) in zip(auftraege, ergebnisse) {
            if let pdf = ergebnis.pdf { pdfs[auftrag.name] = pdf }
            if let meldung = ergebnis.fehler {
                fehler[auftrag.name] = meldung
                log.warning("PDF", .noPDFForPage(meldung), at: SourceLocation(file: auftrag.name))
            }
            melden(auftrag, abgewiesen: ergebnis.abgewiesen, log: log)
        }
        return (pdfs, fehler)
    }

    private func melden(_ auftrag: RenderJob, abgewiesen: [String], log: DiagnosticLog) {
        let ort = SourceLocation(file: auftrag.source.isEmpty ? auftrag.name : auftrag.source)
        for bild in auftrag.refused {
            log.warning("PDF", .printImageLeftOut(String(bild.prefix(200))), at: ort)
        }
        for url in abgewiesen {
            log.warning("PDF", .printAccessRefused(url),
                        at: ort)
        }
    }

    /// One paper: from the cache, or a run of the driver.
    private func erzeugen(_ auftrag: RenderJob, nummer i: Int, treiber: String) -> (pdf: Data?, fehler: Message?, abgewiesen: [String]) {
        let (schluessel, manifest) = eingabe(auftrag)
        let pdf = Paths.join(cache, schluessel + ".pdf")
        if let daten = FileManager.default.contents(atPath: pdf) { return (daten, nil, []) }
        let stamm = Paths.join(cache, "\(schluessel)-\(getpid())-\(i)")
        let html = stamm + ".html", liste = stamm + ".json", temp = stamm + ".pdf.tmp"
        defer { for datei in [html, liste, temp] { try? FileManager.default.removeItem(atPath: datei) } }
        guard FileManager.default.createFile(atPath: html, contents: Data(auftrag.html.utf8)),
              FileManager.default.createFile(atPath: liste, contents: manifest) else {
            return (nil, .printJobNotWritten(cache), [])
        }
        let lauf = ExternalTool.run(python, ["-s", treiber, html, liste, schluessel, temp],
                                    environment: PrintDriver.environment(sourceDateEpoch: auftrag.sourceDateEpoch),
                                    directory: cache, timeout: frist)
        let abgewiesen = (lauf?.fehler ?? "").split(separator: "\n")
            .filter { $0.hasPrefix(PrintDriver.refusedPrefix) }.map { String($0.dropFirst(PrintDriver.refusedPrefix.count)) }
        guard let lauf, !lauf.timedOut, lauf.status == 0,
              FileManager.default.contents(atPath: temp)?.starts(with: Array("%PDF-".utf8)) == true,
              rename(temp, pdf) == 0, let daten = FileManager.default.contents(atPath: pdf) else {
            let meldung = lauf.map { $0.timedOut ? Message.weasyprintTimeout(seconds: Int(frist))
                : $0.fehler.split(separator: "\n").last(where: { !$0.hasPrefix(PrintDriver.refusedPrefix) }).map { Message.verbatim(String($0)) }
                    ?? .weasyprintNoPDF(status: $0.status) }
            return (nil, meldung ?? .weasyprintDidNotRun, abgewiesen)
        }
        return (daten, nil, abgewiesen)
    }

    /// The cache key (SHA-256 of everything the PDF's bytes follow from) and the driver's list of
    /// files, each with the SHA-256 of the bytes it must still have.
    private func eingabe(_ auftrag: RenderJob) -> (schluessel: String, manifest: Data) {
        var text = "teilhabe-pdf\n\(version)\n\(auftrag.sourceDateEpoch)\n"
        var eintraege: [String: [String: String]] = [:]
        for (url, pfad) in auftrag.files.sorted(by: { $0.key < $1.key }) {
            guard let bytes = FileManager.default.contents(atPath: pfad) else { text += "\(url) -\n"; continue }
            let summe = SHA256.hex(bytes)
            eintraege[url] = ["path": pfad, "sha256": summe]
            text += "\(url) \(summe)\n"
        }
        let schluessel = SHA256.hex(Array((text + auftrag.html).utf8))
        let manifest: [String: Any] = ["root": auftrag.root ?? "", "files": eintraege]
        let daten = (try? JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])) ?? Data("{}".utf8)
        return (schluessel, daten)
    }

    /// The tool's output as text (kept for callers that run other programs the same way).
    static func ausfuehren(_ programm: String, _ argumente: [String],
                           frist: TimeInterval = 120) -> (status: Int32, ausgabe: String, fehler: String)? {
        guard let lauf = ExternalTool.run(programm, argumente, timeout: frist) else { return nil }
        return (lauf.status, lauf.ausgabe, lauf.fehler)
    }
}
