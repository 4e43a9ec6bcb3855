import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeMarkdown
@testable import TeilhabeLoad
@testable import TeilhabeCheck
@testable import TeilhabeRender
@testable import TeilhabeServe
@testable import TeilhabeAudit

/// Incremental builds reuse the cache in .teilhabe-cache/; after every kind of change their output
/// must equal a clean build's, byte for byte, and unchanged files must not be made again.
final class IncrementalBuildTests: XCTestCase {
    static let secondVorlage = """
    ---
    art: Mitteilungsvorlage
    nummer: "2024/0002"
    betreff: Fahrdienst für Menschen mit Behinderung
    datum: 2024-02-25
    federfuehrend: A 1 – Testamt
    beratungsfolge:
      - sitzung: 2024-04-09-sozialausschuss
        rolle: Entscheidung
    ---
    ## Sachlage

    Der Fahrdienst fährt künftig auch abends.

    ## Rechtslage

    Eine freiwillige Leistung.
    """

    static let secondSitzung = """

    - id: 2024-04-09-sozialausschuss
      gremium: sozialausschuss
      beginn: 2024-04-09T17:00
      tagesordnung:
        - {top: "1", vorlage: "2024/0002"}
    """

    private func project() throws -> Fixture {
        var fileList = Fixture.minimal
        fileList["vorlagen/2024-0002-fahrdienst.md"] = IncrementalBuildTests.secondVorlage
        fileList["vorlagen/2024-0002-fahrdienst.leicht.md"] = "---\ntitel: Fahr·dienst\n---\nDer Bus fährt bald öfter.\n"
        fileList["sitzungen.yaml"]! += IncrementalBuildTests.secondSitzung
        return try Fixture(fileList)
    }

    /// Builds incrementally into the fixture's output and clean (no cache) into a fresh folder; both must agree.
    @discardableResult
    private func compare(_ f: Fixture, _ step: String, theme: String? = nil,
                             file: StaticString = #filePath, line: UInt = #line) throws -> Build.Outcome {
        let (incremental, log) = f.build(theme: theme)
        let resultValue = try XCTUnwrap(incremental, "\(step): " + log.all.map(\.formatted).joined(separator: "\n"), file: file, line: line)
        let cleanOutput = f.root.appendingPathComponent("sauber-\(UUID().uuidString)").path
        let (clean, log2) = f.build(output: cleanOutput, theme: theme, cache: false)
        XCTAssertNotNil(clean, "\(step): " + log2.all.map(\.formatted).joined(separator: "\n"), file: file, line: line)
        let a = Fixture.tree(f.output), b = Fixture.tree(cleanOutput)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), "\(step): the same files", file: file, line: line)
        for path in a.keys.sorted() where b[path] != nil && a[path] != b[path] {
            XCTFail("\(step): \(path) differs from a clean build", file: file, line: line)
        }
        return resultValue
    }

    func testUnchangedBuildMakesNothingAgain() throws {
        let f = try project()
        let firstRun = try compare(f, "first build"), first = firstRun.tally
        XCTAssertEqual(first.skipped, 0, "nothing to reuse on the first build")
        let secondRun = try compare(f, "unchanged"), second = secondRun.tally
        XCTAssertEqual(second.written, 0)
        // The kept group of lists, meetings and OParl files is counted as the first build made it.
        XCTAssertEqual(secondRun.auditedPages, firstRun.auditedPages)
        XCTAssertEqual(secondRun.fileList, firstRun.fileList)
        // Papers, meetings, committees and OParl objects are skipped; lists, feed and index are made and compared.
        // Every page, list, feed, calendar, OParl file and the search index is skipped; only copies
        // (theme assets, attachments, indicator downloads) are compared again.
        let copies = Fixture.tree(f.output).keys.filter {
            $0.hasPrefix("assets/") || $0.hasPrefix("anlagen/") || ($0.hasPrefix("indikatoren/") && !$0.hasSuffix(".html"))
        }
        XCTAssertEqual(second.unchanged - second.skipped, copies.count, "\(second)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.root.appendingPathComponent(".teilhabe-cache/.gitignore").path))
    }

    func testEditingOnePaperRemakesOnlyWhatShowsIt() throws {
        let f = try project()
        try compare(f, "first build")
        let before = try f.page("vorlagen/2024-0002-fahrdienst/index.html")
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "Keine Besonderheiten.", with: "Neu: eine Förderrichtlinie."))
        let resultValue = try compare(f, "edited body"), tally = resultValue.tally
        XCTAssertTrue(try f.page("vorlagen/2024-0001-test/index.html").contains("Neu: eine Förderrichtlinie."))
        XCTAssertEqual(try f.page("vorlagen/2024-0002-fahrdienst/index.html"), before)
        // A body shows on its own page and in the search index only; lists, meetings and OParl show front matter.
        XCTAssertEqual(resultValue.changed, ["vorlagen/2024-0001-test/index.html", "suche/index.json"])
        XCTAssertGreaterThan(tally.skipped, 50, "\(tally)")
    }

    func testEveryKindOfChangeMatchesACleanBuild() throws {
        let f = try project()
        try compare(f, "first build")
        try f.write("vorlagen/2024-0001-test.leicht.md", Fixture.minimal["vorlagen/2024-0001-test.leicht.md"]!
            .replacingOccurrences(of: "Alle Kinder", with: "Viele Kinder"))
        try compare(f, "edited twin")
        try f.write("vorlagen/2024-0002-fahrdienst.md", IncrementalBuildTests.secondVorlage
            .replacingOccurrences(of: "betreff: Fahrdienst", with: "betreff: Neuer Fahrdienst"))
        try compare(f, "edited title")
        try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]!.replacingOccurrences(of: "Raum 1", with: "Raum 7")
            + IncrementalBuildTests.secondSitzung)
        try compare(f, "edited meeting")
        try f.write("vorlagen/2024-0002-fahrdienst.leicht.md", "---\ntitel: Fahr·dienst\n---\nDer Bus fährt auch am Abend.\n")
        try compare(f, "edited second twin")
        try f.write("vorlagen/2024-0002-fahrt.md", try String(contentsOfFile: f.content + "/vorlagen/2024-0002-fahrdienst.md", encoding: .utf8))
        try f.write("vorlagen/2024-0002-fahrt.leicht.md", try String(contentsOfFile: f.content + "/vorlagen/2024-0002-fahrdienst.leicht.md", encoding: .utf8))
        try f.remove("vorlagen/2024-0002-fahrdienst.md")
        try f.remove("vorlagen/2024-0002-fahrdienst.leicht.md")
        try compare(f, "renamed paper")
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "status: oeffentlich", with: "status: nichtoeffentlich")
            .replacingOccurrences(of: "[einen Bericht](../berichte/lage.md#zahlen) und ", with: ""))
        try f.write("berichte/lage.md", "---\ntitel: Lagebericht Inklusion\ndatum: 2024-01-10\n---\n## Zahlen\n\nOhne Verweis.\n")
        try compare(f, "paper made non-public")
        try f.write("seiten/kontakt.md", "---\ntitel: Kontakt und Hilfe\n---\nSchreiben Sie uns.\n")
        try compare(f, "renamed Seite (every footer)")
        try f.remove("vorlagen/2024-0002-fahrt.md")
        try f.remove("vorlagen/2024-0002-fahrt.leicht.md")
        try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]!)
        try compare(f, "deleted paper and meeting")
        try f.write("site.yaml", Fixture.minimal["site.yaml"]!.replacingOccurrences(of: "Testamt Inklusion", with: "Amt für Teilhabe"))
        try compare(f, "edited site.yaml")
    }

    /// Lists, meetings and OParl are kept as a whole while no front matter changed – but not a file
    /// someone removed from the output folder in between.
    func testKeptOutputsComeBackWhenRemovedByHand() throws {
        let f = try project()
        try compare(f, "first build")
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "Keine Besonderheiten.", with: "Ein neuer Absatz."))
        try compare(f, "edited body: the group is kept")
        for filePath in ["oparl/v1.1/paper/2024-0002-fahrdienst.json", "sitzungen/index.html", "feed.xml"] {
            try FileManager.default.removeItem(atPath: f.output + "/" + filePath)
        }
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]!)
        let resultValue = try compare(f, "files removed by hand")
        XCTAssertTrue(resultValue.changed.isSuperset(of: ["oparl/v1.1/paper/2024-0002-fahrdienst.json", "sitzungen/index.html", "feed.xml"]))
    }

    /// The same once the output's folders are older than two seconds, when a build trusts a folder
    /// whose times are unchanged instead of looking at its files: a removal changes the folder's times.
    func testKeptOutputsComeBackWhenRemovedByHandFromTrustedFolders() throws {
        let f = try project()
        try compare(f, "first build")
        Thread.sleep(forTimeInterval: 2.2)
        try compare(f, "second build: records the folders' times")
        let plan = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: f.root.path + "/.teilhabe-cache")
            .first { $0.hasPrefix("ausgabe-") && $0.hasSuffix(".bin") })
        let before = try Data(contentsOf: f.root.appendingPathComponent(".teilhabe-cache/" + plan))
        XCTAssertTrue(before.range(of: Data("oparl/v1.1/paper".utf8)) != nil, "the plan names the group's folders")
        try compare(f, "third build: keeps the group by the folders' times")
        try FileManager.default.removeItem(atPath: f.output + "/oparl/v1.1/paper/2024-0002-fahrdienst.json")
        try FileManager.default.removeItem(atPath: f.output + "/sitzungen/2024-04-09-sozialausschuss/sitzung.ics")
        let resultValue = try compare(f, "files removed by hand")
        XCTAssertTrue(resultValue.changed.isSuperset(of: ["oparl/v1.1/paper/2024-0002-fahrdienst.json",
                                                         "sitzungen/2024-04-09-sozialausschuss/sitzung.ics"]))
    }

    func testAChangedTemplateRemakesEveryPage() throws {
        let f = try project()
        let theme = f.root.appendingPathComponent("mein-theme").path
        try FileManager.default.createDirectory(atPath: theme, withIntermediateDirectories: true)
        try compare(f, "first build", theme: theme)
        let layout = try XCTUnwrap(DefaultTheme.fileList["layout.mustache"])
        try layout.replacingOccurrences(of: "</footer>", with: "<p>Neue Fußzeile</p></footer>")
            .write(toFile: theme + "/layout.mustache", atomically: true, encoding: .utf8)
        let tally = try compare(f, "changed layout", theme: theme).tally
        XCTAssertEqual(tally.skipped, 0, "a changed template reuses no page: \(tally)")
        XCTAssertTrue(try f.page("vorlagen/2024-0002-fahrdienst/index.html").contains("Neue Fußzeile"))
    }

    func testADamagedCacheIsIgnored() throws {
        let f = try project()
        try compare(f, "first build")
        let cache = f.root.appendingPathComponent(".teilhabe-cache").path
        for name in try FileManager.default.contentsOfDirectory(atPath: cache) where name.hasSuffix(".bin") {
            try Data("kaputt".utf8).write(to: URL(fileURLWithPath: cache + "/" + name))
        }
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "Keine Besonderheiten.", with: "Nach dem Schaden."))
        let tally = try compare(f, "after damage").tally
        XCTAssertEqual(tally.skipped, 0)
    }
}

extension IncrementalBuildTests {
    /// A build without the cache changes files behind the plan's back: the next cached build must not trust it.
    func testABuildWithoutTheCacheInvalidatesThePlan() throws {
        let f = try project()
        try compare(f, "first build")
        let original = Fixture.minimal["vorlagen/2024-0001-test.md"]!
        try f.write("vorlagen/2024-0001-test.md", original.replacingOccurrences(of: "Keine Besonderheiten.", with: "Zwischenstand."))
        XCTAssertNotNil(f.build(cache: false).0)
        XCTAssertTrue(try f.page("vorlagen/2024-0001-test/index.html").contains("Zwischenstand."))
        try f.write("vorlagen/2024-0001-test.md", original)
        try compare(f, "back to the first text")
        XCTAssertFalse(try f.page("vorlagen/2024-0001-test/index.html").contains("Zwischenstand."))
    }
}
