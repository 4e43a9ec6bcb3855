import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeRender
@testable import TeilhabeCheck

/// Issue 24 items 1 and 2: areas and their maps, area profiles, and area ids checked everywhere.
final class SozialraumTests: XCTestCase {
    static let areas = """
    - id: nord
      name: Nord
      kommune: Nordstadt
      beschreibung: Der Norden.
    - id: mitte
      name: Mitte
      name_leicht: Die Mitte
      kommune: Mittestadt
    - id: sued
      name: Süd
      kommune: Mittestadt
    """

    /// nord above mitte (shared border at 50.2); mitte has a hole; sued is a MultiPolygon: the island in
    /// that hole and a square beside mitte.
    static let geojson = """
    {"type": "FeatureCollection", "features": [
     {"type": "Feature", "properties": {"id": "nord"}, "geometry": {"type": "Polygon", "coordinates":
       [[[6.0, 50.2], [6.1, 50.2], [6.2, 50.2], [6.2, 50.4], [6.0, 50.4], [6.0, 50.2]]]}},
     {"type": "Feature", "properties": {"id": "mitte"}, "geometry": {"type": "Polygon", "coordinates":
       [[[6.0, 50.0], [6.2, 50.0], [6.2, 50.2], [6.1, 50.2], [6.0, 50.2], [6.0, 50.0]],
        [[6.05, 50.05], [6.05, 50.15], [6.15, 50.15], [6.15, 50.05], [6.05, 50.05]]]}},
     {"type": "Feature", "properties": {"id": "sued"}, "geometry": {"type": "MultiPolygon", "coordinates":
       [[[[6.05, 50.05], [6.15, 50.05], [6.15, 50.15], [6.05, 50.15], [6.05, 50.05]]],
        [[[6.2, 50.0], [6.3, 50.0], [6.3, 50.1], [6.2, 50.1], [6.2, 50.0]]]]}}
    ]}
    """

    static let quoteYAML = "titel: Quote\ntitel_leicht: So viele Menschen\neinheit: Prozent\nquelle: Test\nraumebene: Sozialraum\nnachkommastellen: 1\n"
    static let quoteCSV = "Raum;2020;2022\nNord;20,0;23,4\nmitte;13,5;12,0\nTestkreis;16,0;17,5\n"

    private func files(_ extra: [String: String] = [:]) -> [String: String] {
        var files = Fixture.minimal
        files["sozialraeume.yaml"] = Self.areas
        files["sozialraeume.geojson"] = Self.geojson
        files["indikatoren/quote.yaml"] = Self.quoteYAML
        files["indikatoren/quote.csv"] = Self.quoteCSV
        for (k, v) in extra { files[k] = v }
        return files
    }

    private func built(_ extra: [String: String] = [:]) throws -> Fixture {
        let f = try Fixture(files(extra))
        let (result, log) = f.build()
        XCTAssertNotNil(result, log.all.map { $0.formatted(.de) }.joined(separator: "\n"))
        return f
    }

    private func failed(_ extra: [String: String]) throws -> (Fixture, [Diagnostic]) {
        let f = try Fixture(files(extra))
        let (result, log) = f.build()
        XCTAssertNil(result, "the build must fail")
        return (f, log.all.filter { $0.severity == .error })
    }

    /// The `<svg class="karte-svg" …>…</svg>` of a page.
    private func mapSVG(_ page: String) throws -> String {
        let start = try XCTUnwrap(page.range(of: "<svg class=\"karte-svg\""))
        let end = try XCTUnwrap(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    // MARK: Item 1: maps

    func testIndicatorMapLinksEveryAreaWithItsValueAndHasLegendDescriptionAndTable() throws {
        let f = try built()
        let page = try f.page("indikatoren/quote/index.html")
        let svg = try mapSVG(page)
        XCTAssertTrue(svg.contains("<a href=\"../../sozialraeume/nord/\" aria-label=\"Nord: 23,4 %\">"), svg)
        XCTAssertTrue(svg.contains("aria-label=\"Mitte: 12,0 %\""))
        XCTAssertTrue(svg.contains("aria-label=\"Süd: keine Angabe\""), "an area without a row is 'keine Angabe'")
        XCTAssertTrue(svg.contains("fill=\"url(#karte-quote-muster-ka)\""), "no data has its own pattern")
        XCTAssertTrue(svg.contains("viewBox=\"0 0 "), "a fixed viewBox")
        XCTAssertFalse(page.contains("<script") && page.components(separatedBy: "<script").count > 2, "no script for the map")
        XCTAssertTrue(svg.contains("role=\"group\"") && svg.contains("<title id=\"karte-quote-titel\">") && svg.contains("<desc id=\"karte-quote-text\">"))
        XCTAssertTrue(page.contains("<p class=\"karte-beschreibung\">3 Gebiete, Werte von 12,0 % bis 23,4 % in 2 Klassen. "
            + "Am höchsten: Nord (23,4 %). Am niedrigsten: Mitte (12,0 %). 1 Gebiet ohne Angabe.</p>"), page)
        XCTAssertTrue(page.contains("<p class=\"karte-legende-titel\">Legende (Prozent)</p>"))
        XCTAssertTrue(page.contains("keine Angabe</li>"), "the legend names no data")
        XCTAssertTrue(page.contains("<table class=\"karte-werte\" aria-label=\"Werte zur Karte: Quote, 2022\">"), "the values as a table beside the map")
        XCTAssertTrue(page.contains("<th scope=\"row\"><a href=\"../../sozialraeume/sued/\">Süd</a></th><td class=\"zahl\">keine Angabe</td>"))
        // Two classes take the palette's ends apart, each with its own pattern.
        XCTAssertTrue(svg.contains("fill=\"#ffffcc\"") && svg.contains("fill=\"url(#karte-quote-muster-0)\""))
        XCTAssertTrue(svg.contains("fill=\"#253494\"") && svg.contains("fill=\"url(#karte-quote-muster-4)\""))
    }

    func testEasyIndicatorPageSaysWhereTheValueIsHighestAndLowestInEasyWords() throws {
        let f = try built()
        let page = try f.page("leichte-sprache/indikatoren/quote/index.html")
        XCTAssertTrue(page.contains("In Nord ist die Zahl am größten."), page)
        XCTAssertTrue(page.contains("In Die Mitte ist die Zahl am kleinsten.") || page.contains("In Mitte ist die Zahl am kleinsten."))
        XCTAssertTrue(page.contains("aria-label=\"Die Mitte: 12,0 %\""), "easy names on the easy map")
        XCTAssertTrue(page.contains("<a href=\"../../../leichte-sprache/sozialraeume/mitte/\""), "easy map links go to easy profiles")
    }

    func testKommuneLevelDrawsEachKommuneFromItsAreas() throws {
        let f = try built(["indikatoren/k.yaml": "titel: K\ntitel_leicht: Zahlen je Stadt\neinheit: Anzahl\nquelle: Test\nraumebene: Kommune\n",
                           "indikatoren/k.csv": "Raum;2022\nNordstadt;10\nMittestadt;30\nTestkreis;40\n"])
        let svg = try mapSVG(try f.page("indikatoren/k/index.html"))
        XCTAssertTrue(svg.contains("<a href=\"../../sozialraeume/nord/\" aria-label=\"Nordstadt: 10\">"), svg)
        XCTAssertTrue(svg.contains("<a href=\"../../sozialraeume/\" aria-label=\"Mittestadt: 30\">"), "a Kommune of two areas links to the overview")
        XCTAssertEqual(svg.components(separatedBy: "<a href").count - 1, 2)
    }

    func testSecretValuesReachNoMapClassOrRank() throws {
        let f = try built(["indikatoren/faelle.yaml": "titel: Fälle\ntitel_leicht: So viele Fälle\neinheit: Anzahl\nquelle: Test\nraumebene: Sozialraum\ngeheimhaltung: 5\n",
                           "indikatoren/faelle.csv": "Raum;2022\nNord;3\nMitte;40\nSüd;57\n"])
        let page = try f.page("indikatoren/faelle/index.html")
        let svg = try mapSVG(page)
        XCTAssertTrue(svg.contains("aria-label=\"Nord: keine Angabe\""), svg)
        XCTAssertFalse(svg.contains("Nord: 3"))
        XCTAssertTrue(page.contains("Werte von 40 bis 57"), "the secret value is no class bound")
        let profile = try f.page("sozialraeume/nord/index.html")
        XCTAssertFalse(profile.contains(">3<"), profile)
    }

    func testHolesAndMultiPolygonsBecomeOnePathEachWithEvenOddRings() throws {
        let svg = try mapSVG(try built().page("indikatoren/quote/index.html"))
        func path(_ area: String) throws -> String {
            let link = try XCTUnwrap(svg.range(of: "aria-label=\"\(area)"))
            let d = try XCTUnwrap(svg.range(of: "d=\"", range: link.upperBound..<svg.endIndex))
            return String(svg[d.upperBound...].prefix { $0 != "\"" })
        }
        XCTAssertEqual(try path("Mitte").components(separatedBy: "M").count - 1, 2, "outer ring and hole")
        XCTAssertEqual(try path("Süd").components(separatedBy: "M").count - 1, 2, "both parts of the MultiPolygon")
        XCTAssertTrue(svg.contains("fill-rule=\"evenodd\""))
    }

    func testSameInputGivesTheSameBytes() throws {
        let a = try built(), b = try built()
        XCTAssertEqual(try a.page("indikatoren/quote/index.html"), try b.page("indikatoren/quote/index.html"))
        XCTAssertEqual(try a.page("sozialraeume/index.html"), try b.page("sozialraeume/index.html"))
    }

    // MARK: Item 2: profiles

    func testProfileComparesEveryIndicatorWithTheRegionWithRankAndTrend() throws {
        let f = try built()
        let north = try f.page("sozialraeume/nord/index.html")
        XCTAssertTrue(north.contains("<h1>Nord</h1>"))
        XCTAssertTrue(north.contains("<td class=\"zahl\">23,4 %</td><td class=\"zahl\">17,5 % <span class=\"meta\">(Testkreis)</span></td>"
            + "<td class=\"zahl\">1 von 2</td>"), north)
        XCTAssertTrue(north.contains("role=\"img\" aria-label=\"Verlauf 2020 bis 2022: gestiegen; 2020: 20,0 %, 2022: 23,4 %\""), north)
        let south = try f.page("sozialraeume/sued/index.html")
        XCTAssertTrue(south.contains("<td class=\"zahl\">keine Angabe</td>"), "an area without a row is 'keine Angabe'")
        let easy = try f.page("leichte-sprache/sozialraeume/mitte/index.html")
        XCTAssertTrue(easy.contains("<h1>Die Mitte</h1>"))
        XCTAssertTrue(easy.contains("Die Zahl ist kleiner als in der ganzen Region."), easy)
    }

    func testProfileListsMeasuresAndPublicPapersThatNameTheArea() throws {
        var extra = PlanFixturesForAreas.plan
        extra["vorlagen/2024-0002-geheim.md"] = """
        ---
        art: Mitteilungsvorlage
        nummer: "2024/0002"
        betreff: Geheimer Plan für Nord
        datum: 2024-02-21
        status: nichtoeffentlich
        federfuehrend: A 1 – Testamt
        sozialraeume: [nord]
        ---
        ## Sachlage

        Intern.

        ## Rechtslage

        Keine.
        """
        extra["berichte/lage.md"] = "---\ntitel: Lagebericht Inklusion\ndatum: 2024-01-10\nsozialraeume: [nord, sued]\n---\n## Zahlen\n\nText.\n"
        let f = try built(extra)
        let north = try f.page("sozialraeume/nord/index.html")
        XCTAssertTrue(north.contains("<a href=\"../../inklusionsplan/wohnen/#m-WO-1\">Wohnen für alle</a>"), north)
        XCTAssertTrue(north.contains("<a href=\"../../berichte/lage/\">Lagebericht Inklusion</a>"))
        XCTAssertFalse(north.contains("Geheimer Plan"), "a non-public paper reaches no public profile")
        let easy = try f.page("leichte-sprache/sozialraeume/nord/index.html")
        XCTAssertTrue(easy.contains("<a href=\"../../../leichte-sprache/berichte/lage/\">Bericht in Leichter Sprache</a>")
                      || easy.contains("Bericht in Leichter Sprache"), easy)
        let middle = try f.page("sozialraeume/mitte/index.html")
        XCTAssertFalse(middle.contains("Lagebericht Inklusion"))
    }

    func testOverviewPagesSitemapAndSearchHoldTheAreas() throws {
        let f = try built()
        let overview = try f.page("sozialraeume/index.html")
        XCTAssertTrue(overview.contains("<a href=\"../sozialraeume/nord/\" aria-label=\"Nord\">"), overview)
        XCTAssertTrue(overview.contains("<h3>Mittestadt</h3>"))
        XCTAssertTrue(try f.page("leichte-sprache/sozialraeume/index.html").contains("<a href=\"../../leichte-sprache/sozialraeume/mitte/\">Die Mitte</a>"))
        let sitemap = try f.page("sitemap.xml")
        for path in ["sozialraeume/", "sozialraeume/nord/", "leichte-sprache/sozialraeume/sued/"] {
            XCTAssertTrue(sitemap.contains("https://www.example.org/inklusion/\(path)</loc>"), path)
        }
        let search = try f.page("suche/index.json")
        XCTAssertTrue(search.contains("[\"Nord\",\"sozialraeume/nord/\",\"Sozialraum\",\"\"]"), search)
        XCTAssertTrue(try f.page("index.html").contains(">Sozialräume</a>"), "in the main navigation")
    }

    func testSchematicBoundariesAreSaidToBeSo() throws {
        let marked = Self.geojson.replacingOccurrences(of: "\"FeatureCollection\",", with: "\"FeatureCollection\", \"beispieldaten\": true,")
        let f = try built(["sozialraeume.geojson": marked])
        XCTAssertTrue(try f.page("sozialraeume/index.html").contains("Schematische Karte:"))
        XCTAssertTrue(try f.page("indikatoren/quote/index.html").contains("Schematische Karte:"))
        XCTAssertFalse(try built().page("sozialraeume/index.html").contains("Schematische Karte:"))
    }

    func testProfileListsTheOffersAndActorsInTheArea() throws {
        let f = try built([
            "angebote/beratung-nord.yaml": """
            name: Beratung im Norden
            art: Beratung
            sozialraum: nord
            adresse: {strasse: Weg 1, plz: "12345", ort: Nordstadt}
            beschreibung_leicht: Hier bekommen Sie Hilfe.
            """,
            "angebote/sport-mitte.yaml": """
            name: Sport in der Mitte
            art: Sport
            sozialraum: mitte
            adresse: {strasse: Platz 2, plz: "12345", ort: Mittestadt}
            """,
            "akteure.yaml": """
            - id: verein
              name: Verein Nord
              art: Selbsthilfe
              sozialraeume: [nord, mitte]
            - id: beirat
              name: Beirat
              art: Beirat
            """,
        ])
        let north = try f.page("sozialraeume/nord/index.html")
        XCTAssertTrue(north.contains("<a href=\"../../angebote/beratung-nord/\">Beratung im Norden</a> <span class=\"meta\">(Beratung)</span>"), north)
        XCTAssertTrue(north.contains("<a href=\"../../netzwerk/#akteur-verein\">Verein Nord</a>"))
        XCTAssertFalse(north.contains("Sport in der Mitte") || north.contains(">Beirat<"))
        let easy = try f.page("leichte-sprache/sozialraeume/nord/index.html")
        XCTAssertTrue(easy.contains("<a href=\"../../../leichte-sprache/angebote/beratung-nord/\">Beratung im Norden</a>"), easy)
        let middle = try f.page("sozialraeume/mitte/index.html")
        XCTAssertTrue(middle.contains("Sport in der Mitte") && middle.contains("Verein Nord"))
        XCTAssertTrue(try f.page("sozialraeume/sued/index.html").contains("Für dieses Gebiet sind keine Angebote eingetragen."))
    }

    // MARK: Item 2: errors

    func testUnknownAreaIdsAreErrorsAtTheirLineWithTheClosestId() throws {
        var extra = PlanFixturesForAreas.plan
        extra["inklusionsplan/2026.yaml"] = extra["inklusionsplan/2026.yaml"]!.replacingOccurrences(of: "[nord]", with: "[nordd]")
        extra["indikatoren/quote.csv"] = "Raum;2020;2022\nNord;20,0;23,4\nMite;13,5;12,0\nTestkreis;16,0;17,5\n"
        extra["berichte/lage.md"] = "---\ntitel: Lagebericht Inklusion\ndatum: 2024-01-10\nsozialraeume:\n  - nord\n  - sud\n---\n## Zahlen\n\nText.\n"
        extra["sozialraeume.geojson"] = Self.geojson.replacingOccurrences(of: "\"id\": \"sued\"", with: "\"id\": \"suedd\"")
        let (f, errors) = try failed(extra)
        func error(_ file: String, _ line: Int, _ suggestion: String) -> Diagnostic? {
            errors.first { $0.location.file == Paths.join(f.content, file) && $0.location.line == line && $0.suggestion == suggestion }
        }
        XCTAssertNotNil(error("indikatoren/quote.csv", 3, "Mitte"), errors.map { "\($0.formatted(.de)) [\($0.suggestion ?? "-")]" }.joined(separator: "\n") + " (\(errors.count))")
        XCTAssertNotNil(error("berichte/lage.md", 6, "sued"))
        XCTAssertNotNil(error("inklusionsplan/2026.yaml", 11, "nord"))
        XCTAssertNotNil(error("sozialraeume.geojson", 7, "sued"))
        XCTAssertTrue(errors.contains { $0.formatted(.de).contains("den Sozialraum 'sud' gibt es nicht in sozialraeume.yaml; meinten Sie 'sued'?") })
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.output + "/index.html"), "nothing written")
    }

    func testAreaIdsWithoutAnyAreasFileAreErrors() throws {
        var files = Fixture.minimal
        files["berichte/lage.md"] = "---\ntitel: Lagebericht Inklusion\nsozialraeume: [nord]\n---\nText.\n"
        let f = try Fixture(files)
        let (result, log) = f.build()
        XCTAssertNil(result)
        XCTAssertTrue(log.all.contains { $0.rule == "REF" && $0.message.contains("keine Datei sozialraeume.yaml") && $0.location.line == 3 })
    }

    // MARK: Cache

    func testEditingTheBoundariesOrTheAreasRebuildsTheirPages() throws {
        let f = try built()
        let before = try f.page("indikatoren/quote/index.html")
        try f.write("sozialraeume.geojson", Self.geojson.replacingOccurrences(of: "[6.3, 50.1]", with: "[6.35, 50.12]"))
        XCTAssertNotNil(f.build().0)
        XCTAssertNotEqual(try f.page("indikatoren/quote/index.html"), before, "an edited boundary redraws the map")
        try f.write("sozialraeume.yaml", Self.areas.replacingOccurrences(of: "Der Norden.", with: "Der hohe Norden."))
        let (result, log) = f.build()
        XCTAssertNotNil(result, log.all.map(\.message).joined(separator: "\n"))
        XCTAssertTrue(try f.page("sozialraeume/nord/index.html").contains("Der hohe Norden."))
    }
}

/// A plan whose measure names an area.
enum PlanFixturesForAreas {
    static let plan: [String: String] = [
        "inklusionsplan/2026.yaml": """
        titel: Inklusionsplan
        stand: 2026-06-30
        handlungsfelder:
          - id: wohnen
            titel: Wohnen
            massnahmen:
              - id: WO-1
                titel: Wohnen für alle
                leicht: Alle sollen gut wohnen.
                status: geplant
                sozialraeume: [nord]
        """,
    ]
}
