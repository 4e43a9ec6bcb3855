import XCTest
import TeilhabeTesting
@testable import TeilhabeImport

/// `teilhabe export docx` (issue 22 item 5): an accessible Word file of a page, and the way back.
final class DocxExportTests: XCTestCase {
    static let body = """
        ## Sachlage

        Der Kreis baut **barrierefreie** Wege und *prüft* sie mit der [Fachstelle](https://example.org/fachstelle).[^1]

        - Rampen
          - an Schulen
        - Aufzüge

        1. Planung
        2. Bau

        | Ort | Anzahl |
        | --- | ---: |
        | Nord | 3 |
        | Süd | *keine* |

        ![Karte der neuen Wege](anlagen/plan.png)

        ## Rechtslage

        Es gilt das Gesetz.[^2]

        ### Landesrecht[^3]

        Nichts weiter.

        ## Beschlussvorschlag

        Der Ausschuss stimmt zu.

        [^1]: Stand Januar 2025.

        [^2]: Siehe *Landesbauordnung*.

        [^3]: Gilt seit 2019.

        """

    private func fixture() throws -> Fixture {
        let fixture = try Fixture()
        try fixture.write("anlagen/plan.png", DocxTestFiles.png)
        try fixture.write("vorlagen/2024-0002-wege.md", """
            ---
            art: Beschlussvorlage
            nummer: "2024/0002"
            betreff: Wege ohne Stufen & Schwellen
            datum: 2024-02-21
            status: oeffentlich
            federfuehrend: A 1 – Testamt
            beratungsfolge:
              - sitzung: 2024-03-05-sozialausschuss
                rolle: Entscheidung
            ---
            \(Self.body)
            """)
        try fixture.write("vorlagen/2024-0002-wege.leicht.md", "---\ntitel: Wege ohne Stufen\n---\nWir bauen Wege.\n")
        return fixture
    }

    private func export(_ fixture: Fixture, _ page: String = "vorlagen/2024-0002-wege.md") throws -> (Data, DiagnosticLog) {
        let log = DiagnosticLog()
        let target = Fixture.temporary("export", suffix: ".docx").path
        let written = DocxExport.run(page: page, content: fixture.content, output: target, log: log)
        XCTAssertEqual(written, target, log.all.map(\.formatted).joined(separator: "\n"))
        return (try Data(contentsOf: URL(fileURLWithPath: target)), log)
    }

    private static func words(_ text: String) -> [Substring] { text.split(whereSeparator: \.isWhitespace) }

    /// Export, then import: the same Markdown (modulo whitespace) and the same Grunddaten.
    func testRoundTripGivesTheSameMarkdown() throws {
        let (data, log) = try export(fixture())
        XCTAssertFalse(log.hasErrors)
        let back = try DocxReader.markdown(from: data)
        XCTAssertEqual(Self.words(back.markdown), Self.words(Self.body),
                       back.markdown)
        XCTAssertEqual(back.grunddaten.betreff, "Wege ohne Stufen & Schwellen")
        XCTAssertEqual(back.grunddaten.art, "Beschlussvorlage")
        XCTAssertEqual(back.grunddaten.nummer, "2024/0002")
        XCTAssertEqual(back.grunddaten.federfuehrend, "A 1 – Testamt")
        XCTAssertEqual(back.grunddaten.datum.flatMap(DocxPaper.date), CalendarDay("2024-02-21"))
        XCTAssertEqual(back.images, [DocxImage(name: "plan.png", data: DocxTestFiles.png, alt: "Karte der neuen Wege")])
        XCTAssertEqual(back.warnings.map(\.rule), ["DOCX-BERATUNGSFOLGE"])
    }

    /// What makes the file accessible: heading styles, header rows, alt texts, footnotes, de-DE, title, subject.
    func testFileIsAccessible() throws {
        var package_ = try DocxPackage(data: export(fixture()).0)
        func part(_ path: String) throws -> String { String(decoding: try XCTUnwrap(package_.part(path)), as: UTF8.self) }
        let core = try part("docProps/core.xml")
        XCTAssertTrue(core.contains("<dc:title>Wege ohne Stufen &amp; Schwellen</dc:title>"), core)
        XCTAssertTrue(core.contains("<dc:subject>Beschlussvorlage 2024/0002</dc:subject>"), core)
        XCTAssertTrue(core.contains("<dc:language>de-DE</dc:language>"), core)
        XCTAssertTrue(try part("word/styles.xml").contains("<w:lang w:val=\"de-DE\""))
        XCTAssertTrue(try part("word/settings.xml").contains("<w:themeFontLang w:val=\"de-DE\"/>"))
        let document = try part("word/document.xml")
        for expected in ["<w:pStyle w:val=\"Title\"/>", "<w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Sachlage",
                         "<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Landesrecht</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"3\"/>",
                         "<w:tblHeader/>", "descr=\"Karte der neuen Wege\"", "<w:tblCaption w:val=\"Grunddaten\"/>",
                         "Ausschuss für Soziales", "05.03.2024", "<w:footnoteReference w:id=\"2\"/>"] {
            XCTAssertTrue(document.contains(expected), expected)
        }
        XCTAssertTrue(try part("word/footnotes.xml").contains("Landesbauordnung"))
        XCTAssertEqual(try package_.part("word/media/plan.png"), DocxTestFiles.png)
    }

    /// Links to pages of the site become addresses under basis_url; links to drafts stay text.
    func testSiteLinksBecomeWebAddresses() throws {
        let fixture = try fixture()
        try fixture.write("berichte/entwurf.md", "---\ntitel: Geheim geplant\nstatus: entwurf\n---\nText.\n")
        try fixture.write("berichte/lage.md", """
            ---
            titel: Lagebericht Inklusion
            datum: 2024-01-10
            ---
            ## Zahlen

            Zurück zur [Vorlage](../vorlagen/2024-0001-test.md#sachlage), nicht zum [Plan](entwurf.md).
            """)
        var package_ = try DocxPackage(data: export(fixture, "berichte/lage.md").0)
        let rels = String(decoding: try XCTUnwrap(package_.part("word/_rels/document.xml.rels")), as: UTF8.self)
        XCTAssertTrue(rels.contains("Target=\"https://www.example.org/inklusion/vorlagen/2024-0001-test/#sachlage\" TargetMode=\"External\""), rels)
        XCTAssertFalse(rels.contains("entwurf"), rels)
        let back = try DocxReader.markdown(from: export(fixture, "berichte/lage.md").0)
        XCTAssertTrue(back.markdown.contains("nicht zum Plan."), back.markdown)
    }

    /// The same page gives the same bytes, whenever and wherever it is exported.
    func testExportIsDeterministic() throws {
        let fixture = try fixture()
        let first = try export(fixture).0
        let second = try export(fixture).0
        XCTAssertEqual(first, second)
    }

    /// A Bericht exports too; an unknown page is an error with the closest path.
    func testBerichtAndUnknownPage() throws {
        let fixture = try fixture()
        let back = try DocxReader.markdown(from: export(fixture, "berichte/lage.md").0)
        XCTAssertEqual(back.grunddaten.betreff, "Lagebericht Inklusion")
        XCTAssertEqual(back.grunddaten.datum, "10.01.2024")
        XCTAssertTrue(back.markdown.hasPrefix("## Zahlen\n\nZurück zur [Vorlage](https://www.example.org/inklusion/vorlagen/2024-0001-test/)."),
                      back.markdown)
        let result = try Fixture.teilhabe(["export", "docx", "vorlagen/2024-0002-wgee.md"], in: fixture.root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("meinten Sie „vorlagen/2024-0002-wege.md“?"), result.stderr)
    }

    /// The file opens in LibreOffice (where it is installed): converted to PDF, the text is there.
    func testOpensInLibreOffice() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("LibreOffice (soffice) is not installed: the Word file was not opened")
        }
        let fixture = try fixture()
        let result = try Fixture.teilhabe(["export", "docx", "content/vorlagen/2024-0002-wege.md", "--output", "wege.docx"],
                                          in: fixture.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Word-Datei geschrieben: wege.docx"), result.stdout)
        let folder = fixture.root
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=file://\(folder.path)/lo-profile", "--headless", "--convert-to", "pdf",
                             "--outdir", folder.path, folder.appendingPathComponent("wege.docx").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let pdf = folder.appendingPathComponent("wege.pdf")
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice made no PDF")
        let text = Process()
        text.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        text.arguments = [pdf.path, "-"]
        let pipe = Pipe()
        text.standardOutput = pipe
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return }
        try text.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        text.waitUntilExit()
        XCTAssertTrue(output.contains("Wege ohne Stufen"), output)
        XCTAssertTrue(output.contains("Sachlage"), output)
        XCTAssertTrue(output.contains("Landesbauordnung"), output)
    }
}
