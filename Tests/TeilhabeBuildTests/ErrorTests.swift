import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild

/// Bad input: every error is reported with file, line and column, all in one run, and the
/// previous output stays byte for byte as it was.
final class ErrorTests: XCTestCase {
    /// Builds once cleanly, breaks the project with `changes`, builds again and returns the log.
    private func brokenBuild(_ changes: (Fixture) throws -> Void) throws -> (Fixture, [Diagnostic]) {
        let f = try Fixture()
        XCTAssertNotNil(f.build().0)
        let before = Fixture.tree(f.output)
        try changes(f)
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue, "a broken project must not build")
        XCTAssertEqual(Fixture.tree(f.output), before, "the previous output is left byte for byte")
        return (f, log.all.filter { $0.severity == .error })
    }

    private func vorlage(_ f: Fixture) -> String { Fixture.minimal["vorlagen/2024-0001-test.md"]! }

    func testYAMLSyntaxErrorHasLineAndColumn() throws {
        let (f, errors) = try brokenBuild { f in
            try f.write("gremien.yaml", "- id: a\n  name: [unclosed\n  art: Ausschuss\n")
        }
        let e = try XCTUnwrap(errors.first { $0.rule == "YAML" })
        XCTAssertEqual(e.location.file, Paths.join(f.content, "gremien.yaml"))
        XCTAssertNotNil(e.location.line)
        XCTAssertTrue(e.formatted.hasPrefix("\(f.content)/gremien.yaml:\(e.location.line!):"))
    }

    func testUnknownKeySuggestsTheClosestKey() throws {
        let (f, errors) = try brokenBuild { f in
            try f.write("vorlagen/2024-0001-test.md", vorlage(f).replacingOccurrences(of: "federfuehrend:", with: "federfuhrend:"))
        }
        let e = try XCTUnwrap(errors.first { $0.rule == "SCHEMA-KEY" })
        XCTAssertEqual(e.location.line, 7, "line in the file, counting the opening ---")
        XCTAssertEqual(e.location.column, 1)
        XCTAssertEqual(e.suggestion, "federfuehrend")
        XCTAssertEqual(e.formatted, "\(f.content)/vorlagen/2024-0001-test.md:7:1: error: unbekannter Schlüssel 'federfuhrend' in Vorlage; meinten Sie 'federfuehrend'?")
    }

    func testMissingRequiredFieldAndInvalidValue() throws {
        let (_, errors) = try brokenBuild { f in
            try f.write("vorlagen/2024-0001-test.md", vorlage(f)
                .replacingOccurrences(of: "betreff: Bericht über barrierefreie Spielplätze\n", with: "")
                .replacingOccurrences(of: "rolle: Kenntnisnahme", with: "rolle: Kenntnis"))
        }
        XCTAssertTrue(errors.contains { $0.message == "der Pflichtschlüssel 'betreff' fehlt in Vorlage" })
        XCTAssertTrue(errors.contains { $0.rule == "SCHEMA-VALUE" && $0.suggestion == "Kenntnisnahme" })
    }

    func testMissingSectionsAndBeschlussvorschlag() throws {
        let (_, errors) = try brokenBuild { f in
            try f.write("vorlagen/2024-0001-test.md", vorlage(f)
                .replacingOccurrences(of: "art: Mitteilungsvorlage", with: "art: Beschlussvorlage")
                .replacingOccurrences(of: "## Rechtslage", with: "## Rechtliches"))
        }
        let sections = errors.filter { $0.rule == "VORLAGE-ABSCHNITT" }.map(\.message)
        XCTAssertTrue(sections.contains { $0.contains("'## Rechtslage'") })
        XCTAssertTrue(sections.contains { $0.contains("'## Beschlussvorschlag'") })
    }

    /// The Leichte-Sprache check starts beside the other checks; a build that fails them stops it, and
    /// none of its findings may be kept for the next build, which must still report them.
    func testAFailedCheckKeepsNoLeichteSpracheFindings() throws {
        let f = try Fixture()
        try f.write("vorlagen/2024-0001-test.leicht.md", """
            ---
            titel: Spiel·plätze für alle
            ---
            Wir bauen in diesem Jahr und im nächsten Jahr in allen Orten im Kreis neue und schöne Spiel·plätze für alle Kinder.
            """)
        try f.write("vorlagen/2024-0001-test.md", vorlage(f)
            .replacingOccurrences(of: "- sitzung: 2024-03-05-sozialausschuss", with: "- sitzung: 2024-03-06-sozialausschuss"))
        let (broken, log) = f.build()
        XCTAssertNil(broken)
        XCTAssertTrue(log.all.contains { $0.rule == "REF" })
        let ruleSet = Set(LSRule.allCases.map(\.rawValue))
        XCTAssertFalse(log.all.contains { ruleSet.contains($0.rule) }, "a failed build reports no Leichte-Sprache findings")
        try f.write("vorlagen/2024-0001-test.md", vorlage(f))
        let (resultValue, _) = f.build()
        let findings = try XCTUnwrap(resultValue).leichteSprache
        XCTAssertTrue(findings.contains { $0.rule == "LS01" && $0.location.file.hasSuffix("2024-0001-test.leicht.md") }, "\(findings)")
    }

    func testDanglingReferencesAreErrorsWithFileAndLine() throws {
        let (f, errors) = try brokenBuild { f in
            try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]!
                .replacingOccurrences(of: "gremium: sozialausschuss", with: "gremium: sozialausschus")
                .replacingOccurrences(of: "vorlage: \"2024/0001\"", with: "vorlage: \"2024/0002\""))
            try f.write("vorlagen/2024-0001-test.md", vorlage(f)
                .replacingOccurrences(of: "- sitzung: 2024-03-05-sozialausschuss", with: "- sitzung: 2024-03-06-sozialausschuss"))
        }
        let refs = errors.filter { $0.rule == "REF" }
        XCTAssertTrue(refs.contains { $0.message.contains("Gremium 'sozialausschus'") && $0.suggestion == "sozialausschuss"
            && $0.location.file.hasSuffix("sitzungen.yaml") && $0.location.line == 1 })
        XCTAssertTrue(refs.contains { $0.message.contains("Vorlage '2024/0002'") && $0.location.line == 8 })
        XCTAssertTrue(refs.contains { $0.message.contains("Sitzung '2024-03-06-sozialausschuss'")
            && $0.location.file == Paths.join(f.content, "vorlagen/2024-0001-test.md") && $0.location.line == 9 })
    }

    func testMissingTwinUnderPflichtAndMissingAttachment() throws {
        let (_, errors) = try brokenBuild { f in
            try f.remove("berichte/lage.leicht.md")
            try f.remove("anlagen/spielplaetze.pdf")
        }
        XCTAssertTrue(errors.contains { $0.rule == "LS-FEHLT" && $0.message.contains("berichte/lage.leicht.md") })
        XCTAssertTrue(errors.contains { $0.rule == "ANLAGE" && $0.message.contains("anlagen/spielplaetze.pdf") && $0.location.line == 13 })
    }

    func testBrokenBodyLinkIsAnError() throws {
        let (_, errors) = try brokenBuild { f in
            try f.write("berichte/lage.md", "---\ntitel: Lage\n---\nSiehe [fehlt](gibt-es-nicht.md).\n")
        }
        XCTAssertTrue(errors.contains { $0.rule == "REF" && $0.message.contains("gibt-es-nicht.md") && $0.location.line == 4 })
    }

    func testAllErrorsOfARunAreReportedTogether() throws {
        let (_, errors) = try brokenBuild { f in
            try f.write("gremien.yaml", "- id: sozialausschuss\n  name: Ausschuss\n  art: Ausschus\n")
            try f.write("vorlagen/2024-0001-test.md", vorlage(f).replacingOccurrences(of: "## Sachlage", with: "## Lage"))
            try f.remove("anlagen/spielplaetze.pdf")
            try f.write("site.yaml", Fixture.minimal["site.yaml"]! + "\nfarbe: blau\n")
        }
        let rules = Set(errors.map(\.rule))
        XCTAssertTrue(rules.isSuperset(of: ["SCHEMA-VALUE", "VORLAGE-ABSCHNITT", "ANLAGE", "SCHEMA-KEY"]), "\(rules)")
    }

    func testWarningWithoutPflichtDoesNotStopTheBuild() throws {
        let f = try Fixture()
        try f.write("site.yaml", Fixture.minimal["site.yaml"]!.replacingOccurrences(of: "pflicht: true", with: "pflicht: false"))
        try f.remove("berichte/lage.leicht.md")
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue)
        XCTAssertTrue(log.all.contains { $0.severity == .warning && $0.rule == "LS-FEHLT" })
    }
}
