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
