import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeMarkdown
@testable import TeilhabeLoad
@testable import TeilhabeCheck
@testable import TeilhabeRender
@testable import TeilhabeServe
@testable import TeilhabeAudit

/// What a build keeps from the last one matches what it would make afresh: pages follow their
/// PDF, PDFs follow everything their bytes come from, and the same content gives the same bytes.
final class PrintCacheTests: XCTestCase {
    private let pdfPath = "vorlagen/2024-0001-test/vorlage-2024-0001.pdf"
    private let pagePath = "vorlagen/2024-0001-test/index.html"

    func testAPageWhosePDFFailedGetsItsLinkOnceThePDFWorks() throws {
        let f = try Fixture()
        let tool = Paths.join(f.root.path, "werkzeug")
        try PrintTestSupport.wrongTool(in: tool)
        try "".write(toFile: Paths.join(tool, "kaputt"), atomically: true, encoding: .utf8)
        try PrintTestSupport.withPath(tool) {
            let (first, log) = f.build(pdf: true)
            XCTAssertNotNil(first)
            XCTAssertTrue(log.all.contains { $0.rule == "PDF" && $0.message.contains("kaputt") }, log.all.map(\.formatted).joined(separator: "\n"))
            XCTAssertFalse(try f.page(pagePath).contains("Druckfassung"))
            try FileManager.default.removeItem(atPath: Paths.join(tool, "kaputt"))
            XCTAssertNotNil(f.build(pdf: true).0)
            let cleanOutput = Paths.join(f.root.path, "sauber/site")
            XCTAssertNotNil(f.build(output: cleanOutput, pdf: true).0)
            let webPage = try f.page(pagePath)
            XCTAssertTrue(webPage.contains(#"<a href="vorlage-2024-0001.pdf">Druckfassung dieser Vorlage</a>"#))
            XCTAssertEqual(webPage, try f.page(pagePath, in: cleanOutput))
            XCTAssertEqual(FileManager.default.contents(atPath: Paths.join(f.output, pdfPath)),
                           FileManager.default.contents(atPath: Paths.join(cleanOutput, pdfPath)))
            XCTAssertNotNil(FileManager.default.contents(atPath: Paths.join(f.output, pdfPath)))
        }
    }

    func testThePDFToolSeesThePapersDateAsNowAndAFixedHashSeed() throws {
        let f = try Fixture()
        let tool = Paths.join(f.root.path, "werkzeug")
        try PrintTestSupport.wrongTool(in: tool)
        PrintTestSupport.withPath(tool) {
            XCTAssertNotNil(f.build(pdf: true, cache: false).0)
        }
        let environment = try String(contentsOfFile: Paths.join(tool, "umgebung.txt"), encoding: .utf8)
        // datum: 2024-02-20, at 00:00 UTC
        XCTAssertTrue(environment.split(separator: "\n").contains("SOURCE_DATE_EPOCH=1708387200"), environment)
        XCTAssertTrue(environment.split(separator: "\n").contains("PYTHONHASHSEED=0"), environment)
        XCTAssertEqual(PrintVersion.sourceDateEpoch(CalendarDay("1970-01-01")!), 0)
        XCTAssertEqual(PrintVersion.sourceDateEpoch(CalendarDay("2000-03-01")!), 951_868_800)
        XCTAssertEqual(PrintVersion.sourceDateEpoch(CalendarDay("2024-12-31")!), 1_735_603_200)
    }

    func testTwoBuildsOfTheSameContentGiveTheSameBytes() throws {
        let f = try Fixture()
        let print = try PrintTestSupport.weasyprint(f)
        try f.write("anlagen/karte.png", Data(base64Encoded: PrintTestSupport.png11x5)!)
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]! + "\n\n![Karte](../anlagen/karte.png)\n")
        // Two outputs with a cache each: the second PDF is made again, not taken from the first's cache.
        var pdfs: [Data] = []
        for name in ["eins", "zwei"] {
            let outputPath = Paths.join(f.root.path, "\(name)/site")
            let (resultValue, log) = f.build(output: outputPath, pdf: true, cache: false)
            XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
            pdfs.append(try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(outputPath, pdfPath))))
        }
        XCTAssertEqual(pdfs[0], pdfs[1])
        // The PDF's dates are the paper's, not the build's.
        let text = try PrintTestSupport.unpacked(pdfs[0], python: print.python)
        XCTAssertTrue(text.contains("(D:20240220000000Z)"), "no creation date of the paper")
        XCTAssertTrue(text.contains("2024-02-20T00:00:00Z"), "no XMP date of the paper")
    }

    func testAChangedImageMakesThePDFAgain() throws {
        let f = try Fixture()
        let print = try PrintTestSupport.weasyprint(f)
        try f.write("anlagen/karte.png", Data(base64Encoded: PrintTestSupport.png11x5)!)
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]! + "\n\n![Karte](../anlagen/karte.png)\n")
        XCTAssertNotNil(f.build(pdf: true).0)
        let before = try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, pdfPath)))
        XCTAssertTrue(try PrintTestSupport.hasImage(before, width: 11, height: 5, python: print.python))
        try f.write("anlagen/karte.png", Data(base64Encoded: PrintTestSupport.png13x7)!)
        XCTAssertNotNil(f.build(pdf: true).0)
        let after = try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, pdfPath)))
        XCTAssertTrue(try PrintTestSupport.hasImage(after, width: 13, height: 7, python: print.python))
        XCTAssertFalse(try PrintTestSupport.hasImage(after, width: 11, height: 5, python: print.python))
    }
}
