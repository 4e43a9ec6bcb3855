import CSystem
import Foundation
import Synchronization
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild
import TeilhabeServe

/// Headless Chromium through chromedriver (the WebDriver protocol), with axe-core added to every
/// new document before the page's own scripts. No request leaves 127.0.0.1: host resolution maps
/// every other name to nothing, and no proxy is used.
public final class Browser {
    public struct Failure: MessageError { public var message: Message }

    static let axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
    /// axe marks these table rules experimental, so selecting by tag alone never runs them.
    static let axeExtraRules = ["td-has-header", "table-fake-caption"]

    let driver: Process
    let port: UInt16
    let sitzung: String
    let profile: String
    let timeout: Int
    let axe: String
    var version: String = ""

    init(chromium: String, chromedriver: String, axe: String, timeout: Int, workFolder: String) throws {
        self.axe = axe
        self.timeout = timeout
        profile = Paths.join(workFolder, "profil")
        port = try Browser.freePort()
        driver = Process()
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        Cleanup.remember(driver.processIdentifier, profile: profile)
        var ready = false
        for _ in 0..<600 where !ready {   // up to 30 s: a loaded machine starts it slowly
            Thread.sleep(forTimeInterval: 0.05)
            ready = ((try? HTTPClient.json("GET", port: port, path: "/status", timeout: 2))?["value"] as? [String: Any])?["ready"] as? Bool == true
        }
        guard ready else { throw Failure(message: .auditDriverNotStarted) }
        let arguments = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--user-data-dir=\(profile)", "--window-size=1280,1024", "--hide-scrollbars",
                         "--force-color-profile=srgb", "--mute-audio", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                         "--proxy-server=direct://", "--proxy-bypass-list=*"]
        let sessionRequest = NewSession(capabilities: .init(alwaysMatch: .init(
            browserName: "chrome", chromeOptions: .init(binary: chromium, args: arguments),
            timeouts: ["pageLoad": timeout * 1000, "script": timeout * 2000])))
        let response = try HTTPClient.json("POST", port: port, path: "/session", body: sessionRequest, timeout: 60)
        guard let value = response["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(message: .auditNoSession(Browser.messageText(response)))
        }
        sitzung = id
        version = ((value["capabilities"] as? [String: Any])?["browserVersion"] as? String) ?? ""
        _ = try command("POST", "/goog/cdp/execute", CDPCommand(cmd: "Page.addScriptToEvaluateOnNewDocument", params: ["source": axe]))
    }

    /// Loads a page and runs axe; the result holds `violations` or `error`.
    func check(_ url: String) throws -> [String: Any] {
        _ = try command("POST", "/url", ["url": url])
        let loaded = try command("POST", "/execute/sync", Script(script: "return typeof window.axe !== 'undefined'", args: []))
        if loaded["value"] as? Bool != true {
            _ = try command("POST", "/execute/sync", Script(script: axe, args: []))
        }
        let response = try command("POST", "/execute/async", Script(script: Browser.axeScript, args: [Browser.axeTags, Browser.axeExtraRules]))
        guard let value = response["value"] as? [String: Any] else { throw Failure(message: .auditNoAxeResult) }
        return value
    }

    func command(_ method: String, _ path: String, _ body: some Encodable) throws -> [String: Any] {
        let response = try HTTPClient.json(method, port: port, path: "/session/\(sitzung)\(path)", body: body, timeout: timeout * 3)
        if let value = response["value"] as? [String: Any], value["error"] is String, value["sessionId"] == nil, value["violations"] == nil {
            throw Failure(message: .verbatim(Browser.messageText(response)))
        }
        return response
    }

    static func messageText(_ response: [String: Any]) -> String {
        let value = response["value"] as? [String: Any]
        let text = "\(value?["error"] as? String ?? "error"): \(value?["message"] as? String ?? "")"
        return String(text.split(separator: "\n").first ?? "")
    }

    /// Ends this browser only – its driver and every Chromium with its profile – not the other
    /// processes of the run (the checker may still be working).
    func shutDown() {
        _ = try? HTTPClient.json("DELETE", port: port, path: "/session/\(sitzung)", timeout: 15)
        driver.terminate()
        Cleanup.shutDown(pids: [driver.processIdentifier], profile: [profile])
    }

    // The WebDriver requests' bodies.
    private struct NewSession: Encodable {
        var capabilities: Capabilities
        struct Capabilities: Encodable { var alwaysMatch: Chrome }
        struct Chrome: Encodable {
            var browserName: String
            var chromeOptions: Options
            var timeouts: [String: Int]
            private enum CodingKeys: String, CodingKey { case browserName, chromeOptions = "goog:chromeOptions", timeouts }
        }
        struct Options: Encodable { var binary: String; var args: [String] }
    }

    private struct CDPCommand: Encodable { var cmd: String; var params: [String: String] }

    /// A script and its arguments (here: lists of names).
    private struct Script: Encodable { var script: String; var args: [[String]] }

    static func freePort() throws -> UInt16 {
        let server = Server(rootPath: "/nonexistent", port: 0)
        try server.launch()
        defer { server.shutDown() }
        return server.port
    }

    /// Runs axe with the tags and rules above and reports the violations only.
    static let axeScript = """
        const done = arguments[arguments.length - 1];
        const regeln = {};
        for (const id of arguments[1]) regeln[id] = {enabled: true};
        const ziel = t => t.map(s => Array.isArray(s) ? s.join(' >>> ') : s).join(' |frame| ');
        if (typeof window.axe === 'undefined') { done({error: 'axe-core not loaded in page'}); return; }
        window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, rules: regeln, resultTypes: ['violations']})
          .then(r => done({axeVersion: r.testEngine.version, violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => ({target: ziel(n.target), html: n.html.slice(0, 300)}))}))}))
          .catch(e => done({error: 'axe.run failed: ' + String(e && e.message || e)}));
        """
}

/// Every process the audit starts is ended with it – on success, on error and on Ctrl-C – including
/// Chromium, which chromedriver starts: it is found by its profile folder, unique to the run.
public enum Cleanup {
    /// Ends every process the audit started (for signal handlers).
    public static func shutDown() { everything() }

    /// The processes started and the profile folders of the browsers among them.
    private static let started = Mutex<(processes: [Int32], profile: [String])>(([], []))

    /// Orphaned descendants (Chromium's helpers once chromedriver is gone) are reparented to us,
    /// so that we can reap them instead of leaving zombies to an init that may not.
    static let subreaper: Void = { _ = teilhabe_become_subreaper() }()

    static func remember(_ pid: Int32, profile: String? = nil) {
        _ = subreaper
        started.withLock { g in
            g.processes.append(pid)
            if let profile { g.profile.append(profile) }
        }
    }

    /// Kills what we started and everything carrying our profile folder, until nothing is left
    /// (Chromium can still be forking helpers while it is being killed).
    static func everything() {
        let (pids, profiles) = started.withLock { $0 }
        shutDown(pids: pids, profile: profiles)
    }

    static func shutDown(pids: [Int32], profile profiles: [String]) {
        var targets = Set(pids)
        for round in 0..<20 {
            targets.formUnion(marked(profiles))
            targets.remove(getpid())
            let alive = targets.filter { kill($0, 0) == 0 && !isZombie($0) }
            if alive.isEmpty, round > 0 { break }
            for pid in alive { kill(pid, SIGKILL) }
            for pid in targets { var status: Int32 = 0; waitpid(pid, &status, WNOHANG) }
            Thread.sleep(forTimeInterval: 0.05)
            targets = Set(targets.filter { kill($0, 0) == 0 && !isZombie($0) })
        }
        // Reap every exited descendant that was handed to us.
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
    }

    private static func marked(_ profiles: [String]) -> Set<Int32> {
        guard !profiles.isEmpty, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var resultValue = Set<Int32>()
        for entry in entries {
            guard let pid = Int32(entry), let cmd = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let sourceLine = String(decoding: cmd.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            if profiles.contains(where: { sourceLine.contains($0) }) { resultValue.insert(pid) }
        }
        return resultValue
    }

    private static func isZombie(_ pid: Int32) -> Bool {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return true }
        let text = String(decoding: stat, as: UTF8.self)
        guard let bracket = text.lastIndex(of: ")") else { return false }
        return text[text.index(bracket, offsetBy: 2)...].hasPrefix("Z")
    }
}
