import Foundation
import XCTest
import Synchronization
import TeilhabeTesting
@testable import TeilhabeImport

/// A second run: asks with `modified_since`, updates, removes what the server deleted, leaves locally
/// edited files alone (conflicts); `--dry-run` writes nothing.
final class OParlIncrementalTests: XCTestCase {
    /// The example set, whose paper list answers a `modified_since` query with `changes` instead.
    private func server(changes: @escaping @Sendable (String) -> [String]) throws -> OParlTestServer {
        let box = SiteBox()
        let server = try OParlTestServer { target in
            if target.contains("modified_since=") {
                let path = String(target.split(separator: "?").first!)
                return .init(body: OParlSite.list(path.hasSuffix("/papers") ? changes(target) : []))
            }
            return box.site.withLock { $0 }.reply(target)
        }
        box.site.withLock { $0 = (try? OParlFixtures.exampleSite(base: server.base)) ?? OParlSite() }
        return server
    }

    private static func changedPaper(_ base: String, name: String) throws -> String {
        try String(contentsOf: OParlFixtures.exampleFolder.appendingPathComponent("Paper-2021-0297.json"), encoding: .utf8)
            .replacingOccurrences(of: "https://ris.example.org", with: base)
            .replacingOccurrences(of: "\"name\": \"LVR-Modellprojekt \\\"Inklusiver Sozialraum\\\"; Teilnahme der Städteregion Aachen\"",
                                  with: "\"name\": \"\(name)\"")
            .replacingOccurrences(of: "\"modified\": \"2021-09-22T19:45:00+02:00\"", with: "\"modified\": \"2026-12-01T10:00:00+01:00\"")
    }

    func testSecondRunAsksWithModifiedSinceAndUpdates() async throws {
        let base = Mutex("")
        let s = try server { _ in [(try? Self.changedPaper(base.withLock { $0 }, name: "Neuer Betreff")) ?? ""] }
        defer { s.stop() }
        base.withLock { $0 = s.base }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        var i = OParlFixtures.importer(s.base + "/oparl/v1.1/", f.content)
        i.now = { Date(timeIntervalSince1970: 1_796_000_000) }
        _ = await OParlFixtures.run(i)
        let manifest = try XCTUnwrap(ImportManifest.read(f.content))
        XCTAssertNotNil(manifest.dateien["vorlagen/2021-0297.md"]?.sha256)
        XCTAssertFalse(s.requests.withLock { $0 }.contains { $0.contains("modified_since") }, "a first run reads everything")

        let (summary, log) = await OParlFixtures.run(OParlFixtures.importer(s.base + "/oparl/v1.1/", f.content))
        let since = try XCTUnwrap(s.requests.withLock { $0 }.first { $0.contains("modified_since=") })
        let value = String(since.split(separator: "=").last!).replacingOccurrences(of: "%2B", with: "+")
        XCTAssertNotNil(value.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$"#, options: .regularExpression), value)
        XCTAssertEqual(value, OParlTime.stamp(Date(timeIntervalSince1970: 1_796_000_000 - 300)), "the last start, less a margin for the server's clock")
        XCTAssertEqual(summary?.changed, ["vorlagen/2021-0297.md"], "\(log.all.map(\.formatted))")
        let paper = try XCTUnwrap(OParlFixtures.read(f, "vorlagen/2021-0297.md"))
        XCTAssertTrue(paper.contains("betreff: Neuer Betreff"), paper)
        // Meetings did not come again, yet sitzungen.yaml still holds both (from the stored objects).
        XCTAssertEqual(OParlFixtures.read(f, "sitzungen.yaml")?.components(separatedBy: "- id:").count, 3)
        XCTAssertTrue(summary?.unchanged.contains("sitzungen.yaml") == true)
    }

    func testLocallyEditedFileIsAConflictAndKept() async throws {
        let base = Mutex("")
        let s = try server { _ in [(try? Self.changedPaper(base.withLock { $0 }, name: "Vom Server geändert")) ?? ""] }
        defer { s.stop() }
        base.withLock { $0 = s.base }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        _ = await OParlFixtures.run(OParlFixtures.importer(s.base + "/oparl/v1.1/", f.content))
        let edited = try XCTUnwrap(OParlFixtures.read(f, "vorlagen/2021-0297.md")) + "\nVon Hand ergänzt.\n"
        try f.write("vorlagen/2021-0297.md", edited)
        let (summary, log) = await OParlFixtures.run(OParlFixtures.importer(s.base + "/oparl/v1.1/", f.content))
        XCTAssertEqual(summary?.conflicts, ["vorlagen/2021-0297.md"])
        XCTAssertEqual(OParlFixtures.read(f, "vorlagen/2021-0297.md"), edited)
        XCTAssertTrue(log.all.contains { $0.rule == "IMPORT-KONFLIKT" && $0.severity == .warning })
        XCTAssertFalse(log.all.contains { $0.rule == "IMPORT-PDF" }, "the layout warning is for files the import wrote")
        XCTAssertFalse(log.hasErrors)
        // Still a conflict next time: the record keeps the hash of what the import wrote.
        let (again, _) = await OParlFixtures.run(OParlFixtures.importer(s.base + "/oparl/v1.1/", f.content))
        XCTAssertEqual(again?.conflicts, ["vorlagen/2021-0297.md"])
    }

    func testDeletedPaperIsRemovedWithItsAttachment() async throws {
        let base = Mutex("")
        let s = try server { _ in
            ["{\"id\":\"\(base.withLock { $0 })/oparl/v1.1/paper/4711\",\"type\":\"https://schema.oparl.org/1.1/Paper\",\"deleted\":true}"]
        }
        defer { s.stop() }
        base.withLock { $0 = s.base }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        _ = await OParlFixtures.run(OParlFixtures.importer(s.base + "/oparl/v1.1/", f.content))
        XCTAssertNotNil(OParlFixtures.read(f, "anlagen/2021-0297/2021-0297-mitteilungsvorlage.pdf"))
        let (summary, _) = await OParlFixtures.run(OParlFixtures.importer(s.base + "/oparl/v1.1/", f.content))
        XCTAssertEqual(summary?.removed.sorted(), ["anlagen/2021-0297/2021-0297-mitteilungsvorlage.pdf", "vorlagen/2021-0297.md"])
        XCTAssertNil(OParlFixtures.read(f, "vorlagen/2021-0297.md"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.content + "/anlagen/2021-0297"))
        // The agendas no longer name the paper: a build has no dangling reference.
        let sitzungen = try XCTUnwrap(OParlFixtures.read(f, "sitzungen.yaml"))
        XCTAssertFalse(sitzungen.contains("vorlage:"), sitzungen)
        let (_, buildLog) = f.build()
        XCTAssertFalse(buildLog.hasErrors, "\(buildLog.all.map(\.formatted))")
    }

    func testDryRunListsChangesAndWritesNothing() async throws {
        let server = try OParlFixtures.serve(OParlFixtures.exampleSite)
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let before = Fixture.tree(f.content)
        var i = OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content)
        i.dryRun = true
        let (summary, _) = await OParlFixtures.run(i)
        XCTAssertEqual(Fixture.tree(f.content), before)
        XCTAssertEqual(summary?.created.sorted(), ["anlagen/2021-0297/2021-0297-mitteilungsvorlage.pdf", "gremien.yaml",
                                                   "sitzungen.yaml", "vorlagen/2021-0297.md"])
    }

    func testCLIDryRunPrintsThePlanAndConflictExitsZero() async throws {
        let server = try OParlFixtures.serve(OParlFixtures.exampleSite)
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let dry = try Fixture.teilhabe(["import", "oparl", server.base + "/oparl/v1.1/", "--content", f.content, "--dry-run"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("neu: vorlagen/2021-0297.md"), dry.stdout)
        XCTAssertNil(OParlFixtures.read(f, "vorlagen/2021-0297.md"))
        let first = try Fixture.teilhabe(["import", "oparl", server.base + "/oparl/v1.1/", "--content", f.content])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stderr.contains("lade "), "progress only on a terminal: \(first.stderr)")
        XCTAssertTrue(first.stdout.contains("vorlagen/2021-0297.md"), "the summary lists the paper without twin: \(first.stdout)")
        try f.write("gremien.yaml", "# meine Fassung\n" + (OParlFixtures.read(f, "gremien.yaml") ?? ""))
        let second = try Fixture.teilhabe(["import", "oparl", server.base + "/oparl/v1.1/", "--content", f.content, "--seit", "2020-01-01"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("gremien.yaml: warning: seit dem letzten Import von Hand geändert"), second.stderr)
        XCTAssertTrue(server.requests.withLock { $0 }.contains { $0.contains("modified_since=2020-01-01T00:00:00%2B01:00") })
    }
}
