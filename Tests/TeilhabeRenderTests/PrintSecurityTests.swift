import XCTest
import TeilhabeTesting
@testable import TeilhabeRender

/// The PDF step reads only published files of the content folder and nothing from a network.
final class PrintSecurityTests: XCTestCase {
    /// The paper's body with `zusatz` at its end.
    private func appendEntry(_ f: Fixture, _ extra: String) throws {
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]! + "\n\n" + extra + "\n")
    }

    private func buildPDF(_ f: Fixture) throws -> (Data, DiagnosticLog) {
        let (resultValue, log) = f.build(pdf: true)
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        let pdf = try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, "vorlagen/2024-0001-test/vorlage-2024-0001.pdf")),
                                log.all.map(\.formatted).joined(separator: "\n"))
        return (pdf, log)
    }

    func testAnImageOutsideTheContentFolderNeverReachesThePDF() throws {
        let f = try Fixture()
        let print = try PrintTestSupport.weasyprint(f)
        // The secret lies beside the content folder; the page's folder exists in it, so that the
        // encoded `..` of the first image would lead there on the disk.
        let geheim = f.root.appendingPathComponent("geheim/secret.png")
        try FileManager.default.createDirectory(at: geheim.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(base64Encoded: PrintTestSupport.png13x7)!.write(to: geheim)
        try f.write("vorlagen/2024-0001-test/.keep", "")
        try f.write("anlagen/karte.png", Data(base64Encoded: PrintTestSupport.png11x5)!)
        try appendEntry(f, """
        ![Geheim](/%2e%2e/%2e%2e/%2e%2e/geheim/secret.png)

        ![Auch geheim](file://\(geheim.path))

        ![Karte](../anlagen/karte.png)
        """)
        // The check refuses both images at their lines before anything is written.
        let (resultValue, checkLog) = f.build(pdf: true)
        XCTAssertNil(resultValue)
        XCTAssertEqual(checkLog.all.filter { $0.severity == .error }.map { $0.location.line ?? 0 }, [28, 30],
                       checkLog.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.output))
        // Behind the check, the PDF step refuses them too: rendered without the check, as a theme or a
        // later change might hand it such HTML.
        let log = DiagnosticLog()
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: f.content, log: log))
        let fileList = SiteRenderer.render(project, publikum: .oeffentlich, stichtag: CalendarDay("2024-06-01")!,
                                          theme: try XCTUnwrap(Theme.load(overrideFolder: nil, log: log)), print: print, log: log)
        let pdf = try XCTUnwrap(fileList.first { $0.path.hasSuffix("vorlage-2024-0001.pdf") }.flatMap { filePath -> Data? in
            if case let .payload(d) = filePath.contents { return d }
            return nil
        })
        // The published image is in the PDF (so the look for images works); the secret is not.
        XCTAssertTrue(try PrintTestSupport.hasImage(pdf, width: 11, height: 5, python: print.python))
        XCTAssertFalse(try PrintTestSupport.hasImage(pdf, width: 13, height: 7, python: print.python))
        let omitted = log.all.filter { $0.rule == "PDF" && $0.message.contains("Bild in der Druckfassung weggelassen") }
        XCTAssertEqual(omitted.count, 2, log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(omitted.allSatisfy { $0.location.file.hasSuffix("vorlagen/2024-0001-test.md") })
    }

    func testBuildingAPDFMakesNoNetworkRequest() throws {
        let f = try Fixture()
        _ = try PrintTestSupport.weasyprint(f)
        let listener = try CountingListener()
        listener.connectToSelf()
        XCTAssertEqual(listener.connections(), 1, "the listener counts connections")
        try appendEntry(f, "![Probe](http://127.0.0.1:\(listener.port)/probe.png)")
        let (_, log) = try buildPDF(f)
        XCTAssertEqual(listener.connections(), 0)
        XCTAssertTrue(log.all.contains { $0.message.contains("'http://127.0.0.1:\(listener.port)/probe.png' ist keine veröffentlichte Datei") })
    }

    /// Whatever the print HTML names (a theme may write anything), the driver's fetcher serves only
    /// listed files inside the content folder, and reports the rest.
    func testTheFetcherRefusesEverythingNotListed() throws {
        let f = try Fixture()
        let print = try PrintTestSupport.weasyprint(f)
        let listener = try CountingListener()
        let geheim = f.root.appendingPathComponent("geheim.png").path
        try Data(base64Encoded: PrintTestSupport.png13x7)!.write(to: URL(fileURLWithPath: geheim))
        try f.write("anlagen/karte.png", Data(base64Encoded: PrintTestSupport.png11x5)!)
        try FileManager.default.createSymbolicLink(atPath: Paths.join(f.content, "anlagen/link.png"), withDestinationPath: geheim)
        let root = try XCTUnwrap(PrintFiles.realPath(f.content))
        let network = "http://127.0.0.1:\(listener.port)"
        let html = """
        <!DOCTYPE html><html lang="de"><head><title>T</title>
        <link rel="stylesheet" href="\(network)/s.css"><link rel="attachment" href="file://\(geheim)"></head>
        <body><p style="background: url(file://\(geheim))">Text</p>
        <img src="teilhabe:anlagen/karte.png" alt="Karte"> <img src="file://\(geheim)" alt="1"> <img src="\(network)/a.png" alt="2">
        <img src="teilhabe:anlagen/link.png" alt="3"> <img src="teilhabe:aussen" alt="4"> <img src="teilhabe:fehlt" alt="5">
        </body></html>
        """
        let job = PDFRenderer.RenderJob(name: "t.html", html: html,
                                          files: ["teilhabe:anlagen/karte.png": root + "/anlagen/karte.png",
                                                  "teilhabe:anlagen/link.png": root + "/anlagen/link.png",
                                                  "teilhabe:aussen": geheim],
                                          root: root, sourceDateEpoch: 0, source: "t.md")
        let log = DiagnosticLog()
        let pdf = try XCTUnwrap(print.generate([job], log: log).pdfs["t.html"], log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(listener.connections(), 0)
        XCTAssertTrue(try PrintTestSupport.hasImage(pdf, width: 11, height: 5, python: print.python))
        XCTAssertFalse(try PrintTestSupport.hasImage(pdf, width: 13, height: 7, python: print.python))
        let refused = log.all.filter { $0.message.contains("verweigert") }.map(\.message).joined(separator: "\n")
        for url in ["\(network)/s.css", "file://\(geheim)", "\(network)/a.png", "teilhabe:anlagen/link.png", "teilhabe:aussen", "teilhabe:fehlt"] {
            XCTAssertTrue(refused.contains("'\(url)"), "\(url) not refused:\n\(refused)")
        }
    }

    func testOnlyPublishedRegularFilesInsideTheContentFolderGetAURL() throws {
        let f = try Fixture()
        let geheim = f.root.appendingPathComponent("geheim.png").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: geheim))
        try f.write("anlagen/a&b groß.png", "png")
        try f.write("anlagen/intern.png", "png")
        try FileManager.default.createSymbolicLink(atPath: Paths.join(f.content, "anlagen/link.png"), withDestinationPath: geheim)
        try FileManager.default.createSymbolicLink(atPath: Paths.join(f.content, "anlagen/innen.png"),
                                                   withDestinationPath: Paths.join(f.content, "anlagen/a&b groß.png"))
        XCTAssertEqual(mkfifo(Paths.join(f.content, "anlagen/fifo.png"), 0o600), 0)
        let fileList = PrintFiles(contentRoot: f.content,
                                 published: ["anlagen/a&b groß.png", "anlagen/link.png", "anlagen/innen.png", "anlagen/fifo.png"])
        let root = try XCTUnwrap(fileList.root)
        let folderPath = "vorlagen/x"
        XCTAssertEqual(fileList.resolve("../../anlagen/a&amp;b%20gro%C3%9F.png?x#y", pageFolder: folderPath)?.url,
                       "teilhabe:anlagen/a%26b%20gro%C3%9F.png")
        XCTAssertEqual(fileList.resolve("../../anlagen/a&amp;b%20gro%C3%9F.png", pageFolder: folderPath)?.path, root + "/anlagen/a&b groß.png")
        // A link inside the content folder to a published file is followed; its real path is listed.
        XCTAssertEqual(fileList.resolve("../../anlagen/innen.png", pageFolder: folderPath)?.path, root + "/anlagen/a&b groß.png")
        for quelle in ["/%2e%2e/%2e%2e/%2e%2e/geheim.png", "%2e%2e/%2e%2e/%2e%2e/geheim.png", "../../../geheim.png",
                       "file://\(geheim)", "FILE:\(geheim)", "&#102;ile://\(geheim)", "http://127.0.0.1/a.png", "//127.0.0.1/a.png",
                       "../../anlagen/intern.png", "../../anlagen/link.png", "../../anlagen/fifo.png", "../../anlagen/%zz.png",
                       "../../anlagen/a%00.png", "../../anlagen/", ""] {
            XCTAssertNil(fileList.resolve(quelle, pageFolder: folderPath), quelle)
        }
    }

    func testRefusedImagesAreLeftOutOfThePrintHTML() throws {
        let f = try Fixture()
        try f.write("anlagen/karte.png", "png")
        let fileList = PrintFiles(contentRoot: f.content, published: ["anlagen/karte.png"])
        let html = #"<p>a <img src="http://127.0.0.1:9/p.png" alt="P" /> b <img src="../../anlagen/karte.png" alt="K" /> <img alt="ohne" /> <img src="data:image/png;base64,AAAA" alt="D" /></p>"#
        let print = PrintVersion.images(html, folderPath: "vorlagen/x", fileList: fileList)
        XCTAssertEqual(print.html, #"<p>a  b <img src="teilhabe:anlagen/karte.png" alt="K" />  <img src="data:image/png;base64,AAAA" alt="D" /></p>"#)
        XCTAssertEqual(print.refused, ["http://127.0.0.1:9/p.png", #"<img alt="ohne" />"#])
        XCTAssertEqual(Array(print.files.keys), ["teilhabe:anlagen/karte.png"])
    }
}
