import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeServe

/// The preview's fast path: the open page made from the saved file alone, before the full build.
final class PreviewTests: XCTestCase {
    private let paper = "vorlagen/2024-0001-test.md"
    private let webPage = "vorlagen/2024-0001-test/index.html"

    private func preview(_ f: Fixture) -> Preview {
        var settings = Build.Options(content: f.content, theme: Fixture.builtInOnly, output: f.output)
        settings.pdf = false
        settings.leichteSprache = false
        return Preview(settings)
    }

    private func changed(_ f: Fixture, _ from: String, _ replacement: String) throws {
        let old = try XCTUnwrap(Fixture.minimal[paper])
        XCTAssertTrue(old.contains(from))
        try f.write(paper, old.replacingOccurrences(of: from, with: replacement))
    }

    private func cleanOutput(_ f: Fixture) throws -> [String: Data] {
        let folderPath = f.root.appendingPathComponent("sauber").path
        XCTAssertNotNil(f.build(output: folderPath, cache: false).0)
        return Fixture.tree(folderPath)
    }

    func testTheOpenPageIsMadeFromTheSavedFileAndTheFullBuildAgrees() throws {
        let f = try Fixture()
        let v = preview(f)
        XCTAssertNotNil(v.buildSite(log: DiagnosticLog()))
        try changed(f, "Keine Besonderheiten.", "Eine neue Regel gilt ab Mai.")
        let upfront = v.prefer([Paths.join(f.content, paper)], isOpen: [webPage, "index.html", "gremien/sozialausschuss/index.html"])
        XCTAssertEqual(upfront, [webPage], "only the page made from the file changed; lists wait for the full build")
        XCTAssertTrue(try f.page(webPage).contains("Eine neue Regel gilt ab Mai."))
        let full = try XCTUnwrap(v.buildSite(log: DiagnosticLog()))
        XCTAssertFalse(full.changed.contains(webPage), "the full build makes the same page: no second reload")
        XCTAssertTrue(full.changed.contains("suche/index.json"))
        XCTAssertEqual(Fixture.tree(f.output), try cleanOutput(f))
    }

    func testErrorsNewFilesAndYAMLGoToTheFullBuild() throws {
        let f = try Fixture()
        let v = preview(f)
        XCTAssertNotNil(v.buildSite(log: DiagnosticLog()))
        let before = try f.page(webPage)
        try changed(f, "betreff: Bericht", "betref: Bericht")
        XCTAssertNil(v.prefer([Paths.join(f.content, paper)], isOpen: [webPage]), "a file with errors")
        XCTAssertEqual(try f.page(webPage), before)
        try f.write("seiten/neu.md", "---\ntitel: Neu\n---\nText\n")
        XCTAssertNil(v.prefer([Paths.join(f.content, "seiten/neu.md")], isOpen: [webPage]), "a new page")
        XCTAssertNil(v.prefer([Paths.join(f.content, "gremien.yaml")], isOpen: [webPage]), "YAML data")
        XCTAssertNil(v.buildSite(log: DiagnosticLog()))
        try changed(f, "Keine Besonderheiten.", "Anders.")
        XCTAssertNil(v.prefer([Paths.join(f.content, paper)], isOpen: [webPage]), "after a failed build only a full build")
    }

    /// A page written ahead from an edit the full build refuses, then the edit undone: the plan must
    /// not vouch for the page as the last good build made it.
    func testAPageWrittenAheadIsMadeAgainWhenItsEditIsUndone() throws {
        try aheadAndBack(webPage, "Keine Besonderheiten.", "Siehe [den Plan](../berichte/gibt-es-nicht.md).", fails: true)
    }

    /// The same for a meeting page, which the full build keeps as a whole while no front matter changed.
    func testAMeetingPageWrittenAheadIsMadeAgainWhenTheEditIsUndone() throws {
        try aheadAndBack("sitzungen/2024-03-05-sozialausschuss/index.html", "betreff: Bericht über", "betreff: Neuer Bericht über",
                            fails: false)
    }

    /// Writes the open page ahead from an edit of the paper (that the full build may refuse), undoes
    /// the edit and builds: the page and the whole site must be as a clean build makes them.
    private func aheadAndBack(_ isOpen: String, _ from: String, _ replacement: String, fails: Bool) throws {
        let f = try Fixture()
        let v = preview(f)
        XCTAssertNotNil(v.buildSite(log: DiagnosticLog()))
        let before = try f.page(isOpen)
        try changed(f, from, replacement)
        XCTAssertEqual(v.prefer([Paths.join(f.content, paper)], isOpen: [isOpen]), [isOpen])
        XCTAssertNotEqual(try f.page(isOpen), before)
        if fails {
            let log = DiagnosticLog()
            XCTAssertNil(v.buildSite(log: log), "the full build refuses the edit")
            XCTAssertTrue(log.all.contains { $0.severity == .error && $0.location.file.hasSuffix(paper) })
        }
        try f.write(paper, try XCTUnwrap(Fixture.minimal[paper]))
        XCTAssertNotNil(v.buildSite(log: DiagnosticLog()))
        XCTAssertEqual(try f.page(isOpen), before)
        XCTAssertEqual(Fixture.tree(f.output), try cleanOutput(f))
    }

    func testWatcherNamesTheSavedFilesAndIgnoresEditorFiles() throws {
        let f = try Fixture()
        let watcher = Watcher(folderPath: [f.content])
        XCTAssertNil(watcher.awaitEvent(seconds: 0.05))
        try f.write("seiten/kontakt.md", "---\ntitel: Kontakt\n---\nNeu\n")
        XCTAssertEqual(watcher.awaitEvent(seconds: 2), [Paths.join(f.content, "seiten/kontakt.md")])
        try f.write("seiten/.kontakt.md.swp", "x")
        XCTAssertNil(watcher.awaitEvent(seconds: 0.1))
        try f.write("neu/ordner/a.md", "x")   // a new folder: watched from now on
        XCTAssertNotNil(watcher.awaitEvent(seconds: 2))
        _ = watcher.awaitEvent(seconds: 0.1)
        try f.write("neu/ordner/b.md", "y")
        XCTAssertEqual(watcher.awaitEvent(seconds: 2), [Paths.join(f.content, "neu/ordner/b.md")])
    }

    func testOnlyPagesWhoseFileChangedAreToldToReload() throws {
        let f = try Fixture()
        XCTAssertNotNil(f.build().0)
        let server = Server(rootPath: f.output, port: 0)
        try server.launch()
        defer { server.shutDown() }
        func listenFor(_ webPage: String) throws -> Int32 {
            let fd = try XCTUnwrap(Loopback.openConnection(port: server.port, timeout: 1))
            let anfrage = "GET /__teilhabe/ereignisse?seite=\(webPage) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            _ = anfrage.withCString { send(fd, $0, strlen($0), 0) }
            return fd
        }
        func alreadyRead(_ fd: Int32) -> String {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &chunk, chunk.count)
            return n > 0 ? String(decoding: chunk[..<n], as: UTF8.self) : ""
        }
        let a = try listenFor("%2Fvorlagen%2F2024-0001-test%2F"), b = try listenFor("/")
        defer { close(a); close(b) }
        XCTAssertTrue(alreadyRead(a).contains("200 OK"))
        XCTAssertTrue(alreadyRead(b).contains("200 OK"))
        let deadline = Date().addingTimeInterval(2)
        while server.openPageCount.count < 2, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(server.openPageCount, [webPage, "index.html"])
        server.rebuilt(errors: nil, changed: [webPage])
        XCTAssertTrue(alreadyRead(a).contains("event: neu"))
        XCTAssertEqual(alreadyRead(b), "", "the start page did not change")
        server.rebuilt(errors: "x.yaml:1:1: error: kaputt", changed: [])
        XCTAssertTrue(alreadyRead(b).contains("event: neu"), "a failed build reloads every page")
    }
}
