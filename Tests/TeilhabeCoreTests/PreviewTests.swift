import Foundation
import XCTest
@testable import TeilhabeCore
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeMarkdown
@testable import TeilhabeLoad
@testable import TeilhabeCheck
@testable import TeilhabeRender
@testable import TeilhabeBuild
@testable import TeilhabeServe
@testable import TeilhabeAudit

/// The preview's fast path: the open page made from the saved file alone, before the full build.
final class PreviewTests: XCTestCase {
    private let papier = "vorlagen/2024-0001-test.md"
    private let seite = "vorlagen/2024-0001-test/index.html"

    private func vorschau(_ f: Fixture) -> Preview {
        var optionen = Build.Options(content: f.content, theme: Fixture.builtInOnly, output: f.output)
        optionen.pdf = false
        optionen.leichteSprache = false
        return Preview(optionen)
    }

    private func geaendert(_ f: Fixture, _ von: String, _ zu: String) throws {
        let alt = try XCTUnwrap(Fixture.minimal[papier])
        XCTAssertTrue(alt.contains(von))
        try f.write(papier, alt.replacingOccurrences(of: von, with: zu))
    }

    private func sauber(_ f: Fixture) throws -> [String: Data] {
        let ordner = f.root.appendingPathComponent("sauber").path
        XCTAssertNotNil(f.build(output: ordner, cache: false).0)
        return Fixture.tree(ordner)
    }

    func testTheOpenPageIsMadeFromTheSavedFileAndTheFullBuildAgrees() throws {
        let f = try Fixture()
        let v = vorschau(f)
        XCTAssertNotNil(v.bauen(log: DiagnosticLog()))
        try geaendert(f, "Keine Besonderheiten.", "Eine neue Regel gilt ab Mai.")
        let vorab = v.vorziehen([Paths.join(f.content, papier)], offen: [seite, "index.html", "gremien/sozialausschuss/index.html"])
        XCTAssertEqual(vorab, [seite], "only the page made from the file changed; lists wait for the full build")
        XCTAssertTrue(try f.page(seite).contains("Eine neue Regel gilt ab Mai."))
        let voll = try XCTUnwrap(v.bauen(log: DiagnosticLog()))
        XCTAssertFalse(voll.geaendert.contains(seite), "the full build makes the same page: no second reload")
        XCTAssertTrue(voll.geaendert.contains("suche/index.json"))
        XCTAssertEqual(Fixture.tree(f.output), try sauber(f))
    }

    func testErrorsNewFilesAndYAMLGoToTheFullBuild() throws {
        let f = try Fixture()
        let v = vorschau(f)
        XCTAssertNotNil(v.bauen(log: DiagnosticLog()))
        let vorher = try f.page(seite)
        try geaendert(f, "betreff: Bericht", "betref: Bericht")
        XCTAssertNil(v.vorziehen([Paths.join(f.content, papier)], offen: [seite]), "a file with errors")
        XCTAssertEqual(try f.page(seite), vorher)
        try f.write("seiten/neu.md", "---\ntitel: Neu\n---\nText\n")
        XCTAssertNil(v.vorziehen([Paths.join(f.content, "seiten/neu.md")], offen: [seite]), "a new page")
        XCTAssertNil(v.vorziehen([Paths.join(f.content, "gremien.yaml")], offen: [seite]), "YAML data")
        XCTAssertNil(v.bauen(log: DiagnosticLog()))
        try geaendert(f, "Keine Besonderheiten.", "Anders.")
        XCTAssertNil(v.vorziehen([Paths.join(f.content, papier)], offen: [seite]), "after a failed build only a full build")
    }

    /// A page written ahead from an edit the full build refuses, then the edit undone: the plan must
    /// not vouch for the page as the last good build made it.
    func testAPageWrittenAheadIsMadeAgainWhenItsEditIsUndone() throws {
        try vorabUndZurueck(seite, "Keine Besonderheiten.", "Siehe [den Plan](../berichte/gibt-es-nicht.md).", scheitert: true)
    }

    /// The same for a meeting page, which the full build keeps as a whole while no front matter changed.
    func testAMeetingPageWrittenAheadIsMadeAgainWhenTheEditIsUndone() throws {
        try vorabUndZurueck("sitzungen/2024-03-05-sozialausschuss/index.html", "betreff: Bericht über", "betreff: Neuer Bericht über",
                            scheitert: false)
    }

    /// Writes the open page ahead from an edit of the paper (that the full build may refuse), undoes
    /// the edit and builds: the page and the whole site must be as a clean build makes them.
    private func vorabUndZurueck(_ offen: String, _ von: String, _ zu: String, scheitert: Bool) throws {
        let f = try Fixture()
        let v = vorschau(f)
        XCTAssertNotNil(v.bauen(log: DiagnosticLog()))
        let vorher = try f.page(offen)
        try geaendert(f, von, zu)
        XCTAssertEqual(v.vorziehen([Paths.join(f.content, papier)], offen: [offen]), [offen])
        XCTAssertNotEqual(try f.page(offen), vorher)
        if scheitert {
            let log = DiagnosticLog()
            XCTAssertNil(v.bauen(log: log), "the full build refuses the edit")
            XCTAssertTrue(log.all.contains { $0.severity == .error && $0.location.file.hasSuffix(papier) })
        }
        try f.write(papier, try XCTUnwrap(Fixture.minimal[papier]))
        XCTAssertNotNil(v.bauen(log: DiagnosticLog()))
        XCTAssertEqual(try f.page(offen), vorher)
        XCTAssertEqual(Fixture.tree(f.output), try sauber(f))
    }

    func testWatcherNamesTheSavedFilesAndIgnoresEditorFiles() throws {
        let f = try Fixture()
        let beobachter = Watcher(ordner: [f.content])
        XCTAssertNil(beobachter.warten(sekunden: 0.05))
        try f.write("seiten/kontakt.md", "---\ntitel: Kontakt\n---\nNeu\n")
        XCTAssertEqual(beobachter.warten(sekunden: 2), [Paths.join(f.content, "seiten/kontakt.md")])
        try f.write("seiten/.kontakt.md.swp", "x")
        XCTAssertNil(beobachter.warten(sekunden: 0.1))
        try f.write("neu/ordner/a.md", "x")   // a new folder: watched from now on
        XCTAssertNotNil(beobachter.warten(sekunden: 2))
        _ = beobachter.warten(sekunden: 0.1)
        try f.write("neu/ordner/b.md", "y")
        XCTAssertEqual(beobachter.warten(sekunden: 2), [Paths.join(f.content, "neu/ordner/b.md")])
    }

    func testOnlyPagesWhoseFileChangedAreToldToReload() throws {
        let f = try Fixture()
        XCTAssertNotNil(f.build().0)
        let server = Server(wurzel: f.output, port: 0)
        try server.starten()
        defer { server.beenden() }
        func zuhoeren(_ seite: String) throws -> Int32 {
            let fd = try XCTUnwrap(Loopback.verbinden(port: server.port, zeitlimit: 1))
            let anfrage = "GET /__teilhabe/ereignisse?seite=\(seite) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            _ = anfrage.withCString { send(fd, $0, strlen($0), 0) }
            return fd
        }
        func gelesen(_ fd: Int32) -> String {
            var puffer = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &puffer, puffer.count)
            return n > 0 ? String(decoding: puffer[..<n], as: UTF8.self) : ""
        }
        let a = try zuhoeren("%2Fvorlagen%2F2024-0001-test%2F"), b = try zuhoeren("/")
        defer { close(a); close(b) }
        XCTAssertTrue(gelesen(a).contains("200 OK"))
        XCTAssertTrue(gelesen(b).contains("200 OK"))
        let deadline = Date().addingTimeInterval(2)
        while server.offeneSeiten.count < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(server.offeneSeiten, [seite, "index.html"])
        server.neugebaut(fehler: nil, geaendert: [seite])
        XCTAssertTrue(gelesen(a).contains("event: neu"))
        XCTAssertEqual(gelesen(b), "", "the start page did not change")
        server.neugebaut(fehler: "x.yaml:1:1: error: kaputt", geaendert: [])
        XCTAssertTrue(gelesen(b).contains("event: neu"), "a failed build reloads every page")
    }
}
