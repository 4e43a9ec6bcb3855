import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild
import TeilhabeServe

/// The Nu HTML Checker (vnu.jar) over all pages in one JVM, started before the browser so that both
/// run at the same time.
public final class Vnu: Sendable {
    public struct Message: Sendable {
        public var zeile: Int?
        public var spalte: Int?
        public var text: String
    }

    private let prozess = Process()
    private let ausgabe = Pipe()
    /// The checker's report, read to its end on another thread (it may not fit a pipe's buffer).
    private let daten: BackgroundTask<Data>
    let seiten: [String]
    let wurzel: String

    init(java: String, jar: String, wurzel: String, seiten: [String]) throws {
        self.wurzel = wurzel
        self.seiten = seiten
        prozess.executableURL = URL(fileURLWithPath: java)
        prozess.arguments = ["-XX:-UsePerfData", "-Xss4m", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always"]
            + seiten.map { Paths.join(wurzel, $0) }
        prozess.standardOutput = ausgabe
        prozess.standardError = FileHandle.nullDevice
        try prozess.run()
        Cleanup.merken(prozess.processIdentifier)
        let leser = ausgabe.fileHandleForReading, prozess = prozess
        daten = BackgroundTask {
            let daten = leser.readDataToEndOfFile()
            prozess.waitUntilExit()
            return daten
        }
    }

    /// Errors per page (relative path), after waiting for the checker.
    func ergebnisse() throws -> [String: [Message]] {
        guard let json = try? JSONSerialization.jsonObject(with: daten.wert) as? [String: Any],
              let meldungen = json["messages"] as? [[String: Any]] else {
            throw Browser.Failure(message: .auditNoVnuResult(exit: prozess.terminationStatus))
        }
        let absolut = Dictionary(uniqueKeysWithValues: seiten.map {
            (URL(fileURLWithPath: Paths.join(wurzel, $0)).standardizedFileURL.path, $0)
        })
        var ergebnis = Dictionary(uniqueKeysWithValues: seiten.map { ($0, [Message]()) })
        for m in meldungen where ["error", "non-document-error"].contains(m["type"] as? String ?? "") {
            let url = (m["url"] as? String).flatMap { URL(string: $0)?.path.removingPercentEncoding }
            let seite = url.flatMap { absolut[URL(fileURLWithPath: $0).standardizedFileURL.path] } ?? seiten.first ?? "?"
            ergebnis[seite, default: []].append(Message(zeile: m["lastLine"] as? Int ?? m["firstLine"] as? Int,
                                                        spalte: m["firstColumn"] as? Int, text: m["message"] as? String ?? ""))
        }
        return ergebnis
    }
}
