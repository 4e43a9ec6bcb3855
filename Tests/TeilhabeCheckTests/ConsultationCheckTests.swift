import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeCheck

/// A paper's Beratungsfolge and the meetings' agendas must agree, in both directions (issue 21 item 4).
final class ConsultationCheckTests: XCTestCase {
    private func errors(_ f: Fixture) -> [Diagnostic] {
        let log = DiagnosticLog()
        _ = Build.check(content: f.content, log: log)
        return log.all.filter { $0.severity == .error }
    }

    func testAPaperOnAnAgendaMustNameThatMeetingInItsBeratungsfolge() throws {
        let f = try Fixture()
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]!.replacingOccurrences(of: """
        beratungsfolge:
          - sitzung: 2024-03-05-sozialausschuss
            rolle: Kenntnisnahme
            ergebnis: zur Kenntnis genommen
        """, with: "beratungsfolge: []"))
        let e = errors(f)
        XCTAssertEqual(e.count, 1, e.map(\.formatted).joined(separator: "\n"))
        // At the agenda item (sitzungen.yaml line 8), naming the paper's file as the other place.
        XCTAssertEqual(e.first?.location.file, Paths.join(f.content, "sitzungen.yaml"))
        XCTAssertEqual(e.first?.location.line, 8)
        XCTAssertEqual(e.first?.rule, "BERATUNG")
        XCTAssertTrue(e.first?.message.contains("vorlagen/2024-0001-test.md") == true, e.first?.message ?? "")
    }

    func testAMeetingInTheBeratungsfolgeMustHaveThePaperOnItsAgenda() throws {
        let f = try Fixture()
        try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]!.replacingOccurrences(
            of: #"    - {top: "2", vorlage: "2024/0001"}"#, with: #"    - {top: "2", titel: Verschiedenes}"#))
        let e = errors(f)
        XCTAssertEqual(e.count, 1, e.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(e.first?.location.file, Paths.join(f.content, "vorlagen/2024-0001-test.md"))
        XCTAssertEqual(e.first?.location.line, 9)   // the `- sitzung:` entry
        XCTAssertTrue(e.first?.message.contains("sitzungen.yaml:1") == true, e.first?.message ?? "")
    }

    func testAMeetingWithoutAnAgendaYetIsNoMismatch() throws {
        let f = try Fixture()
        try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]!.components(separatedBy: "  tagesordnung:")[0])
        XCTAssertEqual(errors(f).map(\.formatted), [])
    }
}

/// Attachment file names follow the slug rule (issue 21 item 6): a space or an umlaut would give an
/// address that pages, feeds, OParl and Markdown links spell differently.
final class AttachmentNameTests: XCTestCase {
    func testAnAttachmentNameWithSpacesOrUmlautsIsOneErrorWithASuggestion() throws {
        let f = try Fixture()
        try f.write("anlagen/Übersicht Plan.pdf", "%PDF-1.4")
        let log = DiagnosticLog()
        XCTAssertNil(Build.check(content: f.content, log: log))
        let e = log.all.filter { $0.severity == .error }
        XCTAssertEqual(e.map(\.location.file), [Paths.join(f.content, "anlagen/Übersicht Plan.pdf")])
        XCTAssertEqual(e.first?.suggestion, "anlagen/uebersicht-plan.pdf")
        XCTAssertEqual(e.first?.rule, "SLUG")
    }
}
