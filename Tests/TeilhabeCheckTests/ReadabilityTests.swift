import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeCheck

/// Issue 23, item 5: readability figures per easy page in `check --format html/json`.
final class ReadabilityTests: XCTestCase {
    func testFiguresCountTheMaskedTextAndLIXIsBjoernssons() {
        let text = """
        ## Wohnen

        Die Stadt baut Wohnungen. Sie sind barriere·frei.
        Lesen Sie den [Plan](../plan/wohnen-2026.md) im Rathaus.
        <!-- ein Kommentar mit vielen langen Wörtern -->
        """
        let r = Readability.of(text, file: "x.leicht.md")
        // sentences: "Wohnen", two on line 3, one on line 4; link targets and comments are no words
        XCTAssertEqual(r.sentences, 4)
        XCTAssertEqual(r.words, 1 + 4 + 3 + 6)
        // longer than 6 letters: Wohnen? no (6); Wohnungen, barrierefrei, Rathaus
        XCTAssertEqual(r.longWords, 3)
        XCTAssertEqual(r.letters, 6 + (3 + 5 + 4 + 9) + (3 + 4 + 12) + (5 + 3 + 3 + 4 + 2 + 7))
        XCTAssertEqual(r.lix, 14.0 / 4 + 100 * 3.0 / 14, accuracy: 1e-9)
        XCTAssertEqual(r.rounded.longWordPercent, 21.4)
        XCTAssertEqual(Readability.of("", file: "leer").lix, 0, "an empty page divides by nothing")
    }

    func testCheckJSONWithLesbarkeitAndTheHTMLOverview() throws {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.leicht.md"] = "---\ntitel: Test\n---\nDie Stadt hilft Ihnen gern.\nDie Eingliederungshilfe bezahlt das Geld.\n"
        let f = try Fixture(files)
        let plain = try Fixture.teilhabe(["check", "--format", "json"], in: f.root)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [[String: Any]], "without the flag: the contract's array")

        let r = try Fixture.teilhabe(["check", "--format", "json", "--lesbarkeit"], in: f.root)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertNotNil(document["befunde"] as? [[String: Any]])
        let pages = try XCTUnwrap(document["lesbarkeit"] as? [[String: Any]])
        let page = try XCTUnwrap(pages.first { $0["file"] as? String == "content/vorlagen/2024-0001-test.leicht.md" })
        XCTAssertEqual(page["saetze"] as? Int, 2)
        XCTAssertEqual(page["woerter"] as? Int, 10)
        XCTAssertEqual(page["woerter_je_satz"] as? Double, 5)
        XCTAssertEqual(page["anteil_lange_woerter_prozent"] as? Double, 20)   // Eingliederungshilfe, bezahlt
        XCTAssertEqual(page["lix"] as? Double, 25)
        XCTAssertEqual(Set(page.keys), ["file", "saetze", "woerter", "woerter_je_satz", "buchstaben_je_wort", "anteil_lange_woerter_prozent", "lix"])

        _ = try Fixture.teilhabe(["check", "--format", "html", "--output", "bericht.html"], in: f.root)
        let html = try String(contentsOf: f.root.appendingPathComponent("bericht.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<caption id=\"lesbarkeit\">Lesbarkeit je Seite</caption>"), html)
        XCTAssertTrue(html.contains("<tr><th scope=\"row\" class=\"ort\">content/vorlagen/2024-0001-test.leicht.md</th><td>5,0</td><td>"), html)
        XCTAssertTrue(html.contains("<td>20,0 %</td><td>25,0</td></tr>"), html)
    }
}
