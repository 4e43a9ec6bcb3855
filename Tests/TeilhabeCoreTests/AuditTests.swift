import Foundation
import XCTest
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

/// `teilhabe audit` with real Chromium, chromedriver and vnu.jar (scripts/install-audit-tools; CI installs them).
final class AuditTests: XCTestCase {
    private func werkzeuge() throws -> Audit.AuditTools {
        guard case let .success(w) = Audit.werkzeuge() else { throw XCTSkip("scripts/install-audit-tools has not been run") }
        return w
    }

    /// Live processes whose command line carries `marke` (the audit's profile folder, our vnu.jar).
    private func prozesse(_ marke: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { e in
            guard Int(e) != nil, let cmd = FileManager.default.contents(atPath: "/proc/\(e)/cmdline"),
                  let stat = FileManager.default.contents(atPath: "/proc/\(e)/stat") else { return false }
            let zustand = String(decoding: stat, as: UTF8.self)
            return String(decoding: cmd, as: UTF8.self).contains(marke) && !zustand.contains(") Z ")
        }.count
    }

    private func audit(_ argumente: [String]) throws -> (Int32, String) {
        let r = try Fixture.teilhabe(["audit"] + argumente)
        return (r.status, r.stdout + (r.stderr.isEmpty ? "" : "\n[stderr] " + r.stderr))
    }

    func testMissingToolsAreNamedWithTheInstallStep() {
        guard case let .failure(f) = Audit.werkzeuge(umgebung: ["PATH": "/nonexistent", "TEILHABE_TOOLS": "/nonexistent"]) else {
            return XCTFail("tools found in an empty PATH")
        }
        for teil in ["chromium", "chromedriver", "java", "axe.min.js", "vnu.jar", "scripts/install-audit-tools"] {
            XCTAssertTrue(f.description.contains(teil), f.description)
        }
    }

    /// The shared checker's verdict on its demo pages: good.html passes, faulty.html fails these axe
    /// rules (and vnu), invalid.html fails vnu only.
    func testAgreesWithTheSharedCheckerOnItsDemoPages() throws {
        _ = try werkzeuge()
        let demo = Fixture.shared.appendingPathComponent("tools/a11y/demo").path
        guard FileManager.default.fileExists(atPath: demo) else { throw XCTSkip("\(demo) not present") }
        let bericht = Fixture.temporaer("audit", endung: ".json").path
        let (status, text) = try audit([demo, "--json", bericht])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("1 bestanden, 2 durchgefallen\n"), text)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bericht))) as? [String: Any])
        let seiten = try XCTUnwrap(json["pages"] as? [String: [String: Any]])
        func regeln(_ seite: String) -> [String] { Set((seiten[seite]?["axe"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }).sorted() }
        XCTAssertEqual(regeln("good.html"), [])
        XCTAssertEqual(regeln("faulty.html"), ["color-contrast", "document-title", "heading-order", "html-has-lang", "image-alt",
                                               "landmark-one-main", "region", "td-has-header"])
        XCTAssertEqual(regeln("invalid.html"), [])
        XCTAssertGreaterThan((seiten["invalid.html"]?["vnu"] as? [Any])?.count ?? 0, 0)
        XCTAssertEqual(seiten["good.html"]?["passed"] as? Bool, true)
    }

    func testAHangingPageIsReportedAndTheRunGoesOnWithNothingLeftBehind() throws {
        _ = try werkzeuge()
        let vorher = (prozesse("teilhabe-audit-"), prozesse("teilhabe-tools/audit/vnu.jar"))
        let ordner = Fixture.temporaer("audit-haengt")
        try FileManager.default.createDirectory(at: ordner, withIntermediateDirectories: true)
        let gut = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Gut</title></head><body><main><h1>Gut</h1><p>Text</p></main></body></html>"
        try gut.write(to: ordner.appendingPathComponent("b-gut.html"), atomically: true, encoding: .utf8)
        try gut.replacingOccurrences(of: "<p>Text</p>", with: "<script>while (true) {}</script>")
            .write(to: ordner.appendingPathComponent("a-haengt.html"), atomically: true, encoding: .utf8)
        let (status, text) = try audit([ordner.path, "--page-timeout", "3"])
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("a-haengt.html:\n  Fehler der Seite:"), text)
        XCTAssertTrue(text.contains("1 bestanden, 1 durchgefallen\n"), text)
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(prozesse("teilhabe-audit-"), vorher.0, "no browser outlives the command")
        XCTAssertEqual(prozesse("teilhabe-tools/audit/vnu.jar"), vorher.1, "no checker outlives the command")
    }

    func testSampleOfPagesIsEvenlySpacedAndDeterministic() throws {
        let f = try Fixture()
        f.build()
        let alle = Audit.seiten(f.output, hoechstens: nil)
        let probe = Audit.seiten(f.output, hoechstens: 5)
        XCTAssertEqual(probe.count, 5)
        XCTAssertEqual(probe, Audit.seiten(f.output, hoechstens: 5))
        XCTAssertEqual(probe.first, alle.first)
        XCTAssertTrue(Set(probe).isSubset(of: Set(alle)))
    }
}
