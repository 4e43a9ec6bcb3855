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
    public static func auditTools(environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<AuditTools, Browser.Failure> {
        func search(_ name: String) -> String? {
            (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { Paths.join(String($0), name) }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        let folderPath = Paths.join(environment["TEILHABE_TOOLS"] ?? Paths.join(environment["XDG_CACHE_HOME"]
            ?? Paths.join(environment["HOME"] ?? "/root", ".cache"), "teilhabe-tools"), "audit")
        let found: [(String, String?)] = [
            ("chromium (Debian package chromium)", environment["CHROMIUM_BIN"] ?? search("chromium")),
            ("chromedriver (Debian package chromium-driver)", search("chromedriver")),
            ("java (Debian package openjdk-17-jre-headless)", environment["JAVA"] ?? search("java")),
            ("axe.min.js in \(folderPath)", FileManager.default.fileExists(atPath: Paths.join(folderPath, "axe.min.js")) ? Paths.join(folderPath, "axe.min.js") : nil),
            ("vnu.jar in \(folderPath)", FileManager.default.fileExists(atPath: Paths.join(folderPath, "vnu.jar")) ? Paths.join(folderPath, "vnu.jar") : nil),
        ]
        let missing = found.filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            return .failure(Browser.Failure(message: .auditToolsMissing(missing)))
        }
        let p = found.map { $0.1! }
        return .success(AuditTools(chromium: p[0], chromedriver: p[1], java: p[2], axe: p[3], vnu: p[4]))
    }

    public struct PageResult: Sendable {
        public var webPage: String
        public var axe: [[String: String]] = []          // id, impact, help, helpUrl, target
        public var vnu: [Vnu.Message] = []
        public var errors: String?
        public var hasPassed: Bool { axe.isEmpty && vnu.isEmpty && errors == nil }
    }

    /// All HTML pages, sorted; with `hoechstens` an evenly spaced, deterministic sample.
    public static func auditedPages(_ rootPath: String, atMost: Int?) -> [String] {
        let allItems = FileIO.disk.listFiles(rootPath).filter { $0.hasSuffix(".html") }.sorted()
        guard let n = atMost, n < allItems.count, n > 0 else { return allItems }
        return (0..<n).map { allItems[$0 * allItems.count / n] }
    }

    public static func runAudit(_ rootPath: String, auditTools w: AuditTools, atMost: Int?, timeout: Int = 30, language: Language = .de,
                              progress: @escaping (Int, Int) -> Void = { _, _ in }) throws -> (results: [PageResult], versions: String, secondsPerPage: Double) {
        let auditedPages = auditedPages(rootPath, atMost: atMost)
        let server = Server(rootPath: rootPath, port: 0)
        server.reload = false
        try server.launch()
        defer { server.shutDown() }
        let workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("teilhabe-audit-\(getpid())-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: workFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workFolder) }
        // Whatever happens below, no browser, driver or JVM outlives the run.
        defer { Cleanup.everything() }
        let vnu = try Vnu(java: w.java, jar: w.vnu, rootPath: rootPath, auditedPages: auditedPages)
        let axe = try String(contentsOfFile: w.axe, encoding: .utf8)
        var browser = try Browser(chromium: w.chromium, chromedriver: w.chromedriver, axe: axe, timeout: timeout,
                                  workFolder: workFolder)
        defer { browser.shutDown() }
        let start = Date()
        var results: [PageResult] = []
        var axeVersion = ""
        for (n, webPage) in auditedPages.enumerated() {
            var e = PageResult(webPage: webPage)
            let path = webPage.split(separator: "/").map { String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
            do {
                let r = try browser.check("http://127.0.0.1:\(server.port)/" + path.joined(separator: "/"))
                axeVersion = r["axeVersion"] as? String ?? axeVersion
                if let messageText = r["error"] as? String { e.errors = messageText }
                for v in r["violations"] as? [[String: Any]] ?? [] {
                    let nodes = v["nodes"] as? [[String: Any]] ?? []
                    e.axe.append(["id": v["id"] as? String ?? "", "impact": v["impact"] as? String ?? "",
                                  "help": v["help"] as? String ?? "", "helpUrl": v["helpUrl"] as? String ?? "",
                                  "target": (nodes.first?["target"] as? String ?? "") + (nodes.count > 1 ? Message.auditMoreNodes(nodes.count - 1).text(language) : ""),
                                  "nodes": String(nodes.count)])
                }
            } catch {
                // A page that hangs or crashes the browser is reported; the run goes on with a fresh browser.
                e.errors = Message.of(error).text(language)
                browser.shutDown()
                browser = try Browser(chromium: w.chromium, chromedriver: w.chromedriver, axe: axe, timeout: timeout,
                                      workFolder: workFolder)
            }
            results.append(e)
            progress(n + 1, auditedPages.count)
        }
        let vnuResults = try vnu.results()
        for i in results.indices { results[i].vnu = vnuResults[results[i].webPage] ?? [] }
        let versions = "axe-core \(axeVersion), Chromium \(browser.version), vnu.jar"
        return (results, versions, auditedPages.isEmpty ? 0 : Date().timeIntervalSince(start) / Double(auditedPages.count))
    }

    /// The report as text: findings per failed page, a summary, and `N passed, M failed` last.
    public static func text(_ results: [PageResult], versions: String, seconds: Double, language: Language = .de) -> String {
        var t = "teilhabe audit: \(versions) [\(Browser.axeTags.joined(separator: ", ")) + \(Browser.axeExtraRules.joined(separator: ", "))]\n"
        for e in results where !e.hasPassed {
            t += "\(e.webPage):\n"
            if let f = e.errors { t += "  \(Message.auditPageError(f).text(language))\n" }
            for v in e.axe {
                t += "  axe \(v["id"]!) [\(v["impact"]!)] \(v["target"]!) – \(v["help"]!) \(v["helpUrl"]!)\n"
            }
            for m in e.vnu { t += "  vnu \(m.sourceLine.map(String.init) ?? "?"):\(m.columnIndex.map(String.init) ?? "?") \(m.text)\n" }
        }
        let failures = results.filter { !$0.hasPassed }.count
        let ruleSet = Set(results.flatMap { $0.axe.map { $0["id"]! } })
        t += Message.auditSummary(pages: results.count, rules: ruleSet.sorted(), vnuErrors: results.map(\.vnu.count).reduce(0, +),
                                  secondsPerPage: String(format: "%.2f", seconds)).text(language) + "\n"
        t += Message.auditVerdict(passed: results.count - failures, failed: failures).text(language) + "\n"
        return t
    }

    public static func json(_ results: [PageResult], versions: String) -> Data {
        let auditedPages = Dictionary(uniqueKeysWithValues: results.map { e in
            (e.webPage, Report.Page(passed: e.hasPassed, axe: e.axe, error: e.errors, vnu: e.vnu.map {
                Report.VnuMessage(line: $0.sourceLine ?? 0, column: $0.columnIndex ?? 0, message: $0.text)
            }))
        })
        let hasPassed = results.filter(\.hasPassed).count
        return JSONText.data(Report(tools: versions, pages: auditedPages,
                                    summary: Report.Summary(passed: hasPassed, failed: results.count - hasPassed)))
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
