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
    static let axeZusatzregeln = ["td-has-header", "table-fake-caption"]

    let treiber: Process
    let port: UInt16
    let sitzung: String
    let profil: String
    let zeitlimit: Int
    let axe: String
    var version: String = ""

    init(chromium: String, chromedriver: String, axe: String, zeitlimit: Int, arbeitsordner: String) throws {
        self.axe = axe
        self.zeitlimit = zeitlimit
        profil = Paths.join(arbeitsordner, "profil")
        port = try Browser.freierPort()
        treiber = Process()
        treiber.executableURL = URL(fileURLWithPath: chromedriver)
        treiber.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        treiber.standardOutput = FileHandle.nullDevice
        treiber.standardError = FileHandle.nullDevice
        try treiber.run()
        Cleanup.merken(treiber.processIdentifier, profil: profil)
        var bereit = false
        for _ in 0..<600 where !bereit {   // up to 30 s: a loaded machine starts it slowly
            Thread.sleep(forTimeInterval: 0.05)
            bereit = ((try? HTTPClient.json("GET", port: port, pfad: "/status", zeitlimit: 2))?["value"] as? [String: Any])?["ready"] as? Bool == true
        }
        guard bereit else { throw Failure(message: .auditDriverNotStarted) }
        let argumente = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--user-data-dir=\(profil)", "--window-size=1280,1024", "--hide-scrollbars",
                         "--force-color-profile=srgb", "--mute-audio", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                         "--proxy-server=direct://", "--proxy-bypass-list=*"]
        let sitzungAnfrage = NewSession(capabilities: .init(alwaysMatch: .init(
            browserName: "chrome", chromeOptions: .init(binary: chromium, args: argumente),
            timeouts: ["pageLoad": zeitlimit * 1000, "script": zeitlimit * 2000])))
        let antwort = try HTTPClient.json("POST", port: port, pfad: "/session", body: sitzungAnfrage, zeitlimit: 60)
        guard let wert = antwort["value"] as? [String: Any], let id = wert["sessionId"] as? String else {
            throw Failure(message: .auditNoSession(Browser.meldung(antwort)))
        }
        sitzung = id
        version = ((wert["capabilities"] as? [String: Any])?["browserVersion"] as? String) ?? ""
        _ = try befehl("POST", "/goog/cdp/execute", CDPCommand(cmd: "Page.addScriptToEvaluateOnNewDocument", params: ["source": axe]))
    }

    /// Loads a page and runs axe; the result holds `violations` or `error`.
    func check(_ url: String) throws -> [String: Any] {
        _ = try befehl("POST", "/url", ["url": url])
        let geladen = try befehl("POST", "/execute/sync", Script(script: "return typeof window.axe !== 'undefined'", args: []))
        if geladen["value"] as? Bool != true {
            _ = try befehl("POST", "/execute/sync", Script(script: axe, args: []))
        }
        let antwort = try befehl("POST", "/execute/async", Script(script: Browser.axeSkript, args: [Browser.axeTags, Browser.axeZusatzregeln]))
        guard let wert = antwort["value"] as? [String: Any] else { throw Failure(message: .auditNoAxeResult) }
        return wert
    }

    func befehl(_ methode: String, _ pfad: String, _ body: some Encodable) throws -> [String: Any] {
        let antwort = try HTTPClient.json(methode, port: port, pfad: "/session/\(sitzung)\(pfad)", body: body, zeitlimit: zeitlimit * 3)
        if let wert = antwort["value"] as? [String: Any], wert["error"] is String, wert["sessionId"] == nil, wert["violations"] == nil {
            throw Failure(message: .verbatim(Browser.meldung(antwort)))
        }
        return antwort
    }

    static func meldung(_ antwort: [String: Any]) -> String {
        let wert = antwort["value"] as? [String: Any]
        let text = "\(wert?["error"] as? String ?? "error"): \(wert?["message"] as? String ?? "")"
        return String(text.split(separator: "\n").first ?? "")
    }

    /// Ends this browser only – its driver and every Chromium with its profile – not the other
    /// processes of the run (the checker may still be working).
    func beenden() {
        _ = try? HTTPClient.json("DELETE", port: port, pfad: "/session/\(sitzung)", zeitlimit: 15)
        treiber.terminate()
        Cleanup.beenden(pids: [treiber.processIdentifier], profile: [profil])
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

    static func freierPort() throws -> UInt16 {
        let server = Server(wurzel: "/nonexistent", port: 0)
        try server.starten()
        defer { server.beenden() }
        return server.port
    }

    /// Runs axe with the tags and rules above and reports the violations only.
    static let axeSkript = """
        const fertig = arguments[arguments.length - 1];
        const regeln = {};
        for (const id of arguments[1]) regeln[id] = {enabled: true};
        const ziel = t => t.map(s => Array.isArray(s) ? s.join(' >>> ') : s).join(' |frame| ');
        if (typeof window.axe === 'undefined') { fertig({error: 'axe-core not loaded in page'}); return; }
        window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, rules: regeln, resultTypes: ['violations']})
          .then(r => fertig({axeVersion: r.testEngine.version, violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
              nodes: v.nodes.map(n => ({target: ziel(n.target), html: n.html.slice(0, 300)}))}))}))
          .catch(e => fertig({error: 'axe.run failed: ' + String(e && e.message || e)}));
        """
}

/// Every process the audit starts is ended with it – on success, on error and on Ctrl-C – including
/// Chromium, which chromedriver starts: it is found by its profile folder, unique to the run.
public enum Cleanup {
    /// Ends every process the audit started (for signal handlers).
    public static func beenden() { alles() }

    /// The processes started and the profile folders of the browsers among them.
    private static let gestartet = Mutex<(prozesse: [Int32], profile: [String])>(([], []))

    /// Orphaned descendants (Chromium's helpers once chromedriver is gone) are reparented to us,
    /// so that we can reap them instead of leaving zombies to an init that may not.
    static let unterreaper: Void = { _ = teilhabe_unterreaper_werden() }()

    static func merken(_ pid: Int32, profil: String? = nil) {
        _ = unterreaper
        gestartet.withLock { g in
            g.prozesse.append(pid)
            if let profil { g.profile.append(profil) }
        }
    }

    /// Kills what we started and everything carrying our profile folder, until nothing is left
    /// (Chromium can still be forking helpers while it is being killed).
    static func alles() {
        let (pids, marken) = gestartet.withLock { $0 }
        beenden(pids: pids, profile: marken)
    }

    static func beenden(pids: [Int32], profile marken: [String]) {
        var ziele = Set(pids)
        for runde in 0..<20 {
            ziele.formUnion(markiert(marken))
            ziele.remove(getpid())
            let lebend = ziele.filter { kill($0, 0) == 0 && !istZombie($0) }
            if lebend.isEmpty, runde > 0 { break }
            for pid in lebend { kill(pid, SIGKILL) }
            for pid in ziele { var status: Int32 = 0; waitpid(pid, &status, WNOHANG) }
            Thread.sleep(forTimeInterval: 0.05)
            ziele = Set(ziele.filter { kill($0, 0) == 0 && !istZombie($0) })
        }
        // Reap every exited descendant that was handed to us.
        var status: Int32 = 0
        while waitpid(-1, &status, WNOHANG) > 0 {}
    }

    private static func markiert(_ marken: [String]) -> Set<Int32> {
        guard !marken.isEmpty, let eintraege = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var ergebnis = Set<Int32>()
        for eintrag in eintraege {
            guard let pid = Int32(eintrag), let cmd = FileManager.default.contents(atPath: "/proc/\(eintrag)/cmdline") else { continue }
            let zeile = String(decoding: cmd.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            if marken.contains(where: { zeile.contains($0) }) { ergebnis.insert(pid) }
        }
        return ergebnis
    }

    private static func istZombie(_ pid: Int32) -> Bool {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return true }
        let text = String(decoding: stat, as: UTF8.self)
        guard let klammer = text.lastIndex(of: ")") else { return false }
        return text[text.index(klammer, offsetBy: 2)...].hasPrefix("Z")
    }
}
