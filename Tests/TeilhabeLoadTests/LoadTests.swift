import XCTest
import TeilhabeTesting
@testable import TeilhabeLoad

final class LoadTests: XCTestCase {
    func testFrontMatterSplitsAndCountsLines() throws {
        let front = try XCTUnwrap(FrontMatter("---\na: 1\nb: 2\n---\n## Text\n"))
        XCTAssertEqual(front.yaml, "a: 1\nb: 2")
        XCTAssertEqual(front.bodyFirstLine, 5)
        XCTAssertEqual(front.body, "## Text\n")
        XCTAssertNil(FrontMatter("## Kein Kopf\n"))
        XCTAssertNil(FrontMatter("---\na: 1\n"))
    }

    func testDatesAndTimes() {
        XCTAssertEqual(CalendarDay("2024-02-29")?.description, "2024-02-29")
        XCTAssertNil(CalendarDay("2023-02-29"))
        XCTAssertNil(CalendarDay("10.09.2019"))
        XCTAssertEqual(CalendarDay("2021-09-22")?.weekday, 3, "a Wednesday")
        XCTAssertEqual(WallClockTime("2021-09-22T17:00")?.description, "2021-09-22T17:00")
        XCTAssertNil(WallClockTime("2021-09-22T25:00"))
        XCTAssertEqual(Formatting.dateWithWeekday(CalendarDay("2021-09-22")!), "Mittwoch, 22. September 2021")
        XCTAssertEqual(Formatting.byteSize(94_000), "94 kB")
        XCTAssertEqual(Formatting.byteSize(1_100_000), "1,1 MB")
        XCTAssertEqual(Formatting.fileType("anlagen/a.b/x.pdf"), "PDF")
    }

    func testSuggestionsAndSlugs() {
        XCTAssertEqual(Suggest.closest(to: "federfuhrend", in: VorlageLoader.keys), "federfuehrend")
        XCTAssertEqual(Suggest.closest(to: "beratungsfolg", in: VorlageLoader.keys), "beratungsfolge")
        XCTAssertNil(Suggest.closest(to: "xyzzy", in: VorlageLoader.keys))
        XCTAssertEqual(Slug.make("Auswirkungen auf die Stärkung der Inklusion"), "auswirkungen-auf-die-staerkung-der-inklusion")
        XCTAssertEqual(Slug.make("Über Uns!"), "ueber-uns")
    }

    func testLoadsFromMemoryWithoutDisk() throws {
        var files: [String: Data] = [:]
        for (path, text) in Fixture.minimal { files["c/" + path] = Data(text.utf8) }
        let log = DiagnosticLog()
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: "c", io: .memory(files), log: log))
        XCTAssertFalse(log.hasErrors, log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(project.vorlagen.map(\.nummer), ["2024/0001"])
        XCTAssertEqual(project.vorlagen.first?.leicht?.titel, "Spiel·plätze für alle")
        XCTAssertEqual(project.vorlagen.first?.body.firstLine, 16)
        XCTAssertEqual(project.sitzungen.first?.tagesordnung.map(\.top), ["1", "2"])
        XCTAssertEqual(project.anlagen["anlagen/spielplaetze.pdf"], 2000)
        XCTAssertEqual(project.site.pflichtabschnitte, ["Sachlage", "Rechtslage"])
    }

    func testLinkTargetsResolveAgainstFileThenContentFolder() throws {
        var files: [String: Data] = [:]
        for (path, text) in Fixture.minimal { files["c/" + path] = Data(text.utf8) }
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: "c", io: .memory(files), log: DiagnosticLog()))
        let index = LinkIndex(project)
        XCTAssertEqual(index.target("../berichte/lage.md#zahlen", from: "vorlagen/x.md"), .webPage(path: "berichte/lage", leicht: false, fragment: "zahlen"))
        XCTAssertEqual(index.target("lage.leicht.md", from: "berichte/y.md"), .webPage(path: "berichte/lage", leicht: true, fragment: nil))
        XCTAssertEqual(index.target("anlagen/spielplaetze.pdf", from: "seiten/kontakt.md"), .filePath("anlagen/spielplaetze.pdf"))
        XCTAssertEqual(index.target("../../../etc/passwd", from: "seiten/kontakt.md"), .missing)
        XCTAssertEqual(index.target("https://example.org/a.md", from: "seiten/kontakt.md"), .unchanged)
        XCTAssertEqual(index.target("mailto:a@b.de", from: "seiten/kontakt.md"), .unchanged)
    }
}

final class SHA256Tests: XCTestCase {
    func testKnownDigests() {
        XCTAssertEqual(SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
