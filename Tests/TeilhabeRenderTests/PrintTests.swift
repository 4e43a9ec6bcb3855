import XCTest
import TeilhabeTesting
@testable import TeilhabeRender

/// PDF versions of the Vorlagen through WeasyPrint (CI installs it; elsewhere the test is skipped).
final class PrintTests: XCTestCase {
    func testEachPublicVorlageGetsATaggedPDFLinkedWithItsSize() throws {
        let f = try Fixture()
        guard PDFRenderer.find(cache: Paths.join(f.root.path, "cache")) != nil else {
            throw XCTSkip("weasyprint is not on the PATH")
        }
        var settings = Build.Options(content: f.content, theme: Fixture.builtInOnly, output: f.output)
        settings.pdf = true
        let log = DiagnosticLog()
        XCTAssertNotNil(Build.run(settings, log: log), log.all.map(\.formatted).joined(separator: "\n"))
        let pdf = try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, "vorlagen/2024-0001-test/vorlage-2024-0001.pdf")))
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        let page = try f.page("vorlagen/2024-0001-test/index.html")
        XCTAssertTrue(page.contains("<a href=\"vorlage-2024-0001.pdf\">Druckfassung dieser Vorlage</a> <span class=\"dateiinfo\">(PDF, \(Formatting.byteSize(pdf.count)))</span>"))
        // The cache makes the second build reuse the PDF: same bytes, no new cache entries.
        let cache = Build.cacheFolder(content: f.content, output: f.output) + "/pdf"
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(entries.filter { $0.hasSuffix(".pdf") }.count, 1)
        XCTAssertNotNil(Build.run(settings, log: DiagnosticLog()))
        XCTAssertEqual(FileManager.default.contents(atPath: Paths.join(f.output, "vorlagen/2024-0001-test/vorlage-2024-0001.pdf")), pdf)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache).sorted(), entries.sorted())
    }

    func testPrintHTMLIsSelfContainedWithAbsoluteLinks() throws {
        let f = try Fixture()
        try f.write("anlagen/karte.png", Data(base64Encoded: PrintTestSupport.png13x7)!)
        let webPage = Page(filePath: "vorlagen/x/index.html", template: "vorlage", titel: "x")
        let fileList = PrintFiles(contentRoot: f.content, published: ["anlagen/karte.png"])
        let print = PrintVersion.absolute(#"<a href="../../berichte/lage/#zahlen">B</a> <img src="../../anlagen/karte.png" alt="Karte"> <a href="https://example.org/">E</a>"#,
                                         webPage: webPage, base: SiteBase(url: "https://www.example.org/inklusion/"), fileList: fileList)
        XCTAssertTrue(print.html.contains(#"href="https://www.example.org/inklusion/berichte/lage/#zahlen""#), print.html)
        // Images get a URL the PDF driver's fetcher serves from its list; the list holds the real path.
        XCTAssertTrue(print.html.contains(#"<img src="teilhabe:anlagen/karte.png" alt="Karte">"#), print.html)
        XCTAssertEqual(print.files, ["teilhabe:anlagen/karte.png": PrintFiles.realPath(Paths.join(f.content, "anlagen/karte.png"))!])
        XCTAssertTrue(print.html.contains(#"href="https://example.org/""#))
        XCTAssertEqual(print.refused, [])
    }

    func testWithoutWeasyPrintTheBuildSaysSoOnceAndGoesOn() throws {
        let f = try Fixture()
        var settings = Build.Options(content: f.content, theme: Fixture.builtInOnly, output: f.output)
        settings.pdf = true
        setenv("PATH_SAVED", getenv("PATH"), 1)
        setenv("PATH", "/nonexistent", 1)
        defer { setenv("PATH", getenv("PATH_SAVED"), 1) }
        let log = DiagnosticLog()
        XCTAssertNotNil(Build.run(settings, log: log))
        XCTAssertEqual(log.all.filter { $0.rule == "PDF" }.count, 1)
        XCTAssertFalse(try f.page("vorlagen/2024-0001-test/index.html").contains("Druckfassung"))
    }
}
