import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeCheck

/// Issue 21 item 3: one mistake gives one error, at the file, line and column where it stands, and every
/// file's errors come in one run – no follow-up errors at the places that name a broken record.
final class OneMistakeTests: XCTestCase {
    // MARK: The project with eight different mistakes

    /// The minimal project with eight mistakes, each in a different file and of a different kind; the broken
    /// records are named from agendas, links, reports and the plan, which must stay quiet.
    static let eightMistakes: [String: String] = {
        var files = Fixture.minimal
        // 1. a bad datum in the paper that the agenda names and the Lagebericht links to
        files["vorlagen/2024-0001-test.md"] = files["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "datum: 2024-02-20", with: "datum: 2024-02-30")
        // 2. a misspelt required key (no "missing required key 'betreff'" besides)
        files["vorlagen/2024-0002-antrag.md"] = """
        ---
        art: Antrag
        nummer: "2024/0002"
        betref: Mehr Bänke im Park
        datum: 2024-02-21
        status: nichtoeffentlich
        federfuehrend: A 1 – Testamt
        ---
        ## Sachlage

        Es fehlen Bänke.

        ## Rechtslage

        Keine Besonderheiten.
        """
        // 3. a YAML syntax error (a key indented too far) in a report that the contact page links to
        files["berichte/teilhabe.md"] = """
        ---
        titel: Teilhabebericht
          datum: 2024-01-10
        ---
        ## Inhalt

        Text.
        """
        files["seiten/kontakt.md"] = """
        ---
        titel: Kontakt
        ---
        Schreiben Sie uns. Lesen Sie auch den [Teilhabebericht](../berichte/teilhabe.md).

        ```indikator
        quote
        ```
        """
        // 4. a colon in an unquoted value: the whole gremien.yaml cannot be read; its ids still count
        files["gremien.yaml"] = """
        - id: sozialausschuss
          name: Ausschuss für Soziales
          kurzname: Sozialausschuss
          art: Ausschuss
        - id: beirat
          name: Beirat: Menschen mit Behinderung
          art: Beirat
        """
        // 5. a tab as indentation in an indicator that the plan names
        files["indikatoren/beschaeftigung.yaml"] = "titel: Beschäftigung\neinheit: Anzahl\n\tquelle: Agentur für Arbeit\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/beschaeftigung.csv"] = "Raum;2020\nNord;12\n"
        // 6. a bad CSV cell in an indicator that two reports and the plan show
        files["indikatoren/quote.yaml"] = "titel: Quote\neinheit: Anzahl\nquelle: Beispiel\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/quote.csv"] = "Raum;2018;2020\nNord;1.204;zwölf\nSüd;7;2\n"
        files["berichte/lage.md"] = """
        ---
        titel: Lagebericht Inklusion
        datum: 2024-01-10
        ---
        ## Zahlen

        Zurück zur [Vorlage](../vorlagen/2024-0001-test.md).

        ```indikator
        quote
        ```
        """
        // 7. a Beratung that names a meeting which does not exist
        files["vorlagen/2024-0003-anfrage.md"] = """
        ---
        art: Anfrage
        nummer: "2024/0003"
        betreff: Aufzug im Rathaus
        datum: 2024-02-22
        status: nichtoeffentlich
        federfuehrend: A 1 – Testamt
        beratungsfolge:
          - sitzung: 2024-03-05-sozialausschus
            rolle: Kenntnisnahme
        ---
        ## Sachlage

        Der Aufzug ist oft kaputt.

        ## Rechtslage

        Keine Besonderheiten.
        """
        // 8. a misspelt key in a measure of the plan, on a later line than the measure's first
        files["inklusionsplan/2026.yaml"] = """
        titel: Inklusionsplan
        stand: 2026-06-30
        handlungsfelder:
          - id: wohnen
            titel: Wohnen
            un_brk: [19]
            massnahmen:
              - id: WO-1
                titel: Barrierefreie Wohnungen
                zustaendig: A 1 – Testamt
                statsu: geplant
              - id: WO-2
                titel: Mehr Bänke
                status: geplant
                indikatoren: [quote, beschaeftigung]
                vorlagen: ["2024/0001", "2024/0002"]
        """
        return files
    }()

    /// Each mistake: file, line, column, rule and a text the message must hold (hint or suggestion).
    static let expected: [(file: String, line: Int, column: Int, rule: String, holds: String)] = [
        ("berichte/teilhabe.md", 3, 8, "YAML", "weiter eingerückt"),
        ("gremien.yaml", 6, 15, "YAML", "name: \"Beirat: Menschen mit Behinderung\""),
        ("indikatoren/beschaeftigung.yaml", 3, 1, "YAML", "Tabulator"),
        ("indikatoren/quote.csv", 2, 12, "CSV", "'zwölf'"),
        ("inklusionsplan/2026.yaml", 11, 9, "SCHEMA-KEY", "'status'"),
        ("vorlagen/2024-0001-test.md", 5, 8, "SCHEMA-TYPE", "2024-02-30"),
        ("vorlagen/2024-0002-antrag.md", 4, 1, "SCHEMA-KEY", "'betreff'"),
        ("vorlagen/2024-0003-anfrage.md", 9, 14, "REF", "'2024-03-05-sozialausschuss'"),
    ]

    private func assertEightErrors(_ errors: [Diagnostic], content: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(errors.count, 8, errors.map(\.formatted).joined(separator: "\n"), file: file, line: line)
        for e in Self.expected {
            let place = SourceLocation(file: Paths.join(content, e.file), line: e.line, column: e.column)
            let found = errors.first { $0.location == place }
            XCTAssertNotNil(found, "no error at \(e.file):\(e.line):\(e.column)\n"
                            + errors.map(\.formatted).joined(separator: "\n"), file: file, line: line)
            guard let found else { continue }
            XCTAssertEqual(found.rule, e.rule, found.formatted, file: file, line: line)
            XCTAssertTrue(found.message.contains(e.holds), found.formatted, file: file, line: line)
        }
    }

    func testEightMistakesGiveExactlyEightErrorsEachAtItsPlace() throws {
        let f = try Fixture(Self.eightMistakes)
        let log = DiagnosticLog()
        XCTAssertNil(Build.check(content: f.content, log: log))
        assertEightErrors(log.all.filter { $0.severity == .error }, content: f.content)
        let suggestions = log.all.compactMap(\.suggestion)
        XCTAssertTrue(suggestions.contains("2024-03-05-sozialausschuss"), "\(suggestions)")
        XCTAssertTrue(suggestions.contains("status"), "\(suggestions)")
        XCTAssertTrue(suggestions.contains("betreff"), "\(suggestions)")
    }

    /// The build reports the same eight errors in one run, exits without a site and leaves the old one as it was.
    func testTheBuildReportsAllEightAndLeavesTheOldSiteUntouched() throws {
        let f = try Fixture()
        let (firstPoint, _) = f.build(cache: false)
        XCTAssertNotNil(firstPoint)
        let before = Fixture.tree(f.output)
        XCTAssertFalse(before.isEmpty)
        for (path, text) in Self.eightMistakes { try f.write(path, text) }
        let (resultValue, log) = f.build(cache: false)
        XCTAssertNil(resultValue)
        assertEightErrors(log.all.filter { $0.severity == .error }, content: f.content)
        XCTAssertEqual(Fixture.tree(f.output), before, "the old site stays as it was")
    }

    /// With the cache on, a second run of the same broken project reports the same eight errors (the broken
    /// records come from the cache with the findings).
    func testTheCachedSecondRunReportsTheSameEight() throws {
        let f = try Fixture(Self.eightMistakes)
        _ = f.build()
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        assertEightErrors(log.all.filter { $0.severity == .error }, content: f.content)
    }

    func testTeilhabeCheckListsAllEightAndExitsWithOne() throws {
        let f = try Fixture(Self.eightMistakes)
        let (status, _, stderr) = try Fixture.teilhabe(["check", "--content", f.content])
        XCTAssertEqual(status, 1)
        let errors = stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(errors.count, 8, stderr)
        for e in Self.expected {
            XCTAssertTrue(stderr.contains("\(Paths.join(f.content, e.file)):\(e.line):\(e.column): error: "), stderr)
        }
    }

    // MARK: Focused: a broken record still counts for references

    /// Loads and checks `files`; the errors.
    private func errors(_ files: [String: String]) throws -> (Fixture, [Diagnostic]) {
        let f = try Fixture(files)
        let log = DiagnosticLog()
        XCTAssertNil(Build.check(content: f.content, log: log), "the build must fail")
        return (f, log.all.filter { $0.severity == .error })
    }

    private func text(_ errors: [Diagnostic]) -> String { errors.map(\.formatted).joined(separator: "\n") }

    func testABadDatumGivesNoFollowUpAtTheAgendaOrTheLink() throws {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.md"] = files["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "datum: 2024-02-20", with: "datum: 20.02.2024")
        // A second, genuinely dangling agenda entry is still reported in the same run.
        files["sitzungen.yaml"] = files["sitzungen.yaml"]! + "\n    - {top: \"3\", vorlage: \"2024/0009\"}\n"
        let (f, errors) = try errors(files)
        XCTAssertEqual(errors.count, 2, text(errors))
        XCTAssertTrue(errors.contains { $0.rule == "SCHEMA-TYPE" && $0.location.line == 5 }, text(errors))
        let ref = try XCTUnwrap(errors.first { $0.rule == "REF" }, text(errors))
        XCTAssertEqual(ref.location.file, Paths.join(f.content, "sitzungen.yaml"))
        XCTAssertTrue(ref.message.contains("2024/0009"), ref.message)
    }

    func testAVorlageWithAYAMLSyntaxErrorKeepsItsNumberForTheAgenda() throws {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.md"] = files["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "betreff: Bericht über barrierefreie Spielplätze",
                                  with: "betreff: [Bericht über barrierefreie Spielplätze")
        // An agenda entry that names no paper at all is still reported in the same run.
        files["sitzungen.yaml"] = files["sitzungen.yaml"]! + "\n    - {top: \"3\", vorlage: \"2024/0009\"}\n"
        let (_, errors) = try errors(files)
        XCTAssertEqual(errors.map(\.rule).sorted(), ["REF", "YAML"], text(errors))
        XCTAssertTrue(errors.contains { $0.rule == "REF" && $0.message.contains("2024/0009") }, text(errors))
    }

    func testABrokenMeetingEntryGivesNoFollowUpInTheBeratungsfolge() throws {
        var files = Fixture.minimal
        files["sitzungen.yaml"] = files["sitzungen.yaml"]!.replacingOccurrences(of: "beginn: 2024-03-05T17:00",
                                                                                with: "beginn: 5.3.2024 17 Uhr")
        // A Beratung that names a meeting which is not in the file at all is still reported in the same run.
        files["vorlagen/2024-0003-anfrage.md"] = """
        ---
        art: Anfrage
        nummer: "2024/0003"
        betreff: Aufzug im Rathaus
        datum: 2024-02-22
        status: nichtoeffentlich
        federfuehrend: A 1 – Testamt
        beratungsfolge:
          - sitzung: 2024-04-09-stadtrat
            rolle: Kenntnisnahme
        ---
        ## Sachlage

        Text.

        ## Rechtslage

        Keine.
        """
        let (f, errors) = try errors(files)
        XCTAssertEqual(errors.count, 2, text(errors))
        XCTAssertTrue(errors.contains { $0.location == SourceLocation(file: Paths.join(f.content, "sitzungen.yaml"), line: 3, column: 11) },
                      text(errors))
        XCTAssertTrue(errors.contains { $0.rule == "REF" && $0.message.contains("2024-04-09-stadtrat") }, text(errors))
    }

    func testABadCSVCellIsReportedOnceThoughTwoReportsShowTheIndicator() throws {
        var files = Fixture.minimal
        files["indikatoren/quote.yaml"] = "titel: Quote\neinheit: Anzahl\nquelle: Beispiel\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/quote.csv"] = "Raum;2020\nNord;viele\n"
        files["berichte/lage.md"] = "---\ntitel: Lage\n---\n## Zahlen\n\n```indikator\nquote\n```\n"
        files["seiten/kontakt.md"] = "---\ntitel: Kontakt\n---\nText\n\n```indikator\nquote\n```\n"
        let (f, errors) = try errors(files)
        XCTAssertEqual(errors.count, 1, text(errors))
        XCTAssertEqual(errors.first?.location, SourceLocation(file: Paths.join(f.content, "indikatoren/quote.csv"), line: 2, column: 6))
    }

    func testAYAMLErrorInSiteYamlDoesNotHideTheOtherFilesErrors() throws {
        var files = Fixture.minimal
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "titel: Testamt Inklusion",
                                                                      with: "titel: Testamt: Inklusion")
        files["vorlagen/2024-0001-test.md"] = files["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "art: Mitteilungsvorlage", with: "art: Mitteilung")
        let (f, errors) = try errors(files)
        XCTAssertEqual(errors.count, 2, text(errors))
        XCTAssertTrue(errors.contains { $0.location.file == Paths.join(f.content, "site.yaml") && $0.rule == "YAML" }, text(errors))
        XCTAssertTrue(errors.contains { $0.location.file.hasSuffix("vorlagen/2024-0001-test.md") && $0.rule == "SCHEMA-VALUE" },
                      text(errors))
    }

    // MARK: Focused: a misspelt key

    func testAMisspeltRequiredKeyIsOneErrorNotAlsoAMissingKey() throws {
        var files = Fixture.minimal
        files["gremien.yaml"] = files["gremien.yaml"]!.replacingOccurrences(of: "  name: Ausschuss", with: "  nmae: Ausschuss")
        let (f, errors) = try errors(files)
        XCTAssertEqual(errors.count, 1, text(errors))
        let e = try XCTUnwrap(errors.first)
        XCTAssertEqual(e.rule, "SCHEMA-KEY")
        XCTAssertEqual(e.suggestion, "name")
        XCTAssertEqual(e.location, SourceLocation(file: Paths.join(f.content, "gremien.yaml"), line: 2, column: 3))
    }

    func testAMissingKeyWithoutAMisspellingIsStillReported() throws {
        var files = Fixture.minimal
        files["gremien.yaml"] = files["gremien.yaml"]!.replacingOccurrences(of: "  name: Ausschuss für Soziales\n", with: "")
        let (_, errors) = try errors(files)
        XCTAssertEqual(errors.map(\.rule), ["SCHEMA-REQUIRED"], text(errors))
    }

    /// A misspelt key makes the paper fail to load; its missing section is still reported in the same run.
    func testAMisspeltKeyDoesNotHideTheMissingSection() throws {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.md"] = files["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "betreff: Bericht", with: "betref: Bericht")
            .replacingOccurrences(of: "## Rechtslage", with: "## Weiteres")
        let (_, errors) = try errors(files)
        XCTAssertEqual(errors.map(\.rule).sorted(), ["SCHEMA-KEY", "VORLAGE-ABSCHNITT"], text(errors))
    }

    // MARK: Focused: places in the plan

    func testADanglingReferenceOfAMeasureIsReportedAtItsOwnLine() throws {
        var files = Fixture.minimal
        files["inklusionsplan/2026.yaml"] = """
        titel: Inklusionsplan
        stand: 2026-06-30
        handlungsfelder:
          - id: wohnen
            titel: Wohnen
            un_brk:
              - 19
              - 99
            massnahmen:
              - id: WO-1
                titel: Barrierefreie Wohnungen
                status: geplant
                indikatoren:
                  - quotte
                vorlagen:
                  - "2024/0001"
                  - "2024/0002"
        """
        let (f, errors) = try errors(files)
        let plan = Paths.join(f.content, "inklusionsplan/2026.yaml")
        XCTAssertEqual(errors.count, 3, text(errors))
        XCTAssertTrue(errors.contains { $0.location == SourceLocation(file: plan, line: 8, column: 9) && $0.message.contains("'99'") },
                      text(errors))
        XCTAssertTrue(errors.contains { $0.location == SourceLocation(file: plan, line: 14, column: 13) && $0.message.contains("quotte") },
                      text(errors))
        XCTAssertTrue(errors.contains { $0.location == SourceLocation(file: plan, line: 17, column: 13) && $0.message.contains("2024/0002") },
                      text(errors))
    }

    // MARK: Focused: suggestions

    func testAnUnknownMeetingGetsTheMeetingOfTheSameDayAsSuggestion() throws {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.md"] = files["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "  - sitzung: 2024-03-05-sozialausschuss", with: "  - sitzung: 2024-03-05-ausschuss-fuer-soziales")
        let (_, errors) = try errors(files)
        XCTAssertEqual(errors.count, 1, text(errors))
        XCTAssertEqual(errors.first?.suggestion, "2024-03-05-sozialausschuss", text(errors))
    }

    func testAnEasyTwinWithAMisspeltNameGetsItsPageAsSuggestion() throws {
        var files = Fixture.minimal
        files["seiten/kontak.leicht.md"] = "---\ntitel: Kontakt\n---\nSchreiben Sie uns.\n"
        let (_, errors) = try errors(files)
        XCTAssertEqual(errors.count, 1, text(errors))
        XCTAssertEqual(errors.first?.suggestion, "seiten/kontakt.leicht.md", text(errors))
    }

    // MARK: Focused: hints for the YAML mistakes editors make

    private func yamlError(in gremien: String) throws -> Diagnostic {
        var files = Fixture.minimal
        files["gremien.yaml"] = gremien
        let (_, errors) = try errors(files)
        XCTAssertEqual(errors.count, 1, text(errors))
        return try XCTUnwrap(errors.first)
    }

    func testAColonInAnUnquotedValueSaysToQuoteIt() throws {
        let e = try yamlError(in: "- id: sozialausschuss\n  name: Ausschuss: Soziales\n  art: Ausschuss\n")
        XCTAssertEqual(e.location.line, 2)
        XCTAssertEqual(e.location.column, 18)
        XCTAssertTrue(e.message.contains("Anführungszeichen"), e.message)
        XCTAssertTrue(e.message.contains("name: \"Ausschuss: Soziales\""), e.message)
    }

    func testATabAsIndentationIsNamed() throws {
        let e = try yamlError(in: "- id: sozialausschuss\n\tname: Ausschuss für Soziales\n  art: Ausschuss\n")
        XCTAssertEqual(e.location.line, 2)
        XCTAssertEqual(e.location.column, 1)
        XCTAssertTrue(e.message.contains("Tabulator"), e.message)
    }

    func testATextOverSeveralLinesSaysToUseTheBar() throws {
        let e = try yamlError(in: "- id: sozialausschuss\n  name: Ausschuss für Soziales\n  beschreibung: Der Ausschuss berät.\nEr tagt monatlich.\n  art: Ausschuss\n")
        XCTAssertEqual(e.location.line, 4, e.formatted)
        XCTAssertTrue(e.message.contains("'beschreibung: |'"), e.message)
    }

    func testAHashThatEmptiesARequiredValueSaysItIsAComment() throws {
        let e = try yamlError(in: "- id: sozialausschuss\n  name: #1 Ausschuss\n  art: Ausschuss\n")
        XCTAssertEqual(e.location.line, 2)
        XCTAssertEqual(e.location.column, 3)
        XCTAssertTrue(e.message.contains("Kommentar"), e.message)
        XCTAssertTrue(e.message.contains("name: \"#1 Ausschuss\""), e.message)
    }

    func testAHashInsideATextIsAWarningWithTheQuotedValue() throws {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.md"] = files["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "betreff: Bericht über", with: "betreff: Bericht #3 über")
            .replacingOccurrences(of: "status: oeffentlich", with: "status: oeffentlich  # seit März")
        let f = try Fixture(files)
        let log = DiagnosticLog()
        XCTAssertNotNil(Build.check(content: f.content, log: log), "a warning does not stop the build")
        let hints = log.all.filter { $0.rule == "YAML" }
        XCTAssertEqual(hints.count, 1, hints.map(\.formatted).joined(separator: "\n"))
        let w = try XCTUnwrap(hints.first)
        XCTAssertEqual(w.severity, .warning)
        XCTAssertEqual(w.location, SourceLocation(file: Paths.join(f.content, "vorlagen/2024-0001-test.md"), line: 4, column: 10))
        XCTAssertTrue(w.message.contains("betreff: \"Bericht #3 über barrierefreie Spielplätze\""), w.message)
    }

    /// In front matter the place is the file's (the YAML starts on line 2), and the other files are still checked.
    func testATextOverSeveralLinesInFrontMatterIsReportedAtTheFilesLine() throws {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.md"] = files["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "betreff: Bericht über barrierefreie Spielplätze",
                                  with: "betreff: Bericht über\nbarrierefreie Spielplätze")
        files["seiten/kontakt.md"] = "---\ntitel: Kontakt\n---\n![](bild.png)\n"
        let (f, errors) = try errors(files)
        XCTAssertEqual(errors.count, 3, text(errors))
        let yaml = try XCTUnwrap(errors.first { $0.rule == "YAML" }, text(errors))
        XCTAssertEqual(yaml.location, SourceLocation(file: Paths.join(f.content, "vorlagen/2024-0001-test.md"), line: 5, column: 1))
        XCTAssertTrue(yaml.message.contains("'betreff: |'"), yaml.message)
        // The image on another page has two mistakes of its own: no alternative text, no file.
        XCTAssertEqual(errors.map(\.rule).sorted(), ["A11Y-ALT", "REF", "YAML"], text(errors))
    }
}
