import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeCheck

final class EasyLanguageCheckTests: XCTestCase {
    private let checker = LSRuleEngine(lexicon: .standard, delimiter: "·", referenceYear: 2026)

    private func findings(_ text: String) -> [String] {
        checker.check(TextMask.lines(text, firstTextLine: 1)).map { "\($0.0.number):\($0.1.textRange.lowerBound + 1) \($0.1.ruleId.rawValue) \($0.0.excerpt($0.1.textRange))" }
    }

    func testSentenceSplitterKeepsOrdinalsDatesAbbreviationsAddressesTogether() {
        for sourceLine in ["Die 5. Sitzung ist am 12. März 2025 im Rathaus.", "Es gibt z. B. Hilfe beim Wohnen.",
                      "Schreiben Sie an info@kreis.example.de oder an hilfe@stadt.example.de.",
                      "Mehr auf www.kreis.example.de/leicht. Dort steht alles."] {
            let z = TextMask.lines(sourceLine, firstTextLine: 1)[0].mask
            XCTAssertEqual(Sentences.ranges(z).count, sourceLine.hasPrefix("Mehr") ? 2 : 1, sourceLine)
        }
        XCTAssertEqual(Sentences.ranges(Array("Das ist gut. Das auch!")).count, 2)
    }

    func testMarkdownSyntaxIsNotText() {
        let text = """
        Lesen Sie den [Bericht über Wohnen](../berichte/lage-2024_(neu).md).
        ![Ein Bus an der Halte·stelle](anlagen/bus_(1).png)
        Das ist **sehr** wichtig.
        ```
        Code (mit Klammern) & Zeichen; wird nicht geprüft.
        ```
        Sie finden es mit `suche(x)` im Netz.
        """
        XCTAssertEqual(findings(text), [])
        XCTAssertEqual(findings("Hier steht [ein Text (mit Klammer)](ziel.md)."), ["1:22 LS17 (", "1:34 LS17 )"], "link text is checked")
    }

    func testSingleQuotesAreQuotesButApostrophesBetweenLettersAreNot() {
        let ls18 = { (text: String) in self.findings(text).filter { $0.contains(" LS18 ") } }
        XCTAssertEqual(ls18("Wie geht’s dir?\nWie geht‘s dir?"), [])
        XCTAssertEqual(ls18("Das Wort ‘Wohnen’ ist wichtig."), ["1:10 LS18 ‘", "1:17 LS18 ’"])
    }

    func testExactMatchLineAndColumnInCharacters() {
        XCTAssertEqual(findings("Wir sprechen über Änderungen.\nÜber Bürger*innen würde man reden."),
                       ["2:6 LS19 Bürger*innen", "2:19 LS05 würde", "2:25 LS25 man"])
    }

    func testLS20SuggestsTheSplitInTheConfiguredStyle() throws {
        guard Lexicon.standard.hasWords else { throw XCTSkip("scripts/install-lexika has not been run") }
        let point = checker.check(TextMask.lines("Die Eingliederungshilfe hilft.", firstTextLine: 1))
        XCTAssertEqual(point.first { $0.1.ruleId == .ls20 }?.1.suggested, "Eingliederungs·hilfe")
        let dash = LSRuleEngine(lexicon: .standard, delimiter: "-", referenceYear: 2026)
            .check(TextMask.lines("Die Eingliederungshilfe hilft im Sozial·raum.", firstTextLine: 1))
        XCTAssertEqual(dash.first { $0.1.ruleId == .ls20 }?.1.suggested, "Eingliederungs-Hilfe")
        XCTAssertEqual(dash.first { $0.1.ruleId == .ls21 }?.1.suggested, "Sozial-Raum", "mixed style in a '-' project")
        XCTAssertFalse(findings("Politikerinnen und Politiker. Schreiben Sie eine E-Mail.").contains { $0.contains("LS20") || $0.contains("LS21") })
    }

    private func project(_ leicht: String, site: String? = nil) throws -> (Fixture, DiagnosticLog) {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.leicht.md"] = leicht
        if let site { files["site.yaml"] = site }
        let f = try Fixture(files)
        let log = DiagnosticLog()
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: f.content, log: log))
        LeichteSpracheCheck.run(project, log: log, referenceYear: 2026)
        return (f, log)
    }

    func testFindingsCarryFileLineColumnMatchAndSilencingWorks() throws {
        let (f, log) = try project("""
        ---
        titel: Das würde gut sein
        ---
        Wir bauen nicht.
        Das ist nicht schlimm. <!-- teilhabe erlaubt LS07 -->
        <!-- teilhabe erlaubt -->
        Man würde das (so) sagen.
        """)
        let filePath = Paths.join(f.content, "vorlagen/2024-0001-test.leicht.md")
        let ls = log.all.filter { $0.rule.hasPrefix("LS") }
        XCTAssertEqual(ls.map { "\($0.location.line!):\($0.location.column!) \($0.rule) \($0.match!)" },
                       ["2:12 LS05 würde", "4:11 LS07 nicht"])
        XCTAssertEqual(ls.first?.location.file, filePath, "the front matter titel is checked where it stands")
    }

    func testSeveritiesAreConfigurablePerRule() throws {
        let site = Fixture.minimal["site.yaml"]!.replacingOccurrences(of: "  pflicht: true", with: "  pflicht: true\n  regeln: {LS07: warnung, LS25: aus}")
        let (_, log) = try project("---\ntitel: Test\n---\nMan baut nicht.\n", site: site)
        let ls = log.all.filter { $0.rule.hasPrefix("LS") }
        XCTAssertEqual(ls.map(\.rule), ["LS07"])
        XCTAssertEqual(ls.first?.severity, .warning)
        XCTAssertFalse(log.hasErrors)
    }

    func testTextOutputShowsTheLineWithACaret() throws {
        let (_, log) = try project("---\ntitel: Test\n---\nDie Eingliederungshilfe hilft.\n")
        let text = Finding.text(log.all.filter { $0.rule == "LS20" })
        guard Lexicon.standard.hasWords else { throw XCTSkip("scripts/install-lexika has not been run") }
        let caret = "^" + String(repeating: "~", count: "Eingliederungshilfe".count - 1)
        XCTAssertTrue(text.contains("2024-0001-test.leicht.md:4:5: error: [LS20] langes zusammengesetztes Wort: trennen Sie es\n"
                                    + " 4 | Die Eingliederungshilfe hilft.\n   |     \(caret)\n   = Vorschlag: Eingliederungs·hilfe\n"), text)
        let english = Finding.text(log.all.filter { $0.rule == "LS20" }, language: .en)
        XCTAssertTrue(english.contains("2024-0001-test.leicht.md:4:5: error: [LS20] long compound: split it\n"
                                        + " 4 | Die Eingliederungshilfe hilft.\n   |     \(caret)\n   = suggestion: Eingliederungs·hilfe\n"), english)
    }

    func testContentChecksAltTextLinkTextHeadingsTables() throws {
        var files = Fixture.minimal
        files["seiten/kontakt.md"] = "---\ntitel: Kontakt\n---\n## Teil\n\n#### Zu tief\n\n![](anlagen/bild.png) und [hier](../berichte/lage.md)\n\n| | |\n|---|---|\n| a | b |\n"
        files["anlagen/bild.png"] = "png"
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue, "missing alt text, skipped headings and headless tables stop the build")
        let ruleSet = log.all.map { "\($0.rule)@\($0.location.line ?? 0)" }
        for expected in ["UEBERSCHRIFT-EBENE@6", "A11Y-ALT@8", "LINK-TEXT@8", "TABELLE-KOPF@10", "LS-PARITAET@1"] {
            XCTAssertTrue(ruleSet.contains(expected), "\(expected) in \(ruleSet)")
        }
    }

    func testCheckCommandPrintsJSONAndWritesAnAccessibleHTMLReport() throws {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.leicht.md"] = "---\ntitel: Test\n---\nMan würde das sagen.\n"
        let f = try Fixture(files)
        func run(_ args: [String]) throws -> (Int32, String) {
            let r = try Fixture.teilhabe(args, in: f.root)
            return (r.status, r.stdout)
        }
        let (status, json) = try run(["check", "--format", "json"])
        XCTAssertEqual(status, 1, "LS05/LS25 are errors by default")
        let findings = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let man = try XCTUnwrap(findings.first { $0["rule"] as? String == "LS25" })
        XCTAssertEqual(man["file"] as? String, "content/vorlagen/2024-0001-test.leicht.md")
        XCTAssertEqual(man["line"] as? Int, 4)
        XCTAssertEqual(man["column"] as? Int, 1)
        XCTAssertEqual(man["match"] as? String, "Man")
        XCTAssertEqual(Set(man.keys), ["file", "line", "column", "rule", "severity", "message", "match", "suggestion"])
        let (_, _) = try run(["check", "--format", "html", "--output", "bericht.html"])
        let html = try String(contentsOf: f.root.appendingPathComponent("bericht.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<html lang=\"de\">"))
        XCTAssertTrue(html.contains("<pre><mark>Man</mark> würde das sagen.</pre>"))
    }

    /// A word's facts from its scalar values equal those found through its Characters.
    func testWordFactsFromScalarsEqualThoseFromCharacters() {
        let words = ["Haus", "Eingliederungshilfe", "Sozial·raum", "E-Mail", "BTHG", "BTHG-Reform", "Kfz", "A1", "XIV", "IV",
                       "I", "Bürger*innen", "Ärzt/innen", "LehrerInnen", "Lehrer_innen", "Schüler:innen", "Ämter", "ÖPNV",
                       "straße", "2.345", "3,5", "geht's", "U-Bahn-Linie", "Amt·Ärztin", "x", "Café", "e\u{301}twas", "Zoë",
                       "Straße-\u{301}x", "ÄÖÜ-äöü", "ABC·de", "-", "a--b", "IVX-II"]
        for word in words {
            let valueList = Characters.valueList(Array(word))
            XCTAssertEqual(WordFacts(word, valueList: valueList[...]), WordFacts.aboveCharacters(word), word)
        }
    }
}
