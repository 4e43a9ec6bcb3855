import Foundation
import XCTest
import Synchronization
import TeilhabeTesting
@testable import TeilhabeImport

/// The vendor quirks named in issue 22 (Sternberg, CC e-gov, Somacos), retries, server errors, and what
/// an attacker's server could send (names that leave the folder, huge files, colliding references).
final class OParlQuirkTests: XCTestCase {
    /// Sternberg answers 404 instead of an empty list page.
    func testSternbergEmptyListAs404() async throws {
        let server = try OParlFixtures.serve { base in
            var site = try OParlFixtures.exampleSite(base: base)
            site.documents["/oparl/v1.1/body/1/papers"] = nil
            site.documents["/oparl/v1.1/body/1/consultations"] = nil
            return site
        }
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let (summary, log) = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content))
        XCTAssertNotNil(summary, "\(log.all.map(\.formatted))")
        XCTAssertEqual(summary?.sitzungen, 2)
        XCTAssertTrue(server.requests.withLock { $0 }.contains("/oparl/v1.1/body/1/papers"))
    }

    /// A System with two Bodies: without `--body` the error names both, with it the chosen one is read.
    func testSystemWithTwoBodiesNeedsBody() async throws {
        let server = try OParlFixtures.serve { base in
            var site = try OParlFixtures.exampleSite(base: base)
            let other = "{\"id\":\"\(base)/oparl/v1.1/body/2\",\"type\":\"https://schema.oparl.org/1.1/Body\",\"name\":\"Gemeinde Nebenan\"}"
            site.documents["/oparl/v1.1/bodies"] = OParlSite.list([String(decoding: site.documents["/oparl/v1.1/body/1"]!, as: UTF8.self), other])
            return site
        }
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let (none, log) = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content))
        XCTAssertNil(none)
        XCTAssertTrue(log.all.contains { $0.message.contains("--body") && $0.message.contains("Gemeinde Nebenan") }, "\(log.all.map(\.formatted))")
        var i = OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content)
        i.body = "1"
        let (chosen, _) = await OParlFixtures.run(i)
        XCTAssertEqual(chosen?.vorlagen, 1)
    }

    /// A `links.next` that leads back to an earlier page ends the list instead of looping.
    func testPagingLoopEnds() async throws {
        let server = try OParlFixtures.serve { base in
            var site = try OParlFixtures.exampleSite(base: base)
            let page2 = String(decoding: site.documents["/oparl/v1.1/body/1/meetings/page/2"]!, as: UTF8.self)
                .replacingOccurrences(of: "\"prev\":", with: "\"next\": \"\(base)/oparl/v1.1/body/1/meetings\", \"prev\":")
            site.documents["/oparl/v1.1/body/1/meetings/page/2"] = Data(page2.utf8)
            return site
        }
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let (summary, _) = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content))
        XCTAssertEqual(summary?.sitzungen, 2)
        XCTAssertEqual(server.requests.withLock { $0 }.filter { $0.hasSuffix("/meetings") }.count, 1)
    }

    /// CC e-gov: `auxiliaryFile` as one object instead of a list, "N/A" where a value is missing.
    func testCCEgovSingleObjectAndNA() async throws {
        let server = try OParlFixtures.serve { base in
            var site = try OParlFixtures.exampleSite(base: base)
            let aux = "{\"id\":\"\(base)/f/9\",\"type\":\"https://schema.oparl.org/1.1/File\",\"name\":\"N/A\",\"fileName\":\"Lageplan.pdf\",\"accessUrl\":\"\(base)/lageplan.pdf\",\"mimeType\":\"N/A\"}"
            let paper = "{\"id\":\"\(base)/p/1\",\"type\":\"https://schema.oparl.org/1.1/Paper\",\"name\":\"Spielplatz\",\"reference\":\"2025/0001\",\"date\":\"2025-01-10\",\"paperType\":\"N/A\",\"underDirectionOf\":\"N/A\",\"auxiliaryFile\":\(aux),\"consultation\":[]}"
            site.documents["/oparl/v1.1/body/1/papers"] = OParlSite.list([paper])
            site.documents["/lageplan.pdf"] = tinyPDF(["Plan"])
            let meeting = "{\"id\":\"\(base)/m/1\",\"type\":\"https://schema.oparl.org/1.1/Meeting\",\"start\":\"2025-02-01T10:00:00+01:00\",\"end\":\"N/A\",\"location\":\"N/A\",\"organization\":[\"\(base)/oparl/v1.1/organization/101\"]}"
            site.documents["/oparl/v1.1/body/1/meetings"] = OParlSite.list([meeting])
            return site
        }
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite.replacingOccurrences(of: "pflicht: true", with: "pflicht: false")])
        let (summary, log) = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content))
        XCTAssertNotNil(summary, "\(log.all.map(\.formatted))")
        let paper = try XCTUnwrap(OParlFixtures.read(f, "vorlagen/2025-0001.md"))
        XCTAssertTrue(paper.contains("{titel: Lageplan.pdf, datei: anlagen/2025-0001/lageplan.pdf}"), paper)
        XCTAssertTrue(paper.contains("federfuehrend: StädteRegion Aachen"), "N/A is no office: \(paper)")
        XCTAssertFalse(paper.contains("N/A"), paper)
        XCTAssertFalse(OParlFixtures.read(f, "sitzungen.yaml")?.contains("N/A") ?? true)
        let (_, buildLog) = f.build()
        XCTAssertFalse(buildLog.hasErrors, "\(buildLog.all.map(\.formatted))")
    }

    /// Somacos wants `modified_since` unencoded and fails with 500 now and then.
    func testSomacosRawQueryAndOccasional500() async throws {
        let failed = Mutex(Set<String>())
        let box = SiteBox()
        let server = try OParlTestServer { target in
            // Every address fails once before it answers.
            if failed.withLock({ $0.insert(target).inserted }) { return .status(500) }
            if target.contains("%2B") { return .status(400) }
            if target.contains("modified_since=") { return .init(body: OParlSite.list([])) }
            return box.site.withLock { $0 }.reply(target)
        }
        defer { server.stop() }
        box.site.withLock { site in
            site = (try? OParlFixtures.exampleSite(base: server.base)) ?? OParlSite()
            let system = String(decoding: site.documents["/oparl/v1.1/"]!, as: UTF8.self)
                .replacingOccurrences(of: "\"name\":", with: "\"vendor\": \"https://www.somacos.de\", \"name\":")
            site.documents["/oparl/v1.1/"] = Data(system.utf8)
        }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let attempts = Mutex(0)
        var i = OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content)
        i.client.delay = { _ in attempts.withLock { $0 += 1 } }
        let (first, log) = await OParlFixtures.run(i)
        XCTAssertEqual(first?.vorlagen, 1, "\(log.all.map(\.formatted))")
        XCTAssertGreaterThan(attempts.withLock { $0 }, 5, "each 500 was retried after a backoff")
        let (second, log2) = await OParlFixtures.run(i)
        XCTAssertNotNil(second, "\(log2.all.map(\.formatted))")
        XCTAssertTrue(server.requests.withLock { $0 }.contains { $0.contains("modified_since=") && $0.contains("+") })
    }

    func testTimeoutIsRetried() async throws {
        let slow = Mutex(true)
        let box = SiteBox()
        let server = try OParlTestServer { target in
            var reply = box.site.withLock { $0 }.reply(target)
            if target == "/oparl/v1.1/", slow.withLock({ let s = $0; $0 = false; return s }) { reply.delay = 3 }
            return reply
        }
        defer { server.stop() }
        box.site.withLock { $0 = (try? OParlFixtures.exampleSite(base: server.base)) ?? OParlSite() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        var i = OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content)
        // Whole seconds: Foundation on Linux hands the timeout to libcurl as an integer.
        i.client.timeout = 1
        let (summary, log) = await OParlFixtures.run(i)
        XCTAssertNotNil(summary, "\(log.all.map(\.formatted))")
        XCTAssertEqual(server.requests.withLock { $0 }.filter { $0 == "/oparl/v1.1/" }.count, 2)
    }

    func testServerErrorNamesURLAndStatusAndWritesNothing() async throws {
        // The example set, but its paper list always fails.
        let box = SiteBox()
        let failing = try OParlTestServer { target in
            target.hasPrefix("/oparl/v1.1/body/1/papers") ? .status(503) : box.site.withLock { $0 }.reply(target)
        }
        defer { failing.stop() }
        box.site.withLock { $0 = (try? OParlFixtures.exampleSite(base: failing.base)) ?? OParlSite() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let before = Fixture.tree(f.content)
        let body = "http://127.0.0.1:\(failing.port)/oparl/v1.1/body/1"
        let (summary, log) = await OParlFixtures.run(OParlFixtures.importer(body, f.content))
        XCTAssertNil(summary)
        let error = try XCTUnwrap(log.all.first { $0.severity == .error })
        XCTAssertTrue(error.message.contains("/oparl/v1.1/body/1/papers") && error.message.contains("503"), error.formatted)
        XCTAssertEqual(Fixture.tree(f.content), before, "nothing half-written")
        XCTAssertEqual(failing.requests.withLock { $0 }.filter { $0.hasSuffix("/papers") }.count, 5, "retried up to the limit")
    }

    func testFileURLAndRedirectToOtherSchemeAreRefused() async throws {
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let (none, log) = await OParlFixtures.run(OParlFixtures.importer("file:///etc/passwd", f.content))
        XCTAssertNil(none)
        XCTAssertTrue(log.all.contains { $0.message.contains("keine http- oder https-Adresse") })
        let server = try OParlTestServer { _ in .init(status: 302, headers: ["Location": "file:///etc/passwd"]) }
        defer { server.stop() }
        let (redirected, log2) = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl", f.content))
        XCTAssertNil(redirected)
        XCTAssertTrue(log2.hasErrors)
        XCTAssertNil(OParlFixtures.read(f, "gremien.yaml"))
    }

    /// Names like ../../x or /etc/x stay inside anlagen/<slug>/; a file over the cap is left out; papers
    /// with one reference get two slugs and two numbers; a symlink inside the folder is not written through.
    func testHostileServer() async throws {
        let server = try OParlFixtures.serve { base in
            var site = try OParlFixtures.exampleSite(base: base)
            func file(_ id: Int, _ name: String, _ path: String) -> String {
                "{\"id\":\"\(base)/f/\(id)\",\"type\":\"https://schema.oparl.org/1.1/File\",\"fileName\":\"\(name)\",\"accessUrl\":\"\(base)\(path)\"}"
            }
            let p1 = "{\"id\":\"\(base)/p/1\",\"type\":\"https://schema.oparl.org/1.1/Paper\",\"name\":\"Eins\",\"reference\":\"2025/0001\",\"date\":\"2025-01-10\",\"auxiliaryFile\":[\(file(1, "../../../evil.pdf", "/a")),\(file(2, "/etc/passwd", "/b")),\(file(3, "..\\\\..\\\\win.pdf", "/c")),\(file(4, "huge.pdf", "/huge"))]}"
            let p2 = "{\"id\":\"\(base)/p/2\",\"type\":\"https://schema.oparl.org/1.1/Paper\",\"name\":\"Zwei\",\"reference\":\"2025/0001\",\"date\":\"2025-01-11\"}"
            let p3 = "{\"id\":\"\(base)/p/3\",\"type\":\"https://schema.oparl.org/1.1/Paper\",\"name\":\"Drei\",\"reference\":\"2025-0001\",\"date\":\"2025-01-12\",\"auxiliaryFile\":[\(file(5, "x.pdf", "/a"))]}"
            site.documents["/oparl/v1.1/body/1/papers"] = OParlSite.list([p1, p2, p3])
            for p in ["/a", "/b", "/c"] { site.documents[p] = Data("%PDF-1.4 tiny".utf8) }
            site.documents["/huge"] = Data(repeating: 65, count: 50_000)
            return site
        }
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let outside = Fixture.temporary("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: f.content + "/anlagen", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: f.content + "/anlagen/2025-0001-3", withDestinationPath: outside.path)
        var i = OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content)
        i.client.maxFileBytes = 10_000
        let (summary, log) = await OParlFixtures.run(i)
        XCTAssertNotNil(summary)
        let files = Fixture.tree(f.root.path).keys.filter { $0.hasPrefix("content/anlagen/") }.sorted()
        XCTAssertEqual(files, ["content/anlagen/2025-0001/evil.pdf",
                               "content/anlagen/2025-0001/passwd", "content/anlagen/2025-0001/win.pdf"], "\(files)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [], "nothing through the symlink")
        XCTAssertTrue(log.all.contains { $0.message.contains("/huge") && $0.message.contains("MB") })
        XCTAssertTrue(log.all.contains { $0.rule == "IMPORT-OPARL" && $0.message.contains("Verknüpfung") })
        let numbers = ["vorlagen/2025-0001.md", "vorlagen/2025-0001-2.md", "vorlagen/2025-0001-3.md"].compactMap { OParlFixtures.read(f, $0) }
        XCTAssertEqual(numbers.count, 3)
        XCTAssertEqual(Set(numbers.compactMap { $0.split(separator: "\n").first { $0.hasPrefix("nummer:") } }).count, 3, "\(numbers)")
    }
}
