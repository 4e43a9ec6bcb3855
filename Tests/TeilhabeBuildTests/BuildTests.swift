import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild

/// Builds fixture projects into temporary folders and reads the pages.
final class BuildTests: XCTestCase {
    func testBuildsEveryPageAtTheContractPaths() throws {
        let f = try Fixture()
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        for path in ["index.html", "404.html", "leichte-sprache/index.html", "barrierefreiheit/index.html",
                     "vorlagen/index.html", "vorlagen/2024-0001-test/index.html",
                     "leichte-sprache/vorlagen/2024-0001-test/index.html", "berichte/lage/index.html",
                     "leichte-sprache/berichte/lage/index.html", "seiten/kontakt/index.html",
                     "gremien/sozialausschuss/index.html", "sitzungen/2024-03-05-sozialausschuss/index.html",
                     "anlagen/spielplaetze.pdf", "assets/teilhabe.css"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Paths.join(f.output, path)), path)
        }
    }

    func testVorlagePageShowsGrunddatenBeratungsfolgeSectionsAnlagen() throws {
        let f = try Fixture()
        f.build()
        let html = try f.page("vorlagen/2024-0001-test/index.html")
        XCTAssertTrue(html.contains("<dl class=\"grunddaten\">"))
        XCTAssertTrue(html.contains("<dt>Federführend</dt><dd>A 1 – Testamt</dd>"))
        XCTAssertTrue(html.contains("<p class=\"tabellen-titel\">Beratungs\u{AD}folge der Vorlage 2024/0001</p>"))
        XCTAssertTrue(html.contains("<th scope=\"row\"><a href=\"../../sitzungen/2024-03-05-sozialausschuss/\">"))
        XCTAssertTrue(html.contains("<td>zur Kenntnis genommen</td>"))
        XCTAssertTrue(html.contains("<h2 id=\"sachlage\">"), "section headings carry anchors")
        XCTAssertTrue(html.contains("<a href=\"#rechtslage\">Rechtslage</a>"), "table of sections links the anchors")
        XCTAssertTrue(html.contains("<a href=\"../../anlagen/spielplaetze.pdf\">Liste der Spielplätze</a> <span class=\"dateiinfo\">(PDF, 2 kB)</span>"))
        XCTAssertTrue(html.contains("gez. Muster"))
        XCTAssertTrue(html.contains("<a href=\"../../leichte-sprache/vorlagen/2024-0001-test/\">Leichte Sprache</a>"))
        XCTAssertTrue(html.contains("<th scope=\"col\">Ort</th>"), "Markdown tables get column scopes")
        XCTAssertTrue(html.contains("href=\"../../berichte/lage/#zahlen\""), "links to .md files point to the page")
    }

    func testEasyTwinLinksBackAndKeepsOneSentencePerLine() throws {
        let f = try Fixture()
        f.build()
        let html = try f.page("leichte-sprache/vorlagen/2024-0001-test/index.html")
        XCTAssertTrue(html.contains("<body class=\"leicht\">"))
        XCTAssertTrue(html.contains("<a href=\"../../../vorlagen/2024-0001-test/\">Alltags-Sprache</a>"))
        XCTAssertTrue(html.contains("Wir bauen Spiel·plätze ohne Barrieren.<br />"))
    }

    func testStartPagesAndAccessibilityStatement() throws {
        let f = try Fixture()
        f.build()
        let start = try f.page("index.html")
        XCTAssertTrue(start.contains("Bericht über barrierefreie Spielplätze"))
        XCTAssertTrue(start.contains("Lagebericht Inklusion"))
        let leicht = try f.page("leichte-sprache/index.html")
        for part in ["Was steht auf dieser Internet·seite?", "So finden Sie sich", "Barriere·freiheit",
                     "Diese Seiten gibt es in Leichter Sprache", "Spiel·plätze für alle", "test@example.org"] {
            XCTAssertTrue(leicht.contains(part), part)
        }
        let erklaerung = try f.page("barrierefreiheit/index.html")
        XCTAssertTrue(erklaerung.contains("teilweise vereinbar"))
        XCTAssertTrue(erklaerung.contains("Alte PDF-Dateien sind nicht barrierefrei."))
        XCTAssertTrue(erklaerung.contains("Schlichtungsstelle BGG"))
        XCTAssertTrue(erklaerung.contains("mailto:test@example.org"))
        XCTAssertTrue(erklaerung.contains("15. Januar 2026"))
    }

    func testEveryPageHasTheFrame() throws {
        let f = try Fixture()
        f.build()
        for (path, data) in Fixture.tree(f.output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(html.contains("<html lang=\"de\">"), path)
            XCTAssertTrue(html.contains("<a class=\"skip\" href=\"#inhalt\">"), path)
            XCTAssertTrue(html.contains("<main id=\"inhalt\""), path)
            // On easy pages in Leichte Sprache, split with the Mediopunkt.
            XCTAssertTrue(html.contains(path.hasPrefix("leichte-sprache/") ? "Erklärung zur Barriere·freiheit</a>" : "Erklärung zur Barrierefreiheit</a>"), path)
            if path == "suche/index.html" {
                // The one script enhances the search; without it the page lists the papers by committee and year.
                XCTAssertTrue(html.contains("<h3 id=\"jahr-2024\">2024</h3>"))
                XCTAssertTrue(html.contains("<h3 id=\"gremium-sozialausschuss\">"))
            } else {
                XCTAssertFalse(html.contains("<script"), "no JavaScript in \(path)")
            }
        }
    }

    func testMeetingAndCommitteePagesListAgendaAndPapers() throws {
        let f = try Fixture()
        f.build()
        let sitzung = try f.page("sitzungen/2024-03-05-sozialausschuss/index.html")
        XCTAssertTrue(sitzung.contains("<th scope=\"row\">2</th><td><a href=\"../../vorlagen/2024-0001-test/\">Bericht über barrierefreie Spielplätze</a>"))
        XCTAssertTrue(sitzung.contains("<th scope=\"row\">1</th><td>Eröffnung</td>"))
        XCTAssertTrue(sitzung.contains("17:00 bis 19:00 Uhr"))
        let gremium = try f.page("gremien/sozialausschuss/index.html")
        XCTAssertTrue(gremium.contains("../../sitzungen/2024-03-05-sozialausschuss/"))
        XCTAssertTrue(gremium.contains("Bericht über barrierefreie Spielplätze"))
    }

    func testRebuildWritesOnlyChangedFilesAndRemovesStaleOnes() throws {
        let f = try Fixture()
        f.build()
        try f.write("seiten/kontakt.md", "---\ntitel: Kontakt neu\n---\nText.\n")
        try f.remove("berichte/lage.leicht.md")
        try f.write("site.yaml", Fixture.minimal["site.yaml"]!.replacingOccurrences(of: "pflicht: true", with: "pflicht: false"))
        try f.write("vorlagen/2024-0001-test.md", Fixture.minimal["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "(../berichte/lage.md#zahlen)", with: "(../berichte/lage.md)"))
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(resultValue?.tally.removed, 1, "the removed twin's page is gone")
        XCTAssertFalse(FileManager.default.fileExists(atPath: Paths.join(f.output, "leichte-sprache/berichte/lage/index.html")))
        XCTAssertGreaterThan(resultValue?.tally.unchanged ?? 0, 0)
    }

    func testRefusesToWriteIntoAForeignFolder() throws {
        let f = try Fixture()
        let foreign = f.root.appendingPathComponent("eigene-dateien").path
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("wichtig".utf8).write(to: URL(fileURLWithPath: Paths.join(foreign, "brief.txt")))
        let (resultValue, log) = f.build(output: foreign)
        XCTAssertNil(resultValue)
        XCTAssertTrue(log.all.contains { $0.message.contains("wurde nicht von teilhabe angelegt") })
        XCTAssertEqual(Fixture.tree(foreign).keys.sorted(), ["brief.txt"])
    }

    func testOutputInsideContentIsRefused() throws {
        let f = try Fixture()
        let (resultValue, log) = f.build(output: Paths.join(f.content, "site"))
        XCTAssertNil(resultValue)
        XCTAssertTrue(log.all.contains { $0.message.contains("außerhalb des Inhaltsordners") })
    }
}

/// The pipeline takes its file access: a whole site is built from memory into memory.
final class InMemoryBuildTests: XCTestCase {
    func testAWholeSiteBuildsFromMemoryIntoMemoryLikeOnDisk() throws {
        let files = Dictionary(uniqueKeysWithValues: Fixture.minimal.map { ("/speicher/content/" + $0.key, Data($0.value.utf8)) })
        var settings = Build.Options(content: "/speicher/content", theme: nil, output: "/speicher/site")
        settings.pdf = false
        let log = DiagnosticLog()
        let resultValue = try XCTUnwrap(Build.run(settings, io: .memory(files), target: .memory, log: log),
                                     log.all.map(\.formatted).joined(separator: "\n"))
        let site = try XCTUnwrap(resultValue.inMemory)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/speicher"), "nothing touches the disk")
        // The same content built on disk gives the same files, byte for byte.
        let f = try Fixture()
        XCTAssertNotNil(f.build().0)
        let disk = Fixture.tree(f.output).filter { $0.key != OutputFolder.marker }
        XCTAssertEqual(Set(site.keys), Set(disk.keys))
        for (path, bytes) in disk where site[path] != bytes { XCTFail("\(path) differs between memory and disk") }
        XCTAssertGreaterThan(resultValue.auditedPages, 10)
    }
}

/// `.teilhabe-cache/` (with PDFs of non-public papers) stays in the project folder, whatever `--output` names.
final class CacheLocationTests: XCTestCase {
    func testTheCacheStaysBesideTheContentFolderNotBesideAnOutputElsewhere() throws {
        let f = try Fixture()
        let elsewhere = Fixture.temporary("teilhabe-elsewhere")
        let output = elsewhere.appendingPathComponent("site").path
        XCTAssertNotNil(f.build(publikum: .gremium, output: output).0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), ["site"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.root.appendingPathComponent(".teilhabe-cache/build.lock").path))
        XCTAssertEqual(Build.cacheFolder(content: "content", output: "/tmp/x/site"), ".teilhabe-cache")
        XCTAssertEqual(Build.cacheFolder(content: "projekt/content", output: "site"), "projekt/.teilhabe-cache")
        XCTAssertEqual(Build.cacheFolder(content: "content", output: ".teilhabe-cache/vorschau"), ".teilhabe-cache")
    }
}

/// `beschreibung_leicht` written one sentence per line keeps its lines on the easy page (issue 21 item 5).
final class EasyTextLinesTests: XCTestCase {
    func testAnEasyDescriptionKeepsItsLines() throws {
        var files = Fixture.minimal
        files["gremien.yaml"] = files["gremien.yaml"]! + "\n  beschreibung_leicht: |\n    Hier sprechen Politiker.\n    Es geht um Soziales.\n"
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        let webPage = try f.page("leichte-sprache/gremien/sozialausschuss/index.html")
        XCTAssertTrue(webPage.contains("<p>Hier sprechen Politiker.<br>\nEs geht um Soziales.</p>"), webPage)
    }
}
