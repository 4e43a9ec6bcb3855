import XCTest
import TeilhabeTesting
@testable import TeilhabeImport

/// `teilhabe import docx` (issue 22 item 4): files written into the content folder.
final class DocxImportTests: XCTestCase {
    typealias F = DocxTestFiles

    private func wordPaper(grunddaten: Bool = true, altText: String? = "Plan der Wege") throws -> Data {
        let head = grunddaten
            ? "<w:tbl>" + F.row(["Betreff", "Wege ohne Stufen"]) + F.row(["Vorlagenart", "beschlussvorlage"])
                + F.row(["Vorlagen-Nr.", "2025/0042"]) + F.row(["Federführend", "Bauamt"]) + F.row(["Datum", "3. März 2025"]) + "</w:tbl>"
            : F.p(F.t("Ein Text ohne Kopf"))
        let body = head + F.p(F.t("Sachlage"), style: "berschrift1") + F.p(F.t("Die Wege werden eben."))
            + F.p(F.drawing(rid: "rId5", name: "Grafik 1", descr: altText))
            + F.p(F.t("Beschlussvorschlag"), style: "berschrift1") + F.p(F.t("Der Ausschuss stimmt zu."))
        return try F.docx(body: body, relationships: "<Relationship Id=\"rId5\" Type=\"x/image\" Target=\"media/image1.png\"/>",
                          media: ["image1.png": F.png])
    }

    /// A Word file of that name in a fresh folder.
    private func file(_ name: String, _ data: Data) throws -> String {
        let folder = Fixture.temporary("docx")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    private func run(_ fixture: Fixture, _ files: [String], art: String? = nil, number: String? = nil) -> ([DocxImport.Written], DiagnosticLog) {
        let log = DiagnosticLog()
        let options = DocxImport.Options(files: files, content: fixture.content, art: art, nummer: number, today: CalendarDay("2026-12-07")!)
        return (DocxImport.run(options, log: log), log)
    }

    /// The paper lands as a draft with the file's Grunddaten and its twin; the image in anlagen/; it loads.
    func testImportWritesDraftVorlage() throws {
        let fixture = try Fixture()
        let file = Fixture.temporary("wege", suffix: ".docx")
        try wordPaper().write(to: file)
        let (written, log) = run(fixture, [file.path])
        XCTAssertFalse(log.hasErrors, log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(written.count, 1)
        XCTAssertTrue(written[0].paper.hasSuffix("vorlagen/2025-0042-wege-ohne-stufen.md"), written[0].paper)
        let text = try String(contentsOfFile: written[0].paper, encoding: .utf8)
        XCTAssertTrue(text.contains("""
            art: Beschlussvorlage
            nummer: "2025/0042"
            betreff: "Wege ohne Stufen"
            datum: 2025-03-03
            status: entwurf
            federfuehrend: "Bauamt"
            ---

            ## Sachlage

            Die Wege werden eben.

            ![Plan der Wege](anlagen/
            """), text)
        let imageName = try XCTUnwrap(written[0].images.first).split(separator: "/").last.map(String.init)
        XCTAssertEqual(FileManager.default.contents(atPath: Paths.join(fixture.content, "anlagen/\(imageName!)")), F.png)
        XCTAssertTrue(FileManager.default.fileExists(atPath: written[0].twin))
        // The missing required section (Rechtslage) is named, and the draft loads without errors.
        XCTAssertTrue(log.all.contains { $0.rule == "VORLAGE-ABSCHNITT" && $0.message.contains("Rechtslage") })
        let loadLog = DiagnosticLog()
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: fixture.content, log: loadLog))
        XCTAssertFalse(loadLog.hasErrors, loadLog.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(project.vorlagen.first { $0.nummer == "2025/0042" }?.status, .entwurf)
        // Drafts reach no public output.
        let (outcome, buildLog) = fixture.build()
        XCTAssertNotNil(outcome, buildLog.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertFalse(Fixture.tree(fixture.output).values.contains { String(decoding: $0, as: UTF8.self).contains("Wege ohne Stufen") })
    }

    /// A file without Grunddaten: next free number, values assumed with warnings; no alt text: A11Y-ALT.
    func testMissingGrunddatenAndAltTextAreWarned() throws {
        let fixture = try Fixture()
        let file = try file("Antrag Spielplatz.docx", wordPaper(grunddaten: false, altText: nil))
        let (written, log) = run(fixture, [file])
        XCTAssertEqual(written.count, 1, log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(written[0].paper.hasSuffix("vorlagen/2026-0001-antrag-spielplatz.md"), written[0].paper)
        let text = try String(contentsOfFile: written[0].paper, encoding: .utf8)
        XCTAssertTrue(text.contains("nummer: \"2026/0001\"\nbetreff: \"antrag-spielplatz\"\ndatum: 2026-12-07\nstatus: entwurf\n"
                                    + "federfuehrend: \"A 1 – Testamt\""), text)
        XCTAssertTrue(text.contains("![](anlagen/antrag-spielplatz-bild-1.png)"), text)
        let rules = log.all.filter { $0.severity == .warning }.map(\.rule)
        XCTAssertTrue(rules.contains("A11Y-ALT"), "\(rules)")
        XCTAssertEqual(rules.filter { $0 == "DOCX-GRUNDDATEN" }.count, 4, "\(rules)")
        // Mitteilungsvorlage assumed: the required sections it lacks are added with the placeholder.
        XCTAssertTrue(text.hasSuffix("## Rechtslage\n\n[Bitte ergänzen.]\n"), text)
    }

    /// Added sections go before the footnote definitions, which stay at the end.
    func testAddedSectionsComeBeforeFootnotes() throws {
        let fixture = try Fixture()
        let footnotes = "<w:footnotes xmlns:w=\"\(F.w)\"><w:footnote w:id=\"2\"><w:p>" + F.t("Stand 2025.") + "</w:p></w:footnote></w:footnotes>"
        let body = F.p(F.t("Betreff: Busse")) + F.p(F.t("Sachlage"), style: "berschrift1")
            + F.p(F.t("Neu.") + "<w:r><w:footnoteReference w:id=\"2\"/></w:r>")
        let (written, _) = run(fixture, [try file("busse.docx", F.docx(body: body, footnotes: footnotes))])
        let text = try String(contentsOfFile: try XCTUnwrap(written.first).paper, encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("## Sachlage\n\nNeu.[^1]\n\n## Rechtslage\n\n[Bitte ergänzen.]\n\n[^1]: Stand 2025.\n"), text)
    }

    /// `--art Bericht` writes berichte/; an unknown --art is an error with the closest kind.
    func testBerichtAndUnknownArt() throws {
        let fixture = try Fixture()
        let file = Fixture.temporary("lage", suffix: ".docx")
        try wordPaper().write(to: file)
        let (written, _) = run(fixture, [file.path], art: "Bericht")
        XCTAssertTrue(written.first?.paper.hasSuffix("berichte/wege-ohne-stufen.md") == true)
        let text = try String(contentsOfFile: written[0].paper, encoding: .utf8)
        XCTAssertTrue(text.contains("titel: \"Wege ohne Stufen\"\ndatum: 2025-03-03\nstatus: entwurf\n"), text)
        let (none, log) = run(fixture, [file.path], art: "Beschlusvorlage")
        XCTAssertTrue(none.isEmpty)
        XCTAssertEqual(log.all.first?.suggestion, "Beschlussvorlage")
    }

    /// Never overwrites: the same paper twice is an error, the first file stays as it was, no stray image.
    func testNeverOverwritesAPaper() throws {
        let fixture = try Fixture()
        let file = Fixture.temporary("wege", suffix: ".docx")
        try wordPaper().write(to: file)
        let (first, _) = run(fixture, [file.path])
        let before = Fixture.tree(fixture.content)
        try Data("edited".utf8).write(to: URL(fileURLWithPath: first[0].paper))
        let (second, log) = run(fixture, [file.path])
        XCTAssertTrue(second.isEmpty)
        XCTAssertTrue(log.all.contains { $0.severity == .error && $0.location.file == first[0].paper }, log.all.map(\.formatted).joined())
        XCTAssertEqual(try String(contentsOfFile: first[0].paper, encoding: .utf8), "edited")
        XCTAssertEqual(Set(Fixture.tree(fixture.content).keys), Set(before.keys))
    }

    /// An image name taken by another file gets the next free name, and the Markdown follows it.
    func testImageNameCollision() throws {
        let fixture = try Fixture()
        try fixture.write("anlagen/wege-bild-1.png", Data([1, 2, 3]))
        let (written, log) = run(fixture, [try file("wege.docx", wordPaper(grunddaten: false))])
        XCTAssertEqual(written.count, 1, log.all.map(\.formatted).joined(separator: "\n"))
        let text = try String(contentsOfFile: written[0].paper, encoding: .utf8)
        XCTAssertTrue(text.contains("](anlagen/wege-bild-1-2.png)"), text)
        XCTAssertEqual(FileManager.default.contents(atPath: Paths.join(fixture.content, "anlagen/wege-bild-1.png")), Data([1, 2, 3]))
    }

    /// The command line: a corrupt and an encrypted file give a clear German error naming each file
    /// (both in one run), exit 1; a good file beside them is still imported.
    func testCommandReportsBrokenFiles() throws {
        let fixture = try Fixture()
        let folder = fixture.root
        try Data("kein zip".utf8).write(to: folder.appendingPathComponent("kaputt.docx"))
        try Data([0xD0, 0xCF, 0x11, 0xE0] + [UInt8](repeating: 0, count: 508)).write(to: folder.appendingPathComponent("geheim.docx"))
        try wordPaper().write(to: folder.appendingPathComponent("gut.docx"))
        let result = try Fixture.teilhabe(["import", "docx", "kaputt.docx", "geheim.docx", "gut.docx"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("kaputt.docx: error: die Datei ist keine lesbare Word-Datei (.docx): kein ZIP-Archiv"), result.stderr)
        XCTAssertTrue(result.stderr.contains("geheim.docx: error: die Datei ist verschlüsselt"), result.stderr)
        XCTAssertTrue(result.stdout.contains("übernommen als Entwurf: content/vorlagen/2025-0042-wege-ohne-stufen.md"), result.stdout)
    }
}
