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

/// Drafts (`status: entwurf`), the placeholder rule, `teilhabe neu` and `plan vorlage` (contract section 10).
final class DraftTests: XCTestCase {
    /// Every trace a draft could leave: its titles, number, slug, attachment name and bytes.
    static let traces = ["Entwurfsmarke", "2024/0042", "2024-0042", "entwurfsanlage", "ENTWURFSBYTES",
                         "Berichtsentwurf", "seitenentwurf", "Seitenentwurfstitel"]

    private func fixture() throws -> Fixture {
        var files = Fixture.minimal
        files["vorlagen/2024-0042-neu.md"] = """
        ---
        art: Beschlussvorlage
        nummer: "2024/0042"
        betreff: Entwurfsmarke Rampe
        datum: 2024-02-28
        status: entwurf
        federfuehrend: A 1 – Testamt
        beratungsfolge:
          - {sitzung: 2024-03-05-sozialausschuss, rolle: Entscheidung}
        anlagen:
          - {titel: Plan Entwurfsmarke, datei: anlagen/entwurfsanlage.pdf}
        ---
        ## Sachlage

        Entwurfsmarke im Text. [Bitte ergänzen.]

        ## Rechtslage

        [Bitte ergänzen.]

        ## Beschlussvorschlag

        [Bitte ergänzen.]
        """
        files["vorlagen/2024-0042-neu.leicht.md"] = "---\ntitel: Entwurfsmarke leicht\n---\nEntwurfsmarke.\n"
        files["anlagen/entwurfsanlage.pdf"] = "%PDF-1.4 ENTWURFSBYTES"
        files["berichte/neu.md"] = "---\ntitel: Berichtsentwurf\nstatus: entwurf\n---\nBerichtsentwurf [Bitte ergänzen.]\n"
        files["seiten/seitenentwurf.md"] = "---\ntitel: Seitenentwurfstitel\nstatus: entwurf\n---\nText.\n"
        files["seiten/seitenentwurf.leicht.md"] = "---\ntitel: Seitenentwurfstitel leicht\n---\nText.\n"
        // The committee agenda names the draft: the item shows without it.
        files["sitzungen.yaml"] = Fixture.minimal["sitzungen.yaml"]! + "\n    - {top: \"3\", titel: Rampe, vorlage: \"2024/0042\"}\n"
        return try Fixture(files)
    }

    private func noTrace(_ folderPath: String, file: StaticString = #filePath, line: UInt = #line) {
        let tree = Fixture.tree(folderPath)
        XCTAssertGreaterThan(tree.count, 30, file: file, line: line)
        for (path, data) in tree {
            for trace in Self.traces {
                XCTAssertFalse(path.contains(trace), path, file: file, line: line)
                XCTAssertNil(data.range(of: Data(trace.utf8)), "\(trace) in \(path)", file: file, line: line)
            }
        }
        for export in ["feed.xml", "sitemap.xml", "kalender.ics", "suche/index.json", "oparl/v1.1/index.json",
                       "sitzungen/2024-03-05-sozialausschuss/index.html"] {
            XCTAssertNotNil(tree[export], "\(export) was scanned", file: file, line: line)
        }
    }

    func testADraftReachesNoByteOfThePublicBuild() throws {
        let f = try fixture()
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        noTrace(f.output)
        XCTAssertTrue(try f.page("sitzungen/2024-03-05-sozialausschuss/index.html")
            .contains("<th scope=\"row\">3</th><td>Nichtöffentlicher Teil</td>"))
    }

    func testADraftReachesNoByteOfTheCommitteeBuild() throws {
        let f = try fixture()
        try f.write("vorlagen/2024-0043-intern.md", """
        ---
        art: Mitteilungsvorlage
        nummer: "2024/0043"
        betreff: Interne Sache
        datum: 2024-02-28
        status: nichtoeffentlich
        federfuehrend: A 1 – Testamt
        ---
        ## Sachlage

        Intern.

        ## Rechtslage

        Keine.
        """)
        let (resultValue, log) = f.build(publikum: .gremium)
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        noTrace(f.output)
        XCTAssertTrue(try f.page("vorlagen/index.html").contains("Interne Sache"), "non-public papers stay in")
        let sitzung = try f.page("sitzungen/2024-03-05-sozialausschuss/index.html")
        XCTAssertTrue(sitzung.contains("<th scope=\"row\">3</th><td>Rampe</td>"), "the item keeps its own title, not the draft")
        XCTAssertTrue(log.all.contains { $0.rule == "ENTWURF-VERWEIS" && $0.severity == .warning && $0.message.contains("TOP 3") })
    }

    func testNoPDFIsMadeOfADraft() throws {
        let f = try fixture()
        let auditTools = Paths.join(NSHomeDirectory(), ".cache/teilhabe-tools/bin")
        try PrintTestSupport.withPath(auditTools) {
            guard PDFRenderer.find(cache: Paths.join(f.root.path, "cache")) != nil else {
                throw XCTSkip("weasyprint is not on the PATH")
            }
            let (resultValue, log) = f.build(pdf: true)
            XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: Paths.join(f.output, "vorlagen/2024-0001-test/vorlage-2024-0001.pdf")))
        noTrace(f.output)
    }

    private func preview(_ f: Fixture, outputPath: String) -> Preview {
        var settings = Build.Options(content: f.content, theme: Fixture.builtInOnly, output: outputPath)
        settings.pdf = false
        settings.leichteSprache = false
        settings.showDrafts = true
        return Preview(settings)
    }

    func testServeShowsDraftsUnderABannerAndTheBuildAfterItStillHasNone() throws {
        let f = try fixture()
        // Where `serve` puts it: the preview shares .teilhabe-cache/ with the builds.
        let outputPath = f.root.appendingPathComponent(".teilhabe-cache/vorschau").path
        let log = DiagnosticLog()
        XCTAssertNotNil(preview(f, outputPath: outputPath).buildSite(log: log), log.all.map(\.formatted).joined(separator: "\n"))
        let banner = "<section class=\"entwurf-hinweis\" aria-labelledby=\"entwurf-hinweis-titel\">\n"
            + "<p id=\"entwurf-hinweis-titel\"><strong>Entwurf – nicht veröffentlicht</strong></p>"
        for webPage in ["vorlagen/2024-0042-neu/index.html", "leichte-sprache/vorlagen/2024-0042-neu/index.html",
                      "berichte/neu/index.html", "seiten/seitenentwurf/index.html"] {
            XCTAssertTrue(try f.page(webPage, in: outputPath).contains(banner), webPage)
        }
        let paper = try f.page("vorlagen/2024-0042-neu/index.html", in: outputPath)
        XCTAssertTrue(paper.contains("<dt>Status</dt><dd>Entwurf</dd>"))
        XCTAssertTrue(try f.page("vorlagen/index.html", in: outputPath).contains("Entwurfsmarke Rampe"))
        XCTAssertFalse(try f.page("vorlagen/2024-0001-test/index.html", in: outputPath).contains("entwurf-hinweis"),
                       "a published paper has no banner")
        XCTAssertNotNil(f.build().0)
        noTrace(f.output)
    }

    /// `serve --output site` and then `build` into the same folder: the build keeps nothing the preview made
    /// (the preview's pages, lists and search index are keyed apart from the build's).
    func testABuildIntoThePreviewsFolderKeepsNothingOfIt() throws {
        let f = try fixture()
        XCTAssertNotNil(f.build().0)
        let log = DiagnosticLog()
        XCTAssertNotNil(preview(f, outputPath: f.output).buildSite(log: log), log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try f.page("index.html").contains("Entwurfsmarke"), "the preview has the draft on its start page")
        XCTAssertNotNil(f.build().0)
        noTrace(f.output)
    }

    func testAPlaceholderOutsideADraftIsAnErrorAtItsPlace() throws {
        let f = try fixture()
        let paper = try XCTUnwrap(Fixture.minimal["vorlagen/2024-0001-test.md"])
        try f.write("vorlagen/2024-0001-test.md", paper.replacingOccurrences(of: "Keine Besonderheiten.",
                                                                              with: "Noch offen: [Bitte ergänzen: Rechtsgrundlage]"))
        try f.write("berichte/lage.leicht.md", "---\ntitel: Bericht\n---\n[bitte ergaenzen]\n")
        try f.write("seiten/kontakt.md", "---\ntitel: \"[Bitte ergänzen.]\"\nstatus: nichtoeffentlich\n---\nText.\n")
        for publikum in Publikum.allCases {
            let (resultValue, log) = f.build(publikum: publikum)
            XCTAssertNil(resultValue, publikum.rawValue)
            let errors = log.all.filter { $0.rule == "PLATZHALTER" }.map(\.formatted)
            XCTAssertEqual(errors.count, 3, errors.joined(separator: "\n"))
            XCTAssertTrue(errors.contains { $0.hasPrefix(f.content + "/vorlagen/2024-0001-test.md:26:13: error: Platzhalter") }, errors.joined(separator: "\n"))
            XCTAssertTrue(errors.contains { $0.hasPrefix(f.content + "/berichte/lage.leicht.md:4:1: error:") }, errors.joined(separator: "\n"))
            XCTAssertTrue(errors.contains { $0.hasPrefix(f.content + "/seiten/kontakt.md:1:1: error:") && $0.contains("'titel'") })
        }
        // Filled in, the build passes: the drafts of the fixture keep theirs (in text, twin and front matter alike).
        try f.write("vorlagen/2024-0001-test.md", paper)
        try f.write("berichte/lage.leicht.md", "---\ntitel: Bericht\n---\nHier stehen Zahlen.\n")
        try f.write("seiten/seitenentwurf.md", "---\ntitel: \"Seitenentwurfstitel [Bitte ergänzen]\"\nstatus: entwurf\n---\nText.\n")
        try f.remove("seiten/kontakt.md")
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
    }

    func testThePlaceholderIsFoundHoweverItsUmlautIsWritten() {
        let text = "Eins [Bitte ergänzen.]\nZwei\n\u{00C4}rger [bitte erga\u{0308}nzen: x] und [Bitte ergaenzen]\n[Bitte einsetzen]"
        XCTAssertEqual(DraftCheck.placeholderPositions(text).map { "\($0.line):\($0.column)" }, ["1:6", "3:7", "3:31"])
    }

    /// The byte pre-check that spares most texts the regex must not miss a placeholder in odd case.
    func testThePlaceholderIsFoundInAnyCase() {
        for text in ["[BITTE ERGÄNZEN]", "x [BiTtE ergänzen]", "[  bitte   ERGAENZEN ]"] {
            XCTAssertEqual(DraftCheck.placeholderPositions(text).count, 1, text)
        }
        XCTAssertTrue(DraftCheck.placeholderPositions("Bitte ergänzen Sie [hier] nichts.").isEmpty)
    }

    func testAnAgendaItemCannotBeADraft() throws {
        let f = try fixture()
        try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]! + "\n    - {top: \"4\", titel: Etwas, status: entwurf}\n")
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        XCTAssertTrue(log.all.contains { $0.rule == "SCHEMA-VALUE" && $0.message.contains("'entwurf' ist kein gültiger Wert") })
    }

    func testANonPublicPageMustNotLinkToADraft() throws {
        let f = try fixture()
        try f.write("seiten/intern.md", "---\ntitel: Intern\nstatus: nichtoeffentlich\n---\nSiehe [Rampe](../vorlagen/2024-0042-neu.md).\n"
                    + "Und den [Plan](../anlagen/entwurfsanlage.pdf).\n")
        let (resultValue, log) = f.build(publikum: .gremium)
        XCTAssertNil(resultValue)
        let errors = log.all.filter { $0.rule == "ENTWURF-VERWEIS" && $0.severity == .error }.map(\.formatted)
        XCTAssertEqual(errors, [
            f.content + "/seiten/intern.md:5:7: error: eine nichtöffentliche Seite verlinkt den Entwurf vorlagen/2024-0042-neu: "
                + "er erscheint in keinem Build, auch nicht für die Gremien",
            f.content + "/seiten/intern.md:6:9: error: eine nichtöffentliche Seite verlinkt die Anlage anlagen/entwurfsanlage.pdf, "
                + "die nur Entwürfe nennen: sie erscheint in keinem Build, auch nicht für die Gremien",
        ], log.all.map(\.formatted).joined(separator: "\n"))
    }

    // MARK: teilhabe neu

    private let tag = CalendarDay("2024-05-02")!

    func testNeuVorlageWritesANumberedDraftWithEveryRequiredSectionAndItsTwin() throws {
        let f = try Fixture()
        let log = DiagnosticLog()
        let paths = try XCTUnwrap(NewPaper.write(.vorlage(art: "Beschlussvorlage", betreff: "Neue Rampe: \"Rathaus\" # Nord",
                                                          federfuehrend: nil), content: f.content, today: tag, log: log),
                                  log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(paths, [f.content + "/vorlagen/2024-0002-neue-rampe-rathaus-nord.md",
                               f.content + "/vorlagen/2024-0002-neue-rampe-rathaus-nord.leicht.md"])
        let text = try String(contentsOfFile: paths[0], encoding: .utf8)
        for part in ["art: Beschlussvorlage\n", "nummer: \"2024/0002\"\n", "betreff: \"Neue Rampe: \\\"Rathaus\\\" # Nord\"\n",
                     "datum: 2024-05-02\n", "status: entwurf\n", "federfuehrend: \"A 1 – Testamt\"\n",
                     "## Sachlage\n\n[Bitte ergänzen.]\n", "## Rechtslage\n\n[Bitte ergänzen.]\n",
                     "## Beschlussvorschlag\n\n[Bitte ergänzen.]\n"] {
            XCTAssertTrue(text.contains(part), part + " in\n" + text)
        }
        XCTAssertTrue(try String(contentsOfFile: paths[1], encoding: .utf8).contains("## Worum geht es?"))
        // The new paper loads as written, is a draft, and the build passes without publishing it.
        let (resultValue, buildLog) = f.build()
        XCTAssertNotNil(resultValue, buildLog.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(resultValue?.project.vorlagen.first { $0.nummer == "2024/0002" }?.betreff, "Neue Rampe: \"Rathaus\" # Nord")
        XCTAssertEqual(resultValue?.project.vorlagen.first { $0.nummer == "2024/0002" }?.status, .entwurf)
        XCTAssertFalse(FileManager.default.fileExists(atPath: Paths.join(f.output, "vorlagen/2024-0002-neue-rampe-rathaus-nord")))
    }

    func testNeuTakesTheNextFreeNumberOfTheYear() throws {
        let f = try Fixture()
        try f.write("vorlagen/sonderfall.md", "---\nnummer: \"2024/0010\"\n---\n")   // numbered in the front matter only
        try f.write("vorlagen/2023-0099-alt.md", "x")                                    // another year
        let log = DiagnosticLog()
        let first = NewPaper.write(.vorlage(art: "Mitteilungsvorlage", betreff: "Eins", federfuehrend: "Amt X"),
                                   content: f.content, today: tag, log: log)
        let second = NewPaper.write(.vorlage(art: "mitteilungsvorlage", betreff: "Zwei", federfuehrend: nil),
                                    content: f.content, today: tag, log: log)
        let newYear = NewPaper.write(.vorlage(art: "Antrag", betreff: "Drei", federfuehrend: nil),
                                       content: f.content, today: CalendarDay("2025-01-02")!, log: log)
        XCTAssertEqual(first?.first, f.content + "/vorlagen/2024-0011-eins.md", log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(second?.first, f.content + "/vorlagen/2024-0012-zwei.md")
        XCTAssertEqual(newYear?.first, f.content + "/vorlagen/2025-0001-drei.md")
        XCTAssertTrue(try String(contentsOfFile: first![0], encoding: .utf8).contains("federfuehrend: \"Amt X\"\n"))
    }

    func testNeuBerichtAndSeiteAndNeverOverwrite() throws {
        let f = try Fixture()
        let log = DiagnosticLog()
        let bericht = try XCTUnwrap(NewPaper.write(.bericht(titel: "Teilhabe 2024"), content: f.content, today: tag, log: log))
        XCTAssertEqual(bericht, [f.content + "/berichte/teilhabe-2024.md", f.content + "/berichte/teilhabe-2024.leicht.md"])
        let text = try String(contentsOfFile: bericht[0], encoding: .utf8)
        XCTAssertTrue(text.contains("titel: \"Teilhabe 2024\"\ndatum: 2024-05-02\nstatus: entwurf\n"), text)
        XCTAssertNil(NewPaper.write(.bericht(titel: "Teilhabe 2024"), content: f.content, today: tag, log: log))
        XCTAssertNil(NewPaper.write(.webPage(titel: "Kontakt"), content: f.content, today: tag, log: log))
        XCTAssertEqual(log.all.map(\.formatted), [
            f.content + "/berichte/teilhabe-2024.leicht.md: error: die Datei gibt es schon; sie wird nie überschrieben (benennen Sie sie um oder löschen Sie sie zuerst)",
            f.content + "/berichte/teilhabe-2024.md: error: die Datei gibt es schon; sie wird nie überschrieben (benennen Sie sie um oder löschen Sie sie zuerst)",
            f.content + "/seiten/kontakt.md: error: die Datei gibt es schon; sie wird nie überschrieben (benennen Sie sie um oder löschen Sie sie zuerst)",
        ])
        XCTAssertEqual(try f.page("seiten/kontakt.md", in: f.content), Fixture.minimal["seiten/kontakt.md"], "untouched")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.content + "/seiten/kontakt.leicht.md"), "no twin beside a refused page")
        XCTAssertNotNil(f.build().0)
    }

    func testNeuRefusesAnUnknownArtWithASuggestionAndAnEmptyTitle() throws {
        let f = try Fixture()
        let log = DiagnosticLog()
        XCTAssertNil(NewPaper.write(.vorlage(art: "Mitteilungsvorlag", betreff: "X", federfuehrend: nil), content: f.content, today: tag, log: log))
        XCTAssertNil(NewPaper.write(.webPage(titel: "  "), content: f.content, today: tag, log: log))
        XCTAssertEqual(log.all.map(\.formatted), [
            "--art: error: 'Mitteilungsvorlag' ist keine Vorlagenart (erlaubt: Mitteilungsvorlage, Beschlussvorlage, Antrag, Anfrage, Bericht); meinten Sie 'Mitteilungsvorlage'?",
            "--titel: error: --titel ist leer: der Titel der neuen Datei fehlt",
        ])
        XCTAssertEqual(log.all.first?.suggestion, "Mitteilungsvorlage")
        XCTAssertEqual(Fixture.tree(f.content).count, Fixture.minimal.count, "nothing written")
    }

    func testNeuOnTheCommandLinePrintsBothPaths() throws {
        let f = try Fixture()
        let run = try Fixture.teilhabe(["neu", "seite", "--titel", "Über uns", "--content", "content"], in: f.root)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "geschrieben: content/seiten/ueber-uns.md\ngeschrieben: content/seiten/ueber-uns.leicht.md\n")
        let wrong = try Fixture.teilhabe(["neu", "vorlage", "--art", "Beschluss", "--betreff", "X"], in: f.root)
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("meinten Sie 'Beschlussvorlage'?"), wrong.stderr)
    }

    // MARK: teilhabe plan vorlage

    func testPlanVorlageWritesANumberedDraftDatedTodayWithItsRequestInAClosingSection() throws {
        var files = Fixture.minimal
        files["inklusionsplan/2022.yaml"] = PlanFixtures.older
        files["inklusionsplan/2026.yaml"] = PlanFixtures.newer
        files["indikatoren/quote.yaml"] = "titel: Quote\neinheit: Prozent\nquelle: BA\nnachkommastellen: 1\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/quote.csv"] = "Raum;2022\nNord;3,5\nSüd;4,0\n"
        let f = try Fixture(files)
        let loadLog = DiagnosticLog()
        let project = try XCTUnwrap(Build.check(content: f.content, log: loadLog), loadLog.all.map(\.formatted).joined(separator: "\n"))
        let today = CalendarDay("2026-12-06")!
        let log = DiagnosticLog()
        let paths = try XCTUnwrap(NewPaper.planVorlage(project, edition: nil, content: f.content, today: today, log: log),
                                  log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(paths, [f.content + "/vorlagen/2026-0001-inklusionsplan-fortschreibung-2026.md",
                               f.content + "/vorlagen/2026-0001-inklusionsplan-fortschreibung-2026.leicht.md"])
        let text = try String(contentsOfFile: paths[0], encoding: .utf8)
        for part in ["nummer: \"2026/0001\"\n", "datum: 2026-12-06\n", "status: entwurf\n", "- Rampen bauen (W1): von geplant zu umgesetzt",
                     "## Rechtslage\n\n[Bitte ergänzen.]\n\n## Empfehlung\n\nDie Verwaltung bittet um Kenntnisnahme.\n"] {
            XCTAssertTrue(text.contains(part), part + " in\n" + text)
        }
        XCTAssertEqual(text.components(separatedBy: "Kenntnisnahme").count, 2, "the request once, in its own section")
        let (resultValue, buildLog) = f.build()
        XCTAssertNotNil(resultValue, buildLog.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertFalse(try f.page("index.html").contains("Fortschreibung des Inklusionsplans: Fassung 2026"), "a draft is not on the start page")
        // A second run takes the next number; the edited first draft stays as it is.
        try f.write("vorlagen/2026-0001-inklusionsplan-fortschreibung-2026.md", "bearbeitet")
        let second = NewPaper.planVorlage(project, edition: nil, content: f.content, today: today, log: log)
        XCTAssertEqual(second?.first, f.content + "/vorlagen/2026-0002-inklusionsplan-fortschreibung-2026.md")
        XCTAssertEqual(try String(contentsOfFile: paths[0], encoding: .utf8), "bearbeitet")
    }

    func testTheClosingSectionHonoursTheRequiredSections() {
        XCTAssertEqual(PaperSkeleton.closingSection(art: .Beschlussvorlage, pflichtabschnitte: ["Sachlage"]), "Beschlussvorschlag")
        XCTAssertEqual(PaperSkeleton.closingSection(art: .Mitteilungsvorlage, pflichtabschnitte: ["Sachlage"]), "Empfehlung")
        XCTAssertEqual(PaperSkeleton.closingSection(art: .Mitteilungsvorlage, pflichtabschnitte: ["Sachlage", "Beschlussvorschlag:"]),
                       "Beschlussvorschlag:")
        let text = PaperSkeleton.vorlage(art: .Beschlussvorlage, number: "2026/0001", betreff: "B", date: CalendarDay("2026-01-01")!,
                                         federfuehrend: "A", pflichtabschnitte: ["Sachlage", "Beschlussvorschlag"])
        XCTAssertEqual(text.components(separatedBy: "## Beschlussvorschlag").count, 2, "not twice")
    }
}
