import Foundation

/// Turns print HTML into tagged PDF/UA files with WeasyPrint, when `weasyprint` is on the PATH.
/// Each PDF is cached under its input's SHA-256 (with WeasyPrint's version), so only changed
/// papers cost a run (about a second each); several run at once.
public struct PDFErzeuger: Sendable {
    let programm: String
    let version: String
    let cache: String

    /// nil when no `weasyprint` is on the PATH.
    public static func finden(cache: String, umgebung: [String: String] = ProcessInfo.processInfo.environment) -> PDFErzeuger? {
        let ordner = (umgebung["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let programm = ordner.map({ Paths.join($0, "weasyprint") }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
              let version = ausfuehren(programm, ["--version"])?.ausgabe.trimmingCharacters(in: .whitespacesAndNewlines)
        else { return nil }
        return PDFErzeuger(programm: programm, version: version, cache: cache)
    }

    public struct Auftrag: Sendable {
        var name: String
        var html: String
    }

    /// PDFs by job name; failures come back as messages.
    func erzeugen(_ auftraege: [Auftrag]) -> (pdfs: [String: Data], fehler: [String: String]) {
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        final class Ergebnisse: @unchecked Sendable {
            let lock = NSLock()
            var pdfs: [String: Data] = [:]
            var fehler: [String: String] = [:]
        }
        let ergebnisse = Ergebnisse()
        DispatchQueue.concurrentPerform(iterations: auftraege.count) { i in
            let auftrag = auftraege[i]
            let schluessel = SHA256.hex(Array((version + "\n" + auftrag.html).utf8))
            let pdf = Paths.join(cache, schluessel + ".pdf")
            var daten = FileManager.default.contents(atPath: pdf)
            var meldung: String?
            if daten == nil {
                let html = Paths.join(cache, schluessel + ".html")
                let temp = pdf + ".tmp-\(i)"
                _ = FileManager.default.createFile(atPath: html, contents: Data(auftrag.html.utf8))
                let lauf = PDFErzeuger.ausfuehren(programm, ["--pdf-variant", "pdf/ua-1", "--pdf-identifier", schluessel,
                                                             "--presentational-hints", html, temp])
                try? FileManager.default.removeItem(atPath: html)
                if lauf?.status == 0, rename(temp, pdf) == 0 {
                    daten = FileManager.default.contents(atPath: pdf)
                } else {
                    try? FileManager.default.removeItem(atPath: temp)
                    meldung = lauf?.fehler.split(separator: "\n").last.map(String.init) ?? "weasyprint did not run"
                }
            }
            ergebnisse.lock.lock()
            if let daten { ergebnisse.pdfs[auftrag.name] = daten }
            if let meldung { ergebnisse.fehler[auftrag.name] = meldung }
            ergebnisse.lock.unlock()
        }
        return (ergebnisse.pdfs, ergebnisse.fehler)
    }

    static func ausfuehren(_ programm: String, _ argumente: [String]) -> (status: Int32, ausgabe: String, fehler: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: programm)
        process.arguments = argumente
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        guard (try? process.run()) != nil else { return nil }
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
