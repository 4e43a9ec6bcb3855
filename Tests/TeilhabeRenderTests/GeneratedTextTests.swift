import XCTest
import TeilhabeTesting
@testable import TeilhabeRender

/// Issue 21 item 5: every generated German sentence is true and complete – numbers agree with
/// nouns and verbs, the body is named with the right article, no separator stands alone, and
/// the accessibility statement matches what site.yaml says and what the tool really does.
final class GeneratedTextTests: XCTestCase {
    // MARK: Helpers

    private static let site = Fixture.minimal["site.yaml"]!

    /// Fixture.minimal with site.yaml edited by `replacements` (each must match).
    private func fixture(_ replacements: [(String, String)], extra: [String: String] = [:]) throws -> Fixture {
        var text = Self.site
        for (old, new) in replacements {
            XCTAssertTrue(text.contains(old), "fixture has no '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        var files = Fixture.minimal
        files["site.yaml"] = text
        for (k, v) in extra { files[k] = v }
        return try Fixture(files)
    }

    private func built(_ f: Fixture) throws -> DiagnosticLog {
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        return log
    }

    private func failed(_ f: Fixture) -> DiagnosticLog {
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue, "the build must fail")
        return log
    }

    private func siteYAML(_ f: Fixture) -> String { Paths.join(f.content, "site.yaml") }

    private static let article = ("traeger_artikel: der\ntraeger_genitiv: des Testkreises\n", "")

    // MARK: The body's name

    func testABodyWithMasculineArticleAndGenitiveIsNamedInEveryCase() throws {
        let f = try Fixture()
        let log = try built(f)
        XCTAssertFalse(log.all.contains { $0.message.contains("traeger_artikel") })
        let erklaerung = try f.page("barrierefreiheit/index.html")
        XCTAssertTrue(erklaerung.contains("<p class=\"einleitung\">Der Testkreis möchte diese Internetseite"), erklaerung)
        XCTAssertTrue(erklaerung.contains("„Testamt Inklusion“ des Testkreises unter https://www.example.org/inklusion/."))
        XCTAssertTrue(erklaerung.contains("Wenden Sie sich bitte an den Testkreis (A 1 – Testamt):"))
        let start = try f.page("index.html")
        XCTAssertTrue(start.contains("Hier veröffentlicht der Testkreis (A 1 – Testamt) Vorlagen für die Gremien"), start)
    }

    func testAFeminineBodyGetsItsGenitiveWithoutAKey() throws {
        let f = try fixture([("traeger: Testkreis\n", "traeger: StädteRegion Aachen\n"),
                             ("traeger_artikel: der\ntraeger_genitiv: des Testkreises\n", "traeger_artikel: die\n")])
        _ = try built(f)
        let erklaerung = try f.page("barrierefreiheit/index.html")
        XCTAssertTrue(erklaerung.contains("Die StädteRegion Aachen möchte diese Internetseite"))
        XCTAssertTrue(erklaerung.contains("„Testamt Inklusion“ der StädteRegion Aachen unter"))
        XCTAssertTrue(erklaerung.contains("Wenden Sie sich bitte an die StädteRegion Aachen (A 1 – Testamt):"))
        XCTAssertTrue(try f.page("index.html").contains("Hier veröffentlicht die StädteRegion Aachen (A 1 – Testamt) Vorlagen"))
    }

    func testABodyNamedWithoutArticleIsUsedBare() throws {
        let f = try fixture([("traeger: Testkreis\n", "traeger: Aachen\n"),
                             ("traeger_artikel: der\ntraeger_genitiv: des Testkreises\n", "traeger_artikel: ohne\n")])
        _ = try built(f)
        let erklaerung = try f.page("barrierefreiheit/index.html")
        XCTAssertTrue(erklaerung.contains("<p class=\"einleitung\">Aachen möchte diese Internetseite"))
        XCTAssertTrue(erklaerung.contains("„Testamt Inklusion“ von Aachen unter"))
        XCTAssertTrue(erklaerung.contains("Wenden Sie sich bitte an Aachen (A 1 – Testamt):"))
    }

    func testWithoutAnArticleTheSentencesNeedNoneAndTheBuildWarns() throws {
        let f = try fixture([Self.article])
        let log = try built(f)
        let warning = try XCTUnwrap(log.all.first { $0.message.hasPrefix("traeger_artikel fehlt") })
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(warning.location, SourceLocation(file: siteYAML(f), line: 2, column: 10))
        let erklaerung = try f.page("barrierefreiheit/index.html")
        XCTAssertTrue(erklaerung.contains("<p class=\"einleitung\">Wir möchten diese Internetseite"))
        XCTAssertTrue(erklaerung.contains("„Testamt Inklusion“ (Testkreis) unter"))
        XCTAssertTrue(erklaerung.contains("Wenden Sie sich bitte an uns (A 1 – Testamt, Testkreis):"))
        XCTAssertFalse(erklaerung.contains("an A 1"), "no article-less noun after a preposition")
        let start = try f.page("index.html")
        XCTAssertTrue(start.contains("alles auch in Leichter Sprache. Herausgeber: Testkreis (A 1 – Testamt).</p>"))
        XCTAssertFalse(start.contains("der Testkreis"))
    }

    func testMasculineOrNeuterWithoutGenitiveIsAnError() throws {
        let f = try fixture([("traeger_genitiv: des Testkreises\n", "")])
        let log = failed(f)
        let e = try XCTUnwrap(log.all.first { $0.message.hasPrefix("traeger_genitiv fehlt") })
        XCTAssertEqual(e.severity, .error)
        XCTAssertEqual(e.location, SourceLocation(file: siteYAML(f), line: 3, column: 18))
        XCTAssertTrue(e.formatted.hasPrefix("\(siteYAML(f)):3:18: error: traeger_genitiv fehlt"), e.formatted)
    }

    func testEmptyOrUnknownArticleIsAnError() throws {
        let empty = try fixture([("traeger_artikel: der\n", "traeger_artikel: \"\"\n")])
        let e = try XCTUnwrap(failed(empty).all.first { $0.message.hasPrefix("„traeger_artikel“ ist leer") })
        XCTAssertEqual(e.location, SourceLocation(file: siteYAML(empty), line: 3, column: 18))
        let wrong = try fixture([("traeger_artikel: der\n", "traeger_artikel: dem\n")])
        XCTAssertTrue(failed(wrong).all.contains { $0.rule == "SCHEMA-VALUE" && $0.location.line == 3 && $0.message.contains("'dem'") })
        let genitiveEmpty = try fixture([("traeger_genitiv: des Testkreises\n", "traeger_genitiv:\n")])
        XCTAssertTrue(failed(genitiveEmpty).all.contains { $0.message.hasPrefix("„traeger_genitiv“ ist leer") && $0.location.line == 4 })
    }

    // MARK: Footer and contact

    func testAFooterWithOnlyAnEMailAddressHasNoLeadingSeparator() throws {
        let f = try fixture([("kontakt: {email: test@example.org, telefon: \"+49 1 2\", anschrift: \"Weg 1, 12345 Ort\"}",
                              "kontakt: {email: test@example.org}")])
        _ = try built(f)
        let start = try f.page("index.html")
        XCTAssertTrue(start.contains("<p>E-Mail <a href=\"mailto:test@example.org\">test@example.org</a></p>"), start)
        XCTAssertFalse(start.contains("<p> · "))
        let leicht = try f.page("leichte-sprache/index.html")
        XCTAssertFalse(leicht.contains("Oder rufen"))
    }

    func testAFullFooterSeparatesEveryPartOnce() throws {
        let f = try Fixture()
        _ = try built(f)
        XCTAssertTrue(try f.page("index.html").contains(
            "<p>Weg 1, 12345 Ort · Telefon <a href=\"tel:+4912\">+49 1 2</a> · E-Mail <a href=\"mailto:test@example.org\">test@example.org</a></p>"))
    }

    func testOnlyATelephoneNumberIsNotIntroducedWithOder() throws {
        let f = try fixture([("kontakt: {email: test@example.org, telefon: \"+49 1 2\", anschrift: \"Weg 1, 12345 Ort\"}",
                              "kontakt: {telefon: \"+49 1 2\"}")])
        _ = try built(f)
        let leicht = try f.page("leichte-sprache/index.html")
        XCTAssertTrue(leicht.contains("Rufen Sie uns an: <a href=\"tel:+4912\">+49 1 2</a>"), leicht)
        XCTAssertFalse(leicht.contains("Oder rufen"))
        XCTAssertTrue(try f.page("index.html").contains("<p>Telefon <a href=\"tel:+4912\">+49 1 2</a></p>"))
    }

    func testOnlyAnAddressStillTellsHowToReportABarrier() throws {
        let f = try fixture([("kontakt: {email: test@example.org, telefon: \"+49 1 2\", anschrift: \"Weg 1, 12345 Ort\"}",
                              "kontakt: {anschrift: \"Weg 1, 12345 Ort\"}")])
        _ = try built(f)
        XCTAssertTrue(try f.page("leichte-sprache/index.html").contains("Schreiben Sie einen Brief an: Weg 1, 12345 Ort</p>"))
        XCTAssertTrue(try f.page("index.html").contains("<p>Weg 1, 12345 Ort</p>"))
    }

    func testAMissingOrEmptyContactIsAnError() throws {
        let without = try fixture([("kontakt: {email: test@example.org, telefon: \"+49 1 2\", anschrift: \"Weg 1, 12345 Ort\"}\n", "")])
        let e = try XCTUnwrap(failed(without).all.first { $0.message.hasPrefix("kontakt fehlt") })
        XCTAssertEqual(e.location.file, siteYAML(without))
        let empty = try fixture([("telefon: \"+49 1 2\"", "telefon: \"\"")])
        XCTAssertTrue(failed(empty).all.contains { $0.message.hasPrefix("„telefon“ ist leer") && $0.location.line == 7 })
    }

    // MARK: Accessibility statement

    func testPartialConformanceWithTwoShortcomingsListsThem() throws {
        let f = try fixture([("maengel: [\"Alte PDF-Dateien sind nicht barrierefrei.\"]",
                              "maengel: [\"Alte PDF-Dateien sind nicht barrierefrei.\", \"Videos haben keine Untertitel.\"]")])
        let log = try built(f)
        XCTAssertFalse(log.all.contains { $0.message.contains("ohne maengel") })
        let webPage = try f.page("barrierefreiheit/index.html")
        XCTAssertTrue(webPage.contains("teilweise vereinbar. Die unten genannten Inhalte sind nicht barrierefrei."))
        XCTAssertTrue(webPage.contains("<p>Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:</p>"))
        XCTAssertTrue(webPage.contains("<li>Alte PDF-Dateien sind nicht barrierefrei.</li>\n<li>Videos haben keine Untertitel.</li>"))
        XCTAssertTrue(try f.page("leichte-sprache/index.html").contains("Wir kennen 2 Probleme mit Barrieren.<br>\nDie Probleme stehen in der <a"))
    }

    func testPartialConformanceWithOneShortcomingIsSingular() throws {
        let f = try Fixture()
        _ = try built(f)
        let webPage = try f.page("barrierefreiheit/index.html")
        XCTAssertTrue(webPage.contains("teilweise vereinbar. Der unten genannte Inhalt ist nicht barrierefrei."), webPage)
        XCTAssertTrue(webPage.contains("<p>Der folgende Inhalt ist nicht oder nicht vollständig barrierefrei:</p>"))
        XCTAssertTrue(try f.page("leichte-sprache/index.html").contains("Wir kennen 1 Problem mit Barrieren.<br>\nDas Problem steht in der <a"))
    }

    func testPartialConformanceWithoutShortcomingsSaysNoneAreKnownAndWarns() throws {
        let f = try fixture([("  maengel: [\"Alte PDF-Dateien sind nicht barrierefrei.\"]\n", "")])
        let log = try built(f)
        let w = try XCTUnwrap(log.all.first { $0.message.hasPrefix("konformitaet „teilweise“ ohne maengel") })
        XCTAssertEqual(w.severity, .warning)
        XCTAssertEqual(w.location, SourceLocation(file: siteYAML(f), line: 9, column: 17))
        let webPage = try f.page("barrierefreiheit/index.html")
        XCTAssertTrue(webPage.contains("teilweise vereinbar. Einzelne nicht barrierefreie Inhalte sind uns derzeit nicht bekannt."))
        XCTAssertFalse(webPage.contains("unten genannt"), "no pointer to a list that is not there")
        XCTAssertFalse(webPage.contains("id=\"nicht-barrierefrei\""))
        XCTAssertFalse(try f.page("leichte-sprache/index.html").contains("Wir kennen"))
    }

    func testFullConformanceHasNoShortcomingsSection() throws {
        let f = try fixture([("konformitaet: teilweise", "konformitaet: vollstaendig"),
                             ("  maengel: [\"Alte PDF-Dateien sind nicht barrierefrei.\"]\n", "")])
        let log = try built(f)
        XCTAssertFalse(log.all.contains { $0.message.contains("maengel") })
        let webPage = try f.page("barrierefreiheit/index.html")
        XCTAssertTrue(webPage.contains("<p>Diese Internetseite ist mit den Anforderungen der BITV 2.0 vollständig vereinbar.</p>"))
        XCTAssertFalse(webPage.contains("id=\"nicht-barrierefrei\""))
        XCTAssertFalse(webPage.contains("nicht bekannt"))
    }

    func testFullConformanceWithShortcomingsIsAnError() throws {
        let f = try fixture([("konformitaet: teilweise", "konformitaet: vollstaendig")])
        let e = try XCTUnwrap(failed(f).all.first { $0.message.hasPrefix("konformitaet „vollstaendig“ widerspricht maengel") })
        XCTAssertEqual(e.location.line, 12)
    }

    func testAnEmptyShortcomingIsAnError() throws {
        let f = try fixture([("maengel: [\"Alte PDF-Dateien sind nicht barrierefrei.\"]",
                              "maengel:\n    - Alte PDF-Dateien sind nicht barrierefrei.\n    - \"  \"")])
        let e = try XCTUnwrap(failed(f).all.first { $0.message.hasPrefix("Ein Eintrag in maengel ist leer") })
        XCTAssertEqual(e.location, SourceLocation(file: siteYAML(f), line: 14, column: 7))
    }

    func testTheStatementClaimsNoCheckTheBuildDoesNotMake() throws {
        let f = try Fixture()
        _ = try built(f)
        let webPage = try f.page("barrierefreiheit/index.html")
        XCTAssertFalse(webPage.contains("axe-core"), "build runs no axe-core")
        XCTAssertFalse(webPage.contains("Nu HTML Checker"), "build runs no Nu checker")
        XCTAssertTrue(webPage.contains("Methode der Bewertung: Selbstbewertung."))
        XCTAssertFalse(webPage.contains("beruht auf einer"), "the method is not forced into a feminine noun phrase")
    }

    // MARK: Counted sentences

    func testGrammarHelperAgreesForZeroOneAndTwo() {
        XCTAssertEqual([0, 1, 2].map { GermanText.count($0, GermanText.massnahme) }, ["0 Maßnahmen", "1 Maßnahme", "2 Maßnahmen"])
        XCTAssertEqual(GermanText.count(0, GermanText.massnahme, zero: "keine Maßnahmen"), "keine Maßnahmen")
        XCTAssertEqual([0, 1, 2].map(GermanText.be), ["sind", "ist", "sind"])
        XCTAssertEqual(GermanText.list(["a"]), "a")
        XCTAssertEqual(GermanText.list(["a", "b", "c"]), "a, b und c")
        XCTAssertEqual(SitzungenPages.closedEasy(1), "Über 1 Thema sprechen sie ohne Besucher. Dieses Thema ist geheim.")
        XCTAssertEqual(SitzungenPages.closedEasy(2), "Über 2 Themen sprechen sie ohne Besucher. Diese Themen sind geheim.")
    }

    func testTheStatementSentenceForEachCount() {
        func b(_ k: Site.Konformitaet, _ n: Int) -> Site.Barrierefreiheit {
            Site.Barrierefreiheit(konformitaet: k, maengel: (0..<n).map { "M\($0)." })
        }
        XCTAssertTrue(StartPages.konformitaetText(b(.nicht, 0)).hasSuffix("noch nicht vereinbar. Die nicht barrierefreien Inhalte sind noch nicht im Einzelnen erfasst."))
        XCTAssertTrue(StartPages.konformitaetText(b(.teilweise, 0)).hasSuffix("teilweise vereinbar. Einzelne nicht barrierefreie Inhalte sind uns derzeit nicht bekannt."))
        XCTAssertTrue(StartPages.konformitaetText(b(.nicht, 1)).hasSuffix("Der unten genannte Inhalt ist nicht barrierefrei."))
        XCTAssertTrue(StartPages.konformitaetText(b(.teilweise, 2)).hasSuffix("Die unten genannten Inhalte sind nicht barrierefrei."))
    }

    private static let plan = """
    titel: Plan
    stand: 2026-01-31
    handlungsfelder:
      - id: wohnen
        titel: Wohnen
        massnahmen:
          - {id: W1, titel: Rampen bauen, status: umgesetzt}
          - {id: W2, titel: Beratung, status: geplant}
      - id: arbeit
        titel: Arbeit
        massnahmen:
          - {id: A1, titel: Budget für Arbeit, status: geplant}
    """

    private static let oldPlan = """
    titel: Plan
    stand: 2022-01-31
    handlungsfelder:
      - id: wohnen
        titel: Wohnen
        massnahmen:
          - {id: W1, titel: Rampen bauen, status: geplant}
          - {id: W0, titel: Alt eins, status: geplant}
          - {id: W9, titel: Alt zwei, status: geplant}
    """

    func testPlanCountsAgreeWithTheirNouns() throws {
        let f = try fixture([], extra: ["inklusionsplan/2026.yaml": Self.plan])
        _ = try built(f)
        let index = try f.page("inklusionsplan/index.html")
        XCTAssertTrue(index.contains("<span class=\"meta\">2 Maßnahmen</span>"), index)
        XCTAssertTrue(index.contains("<span class=\"meta\">1 Maßnahme</span>"))
        XCTAssertFalse(index.contains("1 Maßnahmen"))
        let leicht = try f.page("leichte-sprache/inklusionsplan/index.html")
        XCTAssertTrue(leicht.contains("Im Plan stehen 3 Aufgaben.</p>"))
        XCTAssertTrue(leicht.contains("<span class=\"meta\">1 Aufgabe</span>"))
        XCTAssertTrue(leicht.contains("<li>1 Aufgabe: "))
        XCTAssertTrue(leicht.contains("<li>2 Aufgaben: "))
    }

    func testTheEasyPlanSentenceForOneMeasure() throws {
        let oneMeasure = Self.plan.components(separatedBy: "  - id: arbeit")[0]
            .replacingOccurrences(of: "      - {id: W2, titel: Beratung, status: geplant}\n", with: "")
        let f = try fixture([], extra: ["inklusionsplan/2026.yaml": oneMeasure])
        _ = try built(f)
        XCTAssertTrue(try f.page("leichte-sprache/inklusionsplan/index.html").contains("Im Plan steht 1 Aufgabe.</p>"))
    }

    func testFortschreibungSentencesForZeroOneAndTwo() throws {
        let f = try fixture([], extra: ["inklusionsplan/2022.yaml": Self.oldPlan, "inklusionsplan/2026.yaml": Self.plan])
        _ = try built(f)
        // W2, A1 new (2); W0, W9 gone (2); W1 geplant → umgesetzt (1).
        let leicht = try f.page("leichte-sprache/inklusionsplan/fortschreibung/index.html")
        XCTAssertTrue(leicht.contains("<li>2 neue Aufgaben</li>\n<li>2 Aufgaben fallen weg</li>\n<li>Bei 1 Aufgabe sind wir weiter·gekommen</li>"), leicht)
        let log = DiagnosticLog()
        var project = try XCTUnwrap(Build.check(content: f.content, log: log))
        project.site.pflichtabschnitte = ["Sachlage", "Auswirkungen auf die Stärkung der Inklusion"]
        var update = try XCTUnwrap(project.fortschreibung())
        let entwurf = try PlanVorlage.entwurf(project, today: CalendarDay("2026-12-01")!, number: "2026/0007")
        XCTAssertTrue(entwurf.markdown.contains("Sie umfasst 3 Maßnahmen in 2 Handlungsfeldern."), entwurf.markdown)
        XCTAssertTrue(entwurf.markdown.contains("Mit der Fortschreibung ist 1 Maßnahme umgesetzt worden; 2 neue Maßnahmen setzen die Arbeit fort."))
        XCTAssertTrue(entwurf.leicht.contains("Im neuen Plan stehen 3 Aufgaben."))
        update.added = Array(update.added.prefix(1))
        update.dropped = Array(update.dropped.prefix(1))
        XCTAssertEqual(PlanPages.easyChanges(update), ["1 neue Aufgabe", "1 Aufgabe fällt weg", "Bei 1 Aufgabe sind wir weiter·gekommen"])
        update.added = []
        update.dropped = []
        update.status = []
        XCTAssertEqual(PlanPages.easyChanges(update),
                       ["Keine neuen Aufgaben", "Keine Aufgabe fällt weg", "Bei keiner Aufgabe sind wir weiter·gekommen"])
        update.status = Array(repeating: try XCTUnwrap(project.fortschreibung()?.status.first), count: 2)
        XCTAssertEqual(PlanPages.easyChanges(update)[2], "Bei 2 Aufgaben sind wir weiter·gekommen")
    }

    // MARK: Separators and marks

    func testAListEntryWithOnlyAKennungHasNoTrailingSeparator() throws {
        let f = try Fixture()
        _ = try built(f)
        let leicht = try f.page("leichte-sprache/index.html")
        XCTAssertTrue(leicht.contains("<span class=\"meta\">Gremium</span>"), leicht)
        XCTAssertFalse(leicht.contains(" · </span>"))
        XCTAssertFalse(try f.page("index.html").contains(" · </span>"))
    }

    func testSuppressedValueNotesStandWithoutAListBullet() throws {
        var files = Fixture.minimal
        files["indikatoren/budget.yaml"] = "titel: Budget\neinheit: Anzahl\nquelle: Test\ngeheimhaltung: 3\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/budget.csv"] = "Raum;2020;2022\nAachen;1.200;1.500\nMonschau;2;40\nRoetgen;7;-\n"
        let f = try Fixture(files)
        _ = try built(f)
        let page = try f.page("indikatoren/budget/index.html")
        XCTAssertTrue(page.contains("<div class=\"fussnoten\">\n<p>• Wert geheim gehalten: Anzahlen von 1 bis 2 werden"), page)
        XCTAssertTrue(page.contains("<p>– kein Wert vorhanden.</p>\n</div>"))
        XCTAssertFalse(page.contains("<li>•"), "a list bullet before the mark showed as '• •'")
        XCTAssertEqual(IndikatorTable.secretSentence(2).prefix(32), "Die Anzahl 1 wird zum Schutz der")
    }
}
