import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild

/// A non-public paper never reaches the public build: no page, entry, attachment, link, title or byte.
final class NonPublicTests: XCTestCase {
    private func fixture() throws -> Fixture {
        var files = Fixture.minimal
        files["vorlagen/2024-0009-geheim.md"] = """
        ---
        art: Beschlussvorlage
        nummer: "2024/0009"
        betreff: Grundstücksgeschäft Geheimweg
        datum: 2024-02-25
        status: nichtoeffentlich
        federfuehrend: A 1 – Testamt
        beratungsfolge:
          - {sitzung: 2024-03-05-sozialausschuss, rolle: Entscheidung, ergebnis: beschlossen}
        anlagen:
          - {titel: Kaufvertrag Geheimweg, datei: anlagen/kaufvertrag-geheimweg.pdf}
        ---
        ## Sachlage
        Vertraulicher Inhalt Geheimweg.
        ## Rechtslage
        Vertraulich.
        ## Beschlussvorschlag
        Zustimmen.
        """
        files["vorlagen/2024-0009-geheim.leicht.md"] = "---\ntitel: Geheimweg leicht\n---\nGeheimweg.\n"
        files["anlagen/kaufvertrag-geheimweg.pdf"] = "%PDF-1.4 GEHEIMWEG-BYTES"
        files["sitzungen.yaml"] = Fixture.minimal["sitzungen.yaml"]! + "\n    - {top: \"7\", vorlage: \"2024/0009\"}\n    - {top: \"8\", titel: Personalsache Geheimweg, status: nichtoeffentlich}\n"
        return try Fixture(files)
    }

    func testPublicBuildHoldsNoTraceOfTheNonPublicPaper() throws {
        let f = try fixture()
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        for (path, data) in Fixture.tree(f.output) {
            XCTAssertFalse(path.contains("geheim"), path)
            for secret in ["Geheimweg", "2024/0009", "2024-0009", "GEHEIMWEG-BYTES", "Kaufvertrag"] {
                XCTAssertNil(data.range(of: Data(secret.utf8)), "\(secret) in \(path)")
            }
        }
        let tree = Fixture.tree(f.output)
        for export in ["feed.xml", "sitemap.xml", "kalender.ics", "sitzungen/2024-03-05-sozialausschuss/sitzung.ics",
                       "gremien/sozialausschuss/sitzungen.ics", "suche/index.json", "oparl/v1.1/index.json"] {
            XCTAssertNotNil(tree[export], "\(export) was scanned")
        }
        XCTAssertGreaterThan(tree.keys.filter { $0.hasPrefix("oparl/") }.count, 20)
        let sitzung = try f.page("sitzungen/2024-03-05-sozialausschuss/index.html")
        XCTAssertTrue(sitzung.contains("<th scope=\"row\">7</th><td>Nichtöffentlicher Teil</td>"))
        XCTAssertTrue(sitzung.contains("<th scope=\"row\">8</th><td>Nichtöffentlicher Teil</td>"))
    }

    func testCommitteeBuildHasEverythingMarkedNonPublic() throws {
        let f = try fixture()
        let (resultValue, _) = f.build(publikum: .gremium)
        XCTAssertNotNil(resultValue)
        let page = try f.page("vorlagen/2024-0009-geheim/index.html")
        XCTAssertTrue(page.contains("<strong>nichtöffentlich</strong>"))
        XCTAssertTrue(page.contains("noindex"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: Paths.join(f.output, "anlagen/kaufvertrag-geheimweg.pdf")))
        XCTAssertTrue(FileManager.default.fileExists(atPath: Paths.join(f.output, "leichte-sprache/vorlagen/2024-0009-geheim/index.html")))
        XCTAssertTrue(try f.page("vorlagen/index.html").contains("Grundstücksgeschäft Geheimweg"))
    }

    func testPublicPageMustNotLinkToANonPublicOne() throws {
        let f = try fixture()
        try f.write("seiten/kontakt.md", "---\ntitel: Kontakt\n---\nSiehe [dies](../vorlagen/2024-0009-geheim.md).\n")
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        XCTAssertTrue(log.all.contains { $0.rule == "REF" && $0.message.contains("nichtöffentliche Seite vorlagen/2024-0009-geheim") })
    }
}
