import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeAudit

/// `teilhabe audit` with real Chromium, chromedriver and vnu.jar (scripts/install-audit-tools; CI installs them).
final class AuditTests: XCTestCase {
    private func auditTools() throws -> Audit.AuditTools {
        guard case let .success(w) = Audit.auditTools() else { throw XCTSkip("scripts/install-audit-tools has not been run") }
        return w
    }

    /// Live processes whose command line carries `marke` (the audit's profile folder, our vnu.jar).
    private func processes(_ mark: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { e in
            guard Int(e) != nil, let cmd = FileManager.default.contents(atPath: "/proc/\(e)/cmdline"),
                  let stat = FileManager.default.contents(atPath: "/proc/\(e)/stat") else { return false }
            let state = String(decoding: stat, as: UTF8.self)
            return String(decoding: cmd, as: UTF8.self).contains(mark) && !state.contains(") Z ")
        }.count
    }

    private func audit(_ arguments: [String]) throws -> (Int32, String) {
        let r = try Fixture.teilhabe(["audit"] + arguments)
        return (r.status, r.stdout + (r.stderr.isEmpty ? "" : "\n[stderr] " + r.stderr))
    }

    func testMissingToolsAreNamedWithTheInstallStep() {
        guard case let .failure(f) = Audit.auditTools(environment: ["PATH": "/nonexistent", "TEILHABE_TOOLS": "/nonexistent"]) else {
            return XCTFail("tools found in an empty PATH")
        }
        for part in ["chromium", "chromedriver", "java", "axe.min.js", "vnu.jar", "scripts/install-audit-tools"] {
            XCTAssertTrue(f.description.contains(part), f.description)
        }
    }

    /// The shared checker's verdict on its demo pages: good.html passes, faulty.html fails these axe
    /// rules (and vnu), invalid.html fails vnu only.
    func testAgreesWithTheSharedCheckerOnItsDemoPages() throws {
        _ = try auditTools()
        let demo = Fixture.shared.appendingPathComponent("tools/a11y/demo").path
        guard FileManager.default.fileExists(atPath: demo) else { throw XCTSkip("\(demo) not present") }
        let bericht = Fixture.temporary("audit", suffix: ".json").path
        let (status, text) = try audit([demo, "--json", bericht])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("1 bestanden, 2 durchgefallen\n"), text)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bericht))) as? [String: Any])
        let auditedPages = try XCTUnwrap(json["pages"] as? [String: [String: Any]])
        func ruleSet(_ webPage: String) -> [String] { Set((auditedPages[webPage]?["axe"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }).sorted() }
        XCTAssertEqual(ruleSet("good.html"), [])
        XCTAssertEqual(ruleSet("faulty.html"), ["color-contrast", "document-title", "heading-order", "html-has-lang", "image-alt",
                                               "landmark-one-main", "region", "td-has-header"])
        XCTAssertEqual(ruleSet("invalid.html"), [])
        XCTAssertGreaterThan((auditedPages["invalid.html"]?["vnu"] as? [Any])?.count ?? 0, 0)
        XCTAssertEqual(auditedPages["good.html"]?["passed"] as? Bool, true)
    }

    func testAHangingPageIsReportedAndTheRunGoesOnWithNothingLeftBehind() throws {
        _ = try auditTools()
        let before = (processes("teilhabe-audit-"), processes("teilhabe-tools/audit/vnu.jar"))
        let folderPath = Fixture.temporary("audit-haengt")
        try FileManager.default.createDirectory(at: folderPath, withIntermediateDirectories: true)
        let good = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Gut</title></head><body><main><h1>Gut</h1><p>Text</p></main></body></html>"
        try good.write(to: folderPath.appendingPathComponent("b-gut.html"), atomically: true, encoding: .utf8)
        try good.replacingOccurrences(of: "<p>Text</p>", with: "<script>while (true) {}</script>")
            .write(to: folderPath.appendingPathComponent("a-haengt.html"), atomically: true, encoding: .utf8)
        let (status, text) = try audit([folderPath.path, "--page-timeout", "3"])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("a-haengt.html:\n  Fehler der Seite:"), text)
        XCTAssertTrue(text.contains("1 bestanden, 1 durchgefallen\n"), text)
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(processes("teilhabe-audit-"), before.0, "no browser outlives the command")
        XCTAssertEqual(processes("teilhabe-tools/audit/vnu.jar"), before.1, "no checker outlives the command")
    }

    func testSampleOfPagesIsEvenlySpacedAndDeterministic() throws {
        let f = try Fixture()
        f.build()
        let allItems = Audit.auditedPages(f.output, atMost: nil)
        let probe = Audit.auditedPages(f.output, atMost: 5)
        XCTAssertEqual(probe.count, 5)
        XCTAssertEqual(probe, Audit.auditedPages(f.output, atMost: 5))
        XCTAssertEqual(probe.first, allItems.first)
        XCTAssertTrue(Set(probe).isSubset(of: Set(allItems)))
    }
}
