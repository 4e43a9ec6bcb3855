import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild
import TeilhabeServe

/// `teilhabe audit`: every page of a built site in headless Chromium with axe-core (WCAG 2.2 AA
/// and best practice) and through the Nu HTML Checker. A page passes with no axe violation and no
/// vnu error.
public enum Audit {
    public struct AuditTools: Sendable {
        public var chromium: String
        public var chromedriver: String
        public var java: String
        public var axe: String
        public var vnu: String
    }

    /// The tools, or a message that says exactly what is missing and how to install it.
    public static func werkzeuge(umgebung: [String: String] = ProcessInfo.processInfo.environment) -> Result<AuditTools, Browser.Failure> {
        func suchen(_ name: String) -> String? {
            (umgebung["PATH"] ?? "/usr/bin").split(separator: ":").map { Paths.join(String($0), name) }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        let ordner = Paths.join(umgebung["TEILHABE_TOOLS"] ?? Paths.join(umgebung["XDG_CACHE_HOME"]
            ?? Paths.join(umgebung["HOME"] ?? "/root", ".cache"), "teilhabe-tools"), "audit")
        let gefunden: [(String, String?)] = [
            ("chromium (Debian package chromium)", umgebung["CHROMIUM_BIN"] ?? suchen("chromium")),
            ("chromedriver (Debian package chromium-driver)", suchen("chromedriver")),
            ("java (Debian package openjdk-17-jre-headless)", umgebung["JAVA"] ?? suchen("java")),
            ("axe.min.js in \(ordner)", FileManager.default.fileExists(atPath: Paths.join(ordner, "axe.min.js")) ? Paths.join(ordner, "axe.min.js") : nil),
            ("vnu.jar in \(ordner)", FileManager.default.fileExists(atPath: Paths.join(ordner, "vnu.jar")) ? Paths.join(ordner, "vnu.jar") : nil),
        ]
        let fehlend = gefunden.filter { $0.1 == nil }.map(\.0)
        guard fehlend.isEmpty else {
            return .failure(Browser.Failure(message: .auditToolsMissing(fehlend)))
        }
        let p = gefunden.map { $0.1! }
        return .success(AuditTools(chromium: p[0], chromedriver: p[1], java: p[2], axe: p[3], vnu: p[4]))
    }

    public struct PageResult: Sendable {
        public var seite: String
        public var axe: [[String: String]] = []          // id, impact, help, helpUrl, target
        public var vnu: [Vnu.Message] = []
        public var fehler: String?
        public var bestanden: Bool { axe.isEmpty && vnu.isEmpty && fehler == nil }
    }

    /// All HTML pages, sorted; with `hoechstens` an evenly spaced, deterministic sample.
    public static func seiten(_ wurzel: String, hoechstens: Int?) -> [String] {
        let alle = FileIO.disk.listFiles(wurzel).filter { $0.hasSuffix(".html") }.sorted()
        guard let n = hoechstens, n < alle.count, n > 0 else { return alle }
        return (0..<n).map { alle[$0 * alle.count / n] }
    }

    public static func laufen(_ wurzel: String, werkzeuge w: AuditTools, hoechstens: Int?, zeitlimit: Int = 30, language: Language = .de,
                              fortschritt: @escaping (Int, Int) -> Void = { _, _ in }) throws -> (ergebnisse: [PageResult], versionen: String, sekundenJeSeite: Double) {
        let seiten = seiten(wurzel, hoechstens: hoechstens)
        let server = Server(wurzel: wurzel, port: 0)
        server.neuladen = false
        try server.starten()
        defer { server.beenden() }
        let arbeitsordner = FileManager.default.temporaryDirectory.appendingPathComponent("teilhabe-audit-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: arbeitsordner, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: arbeitsordner) }
        // Whatever happens below, no browser, driver or JVM outlives the run.
        defer { Cleanup.alles() }
        let vnu = try Vnu(java: w.java, jar: w.vnu, wurzel: wurzel, seiten: seiten)
        let axe = try String(contentsOfFile: w.axe, encoding: .utf8)
        var browser = try Browser(chromium: w.chromium, chromedriver: w.chromedriver, axe: axe, zeitlimit: zeitlimit,
                                  arbeitsordner: arbeitsordner)
        defer { browser.beenden() }
        let start = Date()
        var ergebnisse: [PageResult] = []
        var axeVersion = ""
        for (n, seite) in seiten.enumerated() {
            var e = PageResult(seite: seite)
            let pfad = seite.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
            do {
                let r = try browser.check("http://127.0.0.1:\(server.port)/" + pfad.joined(separator: "/"))
                axeVersion = r["axeVersion"] as? String ?? axeVersion
                if let meldung = r["error"] as? String { e.fehler = meldung }
                for v in r["violations"] as? [[String: Any]] ?? [] {
                    let knoten = v["nodes"] as? [[String: Any]] ?? []
                    e.axe.append(["id": v["id"] as? String ?? "", "impact": v["impact"] as? String ?? "",
                                  "help": v["help"] as? String ?? "", "helpUrl": v["helpUrl"] as? String ?? "",
                                  "target": (knoten.first?["target"] as? String ?? "") + (knoten.count > 1 ? Message.auditMoreNodes(knoten.count - 1).text(language) : ""),
                                  "nodes": String(knoten.count)])
                }
            } catch {
                // A page that hangs or crashes the browser is reported; the run goes on with a fresh browser.
                e.fehler = Message.of(error).text(language)
                browser.beenden()
                browser = try Browser(chromium: w.chromium, chromedriver: w.chromedriver, axe: axe, zeitlimit: zeitlimit,
                                      arbeitsordner: arbeitsordner)
            }
            ergebnisse.append(e)
            fortschritt(n + 1, seiten.count)
        }
        let vnuErgebnisse = try vnu.ergebnisse()
        for i in ergebnisse.indices { ergebnisse[i].vnu = vnuErgebnisse[ergebnisse[i].seite] ?? [] }
        let versionen = "axe-core \(axeVersion), Chromium \(browser.version), vnu.jar"
        return (ergebnisse, versionen, seiten.isEmpty ? 0 : Date().timeIntervalSince(start) / Double(seiten.count))
    }

    /// The report as text: findings per failed page, a summary, and `N passed, M failed` last.
    public static func text(_ ergebnisse: [PageResult], versionen: String, sekunden: Double, language: Language = .de) -> String {
        var t = "teilhabe audit: \(versionen) [\(Browser.axeTags.joined(separator: ", ")) + \(Browser.axeZusatzregeln.joined(separator: ", "))]\n"
        for e in ergebnisse where !e.bestanden {
            t += "\(e.seite):\n"
            if let f = e.fehler { t += "  \(Message.auditPageError(f).text(language))\n" }
            for v in e.axe {
                t += "  axe \(v["id"]!) [\(v["impact"]!)] \(v["target"]!) – \(v["help"]!) \(v["helpUrl"]!)\n"
            }
            for m in e.vnu { t += "  vnu \(m.zeile.map(String.init) ?? "?"):\(m.spalte.map(String.init) ?? "?") \(m.text)\n" }
        }
        let durchgefallen = ergebnisse.filter { !$0.bestanden }.count
        let regeln = Set(ergebnisse.flatMap { $0.axe.map { $0["id"]! } })
        t += Message.auditSummary(pages: ergebnisse.count, rules: regeln.sorted(), vnuErrors: ergebnisse.map(\.vnu.count).reduce(0, +),
                                  secondsPerPage: String(format: "%.2f", sekunden)).text(language) + "\n"
        t += Message.auditVerdict(passed: ergebnisse.count - durchgefallen, failed: durchgefallen).text(language) + "\n"
        return t
    }

    public static func json(_ ergebnisse: [PageResult], versionen: String) -> Data {
        let seiten = Dictionary(uniqueKeysWithValues: ergebnisse.map { e in
            (e.seite, Report.Page(passed: e.bestanden, axe: e.axe, error: e.fehler, vnu: e.vnu.map {
                Report.VnuMessage(line: $0.zeile ?? 0, column: $0.spalte ?? 0, message: $0.text)
            }))
        })
        let bestanden = ergebnisse.filter(\.bestanden).count
        return JSONText.data(Report(tools: versionen, pages: seiten,
                                    summary: Report.Summary(passed: bestanden, failed: ergebnisse.count - bestanden)))
    }

    /// The report `--json` writes: per page (relative path) its findings, and the totals.
    struct Report: Encodable {
        var tools: String
        var pages: [String: Page]
        var summary: Summary

        struct Page: Encodable {
            var passed: Bool
            var axe: [[String: String]]
            var error: String?
            var vnu: [VnuMessage]
        }

        struct VnuMessage: Encodable {
            var line: Int
            var column: Int
            var message: String
        }

        struct Summary: Encodable {
            var passed: Int
            var failed: Int
        }
    }
}
