import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeModel
@testable import TeilhabeRender

/// The actor network (issue 24, item 4): lists readable without the picture, a deterministic diagram,
/// errors for ties to unknown actors.
final class NetzwerkTests: XCTestCase {
    static let areas = "- {id: aachen-ost, name: Aachen-Ost, kommune: Aachen}\n"

    static let entries = [
        """
        - id: lebenshilfe
          name: Lebenshilfe Kreisvereinigung
          art: Traeger
          sozialraeume: [aachen-ost]
          verbindungen:
            - {mit: inklusionsbeirat, art: Mitglied}
            - {mit: lvr, art: Foerderung}
        """,
        """
        - id: inklusionsbeirat
          name: Inklusionsbeirat
          art: Beirat
        """,
        """
        - id: lvr
          name: Landschaftsverband Rheinland
          art: Verwaltung
          verbindungen:
            - {mit: inklusionsbeirat, art: Kooperation}
        """,
    ]

    private func fixture(_ akteure: String) throws -> Fixture {
        var files = Fixture.minimal
        files["sozialraeume.yaml"] = Self.areas
        files["akteure.yaml"] = akteure
        return try Fixture(files)
    }

    func testActorsByKindWithTiesFromBothSidesAndADiagramWithTextAlternative() throws {
        let f = try fixture(Self.entries.joined(separator: "\n"))
        let (result, log) = f.build()
        XCTAssertNotNil(result, log.all.map(\.formatted).joined(separator: "\n"))
        let page = try f.page("netzwerk/index.html")
        XCTAssertTrue(page.contains("<h2 id=\"art-traeger\">Träger</h2>") && page.contains("<h2 id=\"art-beirat\">Beiräte</h2>"))
        XCTAssertTrue(page.contains("<li>ist Mitglied in <a href=\"#akteur-inklusionsbeirat\">Inklusionsbeirat</a></li>"))
        XCTAssertTrue(page.contains("<li>hat als Mitglied <a href=\"#akteur-lebenshilfe\">Lebenshilfe Kreisvereinigung</a></li>"),
                      "the other side of the tie is listed too")
        XCTAssertTrue(page.contains("<li>fördert <a href=\"#akteur-lebenshilfe\">Lebenshilfe Kreisvereinigung</a></li>"))
        XCTAssertTrue(page.contains("<li>bekommt Förderung von <a href=\"#akteur-lvr\">Landschaftsverband Rheinland</a></li>"))
        XCTAssertTrue(page.contains("Sozialräume: Aachen-Ost"))
        XCTAssertTrue(page.contains("role=\"img\" aria-labelledby=\"netzwerk-titel netzwerk-text\""))
        XCTAssertTrue(page.contains("<title id=\"netzwerk-titel\">Netzwerkbild: 3 Akteure und 3 Verbindungen</title>"))
        XCTAssertEqual(page.components(separatedBy: "<line x1=").count - 1, 3 + 4, "a line per tie, and one per legend entry")
        XCTAssertTrue(page.contains("stroke-dasharray=\"8 5\""), "kinds of tie differ by pattern, not only colour")
        XCTAssertTrue(FileManager.default.fileExists(atPath: Paths.join(f.output, "leichte-sprache/netzwerk/index.html")))
        XCTAssertTrue(try f.page("sitemap.xml").contains("https://www.example.org/inklusion/netzwerk/</loc>"))
    }

    func testDiagramDoesNotDependOnTheOrderOfTheFile() throws {
        func svg(_ entries: [String]) throws -> String {
            let f = try fixture(entries.joined(separator: "\n"))
            XCTAssertNotNil(f.build().0)
            let page = try f.page("netzwerk/index.html")
            let start = try XCTUnwrap(page.range(of: "<svg class=\"netzwerk\"")), end = try XCTUnwrap(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
            return String(page[start.lowerBound..<end.upperBound])
        }
        let a = try svg(Self.entries), b = try svg(Self.entries.reversed())
        XCTAssertEqual(a, b)
        // Sorted by kind (Träger before Verwaltung before Beirat), then id: Lebenshilfe sits at the top.
        XCTAssertTrue(a.contains("<circle cx=\"320.0\" cy=\"120.0\""), a)
    }

    func testTieToUnknownActorOrToItselfIsAnErrorAtItsLine() throws {
        let bad = Self.entries.joined(separator: "\n")
            .replacingOccurrences(of: "{mit: lvr, art: Foerderung}", with: "{mit: lrv, art: Foerderung}")
            .replacingOccurrences(of: "{mit: inklusionsbeirat, art: Kooperation}", with: "{mit: lvr, art: Kooperation}")
        let f = try fixture(bad)
        let (result, log) = f.build()
        XCTAssertNil(result)
        let errors = log.all.filter { $0.severity == .error }.map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(errors.contains("akteure.yaml:7:13: error: Verbindung zu unbekanntem Akteur „lrv“") && errors.contains("meinten Sie 'lvr'?"), errors)
        XCTAssertTrue(errors.contains("akteure.yaml:15:13: error: ein Akteur kann keine Verbindung zu sich selbst haben"), errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: Paths.join(f.output, "netzwerk/index.html")))
    }

    func testUnknownAreaAndUnknownKindAreErrorsWithSuggestion() throws {
        let bad = Self.entries.joined(separator: "\n")
            .replacingOccurrences(of: "sozialraeume: [aachen-ost]", with: "sozialraeume: [aachen-oest]")
            .replacingOccurrences(of: "art: Beirat", with: "art: Beirät")
        let f = try fixture(bad)
        let (result, log) = f.build()
        XCTAssertNil(result)
        let errors = log.all.filter { $0.severity == .error }.map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(errors.contains("akteure.yaml:4:18: error: unbekannter Sozialraum „aachen-oest“") && errors.contains("meinten Sie 'aachen-ost'?"), errors)
        XCTAssertTrue(errors.contains("akteure.yaml:10:8: error:") && errors.contains("meinten Sie 'Beirat'?"), errors)
    }
}
