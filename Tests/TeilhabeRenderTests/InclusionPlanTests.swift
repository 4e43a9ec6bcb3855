import XCTest
import TeilhabeTesting
@testable import TeilhabeRender

final class InclusionPlanTests: XCTestCase {
    static let older = PlanFixtures.older

    static let newer = PlanFixtures.newer

    private func fixture(_ extra: [String: String] = [:]) throws -> Fixture {
        var files = Fixture.minimal
        files["inklusionsplan/2022.yaml"] = Self.older
        files["inklusionsplan/2026.yaml"] = Self.newer
        files["indikatoren/quote.yaml"] = "titel: Quote\neinheit: Prozent\nquelle: BA\nnachkommastellen: 1\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/quote.csv"] = "Raum;2022\nNord;3,5\nSüd;4,0\n"
        for (k, v) in extra { files[k] = v }
        return try Fixture(files)
    }

    /// The Umsetzungsstand sentence agrees with every number: none, one, several, one of a kind (issue 21 item 5).
    func testTheUmsetzungsstandSentenceAgreesWithItsNumbers() throws {
        let p = try project(try fixture())
        let newer = try XCTUnwrap(p.currentPlan)
        XCTAssertEqual(ImplementationState.sentence(newer), "Von 4 Maßnahmen sind 2 geplant, 1 ist in Umsetzung und 1 ist umgesetzt.")
        var oneMeasure = newer
        oneMeasure.handlungsfelder = [newer.handlungsfelder[1]]
        XCTAssertEqual(ImplementationState.sentence(oneMeasure), "Die eine Maßnahme des Plans ist geplant.")
        var keine = newer
        keine.handlungsfelder = []
        XCTAssertEqual(ImplementationState.sentence(keine), "Der Plan enthält noch keine Maßnahmen.")
    }

    private func project(_ f: Fixture) throws -> Projekt {
        let log = DiagnosticLog()
        let p = try XCTUnwrap(Build.check(content: f.content, log: log), log.all.map(\.formatted).joined(separator: "\n"))
        return p
    }

    func testFortschreibungComparesMeasuresById() throws {
        let p = try project(try fixture())
        XCTAssertEqual(p.currentPlan?.edition, "2026")
        let f = try XCTUnwrap(p.fortschreibung())
        XCTAssertEqual(f.added.map(\.massnahme.id), ["A2"])
        XCTAssertEqual(f.dropped.map(\.massnahme.id), ["W3"])
        XCTAssertEqual(f.status.map { "\($0.massnahme.id): \($0.before) → \($0.after)" }, ["W1: geplant → umgesetzt"])
        XCTAssertEqual(f.zustaendigkeit.map { "\($0.before) → \($0.after)" }, ["Sozialamt → Amt für Inklusion"])
        XCTAssertEqual(f.zeitraum.map { "\($0.before) → \($0.after)" }, ["2022 → 2022–2027"])
        XCTAssertEqual(f.fieldChange.map { "\($0.massnahme.id): \($0.before) → \($0.after)" }, ["A1: Arbeit → Teilhabe"])
        XCTAssertNil(p.fortschreibung(edition: "2022"), "the oldest edition has nothing before it")
    }

    func testBadReferencesAndValuesAreErrorsWithFileAndLine() throws {
        let broken = Self.newer
            .replacingOccurrences(of: "indikatoren: [quote]", with: "indikatoren: [qoute]")
            .replacingOccurrences(of: "vorlagen: [\"2024/0001\"]", with: "vorlagen: [\"2024/0009\"]")
            .replacingOccurrences(of: "{id: A2, titel: Neue Ausbildung, leicht: Neue Plätze zum Lernen., status: geplant}",
                                  with: "{id: W1, titel: Neue Ausbildung, status: erledigt}")
        let f = try fixture(["inklusionsplan/2026.yaml": broken])
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        let filePath = Paths.join(f.content, "inklusionsplan/2026.yaml")
        let errors = log.all.filter { $0.location.file == filePath && $0.severity == .error }
        XCTAssertTrue(errors.contains { $0.rule == "REF" && $0.message.contains("Indikator 'qoute'") && $0.suggestion == "quote" && $0.location.line == 10 })
        XCTAssertTrue(errors.contains { $0.rule == "REF" && $0.message.contains("Vorlage '2024/0009'") && $0.location.line == 10 })
        XCTAssertTrue(errors.contains { $0.rule == "SCHEMA-VALUE" && $0.message.contains("'erledigt'") && $0.location.line == 15 })
        let duplicate = Self.newer.replacingOccurrences(of: "{id: A2,", with: "{id: W1,")
        let g = try fixture(["inklusionsplan/2026.yaml": duplicate])
        let (_, log2) = g.build()
        XCTAssertTrue(log2.all.contains { $0.rule == "DUPLIKAT" && $0.message.contains("Massnahme 'W1'") && $0.location.line == 15 })
    }

    func testPlanPagesShowFieldsMeasuresAndUmsetzungsstand() throws {
        let f = try fixture()
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        let index = try f.page("inklusionsplan/index.html")
        XCTAssertTrue(index.contains("<a href=\"../inklusionsplan/wohnen/\">Wohnen</a>"))
        XCTAssertTrue(index.contains("<p class=\"tabellen-titel\">Umsetzungs\u{AD}stand der Maßnahmen nach Handlungs\u{AD}feld (Stand 31. Januar 2026)</p>"))
        XCTAssertTrue(index.contains("<tr class=\"summe\"><th scope=\"row\">Alle Handlungs\u{AD}felder</th><td class=\"zahl\">2</td><td class=\"zahl\">1</td><td class=\"zahl\">1</td><td class=\"zahl\">0</td><td class=\"zahl\">0</td><td class=\"zahl\">4</td></tr>"))
        XCTAssertTrue(index.contains("<title>Umsetzungsstand je Handlungsfeld: gestapelte Balken</title>"))
        let housing = try f.page("inklusionsplan/wohnen/index.html")
        XCTAssertTrue(housing.contains("<li>Artikel 28: Angemessener Lebensstandard und sozialer Schutz</li>"))
        XCTAssertTrue(housing.contains("<span aria-hidden=\"true\">●</span> umgesetzt"), "status as symbol and text")
        XCTAssertTrue(housing.contains("Indikator: <a href=\"../../indikatoren/quote/\">Quote</a>"))
        XCTAssertTrue(housing.contains("Vorlage: <a href=\"../../vorlagen/2024-0001-test/\">2024/0001: Bericht über barrierefreie Spielplätze</a>"))
        let update = try f.page("inklusionsplan/fortschreibung/index.html")
        XCTAssertTrue(update.contains("<li><strong>1</strong> neue Maßnahme</li>"))
        XCTAssertTrue(update.contains("Rampen bauen</strong> (W1, Wohnen): von geplant zu umgesetzt"))
        XCTAssertTrue(update.contains("bisher Sozialamt, jetzt Amt für Inklusion"))
        let leicht = try f.page("leichte-sprache/inklusionsplan/wohnen/index.html")
        XCTAssertTrue(leicht.contains("<h1>Wohnen leicht</h1>"))
        XCTAssertTrue(leicht.contains("Wir bauen Rampen.<br>"))
        XCTAssertTrue(leicht.contains("Das ist fertig."))
        let easyUpdate = try f.page("leichte-sprache/inklusionsplan/fortschreibung/index.html")
        XCTAssertTrue(easyUpdate.contains("Früher: Das ist geplant.<br>\nJetzt: Das ist fertig."))
        XCTAssertTrue(easyUpdate.contains("<li>Neue Plätze zum Lernen.<br>\nJetzt: "), "a new measure with its status")
    }

    func testWithOneEditionTheFortschreibungSaysSo() throws {
        var files = Fixture.minimal
        files["inklusionsplan/2022.yaml"] = Self.older
        let f = try Fixture(files)
        XCTAssertNotNil(f.build().0)
        XCTAssertTrue(try f.page("inklusionsplan/fortschreibung/index.html").contains("Es gibt erst eine Fassung"))
        XCTAssertThrowsError(try PlanVorlage.entwurf(try project(f), today: CalendarDay("2026-12-06")!, number: "2026/0001"))
    }

    // `plan vorlage` (a numbered draft dated today) is tested in DraftTests.
}
