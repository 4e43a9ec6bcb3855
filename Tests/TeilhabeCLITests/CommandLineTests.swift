import XCTest
import TeilhabeTesting

/// Runs the real `teilhabe` binary: exit status, stderr format, output left intact.
final class CommandLineTests: XCTestCase {
    private func run(_ arguments: [String], in folder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        try Fixture.teilhabe(arguments, in: folder)
    }

    func testBuildWithDefaultsFromAFolderHoldingOnlyContent() throws {
        let f = try Fixture()
        let ok = try run(["build"], in: f.root)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("Seiten"), ok.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.root.appendingPathComponent("site/index.html").path))
    }

    func testErrorsGoToStderrWithRelativePathsAndStatusOne() throws {
        let f = try Fixture()
        XCTAssertEqual(try run(["build"], in: f.root).status, 0)
        let before = Fixture.tree(f.output)
        try f.write("gremien.yaml", "- id: sozialausschuss\n  nam: Ausschuss\n  art: Ausschuss\n")
        let failed = try run(["build", "--content", "content", "--output", "site"], in: f.root)
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.contains("content/gremien.yaml:2:3: error: unbekannter Schlüssel 'nam' in Gremium; meinten Sie 'name'?"), failed.stderr)
        // The misspelling is the one mistake: 'name' is not reported as missing besides it (issue 21 item 3).
        XCTAssertFalse(failed.stderr.contains("Pflichtschlüssel 'name'"), failed.stderr)
        XCTAssertEqual(Fixture.tree(f.output), before)
    }

    func testCheckPrintsJSONFindings() throws {
        let f = try Fixture()
        try f.write("seiten/kontakt.md", "---\ntitel: Kontakt\nstatuss: oeffentlich\n---\nText\n")
        let result = try run(["check", "--format", "json"], in: f.root)
        XCTAssertEqual(result.status, 1)
        let findings = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let finding = try XCTUnwrap(findings.first { $0["rule"] as? String == "SCHEMA-KEY" })
        XCTAssertEqual(finding["file"] as? String, "content/seiten/kontakt.md")
        XCTAssertEqual(finding["line"] as? Int, 3)
        XCTAssertEqual(finding["column"] as? Int, 1)
        XCTAssertEqual(finding["severity"] as? String, "error")
        XCTAssertEqual(finding["suggestion"] as? String, "status")
    }
}
