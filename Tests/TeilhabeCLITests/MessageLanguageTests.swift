import Foundation
import XCTest
import TeilhabeTesting

/// Contract section 13: messages are German by default, English with `--sprache en` or an English
/// locale; `error`/`warning` and `path:line:column:` stay as editors parse them. Runs the real binary.
final class MessageLanguageTests: XCTestCase {
    /// The environment without any locale variable, plus `locale`.
    private func environment(_ locale: [String: String] = [:]) -> [String: String] {
        ProcessInfo.processInfo.environment.filter { !["LC_ALL", "LC_MESSAGES", "LANG"].contains($0.key) }
            .merging(locale) { $1 }
    }

    /// The minimal project with one error (a misspelt key, with a suggestion) beside its one warning (a page
    /// without its easy twin); with `zwei` a second error (an unknown key) and a second warning (a stray file).
    private func project(two: Bool = false) throws -> Fixture {
        var fileList = Fixture.minimal
        fileList["gremien.yaml"] = fileList["gremien.yaml"]!.replacingOccurrences(of: "kurzname:", with: "kurznam:")
            + (two ? "\n  farbe: rot" : "")
        let f = try Fixture(fileList)
        if two { try f.write("vorlagen/notiz.txt", "eine Notiz") }
        return f
    }

    private func check(_ f: Fixture, _ arguments: [String] = [], _ locale: [String: String] = [:])
        throws -> (status: Int32, stdout: String, stderr: String) {
        try Fixture.teilhabe(["check", "--content", "content"] + arguments, in: f.root, environment: environment(locale))
    }

    private let german = [
        "content/gremien.yaml:3:3: error: unbekannter Schlüssel 'kurznam' in Gremium; meinten Sie 'kurzname'?\n",
        "\n    Vorschlag: kurzname\n",
        "content/seiten/kontakt.md:1:1: warning: [LS-PARITAET] die öffentliche Seite hat keine Fassung in Leichter Sprache",
        "teilhabe check: 1 Fehler, 1 Warnung in 2 Dateien\n",
    ]
    private let english = [
        "content/gremien.yaml:3:3: error: unknown key 'kurznam' in Gremium; did you mean 'kurzname'?\n",
        "\n    suggestion: kurzname\n",
        "content/seiten/kontakt.md:1:1: warning: [LS-PARITAET] public page has no Leichte-Sprache version",
        "teilhabe check: 1 error, 1 warning in 2 files\n",
    ]

    private func assertSprache(_ r: (status: Int32, stdout: String, stderr: String), _ expected: [String], not: [String],
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 1, r.stderr, file: file, line: line)
        for text in expected { XCTAssertTrue(r.stderr.contains(text), "\(text)\n---\n\(r.stderr)", file: file, line: line) }
        for text in not { XCTAssertFalse(r.stderr.contains(text), "\(text)\n---\n\(r.stderr)", file: file, line: line) }
    }

    func testGermanWithoutLocaleAndWithAGermanLANG() throws {
        let f = try project()
        assertSprache(try check(f), german, not: english)
        assertSprache(try check(f, [], ["LANG": "de_DE.UTF-8"]), german, not: english)
        assertSprache(try check(f, [], ["LANG": "C.UTF-8"]), german, not: english)
    }

    func testEnglishWithTheOptionAndWithAnEnglishLANG() throws {
        let f = try project()
        assertSprache(try check(f, ["--sprache", "en"]), english, not: german)
        assertSprache(try check(f, [], ["LANG": "en_US.UTF-8"]), english, not: german)
        // LC_ALL before LC_MESSAGES before LANG; the option before all of them.
        assertSprache(try check(f, [], ["LC_ALL": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"]), english, not: german)
        assertSprache(try check(f, [], ["LC_MESSAGES": "de_DE.UTF-8", "LANG": "en_US.UTF-8"]), german, not: english)
        assertSprache(try check(f, ["--sprache", "en"], ["LANG": "de_DE.UTF-8"]), english, not: german)
        assertSprache(try check(f, ["--sprache", "de"], ["LANG": "en_US.UTF-8"]), german, not: english)
    }

    func testPluralFormsForTwo() throws {
        let f = try project(two: true)
        let de = try check(f)
        XCTAssertTrue(de.stderr.contains("teilhabe check: 2 Fehler, 2 Warnungen in 3 Dateien\n"), de.stderr)
        let en = try check(f, ["--sprache", "en"])
        XCTAssertTrue(en.stderr.contains("teilhabe check: 2 errors, 2 warnings in 3 files\n"), en.stderr)
    }

    func testPluralFormsInTheCatalogue() {
        XCTAssertEqual(Message.findingsSummary(errors: 1, warnings: 1, files: 1),
                       Message(de: "1 Fehler, 1 Warnung in 1 Datei", en: "1 error, 1 warning in 1 file"))
        XCTAssertEqual(Message.findingsSummary(errors: 2, warnings: 2, files: 2),
                       Message(de: "2 Fehler, 2 Warnungen in 2 Dateien", en: "2 errors, 2 warnings in 2 files"))
        XCTAssertEqual(Message.findingsSummary(errors: 0, warnings: 0, files: 0),
                       Message(de: "0 Fehler, 0 Warnungen", en: "0 errors, 0 warnings"))
    }

    func testUnknownLanguageIsAnErrorNamingTheChoices() throws {
        let f = try project()
        let r = try check(f, ["--sprache", "fr"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("--sprache 'fr' ist nicht bekannt (erlaubt: de, en)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("unbekannter Schlüssel"), "nothing is checked with an unknown language: \(r.stderr)")
        let en = try check(f, ["--sprache", "fr"], ["LANG": "en_US.UTF-8"])
        XCTAssertTrue(en.stderr.contains("--sprache 'fr' is not known (allowed: de, en)"), en.stderr)
    }

    func testEverySubcommandTakesTheOption() throws {
        for command in [["build"], ["check"], ["serve"], ["audit"], ["plan", "vorlage"]] {
            let r = try Fixture.teilhabe(command + ["--help"], environment: environment())
            XCTAssertTrue(r.stdout.contains("--sprache"), "\(command): \(r.stdout)")
        }
    }

    func testTheHTMLReportIsWhollyInOneLanguage() throws {
        let f = try project()
        let pathDe = f.root.appendingPathComponent("bericht-de.html").path
        let pathEn = f.root.appendingPathComponent("bericht-en.html").path
        let de = try check(f, ["--format", "html", "--output", pathDe])
        let en = try check(f, ["--format", "html", "--output", pathEn, "--sprache", "en"])
        XCTAssertTrue(de.stdout.contains("teilhabe check: 1 Fehler, 1 Warnung in 2 Dateien; Bericht in"), de.stdout)
        XCTAssertTrue(en.stdout.contains("teilhabe check: 1 error, 1 warning in 2 files; report in"), en.stdout)
        let htmlDe = try String(contentsOfFile: pathDe, encoding: .utf8)
        let htmlEn = try String(contentsOfFile: pathEn, encoding: .utf8)
        for text in ["<html lang=\"de\">", "<h1>Prüfbericht Leichte Sprache</h1>", "2 Befunde – 1 Fehler, 1 Warnung in 2 Dateien.",
                     "<caption>Befunde nach Regel</caption>", ">Regel</th>", ">Anzahl</th>", "Zeile 3:3", ">Fehler</span>",
                     ">Warnung</span>", "unbekannter Schlüssel &apos;kurznam&apos;", "die öffentliche Seite hat keine Fassung", " Vorschlag: <strong>kurzname</strong>"] {
            XCTAssertTrue(htmlDe.contains(text), "\(text)\n---\n\(htmlDe)")
        }
        for text in ["<html lang=\"en\">", "<h1>Easy Language check report</h1>", "2 findings – 1 error, 1 warning in 2 files.",
                     "<caption>Findings by rule</caption>", ">Rule</th>", ">Count</th>", "Line 3:3", ">Error</span>",
                     ">Warning</span>", "unknown key &apos;kurznam&apos;", "public page has no Leichte-Sprache version", " suggestion: <strong>kurzname</strong>"] {
            XCTAssertTrue(htmlEn.contains(text), "\(text)\n---\n\(htmlEn)")
        }
        // Neither report carries a word of the other language (the "Befunde … error(s)").
        for word in ["error(s)", "warning(s)", "file(s)", "Findings", "finding", "Line ", "Rule", "Count", "unknown key", "suggestion"] {
            XCTAssertFalse(htmlDe.contains(word), "\(word) in the German report")
        }
        for word in ["Befund", "Zeile", "Regel", "Anzahl", "Fehler", "Warnung", "Datei", "Vorschlag", "Prüfbericht", "unbekannt"] {
            XCTAssertFalse(htmlEn.contains(word), "\(word) in the English report")
        }
    }

    func testJSONKeepsItsKeysAndSeverityAndTranslatesTheMessage() throws {
        let f = try project()
        let de = try check(f, ["--format", "json"])
        let en = try check(f, ["--format", "json"], ["LANG": "en_US.UTF-8"])
        for (r, text) in [(de, "unbekannter Schlüssel 'kurznam' in Gremium"), (en, "unknown key 'kurznam' in Gremium")] {
            let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
            let finding = try XCTUnwrap(list.first { $0["rule"] as? String == "SCHEMA-KEY" }, r.stdout)
            XCTAssertEqual(finding["severity"] as? String, "error")
            XCTAssertTrue((finding["message"] as? String)?.hasPrefix(text) == true, r.stdout)
            XCTAssertEqual(finding["suggestion"] as? String, "kurzname")
        }
    }

    func testBuildSummariesInBothLanguages() throws {
        let broken = try project()
        let arguments = ["build", "--content", "content", "--output", "site", "--ohne-pdf"]
        let de = try Fixture.teilhabe(arguments, in: broken.root, environment: environment())
        XCTAssertTrue(de.stderr.contains("teilhabe: Build fehlgeschlagen mit 1 Fehler; site/ ist unverändert"), de.stderr)
        let en = try Fixture.teilhabe(arguments + ["--sprache", "en"], in: broken.root, environment: environment())
        XCTAssertTrue(en.stderr.contains("teilhabe: build failed with 1 error; site/ is unchanged"), en.stderr)
        XCTAssertTrue(en.stderr.contains("error: unknown key 'kurznam'"), en.stderr)

        let good = try Fixture()
        let goodDe = try Fixture.teilhabe(arguments, in: good.root, environment: environment())
        XCTAssertEqual(goodDe.status, 0, goodDe.stderr)
        XCTAssertTrue(goodDe.stdout.contains(" geschrieben, "), goodDe.stdout)
        XCTAssertTrue(goodDe.stdout.contains("Suchindex"), goodDe.stdout)
        XCTAssertTrue(goodDe.stdout.contains("\nLeichte Sprache: "), goodDe.stdout)
        let goodEn = try Fixture.teilhabe(arguments + ["--ohne-cache"], in: good.root, environment: environment(["LANG": "en_US.UTF-8"]))
        XCTAssertTrue(goodEn.stdout.contains(" written, "), goodEn.stdout)
        XCTAssertTrue(goodEn.stdout.contains("search index"), goodEn.stdout)
        XCTAssertTrue(goodEn.stdout.contains("\nEasy Language: "), goodEn.stdout)
    }

    func testTheServeErrorPageFollowsTheLanguage() {
        let de = Request.errorPage("x: error: y")
        let en = Request.errorPage("x: error: y", language: .en)
        XCTAssertTrue(de.contains("<html lang=\"de\">") && de.contains("<h1>Der Build ist fehlgeschlagen</h1>"), de)
        XCTAssertTrue(en.contains("<html lang=\"en\">") && en.contains("<h1>The build failed</h1>"), en)
        XCTAssertFalse(en.contains("fehlgeschlagen") || en.contains("Fehler"), en)
    }

    /// Findings come back from the cache and from JSON with both languages, so a later run may print either.
    func testStoredFindingsKeepBothLanguages() throws {
        var d = Diagnostic(.warning, "LS01", LSRule.ls01.message, at: SourceLocation(file: "a.leicht.md", line: 2, column: 3),
                           match: "x", suggestion: "y")
        d.sourceLine = "Ein Satz."
        d.length = 3
        XCTAssertEqual(d.formatted(.de), "a.leicht.md:2:3: warning: Satz mit mehr als 12 Wörtern: teilen Sie ihn")
        XCTAssertEqual(d.formatted(.en), "a.leicht.md:2:3: warning: sentence longer than 12 words: split it")
        let binary = try BinaryCodec.encodeValue([d])
        XCTAssertEqual(try BinaryCodec.decodeValue([Diagnostic].self, from: binary[...]), [d])
        let json = try JSONEncoder().encode(d)
        XCTAssertEqual(try JSONDecoder().decode(Diagnostic.self, from: json), d)
    }
}
