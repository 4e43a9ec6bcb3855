import Foundation
import XCTest
import TeilhabeTesting

/// The `quelle` key the import writes (contract section 11): accepted on Vorlagen, Gremien and Sitzungen,
/// checked, and an imported paper is spared the required sections (its text is the council system's).
final class OParlQuelleTests: XCTestCase {
    private let imported = """
        ---
        art: Beschlussvorlage
        nummer: "2024/0002"
        betreff: Übernommen
        datum: 2024-02-21
        federfuehrend: Amt
        quelle: {oparl: "https://ris.example.org/paper/2", geaendert: "2024-02-21T10:00:00+01:00"}
        ---
        Den vollständigen Text dieser Vorlage enthält die Anlage.

        """

    private func fixture() throws -> Fixture {
        var files = Fixture.minimal
        files["vorlagen/2024-0002.md"] = imported
        files["vorlagen/2024-0002.leicht.md"] = "---\ntitel: Ein Beschluss\n---\nDer Rat beschließt etwas.\n"
        files["gremien.yaml"] = files["gremien.yaml"]! + "\n  quelle: {oparl: \"https://ris.example.org/org/1\"}\n"
        return try Fixture(files)
    }

    func testQuelleIsAcceptedAndSparesTheRequiredSections() throws {
        let f = try fixture()
        let (_, log) = f.build()
        XCTAssertFalse(log.all.contains { $0.rule == "SCHEMA-KEY" || $0.rule == "VORLAGE-ABSCHNITT" }, "\(log.all.map(\.formatted))")
    }

    /// Edit then build again (with the cache): without `quelle` the paper is an own one and needs its sections.
    func testRemovingQuelleInvalidatesTheCache() throws {
        let f = try fixture()
        _ = f.build()
        try f.write("vorlagen/2024-0002.md", imported.replacingOccurrences(of: "quelle: {oparl: \"https://ris.example.org/paper/2\", geaendert: \"2024-02-21T10:00:00+01:00\"}\n", with: ""))
        let (_, log) = f.build()
        XCTAssertEqual(Set(log.all.filter { $0.severity == .error }.map(\.rule)), ["VORLAGE-ABSCHNITT"], "\(log.all.map(\.formatted))")
    }

    func testWrongQuelleIsAnError() throws {
        let f = try fixture()
        try f.write("vorlagen/2024-0002.md", imported.replacingOccurrences(of: "https://ris.example.org/paper/2", with: "ftp://x")
            .replacingOccurrences(of: "geaendert:", with: "geandert:"))
        let (_, log) = f.build()
        let errors = log.all.filter { $0.severity == .error }
        XCTAssertTrue(errors.contains { $0.message.contains("ftp://x") && $0.location.line == 7 }, "\(errors.map(\.formatted))")
        XCTAssertTrue(errors.contains { $0.rule == "SCHEMA-KEY" && $0.suggestion == "geaendert" }, "\(errors.map(\.formatted))")
    }
}
