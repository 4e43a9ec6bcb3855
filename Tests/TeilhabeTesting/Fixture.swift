import Foundation
import XCTest
@_exported import TeilhabeCore
@testable import TeilhabeCore
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeMarkdown
@testable import TeilhabeLoad
@testable import TeilhabeCheck
@testable import TeilhabeRender
@testable import TeilhabeBuild
@testable import TeilhabeServe
@testable import TeilhabeAudit

/// A content project written into a fresh temporary folder, built with the real pipeline.
/// A content folder in a temporary directory, and the helpers every test target shares.
package struct Fixture {
    package let root: URL
    package var content: String { root.appendingPathComponent("content").path }
    package var output: String { root.appendingPathComponent("site").path }

    package init(_ files: [String: String] = Fixture.minimal) throws {
        root = Fixture.temporary("teilhabe-test")
        for (path, text) in files { try write(path, text) }
    }

    package func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    package func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent("content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    package func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent("content").appendingPathComponent(path))
    }

    @discardableResult
    package func build(publikum: Publikum = .oeffentlich, output: String? = nil, theme: String? = nil, pdf: Bool = false,
               cache: Bool = true, log: DiagnosticLog = DiagnosticLog()) -> (Build.Outcome?, DiagnosticLog) {
        var settings = Build.Options(content: content, theme: theme ?? Fixture.builtInOnly, output: output ?? self.output,
                                      publikum: publikum)
        settings.pdf = pdf
        settings.cache = cache
        let resultValue = Build.run(settings, log: log)
        return (resultValue, log)
    }

    /// A fresh path in the temporary folder, removed when the test process ends.
    package static func temporary(_ name: String, suffix: String = "") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)\(suffix)")
        Cleanup.remember(url)
        return url
    }

    /// A theme folder with no files: the built-in theme alone, whatever the working directory holds.
    package static let builtInOnly: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("teilhabe-empty-theme")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    package func page(_ path: String, in folder: String? = nil) throws -> String {
        try String(contentsOfFile: Paths.join(folder ?? output, path), encoding: .utf8)
    }

    /// Every file below a folder with its bytes, by relative path.
    package static func tree(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        for relative in FileIO.disk.listFiles(folder) {
            result[relative] = FileManager.default.contents(atPath: Paths.join(folder, relative))
        }
        return result
    }

    /// Runs the built `teilhabe` binary in `folder`: exit status, stdout, stderr.
    /// `umgebung` nil: this process's environment without the locale, so messages are German (the default)
    /// whatever the developer's LANG says.
    package static func teilhabe(_ arguments: [String], in folder: URL? = nil,
                         environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("teilhabe")
        process.arguments = arguments
        process.environment = environment ?? ProcessInfo.processInfo.environment.filter { !["LC_ALL", "LC_MESSAGES", "LANG"].contains($0.key) }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr is drained on another thread, so a chatty command cannot block on a full pipe.
        final class Buffer: @unchecked Sendable { var payload = Data() }
        let errors = Buffer(), groupName = DispatchGroup()
        let reader = err.fileHandleForReading
        DispatchQueue.global().async(group: groupName) { errors.payload = reader.readDataToEndOfFile() }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        groupName.wait()
        let e = errors.payload
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    package static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shared tools (OParl checker, a11y demo pages): `$SHARED` where set (CI sets it), else
    /// `../shared` beside the package.
    package static let shared: URL = {
        if let pfad = ProcessInfo.processInfo.environment["SHARED"], !pfad.isEmpty { return URL(fileURLWithPath: pfad) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    package static let minimal: [String: String] = [
        "site.yaml": """
        titel: Testamt Inklusion
        traeger: Testkreis
        traeger_artikel: der
        traeger_genitiv: des Testkreises
        amt: A 1 – Testamt
        basis_url: https://www.example.org/inklusion/
        kontakt: {email: test@example.org, telefon: "+49 1 2", anschrift: "Weg 1, 12345 Ort"}
        barrierefreiheit:
          konformitaet: teilweise
          stand: 2026-01-15
          methode: Selbstbewertung
          maengel: ["Alte PDF-Dateien sind nicht barrierefrei."]
          schlichtungsstelle: {name: Schlichtungsstelle BGG, url: "https://www.schlichtungsstelle-bgg.de/"}
        leichte_sprache:
          pflicht: true
        vorlagen:
          pflichtabschnitte: [Sachlage, Rechtslage]
        """,
        "gremien.yaml": """
        - id: sozialausschuss
          name: Ausschuss für Soziales
          kurzname: Sozialausschuss
          name_leicht: Der Sozial·ausschuss
          art: Ausschuss
        """,
        "sitzungen.yaml": """
        - id: 2024-03-05-sozialausschuss
          gremium: sozialausschuss
          beginn: 2024-03-05T17:00
          ende: 2024-03-05T19:00
          ort: Rathaus, Raum 1
          tagesordnung:
            - {top: "1", titel: Eröffnung}
            - {top: "2", vorlage: "2024/0001"}
        """,
        "vorlagen/2024-0001-test.md": """
        ---
        art: Mitteilungsvorlage
        nummer: "2024/0001"
        betreff: Bericht über barrierefreie Spielplätze
        datum: 2024-02-20
        status: oeffentlich
        federfuehrend: A 1 – Testamt
        beratungsfolge:
          - sitzung: 2024-03-05-sozialausschuss
            rolle: Kenntnisnahme
            ergebnis: zur Kenntnis genommen
        anlagen:
          - {titel: Liste der Spielplätze, datei: anlagen/spielplaetze.pdf}
        unterzeichnet: "gez. Muster"
        ---
        ## Sachlage

        Es gibt [einen Bericht](../berichte/lage.md#zahlen) und eine [Anlage](../anlagen/spielplaetze.pdf).

        | Ort | Anzahl |
        |---|---:|
        | Nord | 3 |

        ## Rechtslage

        Keine Besonderheiten.
        """,
        "vorlagen/2024-0001-test.leicht.md": """
        ---
        titel: Spiel·plätze für alle
        ---
        Wir bauen Spiel·plätze ohne Barrieren.
        Alle Kinder können dort spielen.
        """,
        "berichte/lage.md": """
        ---
        titel: Lagebericht Inklusion
        datum: 2024-01-10
        ---
        ## Zahlen

        Zurück zur [Vorlage](../vorlagen/2024-0001-test.md).
        """,
        "berichte/lage.leicht.md": """
        ---
        titel: Bericht in Leichter Sprache
        ---
        Hier stehen Zahlen.
        """,
        "seiten/kontakt.md": """
        ---
        titel: Kontakt
        ---
        Schreiben Sie uns.
        """,
        "anlagen/spielplaetze.pdf": "%PDF-1.4 test attachment with 2000 bytes\n" + String(repeating: "x", count: 1959),
    ]
}

/// Temporary folders of this test run, removed at exit (XCTest ends the process with `exit`).
private enum Cleanup {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: [URL] = []
    private static let registered: Void = {
        atexit { Cleanup.removeAll() }
    }()

    static func remember(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        _ = registered
        paths.append(url)
    }

    private static func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for url in paths { try? FileManager.default.removeItem(at: url) }
    }
}
