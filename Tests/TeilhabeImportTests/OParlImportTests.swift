import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeImport
@testable import TeilhabeLoad

/// `teilhabe import oparl` against the shared example set (served on 127.0.0.1): what it writes, and
/// that a build of the result fails only for the missing easy-language twins the office demands.
final class OParlImportTests: XCTestCase {
    func testExampleSetIsImportedAndBuilds() async throws {
        let server = try OParlFixtures.serve(OParlFixtures.exampleSite)
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let (summary, log) = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content))
        let s = try XCTUnwrap(summary, "\(log.all.map(\.formatted))")
        XCTAssertFalse(log.hasErrors)
        // links.next was followed to the second page of meetings.
        XCTAssertTrue(server.requests.withLock { $0 }.contains("/oparl/v1.1/body/1/meetings/page/2"))
        XCTAssertEqual([s.gremien, s.sitzungen, s.vorlagen, s.anlagen], [2, 2, 1, 1])

        let gremien = try XCTUnwrap(OParlFixtures.read(f, "gremien.yaml"))
        XCTAssertTrue(gremien.contains("name: Inklusionsbeirat"), gremien)
        XCTAssertTrue(gremien.contains("art: Beirat") && gremien.contains("art: Ausschuss"), gremien)
        XCTAssertFalse(gremien.contains("Amt für Inklusion"), "an office is no committee: \(gremien)")
        XCTAssertTrue(gremien.contains("quelle: {oparl: '\(server.base)/oparl/v1.1/organization/101', geaendert: '2021-09-06T10:15:00+02:00'}"), gremien)
        let sitzungen = try XCTUnwrap(OParlFixtures.read(f, "sitzungen.yaml"))
        XCTAssertTrue(sitzungen.contains("beginn: 2021-09-21T15:00"), sitzungen)
        XCTAssertTrue(sitzungen.contains("{top: \"Ö 5\", vorlage: \"2021/0297\"}"), sitzungen)
        XCTAssertTrue(sitzungen.contains("{top: \"Ö 7\", vorlage: \"2021/0297\"}"), sitzungen)

        let paper = try XCTUnwrap(OParlFixtures.read(f, "vorlagen/2021-0297.md"))
        XCTAssertTrue(paper.contains("nummer: \"2021/0297\""), paper)
        XCTAssertTrue(paper.contains("art: Mitteilungsvorlage"), paper)
        XCTAssertTrue(paper.contains("federfuehrend: Amt für Inklusion und Sozialplanung"), paper)
        XCTAssertTrue(paper.contains("rolle: Kenntnisnahme"), paper)
        XCTAssertTrue(paper.contains("ergebnis: zur Kenntnis genommen"), paper)
        XCTAssertTrue(paper.contains("datei: anlagen/2021-0297/2021-0297-mitteilungsvorlage.pdf"), paper)
        // The paper's text comes from its PDF main file, with a warning that the layout is lost.
        XCTAssertTrue(paper.contains("---\n## Sachlage\n\nDie Teilnahme am Modellprojekt wird vorgestellt.\n"), paper)
        XCTAssertTrue(log.all.contains { $0.rule == "IMPORT-PDF" })
        XCTAssertEqual(FileManager.default.contents(atPath: f.content + "/anlagen/2021-0297/2021-0297-mitteilungsvorlage.pdf"),
                       OParlFixtures.examplePDF)
        XCTAssertEqual(s.missingTwins, ["vorlagen/2021-0297.md"])

        let (_, buildLog) = f.build()
        let errors = buildLog.all.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.rule), ["LS-FEHLT"], "\(errors.map(\.formatted))")
        XCTAssertTrue(errors[0].location.file.hasSuffix("vorlagen/2021-0297.md"))
        XCTAssertFalse(try String(contentsOf: URL(fileURLWithPath: f.content + "/vorlagen/2021-0297.md"), encoding: .utf8)
            .contains("[Bitte ergänzen"))
    }

    func testBuildOfImportIsCleanOnceTwinExistsAndPagesShowAgendaAndConsultations() async throws {
        let server = try OParlFixtures.serve(OParlFixtures.exampleSite)
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        _ = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.1/body/1", f.content))
        try f.write("vorlagen/2021-0297.leicht.md", "---\ntitel: Ein Projekt für alle\n---\nDas Projekt hilft Menschen.\n")
        let (outcome, buildLog) = f.build()
        XCTAssertNotNil(outcome, "\(buildLog.all.map(\.formatted))")
        let page = try f.page("vorlagen/2021-0297/index.html")
        XCTAssertTrue(page.contains("Inklusionsbeirat"), "the Beratungsfolge names the committee")
        let meetings = try FileManager.default.contentsOfDirectory(atPath: f.output + "/sitzungen").filter { !$0.contains(".") }.sorted()
        XCTAssertEqual(meetings.count, 2, "\(meetings)")
        let meeting = try f.page("sitzungen/\(meetings[0])/index.html")
        XCTAssertTrue(meeting.contains("LVR-Modellprojekt"), "the agenda shows the paper")
    }

    func testSlugsAreStableFromRunToRunAndAcrossFolders() async throws {
        let server = try OParlFixtures.serve(OParlFixtures.exampleSite)
        defer { server.stop() }
        var trees: [[String: Data]] = []
        for _ in 0..<2 {
            let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
            _ = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.1/", f.content))
            trees.append(Fixture.tree(f.content).filter { !$0.key.hasPrefix(".teilhabe-import") })
        }
        XCTAssertEqual(trees[0].keys.sorted(), trees[1].keys.sorted())
        XCTAssertEqual(trees[0], trees[1], "same server, same bytes")
        XCTAssertTrue(trees[0].keys.contains("sitzungen.yaml"))
    }

    func testVersion10ServerWithInlineObjectsAndExternalReferences() async throws {
        let server = try OParlFixtures.serve(OParl10.site)
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        let (summary, log) = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.0/body/7", f.content))
        XCTAssertNotNil(summary, "\(log.all.map(\.formatted))")
        let paper = try XCTUnwrap(OParlFixtures.read(f, "vorlagen/2024-0012.md"))
        XCTAssertTrue(paper.contains("art: Beschlussvorlage"), paper)
        XCTAssertTrue(paper.contains("rolle: Vorberatung"), paper)
        XCTAssertTrue(paper.contains("rolle: Entscheidung"), paper)
        XCTAssertTrue(paper.contains("ergebnis: einstimmig beschlossen"), paper)
        // The agenda item came by URL only (external), the meeting's place as an object.
        let sitzungen = try XCTUnwrap(OParlFixtures.read(f, "sitzungen.yaml"))
        XCTAssertTrue(sitzungen.contains("vorlage: \"2024/0012\""), sitzungen)
        XCTAssertTrue(sitzungen.contains("ort: Rathaus, Sitzungssaal"), sitzungen)
        XCTAssertTrue(sitzungen.contains("{top: \"2\", titel: Personalangelegenheiten, status: nichtoeffentlich}"), sitzungen)
        let (_, buildLog) = f.build()
        XCTAssertEqual(buildLog.all.filter { $0.severity == .error }.map(\.rule), ["LS-FEHLT"], "\(buildLog.all.map(\.formatted))")
    }

    func testDocxMainFileUsesTheInjectedConverterElseALinkPage() async throws {
        let server = try OParlFixtures.serve(OParl10.site)
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        var i = OParlFixtures.importer(server.base + "/oparl/v1.0/body/7", f.content)
        i.paperText.docxToMarkdown = { data in "## Sachlage\n\nAus Word: \(data.count) Bytes.\n" }
        _ = await OParlFixtures.run(i)
        let paper = try XCTUnwrap(OParlFixtures.read(f, "vorlagen/2024-0012.md"))
        XCTAssertTrue(paper.contains("## Sachlage\n\nAus Word: 9 Bytes."), paper)

        let g = try Fixture(["site.yaml": OParlFixtures.officeSite])
        _ = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.0/body/7", g.content))
        let linked = try XCTUnwrap(OParlFixtures.read(g, "vorlagen/2024-0012.md"))
        XCTAssertTrue(linked.contains("enthält die Anlage „Beschlussvorlage Radweg“"), linked)
        XCTAssertTrue(linked.contains("[Diese Vorlage im Ratsinformationssystem]"), linked)
    }

    /// Without an injected converter the Word importer reads a DOCX main file; its pictures stand as
    /// their alternative text (the file itself lies in anlagen/ beside the paper).
    func testDocxMainFileIsReadByTheWordImporter() async throws {
        let word = try DocxTestFiles.docx(
            body: DocxTestFiles.p(DocxTestFiles.t("Sachlage"), style: "berschrift1")
                + DocxTestFiles.p(DocxTestFiles.t("Der Radweg wird ") + DocxTestFiles.t("breiter", bold: true) + DocxTestFiles.t("."))
                + DocxTestFiles.p(DocxTestFiles.drawing(rid: "rIdBild", name: "Plan", descr: "Lageplan des Radwegs")),
            relationships: "<Relationship Id=\"rIdBild\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/plan.png\"/>",
            media: ["plan.png": DocxTestFiles.png])
        let server = try OParlFixtures.serve { base in
            var site = try OParl10.site(base: base)
            site.documents["/dl/radweg.docx"] = word
            return site
        }
        defer { server.stop() }
        let f = try Fixture(["site.yaml": OParlFixtures.officeSite])
        _ = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.0/body/7", f.content))
        let paper = try XCTUnwrap(OParlFixtures.read(f, "vorlagen/2024-0012.md"))
        XCTAssertTrue(paper.contains("## Sachlage\n\nDer Radweg wird **breiter**."), paper)
        XCTAssertTrue(paper.contains("*Abbildung: Lageplan des Radwegs*"), paper)
        XCTAssertFalse(paper.contains("](anlagen/"), "no picture link to a file that was not written: \(paper)")
    }
}

/// A small OParl 1.0 server: consultations inline in the paper, agenda items given by URL, a closed item.
enum OParl10 {
    static func site(base: String) throws -> OParlSite {
        let b = base + "/oparl/v1.0"
        func t(_ name: String) -> String { "\"https://schema.oparl.org/1.0/\(name)\"" }
        var site = OParlSite()
        let org = "{\"id\":\"\(b)/org/1\",\"type\":\(t("Organization")),\"name\":\"Rat der Stadt\",\"organizationType\":\"Gremium\",\"classification\":\"Rat\"}"
        let hfa = "{\"id\":\"\(b)/org/2\",\"type\":\(t("Organization")),\"name\":\"Haupt- und Finanzausschuss\",\"organizationType\":\"Gremium\"}"
        let amt = "{\"id\":\"\(b)/org/3\",\"type\":\(t("Organization")),\"name\":\"Tiefbauamt\",\"organizationType\":\"Verwaltungsbereich\"}"
        let item1 = "{\"id\":\"\(b)/ai/11\",\"type\":\(t("AgendaItem")),\"number\":\"1\",\"order\":1,\"name\":\"Radweg\",\"public\":true,\"consultation\":\"\(b)/cons/21\",\"result\":\"einstimmig beschlossen\",\"meeting\":\"\(b)/meeting/2\"}"
        let item2 = "{\"id\":\"\(b)/ai/12\",\"type\":\(t("AgendaItem")),\"number\":\"2\",\"order\":2,\"name\":\"Personalangelegenheiten\",\"public\":false}"
        let item0 = "{\"id\":\"\(b)/ai/10\",\"type\":\(t("AgendaItem")),\"number\":\"3\",\"order\":1,\"name\":\"Radweg\",\"public\":true,\"consultation\":\"\(b)/cons/20\"}"
        let m1 = "{\"id\":\"\(b)/meeting/1\",\"type\":\(t("Meeting")),\"name\":\"HFA\",\"start\":\"2024-03-04T16:00:00+01:00\",\"organization\":[\"\(b)/org/2\"],\"agendaItem\":[\(item0)]}"
        let m2 = "{\"id\":\"\(b)/meeting/2\",\"type\":\(t("Meeting")),\"name\":\"Rat\",\"start\":\"2024-03-14T17:00:00+01:00\",\"end\":\"2024-03-14T19:30:00+01:00\",\"organization\":[\"\(b)/org/1\"],\"location\":{\"id\":\"\(b)/loc/1\",\"type\":\(t("Location")),\"description\":\"Rathaus, Sitzungssaal\"},\"agendaItem\":[\"\(b)/ai/11\",\"\(b)/ai/12\"]}"
        let file = "{\"id\":\"\(b)/file/5\",\"type\":\(t("File")),\"name\":\"Beschlussvorlage Radweg\",\"fileName\":\"Radweg.docx\",\"mimeType\":\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\",\"accessUrl\":\"\(base)/dl/radweg.docx\"}"
        let c20 = "{\"id\":\"\(b)/cons/20\",\"type\":\(t("Consultation")),\"meeting\":\"\(b)/meeting/1\",\"agendaItem\":\"\(b)/ai/10\",\"role\":\"Vorberatung\",\"authoritative\":false}"
        let c21 = "{\"id\":\"\(b)/cons/21\",\"type\":\(t("Consultation")),\"meeting\":\"\(b)/meeting/2\",\"agendaItem\":\"\(b)/ai/11\",\"role\":\"Beschluss\",\"authoritative\":true}"
        let paper = "{\"id\":\"\(b)/paper/9\",\"type\":\(t("Paper")),\"name\":\"Radweg an der Hauptstraße\",\"reference\":\"2024/0012\",\"date\":\"2024-02-20\",\"paperType\":\"Beschlussvorlage\",\"underDirectionOf\":[\"\(b)/org/3\"],\"mainFile\":\(file),\"consultation\":[\(c20),\(c21)],\"web\":\"\(base)/vo/9\"}"
        let body = "{\"id\":\"\(b)/body/7\",\"type\":\(t("Body")),\"name\":\"Stadt Beispielstadt\",\"organization\":\"\(b)/body/7/org\",\"meeting\":\"\(b)/body/7/meeting\",\"paper\":\"\(b)/body/7/paper\"}"
        site.documents["/oparl/v1.0/body/7"] = Data(body.utf8)
        site.documents["/oparl/v1.0/body/7/org"] = OParlSite.list([org, hfa])
        site.documents["/oparl/v1.0/body/7/meeting"] = OParlSite.list([m1, m2])
        site.documents["/oparl/v1.0/body/7/paper"] = OParlSite.list([paper])
        site.documents["/oparl/v1.0/ai/11"] = Data(item1.utf8)
        site.documents["/oparl/v1.0/ai/12"] = Data(item2.utf8)
        site.documents["/oparl/v1.0/org/3"] = Data(amt.utf8)
        site.documents["/dl/radweg.docx"] = Data("PK-DOCX-1".utf8)
        return site
    }
}

/// Into a folder without site.yaml: the import writes a small one from the Body (name, e-mail).
final class OParlEmptyFolderTests: XCTestCase {
    func testEmptyFolderGetsASiteYAMLFromTheBody() async throws {
        let server = try OParlFixtures.serve { base in
            var site = try OParlFixtures.exampleSite(base: base)
            let body = String(decoding: site.documents["/oparl/v1.1/body/1"]!, as: UTF8.self)
                .replacingOccurrences(of: "\"name\":", with: "\"contactEmail\": \"rat@example.org\", \"name\":")
            site.documents["/oparl/v1.1/body/1"] = Data(body.utf8)
            return site
        }
        defer { server.stop() }
        let f = try Fixture([:])
        let (summary, log) = await OParlFixtures.run(OParlFixtures.importer(server.base + "/oparl/v1.1/body/1", f.content))
        XCTAssertNotNil(summary, "\(log.all.map(\.formatted))")
        XCTAssertEqual(summary?.missingTwins, [], "easy language is not required unless the office says so")
        let site = try XCTUnwrap(OParlFixtures.read(f, "site.yaml"))
        XCTAssertTrue(site.contains("titel: StädteRegion Aachen") && site.contains("email: rat@example.org"), site)
        let (_, buildLog) = f.build()
        XCTAssertFalse(buildLog.hasErrors, "\(buildLog.all.map(\.formatted))")
    }
}
