import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeRender
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeCheck

/// The map's geometry, classes and easy texts (issue 24 item 1).
final class AreaMapTests: XCTestCase {
    private typealias P = AreaShape.Point

    private func square(_ ring: [P], crs: AreaShape.CRS = .utm32) -> AreaShape {
        AreaShape(crs: crs, polygons: [AreaShape.Polygon(rings: [ring + [ring[0]]])])
    }

    /// The points of every ring of a path ("M x y L x y … Z").
    private func points(_ d: String) -> [String] {
        d.split(whereSeparator: { $0 == "M" || $0 == "L" || $0 == "Z" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Two areas share a wiggly border of 200 points: after simplification both draw the very same
    /// points along it (no gap, no overlap), and far fewer of them.
    func testSharedBorderIsSimplifiedOnceAndStaysClosed() {
        let border = (0...200).map { (i: Int) -> P in
            let wiggle: Double = (i % 2 == 0 ? 0 : 3) + Double(i % 7)
            return P(x: 500_000 + 20 * Double(i), y: 5_600_000 + wiggle)
        }
        let west = square([P(x: 500_000, y: 5_590_000)] + border + [P(x: 504_000, y: 5_590_000)].reversed())
        let eastBorder = Array(border.reversed())
        let east = square([P(x: 504_000, y: 5_610_000)] + eastBorder + [P(x: 500_000, y: 5_610_000)])
        let geometry = MapGeometry([("west", [west]), ("east", [east])])
        let a = Set(points(geometry.paths[0].d)), b = Set(points(geometry.paths[1].d))
        let shared = a.intersection(b)
        XCTAssertGreaterThanOrEqual(shared.count, 2, "the border's ends at least")
        XCTAssertLessThan(a.count, 60, "the wiggles below the tolerance are gone")
        // Every point of the west area on the border line (y near the border) is a point of the east area.
        let onBorder = { (p: String) -> Bool in
            let y = Double(p.split(separator: " ")[1])!
            return y > 15 && y < Double(geometry.height) - 15
        }
        XCTAssertEqual(a.filter(onBorder), b.filter(onBorder), "both sides of the border have the same points")
    }

    /// Areas in degrees at different latitudes share a border: one projection for all keeps it shared.
    func testDegreesAreProjectedAlikeForEveryArea() {
        let north = square([P(x: 6.0, y: 50.8), P(x: 6.2, y: 50.8), P(x: 6.2, y: 50.9), P(x: 6.0, y: 50.9)], crs: .wgs84)
        let south = square([P(x: 6.2, y: 50.5), P(x: 6.2, y: 50.8), P(x: 6.3, y: 50.8), P(x: 6.3, y: 50.5)], crs: .wgs84)
        let west = square([P(x: 6.0, y: 50.5), P(x: 6.2, y: 50.5), P(x: 6.2, y: 50.8), P(x: 6.0, y: 50.8)], crs: .wgs84)
        let geometry = MapGeometry([("north", [north]), ("south", [south]), ("west", [west])])
        let (n, s, w) = (Set(points(geometry.paths[0].d)), Set(points(geometry.paths[1].d)), Set(points(geometry.paths[2].d)))
        XCTAssertEqual(s.intersection(w).count, 2, "the border at 6.2° from 50.5° to 50.8°: \(s) \(w)")
        XCTAssertEqual(n.intersection(w).count, 2)
        XCTAssertEqual(n.intersection(s).count, 1, "the corner at 6.2°/50.8°")
    }

    func testAnIslandAndTheHoleAroundItGetTheSameRing() {
        let outer = [P(x: 0, y: 0), P(x: 1000, y: 0), P(x: 1000, y: 1000), P(x: 0, y: 1000)].map { P(x: $0.x + 400_000, y: $0.y + 5_600_000) }
        var hole: [P] = []
        for i in 0..<40 { let t = Double(i) / 40 * 2 * .pi; hole.append(P(x: 400_500 + 200 * cos(t), y: 5_600_500 + 200 * sin(t))) }
        let withHole = AreaShape(crs: .utm32, polygons: [AreaShape.Polygon(rings: [outer + [outer[0]], hole + [hole[0]]])])
        let island = square(hole.reversed())
        let geometry = MapGeometry([("ring", [withHole]), ("island", [island])])
        let holeRing = geometry.paths[0].d.components(separatedBy: "M")[2]
        XCTAssertEqual(Set(points(holeRing)), Set(points(geometry.paths[1].d)))
    }

    func testWGS84IsProjectedWithTheCosineOfTheLatitude() {
        // 0.1° of longitude at 50.7° is about 0.063° of latitude wide.
        let shape = square([P(x: 6.0, y: 50.7), P(x: 6.1, y: 50.7), P(x: 6.1, y: 50.8), P(x: 6.0, y: 50.8)], crs: .wgs84)
        let geometry = MapGeometry([("a", [shape])])
        XCTAssertEqual(Double(geometry.width - 20) / Double(geometry.height - 20), cos(50.75 * .pi / 180), accuracy: 0.01)
        XCTAssertEqual(geometry.paths[0].d, MapGeometry([("a", [shape])]).paths[0].d, "deterministic")
        XCTAssertTrue(geometry.paths[0].d.hasPrefix("M"))
        XCTAssertFalse(geometry.paths[0].d.contains(","), "numbers with a point, never a comma")
    }

    func testQuantileClassesKeepTiesTogetherAndDropEmptyClasses() {
        let (ofValue, count) = ChoroplethMap.classes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        XCTAssertEqual(count, 5)
        XCTAssertEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map { ofValue[Double($0)]! }, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4])
        let ties = ChoroplethMap.classes([5, 5, 5, 5, 9])
        XCTAssertEqual(ties.count, 2)
        XCTAssertEqual(ties.ofValue[5], 0)
        XCTAssertEqual(ties.ofValue[9], 1)
        XCTAssertEqual(ChoroplethMap.classes([]).count, 0)
        XCTAssertEqual((0..<3).map { ChoroplethMap.paletteIndex($0, of: 3) }, [0, 2, 4], "few classes spread over the palette")
    }

    /// Every generated easy-language sentence passes the Leichte-Sprache rules with no error or warning.
    func testGeneratedEasySentencesPassTheLeichteSpracheCheck() {
        let area = ChoroplethMap.Area(key: "a", name: "Aachen", href: "a/", shapes: [], value: 3)
        var map = ChoroplethMap(id: "k", titel: "T", areas: [area, ChoroplethMap.Area(key: "b", name: "Monschau", href: "b/", shapes: [], value: 1),
                                                            ChoroplethMap.Area(key: "c", name: "Roetgen", href: "c/", shapes: [], value: nil)],
                                format: { "\($0)" })
        var sentences = map.easySentences()
        XCTAssertTrue(sentences.contains("In Aachen ist die Zahl am größten."))
        XCTAssertTrue(sentences.contains("In Monschau ist die Zahl am kleinsten."))
        map.showsValues = false
        sentences += map.overviewSentences(leicht: true)
        sentences += [SozialraumPages.easyComparison(5, 4), SozialraumPages.easyComparison(3, 4), SozialraumPages.easyComparison(4, 4),
                      SozialraumPages.easyComparison(nil, 4), SozialraumPages.easyComparison(4, nil)]
        sentences += ["Hier finden Sie die Orte in der Region.", "Zu jedem Ort gibt es eine eigene Seite.", "Dort stehen Zahlen über den Ort.",
                      "Auf dieser Seite steht:", "So ist es in Aachen.", "Für diesen Ort fehlen noch Zahlen.",
                      "Manche Zahlen sind ausgedacht.", "Sie sind nur ein Beispiel.", "Die Karte ist nur ein Beispiel.",
                      "Die Grenzen sind nur ungefähr.", "Das wollen wir hier tun", "Texte über diesen Ort", "Die Orte in der Region",
                      "Die Zahlen auf einer Karte", "Die Farben", "Alle Orte", "Hier bekommen Sie Hilfe", "Diese Gruppen arbeiten hier"]
        let engine = LSRuleEngine(lexicon: .standard, delimiter: "·", referenceYear: 2026)
        let findings = engine.check(TextMask.lines(sentences.joined(separator: "\n"), firstTextLine: 1))
        XCTAssertEqual(findings.map { "\($0.1.ruleId.rawValue): \($0.0.excerpt($0.1.textRange))" }, [])
    }
}
