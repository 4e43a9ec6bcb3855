import XCTest
@testable import TeilhabeCore

/// PDF versions of the Vorlagen through WeasyPrint (CI installs it; elsewhere the test is skipped).
final class DruckTests: XCTestCase {
    func testEachPublicVorlageGetsATaggedPDFLinkedWithItsSize() throws {
        let f = try Fixture()
        guard PDFErzeuger.finden(cache: Paths.join(f.root.path, "cache")) != nil else {
            throw XCTSkip("weasyprint is not on the PATH")
        }
        var optionen = Build.Optionen(content: f.content, theme: Fixture.builtInOnly, output: f.output)
        optionen.pdf = true
        let log = DiagnosticLog()
        XCTAssertNotNil(Build.run(optionen, log: log), log.all.map(\.formatted).joined(separator: "\n"))
        let pdf = try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, "vorlagen/2024-0001-test/vorlage-2024-0001.pdf")))
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        let page = try f.page("vorlagen/2024-0001-test/index.html")
        XCTAssertTrue(page.contains("<a href=\"vorlage-2024-0001.pdf\">Druckfassung dieser Vorlage</a> <span class=\"dateiinfo\">(PDF, \(Formatierung.groesse(pdf.count)))</span>"))
        // The cache makes the second build reuse the PDF: same bytes, no new cache entries.
        let cache = Build.cacheOrdner(output: f.output) + "/pdf"
        let eintraege = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(eintraege.filter { $0.hasSuffix(".pdf") }.count, 1)
        XCTAssertNotNil(Build.run(optionen, log: DiagnosticLog()))
        XCTAssertEqual(FileManager.default.contents(atPath: Paths.join(f.output, "vorlagen/2024-0001-test/vorlage-2024-0001.pdf")), pdf)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache).sorted(), eintraege.sorted())
    }

    func testPrintHTMLIsSelfContainedWithAbsoluteLinks() throws {
        let seite = Seite(datei: "vorlagen/x/index.html", template: "vorlage", titel: "x")
        let html = Druckfassung.absolut(#"<a href="../../berichte/lage/#zahlen">B</a> <img src="../../anlagen/karte.png" alt="Karte"> <a href="https://example.org/">E</a>"#,
                                        seite: seite, basis: Basis(url: "https://www.example.org/inklusion/"), contentRoot: "/srv/content")
        XCTAssertTrue(html.contains(#"href="https://www.example.org/inklusion/berichte/lage/#zahlen""#), html)
        XCTAssertTrue(html.contains(#"src="file:///srv/content/anlagen/karte.png""#), html)
        XCTAssertTrue(html.contains(#"href="https://example.org/""#))
    }

    func testWithoutWeasyPrintTheBuildSaysSoOnceAndGoesOn() throws {
        let f = try Fixture()
        var optionen = Build.Optionen(content: f.content, theme: Fixture.builtInOnly, output: f.output)
        optionen.pdf = true
        setenv("PATH_SAVED", getenv("PATH"), 1)
        setenv("PATH", "/nonexistent", 1)
        defer { setenv("PATH", getenv("PATH_SAVED"), 1) }
        let log = DiagnosticLog()
        XCTAssertNotNil(Build.run(optionen, log: log))
        XCTAssertEqual(log.all.filter { $0.rule == "PDF" }.count, 1)
        XCTAssertFalse(try f.page("vorlagen/2024-0001-test/index.html").contains("Druckfassung"))
    }
}
