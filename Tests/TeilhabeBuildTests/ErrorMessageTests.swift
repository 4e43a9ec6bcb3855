import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild

/// Each mistake a person can make in the content gives exactly one error, at the file, line and column
/// where it stands, with the `path:line:column: error:` prefix once; and nothing fails open.
final class ErrorMessageTests: XCTestCase {
    /// Loads and checks the minimal project with `changes` as a build does before it renders, and returns
    /// its only error; fails the test when it passes or reports more or fewer errors than one.
    @discardableResult
    private func onlyError(_ files: [String: String] = Fixture.minimal, _ changes: (Fixture) throws -> Void,
                           file: StaticString = #filePath, line: UInt = #line) throws -> (Fixture, Diagnostic) {
        let f = try Fixture(files)
        try changes(f)
        let log = DiagnosticLog()
        XCTAssertNil(Build.check(content: f.content, log: log), "the build must fail", file: file, line: line)
        let errors = log.all.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 1, errors.map(\.formatted).joined(separator: "\n"), file: file, line: line)
        let error = try XCTUnwrap(errors.first, file: file, line: line)
        XCTAssertEqual(error.formatted.components(separatedBy: "error:").count, 2, "one prefix: \(error.formatted)",
                       file: file, line: line)
        return (f, error)
    }

    /// `path:line:column: error: ` of a content file.
    private func prefix(_ f: Fixture, _ path: String, _ line: Int? = nil, _ column: Int? = nil) -> String {
        let place = line.map { ":\($0):\(column ?? 1)" } ?? ""
        return "\(Paths.join(f.content, path))\(place): error: "
    }

    private func assertAt(_ f: Fixture, _ e: Diagnostic, _ path: String, _ line: Int?, _ column: Int? = nil,
                          file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertTrue(e.formatted.hasPrefix(prefix(f, path, line, column)), e.formatted, file: file, line: lineNumber)
    }

    private let vorlage = Fixture.minimal["vorlagen/2024-0001-test.md"]!

    // MARK: A. status fails closed

    func testEmptyOrNullStatusOfAVorlageIsAnErrorAtTheKey() throws {
        for value in ["~", "\"\"", "", "null", "''"] {
            let (f, e) = try onlyError { f in
                try f.write("vorlagen/2024-0001-test.md",
                            self.vorlage.replacingOccurrences(of: "status: oeffentlich", with: "status: \(value)"))
            }
            assertAt(f, e, "vorlagen/2024-0001-test.md", 6, 1)
            XCTAssertEqual(e.rule, "SCHEMA-VALUE")
            XCTAssertEqual(e.suggestion, "nichtoeffentlich", "status: \(value)")
            XCTAssertTrue(e.message.contains("ist leer"), e.message)
        }
    }

    func testUnknownStatusSuggestsTheClosestValue() throws {
        for (value, suggested) in [("öffentlich", "oeffentlich"), ("Nichtoeffentlich", "nichtoeffentlich"),
                                  ("geheim", "nichtoeffentlich")] {
            let (f, e) = try onlyError { f in
                try f.write("vorlagen/2024-0001-test.md",
                            self.vorlage.replacingOccurrences(of: "status: oeffentlich", with: "status: \(value)"))
            }
            assertAt(f, e, "vorlagen/2024-0001-test.md", 6, 1)
            XCTAssertEqual(e.suggestion, suggested)
            XCTAssertTrue(e.message.contains("'\(value)'"), e.message)
        }
    }

    func testEmptyStatusOfABerichtASeiteAndAnAgendaItem() throws {
        var (f, e) = try onlyError { f in
            try f.write("berichte/lage.md", "---\ntitel: Lagebericht\nstatus: ~\n---\n## Zahlen\n")
        }
        assertAt(f, e, "berichte/lage.md", 3, 1)
        (f, e) = try onlyError { f in try f.write("seiten/kontakt.md", "---\ntitel: Kontakt\nstatus: \"\"\n---\nText\n") }
        assertAt(f, e, "seiten/kontakt.md", 3, 1)
        (f, e) = try onlyError { f in
            try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]!
                .replacingOccurrences(of: "{top: \"1\", titel: Eröffnung}", with: "{top: \"1\", titel: Eröffnung, status: ~}"))
        }
        assertAt(f, e, "sitzungen.yaml", 7, 36)
    }

    /// A status in error never publishes: the item is loaded as non-public.
    func testAStatusInErrorLoadsAsNonPublic() throws {
        let f = try Fixture()
        try f.write("seiten/kontakt.md", "---\ntitel: Kontakt\nstatus:\n---\nText\n")
        try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]!
            .replacingOccurrences(of: "{top: \"1\", titel: Eröffnung}", with: "{top: \"1\", titel: Eröffnung, status: ''}"))
        let log = DiagnosticLog()
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: f.content, log: log))
        XCTAssertEqual(project.texts.first { $0.slug == "kontakt" }?.status, .nichtoeffentlich)
        XCTAssertEqual(project.sitzungen.first?.tagesordnung.first?.status, .nichtoeffentlich)
        XCTAssertEqual(log.errorCount, 2)
    }

    func testAbsentStatusStaysPublic() throws {
        let f = try Fixture()
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: f.content, log: DiagnosticLog()))
        XCTAssertEqual(project.texts.first { $0.slug == "kontakt" }?.status, .oeffentlich)
    }

    // MARK: B. body links

    private var geheim: [String: String] {
        var files = Fixture.minimal
        files["vorlagen/2024-0009-geheim.md"] = """
        ---
        art: Mitteilungsvorlage
        nummer: "2024/0009"
        betreff: Grundstücksgeschäft
        datum: 2024-02-25
        status: nichtoeffentlich
        federfuehrend: A 1 – Testamt
        anlagen:
          - {titel: Kaufvertrag, datei: anlagen/kaufvertrag-geheimweg.pdf}
        ---
        ## Sachlage
        Siehe [Vertrag](../anlagen/kaufvertrag-geheimweg.pdf) und [Spielplätze](/anlagen/spielplaetze.pdf).
        ## Rechtslage
        Vertraulich.
        """
        files["anlagen/kaufvertrag-geheimweg.pdf"] = "%PDF-1.4 GEHEIM"
        return files
    }

    private func kontakt(_ body: String) -> String { "---\ntitel: Kontakt\n---\n\(body)\n" }

    func testAPublicPageMustNotLinkToANonPublicAttachment() throws {
        for target in ["../anlagen/kaufvertrag-geheimweg.pdf", "/anlagen/kaufvertrag-geheimweg.pdf",
                     "anlagen/kaufvertrag-geheimweg.pdf", "%2E%2E/anlagen/kaufvertrag%2Dgeheimweg.pdf",
                     "../seiten/../anlagen/./kaufvertrag-geheimweg.pdf"] {
            let (f, e) = try onlyError(geheim) { f in try f.write("seiten/kontakt.md", self.kontakt("Der [Vertrag](\(target)).")) }
            assertAt(f, e, "seiten/kontakt.md", 4, 5)
            XCTAssertTrue(e.message.contains("anlagen/kaufvertrag-geheimweg.pdf"), e.message)
        }
    }

    func testAPublicPageMustNotShowANonPublicAttachmentAsImage() throws {
        let (f, e) = try onlyError(geheim) { f in
            try f.write("seiten/kontakt.md", self.kontakt("Text\nmit ![Bild](/anlagen/kaufvertrag-geheimweg.pdf)."))
        }
        assertAt(f, e, "seiten/kontakt.md", 5, 5)
        XCTAssertTrue(e.message.hasPrefix("Bildquelle"), e.message)
    }

    func testRootRelativeLinkToANonPublicPage() throws {
        let (f, e) = try onlyError(geheim) { f in
            try f.write("seiten/kontakt.md", self.kontakt("Siehe [dies](/vorlagen/2024-0009-geheim.md)."))
        }
        assertAt(f, e, "seiten/kontakt.md", 4, 7)
        XCTAssertTrue(e.message.contains("nichtöffentliche Seite vorlagen/2024-0009-geheim"), e.message)
    }

    func testMissingClimbingAndForbiddenTargetsAreErrorsInCharacterColumns() throws {
        for (target, text) in [("/anlagen/fehlt.pdf", "gibt es im Inhaltsordner nicht"),
                             ("../../geheim.md", "führt aus dem Inhaltsordner hinaus"),
                             ("/../anlagen/spielplaetze.pdf", "führt aus dem Inhaltsordner hinaus"),
                             ("javascript:alert(1)", "'javascript:'")] {
            let (f, e) = try onlyError { f in try f.write("seiten/kontakt.md", self.kontakt("Grüße [x](\(target)).")) }
            assertAt(f, e, "seiten/kontakt.md", 4, 7)
            XCTAssertTrue(e.message.contains(text), e.message)
        }
    }

    /// A non-public page may link to its own attachment and to public files; a root-relative link to a
    /// public file is written relative to the page, as every link of the site is.
    func testAllowedLinksBuildAndRootRelativeLinksBecomeRelative() throws {
        let f = try Fixture(geheim)
        try f.write("seiten/kontakt.md", kontakt("Die [Liste](/anlagen/spielplaetze.pdf), [Mail](mailto:a@b.de), "
                                                 + "[Netz](https://example.org/), [Telefon](tel:+4912345)."))
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        let webPage = try f.page("seiten/kontakt/index.html")
        XCTAssertTrue(webPage.contains("href=\"../../anlagen/spielplaetze.pdf\""), webPage)
        XCTAssertNotNil(f.build(publikum: .gremium, output: f.root.appendingPathComponent("intern").path).0)
    }

    // MARK: C. loading errors

    func testEmptySiteYAML() throws {
        let (f, e) = try onlyError { f in try f.write("site.yaml", "") }
        XCTAssertTrue(e.formatted.hasPrefix(prefix(f, "site.yaml") + "Die Datei ist leer"), e.formatted)
        let (g, comment) = try onlyError { f in try f.write("site.yaml", "# nur ein Kommentar\n") }
        assertAt(g, comment, "site.yaml", nil)
    }

    func testEmptyFrontMatterIsOneError() throws {
        let (f, e) = try onlyError { f in try f.write("seiten/leer.md", "---\n---\nText\n") }
        assertAt(f, e, "seiten/leer.md", 1, 1)
        XCTAssertEqual(e.rule, "FRONTMATTER")
    }

    func testLatin1MarkdownNamesTheFirstBadByte() throws {
        let (f, e) = try onlyError { f in
            try f.write("seiten/kontakt.md", Data("---\ntitel: Kontakt\n---\nViele Gr".utf8) + Data([0xFC, 0xDF, 0x65]))
        }
        assertAt(f, e, "seiten/kontakt.md", 4, 9)
        XCTAssertTrue(e.message.contains("0xFC") && e.message.contains("UTF-8"), e.message)
    }

    /// A broken file that others refer to gives its own error only, not one at every reference.
    func testLatin1YAMLNamesTheFirstBadByteWithoutFollowOnErrors() throws {
        let (f, e) = try onlyError { f in
            try f.write("gremien.yaml", Data("- id: sozialausschuss\n  name: Ausschuss f".utf8) + Data([0xFC, 0x72])
                        + Data("\n  art: Ausschuss\n".utf8))
        }
        assertAt(f, e, "gremien.yaml", 2, 20)
    }

    func testUTF16FilesAreNamed() throws {
        let text = "---\ntitel: Grüße\n---\nText\n"
        var (f, e) = try onlyError { f in
            try f.write("seiten/kontakt.md", try XCTUnwrap(text.data(using: .utf16)))   // with a byte order mark
        }
        assertAt(f, e, "seiten/kontakt.md", nil)
        XCTAssertTrue(e.message.contains("UTF-16"), e.message)
        (f, e) = try onlyError { f in
            try f.write("site.yaml", try XCTUnwrap(Fixture.minimal["site.yaml"]!.data(using: .utf16LittleEndian)))
        }
        assertAt(f, e, "site.yaml", 1, 2)
        XCTAssertTrue(e.message.contains("UTF-16"), e.message)
    }

    func testBadFileNamesAreErrorsWithASuggestion() throws {
        for (name, suggested) in [("Foo Bar", "foo-bar"), ("a..b", "a-b"), ("-", "abschnitt"), ("x/-y", "x/y"),
                                  ("Ärger", "aerger"), ("a_", "a")] {
            let (f, e) = try onlyError { f in try f.write("seiten/\(name).md", self.kontakt("Text")) }
            assertAt(f, e, "seiten/\(name).md", 1, 1)
            XCTAssertEqual(e.rule, "SLUG")
            XCTAssertEqual(e.suggestion, suggested)
        }
        let f = try Fixture()
        for name in ["a.b", "a_b", "2024-0001", "a--b"] { try f.write("seiten/\(name).md", kontakt("Text")) }
        XCTAssertNotNil(f.build().0)
    }

    func testYAMLControlCharacterInFrontMatterAtTheFilesLine() throws {
        let (f, e) = try onlyError { f in
            try f.write("berichte/lage.md", "---\ntitel: Lagebericht – Zahlen\ndatum: 2024-01-10\nbeschreibung: Zu\u{1}sammen\n---\nText\n")
        }
        assertAt(f, e, "berichte/lage.md", 4, 17)
        XCTAssertTrue(e.message.contains("U+0001"), e.message)
    }

    func testDuplicateKeyPointsAtTheSecondOccurrence() throws {
        var (f, e) = try onlyError { f in
            try f.write("vorlagen/2024-0001-test.md",
                        self.vorlage.replacingOccurrences(of: "unterzeichnet:", with: "betreff: Noch einmal\nunterzeichnet:"))
        }
        assertAt(f, e, "vorlagen/2024-0001-test.md", 14, 1)
        XCTAssertTrue(e.message.contains("'betreff'") && e.message.contains("Zeile 4"), e.message)
        (f, e) = try onlyError { f in
            try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]!
                .replacingOccurrences(of: "{top: \"1\", titel: Eröffnung}", with: "{top: \"1\", titel: Eröffnung, top: \"3\"}"))
        }
        assertAt(f, e, "sitzungen.yaml", 7, 36)
    }

    func testAgendaItemsWhoseOParlIdsCoincide() throws {
        for (a, b) in [("6a", "6A"), ("7ä", "7ae"), ("1.1", "1-1")] {
            let (f, e) = try onlyError { f in
                try f.write("sitzungen.yaml", Fixture.minimal["sitzungen.yaml"]!
                    + "\n    - {top: \"\(a)\", titel: Eins}\n    - {top: \"\(b)\", titel: Zwei}\n")
            }
            assertAt(f, e, "sitzungen.yaml", 10, 13)
            XCTAssertEqual(e.rule, "OPARL-ID")
            XCTAssertTrue(e.message.contains("'\(b)'") && e.message.contains("'\(a)'"), e.message)
        }
    }

    func testAttachmentsWhoseOParlIdsCoincide() throws {
        let (f, e) = try onlyError { f in
            try f.write("anlagen/a/b.pdf", "%PDF-1.4 a/b")
            try f.write("anlagen/a-b.pdf", "%PDF-1.4 a-b")
            try f.write("vorlagen/2024-0001-test.md", self.vorlage.replacingOccurrences(
                of: "anlagen:\n", with: "anlagen:\n  - {titel: Eins, datei: anlagen/a/b.pdf}\n  - {titel: Zwei, datei: anlagen/a-b.pdf}\n"))
        }
        assertAt(f, e, "vorlagen/2024-0001-test.md", 14, 26)
        XCTAssertTrue(e.message.contains("anlagen/a-b.pdf"), e.message)
    }

    /// One attachment named by two papers is one file, and offices written in two ways are one office.
    func testTheSameAttachmentTwiceIsNoCollisionAndOParlIdsAreUnique() throws {
        var files = geheim
        files["vorlagen/2024-0009-geheim.md"] = files["vorlagen/2024-0009-geheim.md"]!
            .replacingOccurrences(of: "status: nichtoeffentlich", with: "status: oeffentlich")
            .replacingOccurrences(of: "datei: anlagen/kaufvertrag-geheimweg.pdf", with: "datei: anlagen/spielplaetze.pdf")
            .replacingOccurrences(of: "A 1 – Testamt", with: "A 1 - Testamt")
            .replacingOccurrences(of: "Siehe [Vertrag](../anlagen/kaufvertrag-geheimweg.pdf) und ", with: "Siehe ")
        files["vorlagen/2024-0009-geheim.leicht.md"] = "---\ntitel: Ein Vertrag\n---\nEin Vertrag.\n"
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        // Every list holds each id once (two objects with one id share one file, so the files cannot tell).
        var ids: Set<String> = []
        for (pfad, payload) in Fixture.tree(f.output) where pfad.hasPrefix("oparl/") {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: payload) as? [String: Any])
            let list = (object["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            XCTAssertEqual(Set(list).count, list.count, "\(pfad): \(list)")
            ids.formUnion(list)
        }
        XCTAssertEqual(ids.filter { $0.contains("/organization/amt-") }.count, 1, "\(ids)")
        XCTAssertEqual(ids.filter { $0.contains("/file/anlagen-spielplaetze-pdf") }.count, 1, "\(ids)")
    }

    // MARK: the command line

    func testTheCommandLineShowsTheOnlyErrorOnce() throws {
        let f = try Fixture()
        try f.write("site.yaml", "")
        let result = try Fixture.teilhabe(["build", "--content", "content", "--output", "site", "--ohne-pdf"], in: f.root)
        XCTAssertEqual(result.status, 1)
        let lines = result.stderr.split(separator: "\n").filter { $0.contains("error") }
        XCTAssertEqual(lines.count, 1, result.stderr)
        XCTAssertTrue(lines.first?.hasPrefix("content/site.yaml: error: Die Datei ist leer") == true, result.stderr)
        XCTAssertTrue(result.stderr.contains("Build fehlgeschlagen mit 1 Fehler; site/ ist unverändert"), result.stderr)
    }
}
