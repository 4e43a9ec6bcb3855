/// Texts of `teilhabe audit`. The findings of axe and vnu stay as those tools write them (English).
extension Message {
    public static func auditToolsMissing(_ tools: [String]) -> Message {
        Message(de: "es fehlt: \(tools.joined(separator: ", ")); installieren mit scripts/install-audit-tools",
                en: "missing: \(tools.joined(separator: ", ")); install with scripts/install-audit-tools")
    }
    public static let auditDriverNotStarted = Message(de: "chromedriver ist nicht gestartet", en: "chromedriver did not start")
    public static func auditNoSession(_ detail: String) -> Message {
        Message(de: "keine Browser-Sitzung: \(detail)", en: "no browser session: \(detail)")
    }
    public static let auditNoAxeResult = Message(de: "axe hat kein Ergebnis geliefert", en: "axe gave no result")
    public static func auditNoVnuResult(exit: Int32) -> Message {
        Message(de: "vnu hat kein Ergebnis geliefert (Exit-Status \(exit))", en: "vnu gave no result (exit \(exit))")
    }
    public static func auditCannotConnect(port: UInt16) -> Message {
        Message(de: "keine Verbindung zu 127.0.0.1:\(port)", en: "cannot connect to 127.0.0.1:\(port)")
    }
    public static func auditCannotSend(port: UInt16) -> Message {
        Message(de: "kann nicht an 127.0.0.1:\(port) senden", en: "cannot send to 127.0.0.1:\(port)")
    }
    public static func auditNoAnswer(port: UInt16, seconds: Int) -> Message {
        Message(de: "keine Antwort von 127.0.0.1:\(port) binnen \(seconds) s", en: "no answer from 127.0.0.1:\(port) within \(seconds) s")
    }
    public static let auditBrokenHTTP = Message(de: "kaputte HTTP-Antwort", en: "broken HTTP answer")
    public static let auditNoJSON = Message(de: "kein JSON in der Antwort", en: "no JSON in the answer")
    public static let auditNoScreenshot = Message(de: "Chromium hat kein Bildschirmfoto geliefert",
                                                  en: "Chromium returned no screenshot")
    public static func auditMoreNodes(_ n: Int) -> Message { Message(de: " (+\(n) weitere)", en: " (+\(n) more)") }
    public static func auditPageError(_ detail: String) -> Message {
        Message(de: "Fehler der Seite: \(detail)", en: "page error: \(detail)")
    }

    public static func auditSummary(pages: Int, rules: [String], vnuErrors: Int, secondsPerPage: String) -> Message {
        let list = rules.joined(separator: ", ")
        return Message(
            de: "Geprüfte Seiten: \(pages); verletzte axe-Regeln: \(rules.isEmpty ? "keine" : list); "
                + "vnu-Fehler: \(vnuErrors); \(secondsPerPage) s je Seite",
            en: "Pages checked: \(pages); axe rules violated: \(rules.isEmpty ? "none" : list); "
                + "vnu errors: \(vnuErrors); \(secondsPerPage) s per page")
    }

    /// The last line of the report.
    public static func auditVerdict(passed: Int, failed: Int) -> Message {
        Message(de: "\(passed) bestanden, \(failed) durchgefallen", en: "\(passed) passed, \(failed) failed")
    }
}
