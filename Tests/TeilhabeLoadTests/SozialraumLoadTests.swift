import XCTest
import TeilhabeTesting
@testable import TeilhabeLoad
@testable import TeilhabeModel

final class SozialraumLoadTests: XCTestCase {
    private func load(_ extra: [String: String]) throws -> (Projekt, DiagnosticLog) {
        var files: [String: Data] = [:]
        for (path, text) in Fixture.minimal.merging(extra, uniquingKeysWith: { $1 }) { files["c/" + path] = Data(text.utf8) }
        let log = DiagnosticLog()
        return (try XCTUnwrap(ProjektLoader.load(contentRoot: "c", io: .memory(files), log: log)), log)
    }

    func testAreasLoadWithKommuneAndEasyName() throws {
        let (project, log) = try load(["sozialraeume.yaml": """
            - id: aachen-ost
              name: Aachen-Ost
              name_leicht: Aachen Osten
              kommune: Aachen
            - id: monschau
              name: Monschau
              kommune: Monschau
            """])
        XCTAssertFalse(log.hasErrors, log.all.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(project.sozialraeume.map(\.id), ["aachen-ost", "monschau"])
        XCTAssertEqual(project.sozialraum(id: "monschau")?.nameLeicht, "Monschau")
        XCTAssertEqual(project.sozialraum(id: "aachen-ost")?.nameLeicht, "Aachen Osten")
        XCTAssertEqual(project.suggestSozialraum("aachen-os"), "aachen-ost")
        XCTAssertEqual(project.kommunen, ["Aachen", "Monschau"])
    }

    func testMissingKommuneDuplicateAndBadIdAreErrorsWithLines() throws {
        let (project, log) = try load(["sozialraeume.yaml": """
            - id: ost
              name: Ost
            - id: West Teil
              name: West
              kommune: Aachen
            - id: mitte
              name: Mitte
              kommune: Aachen
            - id: mitte
              name: Mitte 2
              kommune: Aachen
            """])
        let errors = log.all.filter { $0.severity == .error }
        XCTAssertTrue(errors.contains { $0.message.contains("'kommune'") && $0.location.line == 1 }, "\(errors.map(\.formatted))")
        XCTAssertTrue(errors.contains { $0.rule == "SLUG" && $0.location.line == 3 })
        XCTAssertTrue(errors.contains { $0.rule == "DUPLIKAT" && $0.location.line == 9 })
        XCTAssertEqual(project.sozialraeume.map(\.id), ["mitte"])
        XCTAssertTrue(project.mayBeSozialraum("ost"), "a broken entry's id still counts as existing for references")
    }
}

final class GeoJSONLoadTests: XCTestCase {
    private static let areas = "- id: nord\n  name: Nord\n  kommune: A\n- id: sued\n  name: Süd\n  kommune: A\n"

    private func load(_ geojson: String) throws -> (Projekt, DiagnosticLog) {
        var files: [String: Data] = [:]
        for (path, text) in Fixture.minimal { files["c/" + path] = Data(text.utf8) }
        files["c/sozialraeume.yaml"] = Data(Self.areas.utf8)
        files["c/sozialraeume.geojson"] = Data(geojson.utf8)
        let log = DiagnosticLog()
        return (try XCTUnwrap(ProjektLoader.load(contentRoot: "c", io: .memory(files), log: log)), log)
    }

    private func collection(_ features: String, crs: String = "") -> String {
        "{\"type\": \"FeatureCollection\",\(crs)\n\"features\": [\n\(features)\n]}"
    }

    private func feature(_ id: String, _ coordinates: String, type: String = "Polygon") -> String {
        "{\"type\": \"Feature\", \"properties\": {\"id\": \"\(id)\"}, \"geometry\": {\"type\": \"\(type)\", \"coordinates\": \(coordinates)}}"
    }

    func testCoordinateSystemIsDetectedFromCrsOrRange() throws {
        let utm = "[[[294000, 5628000], [296000, 5628000], [296000, 5630000], [294000, 5628000]]]"
        let (byRange, log1) = try load(collection(feature("nord", utm)))
        XCTAssertFalse(log1.hasErrors, log1.all.map(\.message).joined())
        XCTAssertEqual(byRange.sozialraum(id: "nord")?.shape?.crs, .utm32)
        XCTAssertNil(byRange.sozialraum(id: "sued")?.shape, "an area without a feature has no boundary")
        let named = collection(feature("nord", utm), crs: " \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::25832\"}},")
        XCTAssertEqual(try load(named).0.sozialraum(id: "nord")?.shape?.crs, .utm32)
        let wgs = "[[[6.0, 50.7], [6.1, 50.7], [6.1, 50.8], [6.0, 50.7]]]"
        XCTAssertEqual(try load(collection(feature("nord", wgs))).0.sozialraum(id: "nord")?.shape?.crs, .wgs84)
        let (_, bad) = try load(collection(feature("nord", "[[[1, 2], [3000, 4], [5, 6], [1, 2]]]")))
        XCTAssertTrue(bad.all.contains { $0.rule == "GEOJSON" && $0.message.contains("weder Längen- und Breitengrade") })
        let (_, unknownCRS) = try load(collection(feature("nord", wgs), crs: " \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:31466\"}},"))
        XCTAssertTrue(unknownCRS.all.contains { $0.message.contains("'EPSG:31466' wird nicht unterstützt") })
    }

    func testPolygonsWithHolesAndMultiPolygonsLoad() throws {
        let withHole = "[[[6.0, 50.0], [6.2, 50.0], [6.2, 50.2], [6.0, 50.0]], [[6.05, 50.05], [6.1, 50.05], [6.1, 50.1], [6.05, 50.05]]]"
        let multi = "[[[[6.3, 50.0], [6.4, 50.0], [6.4, 50.1], [6.3, 50.0]]], [[[6.5, 50.0], [6.6, 50.0], [6.6, 50.1], [6.5, 50.0]]]]"
        let (project, log) = try load(collection(feature("nord", withHole) + ",\n" + feature("sued", multi, type: "MultiPolygon")))
        XCTAssertFalse(log.hasErrors, log.all.map(\.message).joined())
        XCTAssertEqual(project.sozialraum(id: "nord")?.shape?.polygons.first?.rings.count, 2)
        XCTAssertEqual(project.sozialraum(id: "sued")?.shape?.polygons.count, 2)
    }

    func testBadFeaturesAreErrorsAtTheirLine() throws {
        let ok = "[[[6.0, 50.7], [6.1, 50.7], [6.1, 50.8], [6.0, 50.7]]]"
        let (_, log) = try load(collection([feature("nordd", ok), feature("sued", "[6.0, 50.7]", type: "Point"),
                                            feature("nord", "[[[6.0, 50.7], [6.1, 50.7]]]")].joined(separator: ",\n")))
        let errors = log.all.filter { $0.severity == .error }
        XCTAssertTrue(errors.contains { $0.location.line == 3 && $0.suggestion == "nord" && $0.message.contains("'nordd'") }, "\(errors.map(\.message))")
        XCTAssertTrue(errors.contains { $0.location.line == 4 && $0.message.contains("'Point'") })
        XCTAssertTrue(errors.contains { $0.location.line == 5 && $0.message.contains("mindestens vier Punkte") })
        let (_, notJSON) = try load("{\"type\": \"Feature\"}")
        XCTAssertTrue(notJSON.all.contains { $0.rule == "GEOJSON" && $0.message.contains("FeatureCollection") })
    }
}
