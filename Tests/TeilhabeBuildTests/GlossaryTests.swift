import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild
@testable import TeilhabeRender
@testable import TeilhabeCheck

/// The glossary (glossar.yaml, issue 23 item 3): the Wörterbuch page A–Z, first-use links on easy
/// pages, errors for duplicates, the check's suggestion, and rebuilding when the glossary changes.
final class GlossaryTests: XCTestCase {
    static let glossar = """
    # Wörter
    - wort: Eingliederungs·hilfe
      varianten: [Eingliederungshilfe]
      erklaerung: Geld und Hilfe für Menschen mit Behinderung. Damit sie gut leben können.
    - wort: Ämter·lotse
      erklaerung: Ein Mensch hilft Ihnen bei Ämtern.
    - wort: Barriere
      varianten: [Barrieren]
      erklaerung: Etwas ist im Weg.
    - wort: Persönliches Budget
      erklaerung: Sie bekommen Geld für Ihre Hilfe.
    - wort: Inklusion
      erklaerung: Alle machen mit.
    """

    private func fixture(_ leicht: String, glossar: String = GlossaryTests.glossar) throws -> Fixture {
        var files = Fixture.minimal
        files["glossar.yaml"] = glossar
        files["vorlagen/2024-0001-test.leicht.md"] = "---\ntitel: Spiel·plätze für alle\n---\n" + leicht
        return try Fixture(files)
    }

    private func built(_ f: Fixture) throws -> DiagnosticLog {
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        return log
    }

    func testTheWoerterbuchListsTheWordsAToZWithALetterIndexAndAnchors() throws {
        let f = try fixture("Wir bauen Spiel·plätze.\n")
        _ = try built(f)
        let page = try f.page("leichte-sprache/woerterbuch/index.html")
        let order = ["id=\"wort-aemterlotse\"", "id=\"wort-barriere\"", "id=\"wort-eingliederungshilfe\"", "id=\"wort-inklusion\"",
                     "id=\"wort-persoenliches-budget\""].map { page.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil), "every entry has its anchor")
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "A–Z, Ä under A")
        XCTAssertTrue(page.contains("<nav class=\"buchstaben\" aria-label=\"Buchstaben\">\n<ul>\n<li><a href=\"#buchstabe-a\">A</a></li>\n"
                                    + "<li><a href=\"#buchstabe-b\">B</a></li>\n<li><a href=\"#buchstabe-e\">E</a></li>"), "the letter index")
        XCTAssertTrue(page.contains("<h2 id=\"buchstabe-a\">A</h2>"))
        XCTAssertTrue(page.contains("<dt id=\"wort-eingliederungshilfe\">Eingliederungs·hilfe</dt>\n"
                                    + "<dd>Geld und Hilfe für Menschen mit Behinderung.<br>\nDamit sie gut leben können.</dd>"),
                      "one sentence per line")
        XCTAssertTrue(page.contains("<body class=\"leicht\">"), "an easy page")
        XCTAssertFalse(FileManager.default.fileExists(atPath: Paths.join(f.output, "woerterbuch/index.html")), "no standard twin")
        XCTAssertTrue(try f.page("sitemap.xml").contains("leichte-sprache/woerterbuch/"))
        XCTAssertTrue(try f.page("suche/index.json").contains("leichte-sprache/woerterbuch/"))
        XCTAssertTrue(try f.page("leichte-sprache/index.html").contains("href=\"../leichte-sprache/woerterbuch/\""),
                      "the easy start page and menu lead there")
    }

    func testNoGlossaryNoWoerterbuch() throws {
        let f = try Fixture()
        _ = try built(f)
        XCTAssertFalse(FileManager.default.fileExists(atPath: Paths.join(f.output, "leichte-sprache/woerterbuch/index.html")))
        XCTAssertFalse(try f.page("leichte-sprache/index.html").contains("woerterbuch"))
    }

    func testTheFirstUseOfAWordLinksToItsEntryOnlyInRunningText() throws {
        let f = try fixture("""
        ## Die Eingliederungshilfe

        Hier ist ein [Link zur Eingliederungshilfe](https://example.org/).
        Hier steht `Eingliederungshilfe` als Code.
        Die Eingliederungs·hilfe hilft.
        Die Eingliederungshilfe hilft noch einmal.
        Das Wort Inklusionsbeirat ist ein anderes Wort.
        Viele barrieren sind weg.
        Wir erklären das Persönliche Budget und das Persönliches Budget.
        """)
        _ = try built(f)
        let page = try f.page("leichte-sprache/vorlagen/2024-0001-test/index.html")
        let link = "<a class=\"glossar-wort\" href=\"../../../leichte-sprache/woerterbuch/#wort-eingliederungshilfe\">"
        XCTAssertEqual(page.components(separatedBy: link).count - 1, 1, "linked once per page")
        XCTAssertTrue(page.contains("Die \(link)Eingliederungs·hilfe</a> hilft."), "the first use in running text")
        XCTAssertTrue(page.contains("Die Eingliederungshilfe hilft noch einmal."), "later uses stay text")
        XCTAssertTrue(page.contains("<code>Eingliederungshilfe</code>"), "not in code")
        XCTAssertTrue(page.contains(">Link zur Eingliederungshilfe</a>"), "not inside a link")
        XCTAssertFalse(page.contains("id=\"die-eingliederungshilfe\">\n<a") || page.contains("glossar-wort\" href=\"../../../leichte-sprache/woerterbuch/#wort-inklusion\""),
                       "not in headings; whole words only (Inklusionsbeirat is no Inklusion)")
        XCTAssertTrue(page.contains("Viele <a class=\"glossar-wort\" href=\"../../../leichte-sprache/woerterbuch/#wort-barriere\">barrieren</a> sind weg."),
                      "a variant, with the first letter in another case")
        XCTAssertTrue(page.contains("Wir erklären das Persönliche Budget und das <a class=\"glossar-wort\" "
                                    + "href=\"../../../leichte-sprache/woerterbuch/#wort-persoenliches-budget\">Persönliches Budget</a>."),
                      "a phrase of two words; an inflected form that is no variant is left alone")
        XCTAssertFalse(try f.page("vorlagen/2024-0001-test/index.html").contains("glossar-wort"), "standard pages are not linked")
    }

    func testMatchingIgnoresTheMediopunktSoftHyphensAndTheFirstLettersCase() {
        let links = GlossaryLinks([GlossarEntry(wort: "Eingliederungs·hilfe", erklaerung: "x", location: SourceLocation(file: "g"))])
        for text in ["Eingliederungshilfe", "Eingliederungs·hilfe", "Eingliederungs\u{AD}hilfe", "eingliederungs·hilfe"] {
            XCTAssertEqual(links.apply("<p>Die \(text) hilft.</p>") { _ in "#e" }, "<p>Die <a class=\"glossar-wort\" href=\"#e\">\(text)</a> hilft.</p>", text)
        }
        for text in ["<p>Eingliederungshilfen</p>", "<h3>Eingliederungshilfe</h3>", "<p><a href=\"x\">Die <b>Eingliederungshilfe</b></a></p>",
                     "<nav><p>Eingliederungshilfe</p></nav>", "<p title=\"Eingliederungshilfe\">&amp;</p>"] {
            XCTAssertEqual(links.apply(text) { _ in "#e" }, text, text)
        }
    }

    func testADuplicateWordOrAVariantOfTwoEntriesIsAnErrorWithItsLine() throws {
        let f = try fixture("Wir bauen.\n", glossar: """
        - wort: Eingliederungs·hilfe
          varianten: [Eingliederungshilfe]
          erklaerung: Geld und Hilfe.
        - wort: Teilhabe
          varianten: [Eingliederungshilfe]
          erklaerung: Mit·machen.
        - wort: eingliederungs-hilfe
          erklaerung: Noch einmal.
        - wort: Sozial·raum
        """)
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue, "the build stops")
        let errors = log.all.filter { $0.severity == .error && $0.location.file.hasSuffix("glossar.yaml") }
        let duplicates = errors.filter { $0.rule == "GLOSSAR" }
        XCTAssertEqual(duplicates.map(\.location.line), [5, 7])
        XCTAssertEqual(duplicates.first?.location.column, 15, "at the variant")
        XCTAssertTrue(duplicates.allSatisfy { $0.message.contains("Eingliederungs·hilfe") && $0.message.contains("Zeile 1") },
                      duplicates.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(errors.contains { $0.location.line == 9 && $0.message.contains("erklaerung") }, "a missing explanation")
    }

    func testCheckSuggestsTheGlossaryWordForAFlaggedHardWord() throws {
        var files = Fixture.minimal
        files["glossar.yaml"] = Self.glossar
        files["vorlagen/2024-0001-test.leicht.md"] = "---\ntitel: Spiel·plätze für alle\n---\nDie Eingliederungshilfe hilft.\n"
        let f = try Fixture(files)
        let log = DiagnosticLog()
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: f.content, log: log))
        LeichteSpracheCheck.run(project, log: log, referenceYear: 2026)
        let finding = try XCTUnwrap(log.all.first { $0.rule == "LS20" && $0.match == "Eingliederungshilfe" })
        XCTAssertEqual(finding.suggestion, "Eingliederungs·hilfe")
        XCTAssertTrue(finding.message.contains("Wörterbuch erklärt „Eingliederungs·hilfe“"), finding.message)
        XCTAssertTrue(finding.text.en.contains("glossary"))
        let plain = GlossarySuggestion.annotate(finding, [:])
        XCTAssertEqual(plain.message, finding.message, "without a glossary the finding stays as it is")
    }

    func testEditingTheGlossaryRemakesTheEasyPages() throws {
        let f = try fixture("Die Barriere ist weg.\nDie Inklusion ist gut.\n", glossar: """
        - wort: Barriere
          erklaerung: Etwas ist im Weg.
        """)
        _ = try built(f)
        let before = try f.page("leichte-sprache/vorlagen/2024-0001-test/index.html")
        XCTAssertTrue(before.contains("#wort-barriere\">Barriere</a>") && !before.contains("#wort-inklusion"))
        try f.write("glossar.yaml", "- wort: Barriere\n  erklaerung: Etwas ist im Weg.\n- wort: Inklusion\n  erklaerung: Alle machen mit.\n")
        _ = try built(f)
        let after = try f.page("leichte-sprache/vorlagen/2024-0001-test/index.html")
        XCTAssertTrue(after.contains("#wort-inklusion\">Inklusion</a>"), "the unchanged page is made again with the new word")
        XCTAssertTrue(try f.page("leichte-sprache/woerterbuch/index.html").contains("Alle machen mit."))
    }
}
