import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeModel
@testable import TeilhabeRender
@testable import TeilhabeCheck

/// Offers (issue 24, item 3): lists, filter pages, offer pages, opening hours, JSON-LD, downloads, twins.
final class AngeboteTests: XCTestCase {
    static let areas = """
        - {id: aachen-ost, name: Aachen-Ost, kommune: Aachen}
        - {id: monschau, name: Monschau, kommune: Monschau}
        """

    static let beratung = """
        name: Beratungsstelle Wohnen im Alter
        art: Beratung
        traeger: Caritasverband
        sozialraum: aachen-ost
        adresse: {strasse: Beispielweg 3, plz: "52068", ort: Aachen}
        lage: {lat: 50.7712, lon: 6.1101}
        kontakt: {telefon: "+49 241 1234", email: beratung@example.org}
        oeffnungszeiten: "Mo-Fr 09:00-12:00; Th 14:00-17:30; PH off"
        barrierefreiheit:
          rollstuhl: yes
          wc_rollstuhl: limited
          gebaerdensprache: no
        beschreibung_leicht: Hier bekommen Sie Hilfe beim Wohnen.
        """

    static let sport = """
        name: Sportgruppe für alle
        art: Sport
        sozialraum: monschau
        adresse: {strasse: Am Platz 1, plz: "52156", ort: Monschau}
        oeffnungszeiten: "Sa 10:00-12:00"
        barrierefreiheit:
          rollstuhl: limited
        """

    static let workshop = """
        name: Werkstatt am Markt
        art: Arbeit
        sozialraum: monschau
        adresse: {strasse: Markt 2, plz: "52156", ort: Monschau}
        barrierefreiheit:
          rollstuhl: no
        """

    static func files(_ extra: [String: String] = [:]) -> [String: String] {
        var files = Fixture.minimal
        files["sozialraeume.yaml"] = areas
        files["angebote/beratung-ost.yaml"] = beratung
        files["angebote/sport-monschau.yaml"] = sport
        files["angebote/werkstatt.yaml"] = workshop
        return files.merging(extra) { $1 }
    }

    private func built(_ extra: [String: String] = [:]) throws -> Fixture {
        let f = try Fixture(Self.files(extra))
        let (result, log) = f.build()
        XCTAssertNotNil(result, log.all.map(\.formatted).joined(separator: "\n"))
        return f
    }

    private func errors(_ extra: [String: String]) throws -> [String] {
        let f = try Fixture(Self.files(extra))
        let (result, log) = f.build()
        XCTAssertNil(result, "a build with a mistake writes nothing")
        return log.all.filter { $0.severity == .error }.map(\.formatted)
    }

    func testListGroupsByKindAndAreaAndFilterPagesWorkWithoutJavaScript() throws {
        let f = try built()
        let index = try f.page("angebote/index.html")
        XCTAssertTrue(index.contains("<h2 id=\"art-beratung\" class=\"art-titel\">Beratung</h2>"))
        XCTAssertTrue(index.contains("<h3>Aachen-Ost</h3>"), "areas by name under each kind")
        XCTAssertTrue(index.contains("href=\"../angebote/art/beratung/\"") && index.contains("href=\"../angebote/barrierefreiheit/rollstuhl/\""))
        XCTAssertTrue(index.contains("<form class=\"angebote-filter\" hidden>"), "the script form stays hidden without JavaScript")
        XCTAssertTrue(index.contains("data-art=\"sport\" data-merkmale=\"\""))
        let sport = try f.page("angebote/art/sport/index.html")
        XCTAssertTrue(sport.contains("Sportgruppe für alle") && !sport.contains("Beratungsstelle") && !sport.contains("Werkstatt"))
        let rollstuhl = try f.page("angebote/barrierefreiheit/rollstuhl/index.html")
        XCTAssertTrue(rollstuhl.contains("Für Rollstuhl geeignet: Ja</h2>") && rollstuhl.contains("Für Rollstuhl geeignet: Eingeschränkt</h2>"))
        let fully = try XCTUnwrap(rollstuhl.range(of: "Eingeschränkt</h2>"))
        XCTAssertTrue(rollstuhl[..<fully.lowerBound].contains("Beratungsstelle"))
        XCTAssertTrue(rollstuhl[fully.upperBound...].contains("Sportgruppe"))
        XCTAssertFalse(rollstuhl.contains("Werkstatt am Markt"), "value no is not listed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: Paths.join(f.output, "assets/angebote.js")))
    }

    func testOfferPageShowsHoursInWordsFeaturesWithIconsAndJSONLD() throws {
        let f = try built()
        let page = try f.page("angebote/beratung-ost/index.html")
        XCTAssertTrue(page.contains("<li>Montag bis Freitag 9 bis 12 Uhr</li>"))
        XCTAssertTrue(page.contains("<li>Donnerstag 14 bis 17:30 Uhr</li>"))
        XCTAssertTrue(page.contains("<li>An Feiertagen geschlossen</li>"))
        XCTAssertTrue(page.contains("<dd>Beispielweg 3, 52068 Aachen</dd>") && page.contains("<dd>Aachen-Ost</dd>"))
        XCTAssertTrue(page.contains("aria-hidden=\"true\" focusable=\"false\">"), "icons are decorative")
        XCTAssertTrue(page.contains("<span>Für Rollstuhl geeignet: ja</span>"))
        XCTAssertTrue(page.contains("<span>Rollstuhlgerechtes WC: eingeschränkt</span>"))
        XCTAssertTrue(page.contains("<span>Höranlage: keine Angabe</span>"))
        let start = try XCTUnwrap(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try XCTUnwrap(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        XCTAssertEqual(json["@type"] as? String, "Place")
        XCTAssertEqual(json["openingHours"] as? [String], ["Mo-Fr 09:00-12:00", "Th 14:00-17:30"])
        XCTAssertEqual((json["address"] as? [String: Any])?["postalCode"] as? String, "52068")
        XCTAssertEqual((json["amenityFeature"] as? [[String: Any]])?.count, 2, "yes and no; limited is said in words")
    }

    func testJSONLDCannotCloseItsScriptElement() throws {
        let f = try built(["angebote/beratung-ost.yaml": Self.beratung.replacingOccurrences(
            of: "name: Beratungsstelle Wohnen im Alter", with: "name: \"Beratung </script><script>alert(1)</script>\"")])
        let page = try f.page("angebote/beratung-ost/index.html")
        XCTAssertFalse(page.contains("</script><script>alert(1)"), "no text closes the element")
        let start = try XCTUnwrap(page.range(of: "<script type=\"application/ld+json\">"))
        let end = try XCTUnwrap(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8)) as? [String: Any])
        XCTAssertEqual(json["name"] as? String, "Beratung </script><script>alert(1)</script>", "the same JSON, read back whole")
    }

    func testDownloadsCSVJSONAndGeoJSON() throws {
        let f = try built()
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, "angebote/angebote.csv")))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "a BOM, so that Excel reads UTF-8")
        let csv = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(csv.contains("id;name;art;traeger;sozialraum;strasse;plz;ort;lat;lon"))
        XCTAssertTrue(csv.contains("beratung-ost;Beratungsstelle Wohnen im Alter;Beratung;Caritasverband;aachen-ost;Beispielweg 3;52068;Aachen;50,7712;6,1101"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(f.page("angebote/angebote.json").utf8)) as? [String: Any])
        let list = try XCTUnwrap(json["angebote"] as? [[String: Any]])
        XCTAssertEqual(list.map { $0["id"] as? String }, ["beratung-ost", "sport-monschau", "werkstatt"])
        XCTAssertEqual((list[0]["barrierefreiheit"] as? [String: String])?["wc_rollstuhl"], "limited")
        let geo = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(f.page("angebote/angebote.geojson").utf8)) as? [String: Any])
        XCTAssertEqual(geo["type"] as? String, "FeatureCollection")
        let features = try XCTUnwrap(geo["features"] as? [[String: Any]])
        XCTAssertEqual((features[0]["geometry"] as? [String: Any])?["coordinates"] as? [Double], [6.1101, 50.7712], "longitude first")
        XCTAssertTrue(features[1]["geometry"] is NSNull, "no lage: null geometry")
    }

    func testEasyTwinOnlyFromBeschreibungLeichtAndPagesInSitemapAndSearch() throws {
        let f = try built()
        let twin = try f.page("leichte-sprache/angebote/beratung-ost/index.html")
        XCTAssertTrue(twin.contains("Hier bekommen Sie Hilfe beim Wohnen."))
        XCTAssertTrue(try f.page("angebote/beratung-ost/index.html").contains("href=\"../../leichte-sprache/angebote/beratung-ost/\""))
        XCTAssertFalse(FileManager.default.fileExists(atPath: Paths.join(f.output, "leichte-sprache/angebote/werkstatt/index.html")))
        XCTAssertFalse(try f.page("angebote/werkstatt/index.html").contains("leichte-sprache/angebote/werkstatt/"))
        let sitemap = try f.page("sitemap.xml")
        for p in ["angebote/", "angebote/beratung-ost/", "angebote/art/sport/", "angebote/barrierefreiheit/rollstuhl/",
                  "leichte-sprache/angebote/beratung-ost/"] {
            XCTAssertTrue(sitemap.contains("https://www.example.org/inklusion/\(p)</loc>"), p)
        }
        let search = try f.page("suche/index.json")
        XCTAssertTrue(search.contains("[\"Beratungsstelle Wohnen im Alter\",\"angebote/beratung-ost/\",\"Angebot\""))
    }

    func testEasyTextIsCheckedByTheLeichteSpracheCheck() throws {
        var files: [String: Data] = [:]
        let bad = Self.beratung.replacingOccurrences(of: "beschreibung_leicht: Hier bekommen Sie Hilfe beim Wohnen.",
                                                     with: "beschreibung_leicht: Hier bekommen Sie Hilfe. Und Rat.")
        for (p, t) in Self.files(["angebote/beratung-ost.yaml": bad]) { files["c/" + p] = Data(t.utf8) }
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: "c", io: .memory(files), log: DiagnosticLog()))
        let log = DiagnosticLog()
        LeichteSpracheCheck.run(project, log: log)
        XCTAssertTrue(log.all.contains { $0.rule == "LS02" && $0.location.file == "c/angebote/beratung-ost.yaml" && $0.location.line == 13 },
                      log.all.map(\.formatted).joined(separator: "\n"))
    }

    func testOpeningHoursSubsetInWords() {
        func words(_ s: String) -> [String]? { try? Oeffnungszeiten.parse(s).get().inWords }
        XCTAssertEqual(words("Mo-Fr 09:00-12:00"), ["Montag bis Freitag 9 bis 12 Uhr"])
        XCTAssertEqual(words("Mo,We,Fr 08:30-12:00,13:00-16:00"),
                       ["Montag, Mittwoch und Freitag 8:30 bis 12 Uhr und 13 bis 16 Uhr"])
        XCTAssertEqual(words("Mo-Sa 10:00-18:00; Su,PH off"), ["Montag bis Samstag 10 bis 18 Uhr", "Sonntag und an Feiertagen geschlossen"])
        XCTAssertEqual(words("24/7"), ["Täglich rund um die Uhr"])
        XCTAssertEqual(words("18:00-24:00"), ["Täglich 18 bis 24 Uhr"])
        XCTAssertEqual(words("Fr-Mo 22:00-02:00"), ["Freitag bis Montag 22 bis 2 Uhr"])
        for bad in ["Mo-Fr 9-12", "Mon-Fr 09:00-12:00", "sunrise-sunset", "Mo-Fr", "Mo-Fr 09:00-12:00;", "Mo-Fr 09:00-12:60",
                    "Jan-Mar Mo 09:00-12:00", "Mo-Fr 09:00-12:00 open", "Mo-Fr 12:00-12:00", "PH-Mo 09:00-10:00"] {
            guard case let .failure(problem) = Oeffnungszeiten.parse(bad) else { return XCTFail("accepted: \(bad)") }
            XCTAssertGreaterThanOrEqual(problem.column, 1, bad)
        }
        guard case let .failure(p) = Oeffnungszeiten.parse("Mo-Fr 09:00-12:00; Sa 10-12") else { return XCTFail() }
        XCTAssertEqual(p.column, 23, "the column of the time that cannot be read")
    }

    func testUnreadableHoursUnknownValueAndUnknownAreaAreErrorsAtTheirPlace() throws {
        let bad = Self.beratung
            .replacingOccurrences(of: "\"Mo-Fr 09:00-12:00; Th 14:00-17:30; PH off\"", with: "\"Mo-Fr 09:00-12:00; Sa 10-12\"")
            .replacingOccurrences(of: "wc_rollstuhl: limited", with: "wc_rollstuhl: limitd")
            .replacingOccurrences(of: "sozialraum: aachen-ost", with: "sozialraum: aachen-os")
        let errors = try errors(["angebote/beratung-ost.yaml": bad]).joined(separator: "\n")
        XCTAssertTrue(errors.contains("angebote/beratung-ost.yaml:8:41: error: oeffnungszeiten: Uhrzeit „10-12“"), errors)
        XCTAssertTrue(errors.contains("angebote/beratung-ost.yaml:11:17: error:") && errors.contains("meinten Sie 'limited'?"), errors)
        XCTAssertTrue(errors.contains("angebote/beratung-ost.yaml:4:13: error: unbekannter Sozialraum „aachen-os“") && errors.contains("meinten Sie 'aachen-ost'?"), errors)
    }

    func testIdsOfTheFilterFoldersAreReserved() throws {
        let errors = try errors(["angebote/art.yaml": Self.workshop]).joined(separator: "\n")
        XCTAssertTrue(errors.contains("angebote/art.yaml:1:1: error: „art“ ist als Name eines Angebots reserviert"), errors)
    }

    func testEditedOfferChangesItsPageOnTheNextBuild() throws {
        let f = try built()
        XCTAssertTrue(try f.page("angebote/beratung-ost/index.html").contains("Montag bis Freitag 9 bis 12 Uhr"))
        try f.write("angebote/beratung-ost.yaml", Self.beratung.replacingOccurrences(of: "Mo-Fr 09:00-12:00", with: "Mo-Fr 08:00-12:00"))
        let (result, log) = f.build()
        XCTAssertNotNil(result, log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try f.page("angebote/beratung-ost/index.html").contains("Montag bis Freitag 8 bis 12 Uhr"))
        XCTAssertTrue(try f.page("angebote/angebote.csv").contains("Mo-Fr 08:00-12:00"))
    }

    func testSameInputSameBytes() throws {
        let f = try built()
        let other = Fixture.temporary("site").path
        _ = f.build(output: other, cache: false)
        let a = Fixture.tree(f.output).filter { $0.key.hasPrefix("angebote/") }, b = Fixture.tree(other).filter { $0.key.hasPrefix("angebote/") }
        XCTAssertGreaterThan(a.count, 10)
        XCTAssertEqual(a, b)
    }
}
