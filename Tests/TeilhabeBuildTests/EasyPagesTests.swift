import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild
@testable import TeilhabeRender

/// Pages under `leichte-sprache/` are easy throughout (issue 23, item 4): menu, trail, footer, indicator
/// texts, committee names, links and the easy Fortschreibung.
final class EasyPagesTests: XCTestCase {
    private var exampleContent: String { Fixture.packageRoot.appendingPathComponent("content").path }

    private func built(_ files: [String: String]) throws -> (Fixture, DiagnosticLog) {
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        return (f, log)
    }

    // MARK: The scan of the example

    /// Words that only standard-language pages use (the fixed texts of the standard templates and code).
    static let standardMarkers = [
        "Geheimhaltung", "geheim gehalten", "Beratungsfolge", "Tagesordnung", "Startseite", "Hauptnavigation",
        "Sitzungskalender", "Sitzung am", "Maßnahme", "Statusänderung", "Stichtag", "Raumebene", "Beispieldaten",
        "Veranschaulichung", "Quelle:", "Service", "Indikatoren", "Nichtöffentlich", "nichtöffentlich", "Zuständigkeit",
        "Handlungsfeld", "Kenntnisnahme", "Balkendiagramm", "Anzahlen", "Betroffenen", "Interne Fassung",
        // the example's standard committee names
        "Sozialausschuss", "Ausschuss für Soziales", "Inklusionsbeirat",
    ]

    /// A standard-language feature of a text: a marker, a long word without splitting, or a passive.
    /// Words in `easyWords` (what users wrote in Leichte Sprache: the checker judges those) are left to it.
    static func standardFeatures(_ text: String, easyWords: Set<String> = []) -> [String] {
        var found = standardMarkers.filter { text.contains($0) }
        let words = text.split { !$0.isLetter && $0 != "·" && $0 != "-" && $0 != "\u{AD}" }.map(String.init)
        // Feminine plurals ("Politikerinnen") are no compounds (contract section 9).
        found += words.filter { $0.count > 13 && $0.allSatisfy(\.isLetter) && !$0.hasSuffix("innen") && !easyWords.contains($0) }
        let auxiliary: Set<String> = ["wird", "werden", "wurde", "wurden", "worden"]
        if words.contains(where: auxiliary.contains),
           let participle = words.first(where: { $0.count > 5 && $0.hasPrefix("ge") && ($0.hasSuffix("t") || $0.hasSuffix("en")) }),
           !easyWords.contains(participle) {
            found.append("Passiv: \(participle)")
        }
        return found
    }

    /// Every word users wrote in Leichte Sprache: twins' bodies, easy YAML fields, the glossary.
    static func easyWords(_ project: Projekt) -> Set<String> {
        var texts = project.easyFields.map(\.text) + project.glossar.map { $0.forms.joined(separator: " ") + " " + $0.erklaerung }
        for v in project.vorlagen { if let l = v.leicht { texts.append(l.body.text) } }
        for t in project.texts { if let l = t.leicht { texts.append(l.body.text) } }
        return Set(texts.flatMap { $0.split { !$0.isLetter }.map(String.init) })
    }

    /// The texts of a page a reader meets: text between tags, and the labels screen readers read.
    static func readableTexts(_ html: String) -> [String] {
        var texts: [String] = []
        var rest = html[...]
        // Script and style hold no reading text.
        while let open = rest.firstIndex(of: "<") {
            texts.append(String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let day = rest[open...close]
            for attribute in ["aria-label=\"", "alt=\"", "title=\""] {
                if let start = day.range(of: attribute), let end = day[start.upperBound...].firstIndex(of: "\"") {
                    texts.append(String(day[start.upperBound..<end]))
                }
            }
            rest = rest[rest.index(after: close)...]
            if day.hasPrefix("<style"), let end = rest.range(of: "</style>") { rest = rest[end.upperBound...] }
            if day.hasPrefix("<script"), let end = rest.range(of: "</script>") { rest = rest[end.upperBound...] }
        }
        texts.append(String(rest))
        return texts.map { $0.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"") }
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// Values users typed that an easy page shows as they are: names, places, addresses, sources, area
    /// names, agenda items. They are content, not fixed texts of the tool.
    static func contentValues(_ project: Projekt) -> [String] {
        let site = project.site
        var values = [site.titel, site.titelLeicht, site.traeger, site.amt, site.kontakt.anschrift, site.kontakt.email,
                      site.kontakt.telefon, site.barrierefreiheit.schlichtungsstelle?.name].compactMap { $0 } + site.barrierefreiheit.maengel
        for s in project.sitzungen { values += [s.ort].compactMap { $0 } + s.tagesordnung.compactMap(\.titel) }
        for i in project.indikatoren {
            values += [i.quelle, i.einheit, i.table.areaTitle] + i.table.columns + i.table.lines.map(\.raum)
        }
        // Names of offers, their providers and the actors of the network are proper names.
        values += project.angebote.flatMap { [$0.name, $0.traeger].compactMap { $0 } } + project.akteure.map(\.name)
        values += project.sozialraeume.map(\.name)
        return values.sorted { $0.count > $1.count }   // the longest first: a name inside another is removed with it
    }

    func testEveryEasyPageOfTheExampleHasNoStandardLanguageFixedText() throws {
        let output = Fixture.temporary("teilhabe-easy").path
        let log = DiagnosticLog()
        var settings = Build.Options(content: exampleContent, theme: Fixture.builtInOnly, output: output)
        settings.pdf = false
        XCTAssertNotNil(Build.run(settings, log: log), log.all.map(\.formatted).joined(separator: "\n"))
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: exampleContent, log: DiagnosticLog()))
        let values = Self.contentValues(project), easyWords = Self.easyWords(project)
        let pages = Fixture.tree(output).filter { $0.key.hasPrefix("leichte-sprache/") && $0.key.hasSuffix(".html") }
        XCTAssertGreaterThan(pages.count, 20, "the example has easy pages of every kind")
        XCTAssertNotNil(pages["leichte-sprache/woerterbuch/index.html"])
        var problems: [String] = []
        for (path, data) in pages.sorted(by: { $0.key < $1.key }) {
            // A glossary link's word is part of its sentence: the text is read without the link.
            let html = String(decoding: data, as: UTF8.self).replacingOccurrences(
                of: "<a class=\"glossar-wort\" href=\"[^\"]*\">([^<]*)</a>", with: "$1", options: .regularExpression)
            for text in Self.readableTexts(html) {
                var fixed = text
                for value in values where fixed.contains(value) { fixed = fixed.replacingOccurrences(of: value, with: " ") }
                for feature in Self.standardFeatures(fixed, easyWords: easyWords) { problems.append("\(path): „\(feature)“ in „\(text.prefix(120))“") }
            }
        }
        XCTAssertEqual(problems, [], "standard-language texts on easy pages:\n" + problems.joined(separator: "\n"))
    }

    /// The scan itself finds what the easy pages showed before (so that it cannot pass on anything).
    func testTheScanFindsStandardTexts() {
        for text in ["Erklärung zur Barrierefreiheit", "Menschen mit einer Schwerbehinderung", "Ausschuss für Soziales, Gesundheit",
                     "Anzahlen von 1 bis 4 werden zum Schutz der Betroffenen nicht veröffentlicht", "Hauptnavigation",
                     "Der Antrag wurde gestern genehmigt.", "Startseite"] {
            XCTAssertFalse(Self.standardFeatures(text).isEmpty, text)
        }
        for text in ["Erklärung zur Barriere·freiheit", "Politiker und Politikerinnen", "Diese Zahl ist geheim.", "Menü"] {
            XCTAssertEqual(Self.standardFeatures(text), [], text)
        }
    }

    // MARK: Frame

    func testMenuTrailAndFooterOfAnEasyPageAreEasyAndLeadToEasyPages() throws {
        var files = Fixture.minimal
        files["seiten/kontakt.leicht.md"] = "---\ntitel: So erreichen Sie uns\n---\nSchreiben Sie uns.\n"
        files["seiten/impressum.md"] = "---\ntitel: Impressum\n---\nAngaben nach dem Gesetz.\n"
        let (f, _) = try built(files)
        let easy = try f.page("leichte-sprache/vorlagen/2024-0001-test/index.html")
        XCTAssertTrue(easy.contains("<nav class=\"hauptnavigation\" aria-label=\"Menü\">"))
        XCTAssertTrue(easy.contains("<li><a href=\"../../../leichte-sprache/\">Start</a></li>"), "the menu starts at the easy start page")
        XCTAssertFalse(easy.contains(">Sitzungen</a>") || easy.contains(">Vorlagen</a>"), "no standard sections in the easy menu")
        XCTAssertTrue(easy.contains("<ol>\n<li><a href=\"../../../leichte-sprache/\">Start</a></li>\n<li><span aria-current=\"page\">Spiel·plätze für alle</span></li>"),
                      "the trail starts at the easy start page")
        XCTAssertTrue(easy.contains("Erklärung zur Barriere·freiheit"))
        XCTAssertTrue(easy.contains("<a href=\"../../../leichte-sprache/seiten/kontakt/\">So erreichen Sie uns</a>"), "footer pages as their twins")
        XCTAssertFalse(easy.contains("Impressum"), "a page without an easy twin is left out of the easy footer")
        XCTAssertTrue(easy.contains("<title>Spiel·plätze für alle – "))
        let standard = try f.page("vorlagen/2024-0001-test/index.html")
        XCTAssertTrue(standard.contains("aria-label=\"Hauptnavigation\"") && standard.contains(">Impressum</a>"), "standard pages keep theirs")
    }

    // MARK: Indicators

    private func indicatorFiles(titelLeicht: String? = "So viele Fälle gibt es") -> [String: String] {
        var files = Fixture.minimal
        files["indikatoren/faelle.yaml"] = "titel: Fallzahlen der Eingliederungshilfe\n"
            + (titelLeicht.map { "titel_leicht: \($0)\n" } ?? "") + "einheit: Anzahl\nquelle: LVR\ngeheimhaltung: 5\nsumme: Gesamt\n"
        files["indikatoren/faelle.csv"] = "Raum;2022;2024\nNord;13;3\nSüd;40;41\nOst;20;22\nGesamt;73;66\n"
        files["berichte/lage.leicht.md"] = "---\ntitel: Bericht in Leichter Sprache\n---\nHier stehen Zahlen.\n\n```indikator\nfaelle\n```\n"
        return files
    }

    func testAnIndicatorEmbeddedInAnEasyPageShowsItsEasyTitleAndEasySecrecyNote() throws {
        let (f, _) = try built(indicatorFiles())
        for path in ["leichte-sprache/berichte/lage/index.html", "leichte-sprache/indikatoren/faelle/index.html"] {
            let page = try f.page(path)
            XCTAssertTrue(page.contains("<p class=\"tabellen-titel\">So viele Fälle gibt es"), path)
            XCTAssertTrue(page.contains("<title>Balken: So viele Fälle gibt es</title>"), path)
            XCTAssertTrue(page.contains("• heißt: Diese Zahl ist geheim."), path)
            XCTAssertTrue(page.contains("<span class=\"sr\"> (geheim)</span>"), path)
            for standard in ["Fallzahlen der Eingliederungshilfe", "geheim gehalten", "zum Schutz der Betroffenen", "Stichtag:"] {
                XCTAssertFalse(page.contains(standard), "\(path): \(standard)")
            }
            XCTAssertFalse(page.contains("am kleinsten"), "\(path): with a hidden value the smallest is unknown")
        }
        XCTAssertTrue(try f.page("indikatoren/faelle/index.html").contains("Fallzahlen der Eingliederungshilfe"), "the standard page keeps its title")
    }

    func testAMissingEasyTitleIsAnErrorUnderPflichtAndNeverTheStandardTitle() throws {
        let f = try Fixture(indicatorFiles(titelLeicht: nil))
        let (failed, log) = f.build()
        XCTAssertNil(failed)
        let finding = try XCTUnwrap(log.all.first { $0.rule == "LEICHT-FEHLT" })
        XCTAssertEqual(finding.severity, .error)
        XCTAssertTrue(finding.location.file.hasSuffix("indikatoren/faelle.yaml"))
        XCTAssertTrue(finding.message.contains("titel_leicht"), finding.message)
        try f.write("site.yaml", Fixture.minimal["site.yaml"]!.replacingOccurrences(of: "pflicht: true", with: "pflicht: false"))
        let (resultValue, warnings) = f.build()
        XCTAssertNotNil(resultValue)
        XCTAssertEqual(warnings.all.first { $0.rule == "LEICHT-FEHLT" }?.severity, .warning)
        let easy = try f.page("leichte-sprache/indikatoren/faelle/index.html")
        XCTAssertFalse(easy.contains("Fallzahlen der Eingliederungshilfe"), "no standard-language fallback")
        XCTAssertTrue(easy.contains("<h1>Zahlen</h1>"))
    }

    // MARK: Committees

    func testCommitteesAreNamedByNameLeichtOnEasyPages() throws {
        var files = Fixture.minimal
        files["gremien.yaml"] = """
        - id: sozialausschuss
          name: Ausschuss für Soziales
          kurzname: Sozialausschuss
          name_leicht: Der Ausschuss für soziale Themen
          art: Ausschuss
        """
        let (f, _) = try built(files)
        for path in ["leichte-sprache/gremien/sozialausschuss/index.html", "leichte-sprache/sitzungen/2024-03-05-sozialausschuss/index.html",
                     "leichte-sprache/index.html"] {
            let page = try f.page(path)
            XCTAssertTrue(page.contains("Der Ausschuss für soziale Themen"), path)
            XCTAssertFalse(page.contains("Sozialausschuss<") || page.contains("Ausschuss für Soziales"), path)
        }
        XCTAssertTrue(try f.page("gremien/sozialausschuss/index.html").contains("Ausschuss für Soziales"))
    }

    /// Also under `pflicht: true` (the minimal fixture's), so that committees imported from a council
    /// information system build before anyone has named them in Leichte Sprache.
    func testAMissingNameLeichtIsReportedAndTheEasyPageNamesTheKindOfBody() throws {
        var files = Fixture.minimal
        files["gremien.yaml"] = "- id: sozialausschuss\n  name: Ausschuss für Soziales\n  art: Ausschuss\n"
        let (f, log) = try built(files)
        let finding = try XCTUnwrap(log.all.first { $0.rule == "LEICHT-FEHLT" })
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertTrue(finding.location.file.hasSuffix("gremien.yaml") && finding.location.line == 1, "\(finding.location)")
        let page = try f.page("leichte-sprache/sitzungen/2024-03-05-sozialausschuss/index.html")
        XCTAssertTrue(page.contains(">Ein Ausschuss</a>"))
        XCTAssertFalse(page.contains("Ausschuss für Soziales"))
    }

    // MARK: Links

    func testLinksInAnEasyBodyPointToTheEasyTwinWhereThereIsOne() throws {
        var files = Fixture.minimal
        files["vorlagen/2024-0001-test.leicht.md"] = """
        ---
        titel: Spiel·plätze für alle
        ---
        Hier ist der [Bericht](../berichte/lage.md#zahlen).
        Hier ist der [Kontakt](../seiten/kontakt.md).
        Hier ist die [Liste](../anlagen/spielplaetze.pdf).
        """
        let (f, _) = try built(files)
        let page = try f.page("leichte-sprache/vorlagen/2024-0001-test/index.html")
        XCTAssertTrue(page.contains("<a href=\"../../../leichte-sprache/berichte/lage/\">Bericht</a>"), "to the twin, without the standard anchor")
        XCTAssertTrue(page.contains("<a href=\"../../../seiten/kontakt/\">Kontakt</a>"), "no twin: the standard page")
        XCTAssertTrue(page.contains("<a href=\"../../../anlagen/spielplaetze.pdf\">Liste</a>"))
        XCTAssertTrue(try f.page("vorlagen/2024-0001-test/index.html").contains("href=\"../../berichte/lage/#zahlen\""),
                      "standard pages link as written")
    }

    // MARK: Fortschreibung

    private static func plan(_ stand: String, _ massnahmen: [(id: String, status: String, leicht: String)]) -> String {
        """
        titel: Inklusionsplan
        stand: \(stand)
        handlungsfelder:
          - id: wohnen
            titel: Wohnen
            titel_leicht: Wohnen
            un_brk: [19]
            massnahmen:
        """ + massnahmen.map { m in
            "\n      - {id: \(m.id), titel: Maßnahme \(m.id), leicht: \"\(m.leicht)\", status: \(m.status)}"
        }.joined() + "\n"
    }

    func testTheEasyFortschreibungNamesStatusesAndSortsChangesTruthfully() throws {
        var files = Fixture.minimal
        files["inklusionsplan/2022.yaml"] = Self.plan("2022-06-30", [
            ("A-1", "geplant", "Aufgabe eins."), ("A-2", "umgesetzt", "Aufgabe zwei."), ("A-3", "geplant", "Aufgabe drei."),
            ("A-4", "zurueckgestellt", "Aufgabe vier."), ("A-5", "umgesetzt", "Aufgabe fünf."),
        ])
        files["inklusionsplan/2026.yaml"] = Self.plan("2026-06-30", [
            ("A-1", "umgesetzt", "Aufgabe eins."), ("A-2", "in-umsetzung", "Aufgabe zwei."), ("A-3", "zurueckgestellt", "Aufgabe drei."),
            ("A-4", "in-umsetzung", "Aufgabe vier."), ("A-6", "geplant", "Aufgabe sechs."),
        ])
        let (f, _) = try built(files)
        let page = try f.page("leichte-sprache/inklusionsplan/fortschreibung/index.html")
        func section(_ id: String) -> String {
            guard let start = page.range(of: "<h2 id=\"\(id)\">") else { return "" }
            let rest = page[start.upperBound...]
            return String(rest[..<(rest.range(of: "</ul>")?.upperBound ?? rest.endIndex)])
        }
        XCTAssertTrue(section("neu").contains("Aufgabe sechs.<br>\nJetzt: Das ist geplant."), section("neu"))
        XCTAssertTrue(section("weg").contains("Aufgabe fünf.<br>\nZuletzt: Das ist fertig."), section("weg"))
        let onward = section("weiter"), back = section("zurueck"), later = section("spaeter")
        XCTAssertTrue(onward.contains("Aufgabe eins.") && onward.contains("Aufgabe vier."), onward)
        XCTAssertFalse(onward.contains("Aufgabe zwei.") || onward.contains("Aufgabe drei."), onward)
        XCTAssertTrue(back.contains("Aufgabe zwei.") && !back.contains("Aufgabe drei."), back)
        XCTAssertTrue(later.contains("Aufgabe drei.<br>\nFrüher: Das ist geplant.<br>\nJetzt: Das machen wir später."), later)
        XCTAssertTrue(page.contains("<li>Bei 2 Aufgaben sind wir weiter·gekommen</li>"))
        XCTAssertTrue(page.contains("<li>Bei 1 Aufgabe sind wir einen Schritt zurück</li>"))
        XCTAssertTrue(page.contains("<li>1 Aufgabe machen wir später</li>"))
    }
}
