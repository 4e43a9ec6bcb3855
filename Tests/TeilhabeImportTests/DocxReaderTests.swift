import XCTest
import TeilhabeTesting
@testable import TeilhabeImport

/// `DocxReader` (issue 22 item 4): Word and LibreOffice files built in code → Markdown.
final class DocxReaderTests: XCTestCase {
    typealias F = DocxTestFiles

    /// German Word: localised style ids, headings by name, labelled Grunddaten lines, formatting, links, lists.
    func testWordFileBecomesMarkdown() throws {
        let body = F.p(F.t("Barrierefreie Spielplätze"), style: "Titel")
            + F.p(F.t("Vorlagenart: Beschlussvorlage") + "<w:r><w:br/></w:r>" + F.t("Vorlagen-Nr.: 2025/0042")
                  + "<w:r><w:br/></w:r>" + F.t("Federführend: A 58 – Amt für Inklusion") + "<w:r><w:br/></w:r>" + F.t("Datum: 10.09.2025"))
            + F.p(F.t("Sachlage"), style: "berschrift1")
            + F.p(F.t("Der Kreis prüft ") + F.t("alle", bold: true) + F.t(" Plätze, ") + F.t("gründlich", italic: true) + F.t(" und ")
                  + "<w:hyperlink r:id=\"rIdL\">" + F.t("öffentlich") + "</w:hyperlink>" + F.t("."))
            + F.p(F.t("Einzelheiten"), style: "berschrift2")
            + F.p(F.t("Spielgeräte"), style: "Listenabsatz", numId: 1)
            + F.p(F.t("Schaukeln"), style: "Listenabsatz", numId: 1, level: 1)
            + F.p(F.t("Wege"), style: "Listenabsatz", numId: 1)
            + F.p(F.t("Erstens"), numId: 2)
            + F.p(F.t("Zweitens"), numId: 2)
            + F.p(F.t("2024 war ein gutes Jahr. Preis: 5 * 3 [netto]"))
        let data = try F.docx(body: body, relationships: "<Relationship Id=\"rIdL\" Type=\"x/hyperlink\" Target=\"https://example.org/a\" TargetMode=\"External\"/>")
        let result = try DocxReader.markdown(from: data)
        XCTAssertEqual(result.markdown, """
            ## Sachlage

            Der Kreis prüft **alle** Plätze, *gründlich* und [öffentlich](https://example.org/a).

            ### Einzelheiten

            - Spielgeräte
              - Schaukeln
            - Wege

            1. Erstens
            2. Zweitens

            2024 war ein gutes Jahr. Preis: 5 \\* 3 \\[netto\\]

            """)
        XCTAssertEqual(result.grunddaten.betreff, "Barrierefreie Spielplätze")
        XCTAssertEqual(result.grunddaten.art, "Beschlussvorlage")
        XCTAssertEqual(result.grunddaten.nummer, "2025/0042")
        XCTAssertEqual(result.grunddaten.federfuehrend, "A 58 – Amt für Inklusion")
        XCTAssertEqual(result.grunddaten.datum, "10.09.2025")
        XCTAssertEqual(result.warnings, [])
    }

    /// LibreOffice: headings found by outline level (style, inherited style, or the paragraph's own), a
    /// Grunddaten table (four columns), a GFM table with merged cells flattened and a warning.
    func testLibreOfficeOutlineLevelsAndTables() throws {
        let grunddaten = "<w:tbl>" + F.row(["Betreff:", "Wege ohne Stufen", "Drucksache", "VO/7087/2025"])
            + F.row(["Federführende Stelle", "Bauamt", "Datum", "2025-03-01"]) + "</w:tbl>"
        let merged = "<w:tbl>" + F.row(["Ort", "Anzahl", "Art"])
            + "<w:tr>" + F.cell("Nord | Mitte", properties: "<w:gridSpan w:val=\"2\"/>") + F.cell("neu", properties: "<w:vMerge w:val=\"restart\"/>") + "</w:tr>"
            + "<w:tr>" + F.cell("Süd") + F.cell("4") + F.cell("", properties: "<w:vMerge/>") + "</w:tr></w:tbl>"
        let body = grunddaten
            + F.p(F.t("Sachlage"), style: "Heading1")
            + F.p(F.t("Lage"), style: "Kapitel")
            + F.p(F.t("Im Detail"), style: "Unterkapitel")
            + "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>" + F.t("Rechtslage") + "</w:p>"
            + merged
        let result = try DocxReader.markdown(from: F.docx(body: body, styles: F.libreOfficeStyles, numbering: nil))
        XCTAssertEqual(result.markdown, """
            ## Sachlage

            ### Lage

            ### Im Detail

            ## Rechtslage

            | Ort | Anzahl | Art |
            | --- | --- | --- |
            | Nord \\| Mitte |  | neu |
            | Süd | 4 |  |

            """)
        XCTAssertEqual(result.grunddaten.betreff, "Wege ohne Stufen")
        XCTAssertEqual(result.grunddaten.nummer, "VO/7087/2025")
        XCTAssertEqual(result.grunddaten.federfuehrend, "Bauamt")
        XCTAssertEqual(result.grunddaten.datum, "2025-03-01")
        XCTAssertEqual(result.warnings.map(\.rule), ["DOCX-TABELLE"])
    }

    /// Footnotes become `[^n]` marks with definitions at the end, numbered in reading order.
    func testFootnotes() throws {
        let footnotes = "<?xml version=\"1.0\"?><w:footnotes xmlns:w=\"\(F.w)\" xmlns:r=\"\(F.r)\">"
            + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            + "<w:footnote w:id=\"7\"><w:p><w:r><w:footnoteRef/></w:r>" + F.t(" Quelle: Landesamt, 2024.") + "</w:p></w:footnote>"
            + "<w:footnote w:id=\"3\"><w:p><w:r><w:footnoteRef/></w:r>" + F.t(" Siehe ") + F.t("Anlage", italic: true) + F.t(" und ")
            + "<w:hyperlink r:id=\"rId1\">" + F.t("Quelle") + "</w:hyperlink></w:p></w:footnote>"
            + "</w:footnotes>"
        let body = F.p(F.t("Zahlen") + "<w:r><w:footnoteReference w:id=\"7\"/></w:r>" + F.t(" und Plan")
                       + "<w:r><w:footnoteReference w:id=\"3\"/></w:r>" + F.t("."))
        let result = try DocxReader.markdown(from: F.docx(body: body, footnotes: footnotes,
            relationships: "<Relationship Id=\"rId1\" Type=\"x/hyperlink\" Target=\"https://falsch.example\" TargetMode=\"External\"/>",
            extra: ["word/_rels/footnotes.xml.rels": "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"x/hyperlink\" Target=\"https://land.example/q\" TargetMode=\"External\"/></Relationships>"]))
        XCTAssertEqual(result.markdown, "Zahlen[^1] und Plan[^2].\n\n[^1]: Quelle: Landesamt, 2024.\n\n[^2]: Siehe *Anlage* und [Quelle](https://land.example/q)\n")
    }

    /// Tracked changes are taken as accepted (insertions kept, deletions gone), comments dropped; both warned.
    func testTrackedChangesAndComments() throws {
        let body = "<w:p>" + F.t("Der Ausschuss ") + "<w:del w:id=\"1\"><w:r><w:delText>lehnt</w:delText></w:r></w:del>"
            + "<w:ins w:id=\"2\">" + F.t("beschließt") + "</w:ins>" + "<w:commentRangeStart w:id=\"5\"/>" + F.t(" den Plan.")
            + "<w:commentRangeEnd w:id=\"5\"/><w:r><w:commentReference w:id=\"5\"/></w:r></w:p>"
        let result = try DocxReader.markdown(from: F.docx(body: body, extra: ["word/comments.xml": "<w:comments xmlns:w=\"\(F.w)\"/>"]))
        XCTAssertEqual(result.markdown, "Der Ausschuss beschließt den Plan.\n")
        XCTAssertEqual(result.warnings.map(\.rule), ["DOCX-AENDERUNGEN", "DOCX-KOMMENTARE"])
        XCTAssertTrue(result.warnings[0].message.de.contains("2 nachverfolgte"), result.warnings[0].message.de)
    }

    /// Images keep their alternative text; one without gets the A11Y-ALT warning; EMF is skipped.
    func testImagesWithAndWithoutAlternativeText() throws {
        let rels = "<Relationship Id=\"rId5\" Type=\"x/image\" Target=\"media/image1.png\"/>"
            + "<Relationship Id=\"rId6\" Type=\"x/image\" Target=\"media/image2.png\"/>"
            + "<Relationship Id=\"rId7\" Type=\"x/image\" Target=\"media/image3.emf\"/>"
            + "<Relationship Id=\"rId8\" Type=\"x/image\" Target=\"../../../etc/passwd.png\"/>"
        let body = F.p(F.drawing(rid: "rId5", name: "Grafik 1", descr: "Karte der [neuen] Wege"))
            + F.p(F.drawing(rid: "rId6", name: "Grafik 2", descr: nil))
            + F.p(F.drawing(rid: "rId7", name: "Grafik 3", descr: "Logo"))
            + F.p(F.drawing(rid: "rId8", name: "Grafik 4", descr: "Ausbruch"))
        let data = try F.docx(body: body, relationships: rels,
                              media: ["image1.png": F.png, "image2.png": F.png + Data([1]), "image3.emf": Data([1, 2])])
        let result = try DocxReader.markdown(from: data, imagePrefix: "plan")
        XCTAssertEqual(result.markdown, "![Karte der \\[neuen\\] Wege](anlagen/plan-bild-1.png)\n\n![](anlagen/plan-bild-2.png)\n")
        XCTAssertEqual(result.images.map(\.name), ["plan-bild-1.png", "plan-bild-2.png"])
        XCTAssertEqual(result.images.map(\.alt), ["Karte der [neuen] Wege", ""])
        XCTAssertEqual(result.images[1].data, F.png + Data([1]))
        XCTAssertEqual(result.warnings.map(\.rule), ["A11Y-ALT", "DOCX-BILD"])
    }

    /// Encrypted (OLE), not a ZIP, no document, a DTD (entity tricks), and a part over the size limit.
    func testBrokenFilesAreRefused() throws {
        func message(_ data: Data) -> String {
            do { _ = try DocxReader.markdown(from: data); return "" } catch { return error.message.de }
        }
        XCTAssertTrue(message(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)))
            .contains("verschlüsselt"))
        XCTAssertTrue(message(Data("PK kaputt".utf8)).contains("kein ZIP-Archiv"))
        XCTAssertTrue(message(try F.zip(["word/other.xml": Data("<x/>".utf8)])).contains("word/document.xml fehlt"))
        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"\(F.w)\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
        XCTAssertTrue(message(try F.zip(["word/document.xml": Data(xxe.utf8)])).contains("DTD"))
        XCTAssertTrue(message(try F.zip(["word/document.xml": Data("<w:document><w:body>".utf8)])).contains("kein gültiges XML"))
        let deep = String(repeating: "<w:sdt><w:sdtContent>", count: 300) + String(repeating: "</w:sdtContent></w:sdt>", count: 300)
        XCTAssertTrue(message(try F.docx(body: deep)).contains("kein gültiges XML"))
        let bomb = try F.zip(["word/document.xml": Data(count: DocxPackage.maxPartSize + 1)])
        XCTAssertLessThan(bomb.count, 1_000_000)
        XCTAssertTrue(message(bomb).contains("größer als 64 MB"), message(bomb))
    }

    /// Heading styles of English Word, German Word (localised ids, or German names in older files),
    /// LibreOffice; ids only where the name says nothing; body styles are no headings.
    func testHeadingStyleNames() {
        let styles = DocxStyles(try? XMLElement.parse(Data(("<w:styles xmlns:w=\"\(F.w)\">"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"berschrift3\"><w:name w:val=\"Überschrift 3\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Textkrper\"><w:name w:val=\"Body Text\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Ebene9\"><w:name w:val=\"Ebene\"/><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr></w:style>"
            + "</w:styles>").utf8), part: "styles.xml"))
        XCTAssertEqual(styles.headingLevel("Heading1"), 1)
        XCTAssertEqual(styles.headingLevel("berschrift3"), 3)
        XCTAssertEqual(styles.headingLevel("berschrift2"), 2)   // not defined in styles.xml: the id says it
        XCTAssertNil(styles.headingLevel("Textkrper"))
        XCTAssertNil(styles.headingLevel("Ebene9"))             // outline level 9 is body text
        XCTAssertNil(styles.headingLevel(nil))
    }

    /// Only web and mail links are taken over; a `javascript:` or `file:` link keeps its text alone.
    func testUnsafeLinksKeepOnlyTheirText() throws {
        let rels = "<Relationship Id=\"rId1\" Type=\"x/hyperlink\" Target=\"javascript:alert(1)\" TargetMode=\"External\"/>"
            + "<Relationship Id=\"rId2\" Type=\"x/hyperlink\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/>"
            + "<Relationship Id=\"rId3\" Type=\"x/hyperlink\" Target=\"mailto:amt@example.org\" TargetMode=\"External\"/>"
        let body = F.p("<w:hyperlink r:id=\"rId1\">" + F.t("Eins") + "</w:hyperlink>" + F.t(" ")
                       + "<w:hyperlink r:id=\"rId2\">" + F.t("Zwei") + "</w:hyperlink>" + F.t(" ")
                       + "<w:hyperlink r:id=\"rId3\">" + F.t("Mail") + "</w:hyperlink>")
        XCTAssertEqual(try DocxReader.markdown(from: F.docx(body: body, relationships: rels)).markdown,
                       "Eins Zwei [Mail](mailto:amt@example.org)\n")
    }

    /// A relationship target may not climb out of the archive.
    func testRelationshipTargetsStayInside() {
        XCTAssertEqual(DocxPackage.resolve("media/a.png", from: "word"), "word/media/a.png")
        XCTAssertEqual(DocxPackage.resolve("../media/a.png", from: "word"), "media/a.png")
        XCTAssertNil(DocxPackage.resolve("../../a.png", from: "word"))
    }
}
