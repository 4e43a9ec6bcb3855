import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeImport
@testable import TeilhabeLoad
@testable import TeilhabeModel

/// The project's own OParl export of the example site, served on 127.0.0.1 and imported into an empty
/// folder: every public paper, meeting and committee comes back with the same Beratungsfolge and agenda.
final class OParlRoundTripTests: XCTestCase {
    func testOwnExportOfTheExampleSiteComesBack() async throws {
        let siteFolder = Fixture.temporary("oparl-export").path
        let server = try OParlFixtures.serveFolder(siteFolder)
        defer { server.stop() }
        // The example site, with its address on the test server so that the export's ids resolve there.
        var files: [String: String] = [:]
        for (path, data) in Fixture.tree(Fixture.packageRoot.appendingPathComponent("content").path) {
            files[path] = String(decoding: data, as: UTF8.self)
        }
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "https://www.example.org/inklusion/", with: server.base + "/")
        let original = try Fixture([:])
        for (path, data) in Fixture.tree(Fixture.packageRoot.appendingPathComponent("content").path) {
            try original.write(path, path == "site.yaml" ? Data(files["site.yaml"]!.utf8) : data)
        }
        let (outcome, buildLog) = original.build(output: siteFolder, cache: false)
        XCTAssertNotNil(outcome, "\(buildLog.all.filter { $0.severity == .error }.map(\.formatted))")

        let imported = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let (summary, log) = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.1/", imported.content))
        XCTAssertNotNil(summary, "\(log.all.map(\.formatted))")
        let (_, importedBuild) = imported.build()
        XCTAssertEqual(Set(importedBuild.all.filter { $0.severity == .error }.map(\.rule)), ["LS-FEHLT"],
                       "\(importedBuild.all.filter { $0.severity == .error }.map(\.formatted))")

        let a = try XCTUnwrap(ProjektLoader.load(contentRoot: original.content, log: DiagnosticLog()))
        let b = try XCTUnwrap(ProjektLoader.load(contentRoot: imported.content, log: DiagnosticLog()))
        XCTAssertEqual(Set(a.gremien.map(\.name)), Set(b.gremien.map(\.name)))
        XCTAssertEqual(Set(a.gremien.map(\.art.rawValue)), Set(b.gremien.map(\.art.rawValue)))

        // Meetings by committee name and start: the ids are the importer's own.
        func key(_ p: Projekt, _ s: Sitzung) -> String {
            "\(p.gremien.first { $0.id == s.gremium }?.name ?? "?") \(s.begin)"
        }
        let sa = Dictionary(uniqueKeysWithValues: a.sitzungen.map { (key(a, $0), $0) })
        let sb = Dictionary(uniqueKeysWithValues: b.sitzungen.map { (key(b, $0), $0) })
        XCTAssertEqual(sa.keys.sorted(), sb.keys.sorted())
        let publicNumbers = Set(a.vorlagen.filter { $0.status == .oeffentlich }.map(\.nummer))
        for (k, s) in sa {
            guard let t = sb[k] else { continue }
            XCTAssertEqual(s.ende, t.ende, k)
            XCTAssertEqual(s.ort, t.ort, k)
            let agendaA = s.tagesordnung.map { top in
                top.status == .oeffentlich && (top.vorlage.map(publicNumbers.contains) ?? true)
                    ? "\(top.top) \(top.vorlage ?? top.titel ?? "")" : "\(top.top) nichtöffentlich"
            }
            let agendaB = t.tagesordnung.map { top in top.status == .oeffentlich ? "\(top.top) \(top.vorlage ?? top.titel ?? "")" : "\(top.top) nichtöffentlich" }
            XCTAssertEqual(agendaA, agendaB, k)
        }
        let va = a.vorlagen.filter { $0.status == .oeffentlich }.sorted { $0.nummer < $1.nummer }
        let vb = b.vorlagen.sorted { $0.nummer < $1.nummer }
        XCTAssertEqual(va.map(\.nummer), vb.map(\.nummer))
        XCTAssertGreaterThan(va.count, 0)
        for (x, y) in zip(va, vb) {
            XCTAssertEqual([x.betreff, x.art.rawValue, x.datum.description, x.federfuehrend],
                           [y.betreff, y.art.rawValue, y.datum.description, y.federfuehrend], x.nummer)
            func sequence(_ p: Projekt, _ v: Vorlage) -> [String] {
                v.beratungsfolge.map { bf in
                    "\(p.sitzungen.first { $0.id == bf.sitzung }.map { key(p, $0) } ?? "?") \(bf.rolle) \(bf.resultValue ?? "")"
                }
            }
            XCTAssertEqual(sequence(a, x), sequence(b, y), x.nummer)
            // Attachments: each with its title and the same bytes.
            XCTAssertEqual(x.anlagen.map(\.titel), y.anlagen.map(\.titel), x.nummer)
            for (p, q) in zip(x.anlagen, y.anlagen) {
                XCTAssertEqual(FileManager.default.contents(atPath: Paths.join(original.content, p.filePath)),
                               FileManager.default.contents(atPath: Paths.join(imported.content, q.filePath)), p.filePath)
            }
        }
        // Nothing non-public was published, so nothing non-public came back.
        let secret = a.vorlagen.filter { $0.status != .oeffentlich }.map(\.betreff)
        let all = Fixture.tree(imported.content).values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for title in secret { XCTAssertFalse(all.contains(title), title) }
    }
}
