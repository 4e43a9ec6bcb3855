import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild

/// No input is read through a symbolic link that leaves the content (or theme) folder, and nothing is
/// written through a link in the output folder.
final class ContainmentTests: XCTestCase {
    /// A file outside every project, with bytes that must never reach a site.
    private func secret() throws -> URL {
        let url = Fixture.temporary("teilhabe-secret", suffix: ".txt")
        try Data("GEHEIM-7f3a9c-nicht-veroeffentlichen".utf8).write(to: url)
        return url
    }

    private func link(_ fixture: Fixture, _ path: String, to target: String) throws {
        let url = fixture.root.appendingPathComponent("content").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    private func assertNoSecret(in folder: String, file: StaticString = #filePath, line: UInt = #line) {
        for (path, bytes) in Fixture.tree(folder) where String(decoding: bytes, as: UTF8.self).contains("GEHEIM-7f3a9c") {
            XCTFail("secret bytes in \(path)", file: file, line: line)
        }
    }

    func testAnAttachmentLinkedOutOfTheContentFolderIsAnErrorAndNeverCopied() throws {
        let f = try Fixture()
        XCTAssertNotNil(f.build().0)
        let before = Fixture.tree(f.output)
        try link(f, "anlagen/shadow.pdf", to: try secret().path)
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        XCTAssertEqual(log.all.filter { $0.severity == .error }.map(\.location.file), [Paths.join(f.content, "anlagen/shadow.pdf")])
        XCTAssertTrue(log.all[0].formatted.contains("führt aus dem Inhaltsordner hinaus"), log.all[0].formatted)
        XCTAssertEqual(Fixture.tree(f.output), before, "the old site stays as it was")
        assertNoSecret(in: f.output)
    }

    func testAPageOrFolderLinkedOutOfTheContentFolderIsAnError() throws {
        let f = try Fixture()
        let outside = Fixture.temporary("teilhabe-outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("---\ntitel: Fremd\n---\nGEHEIM-7f3a9c\n".utf8).write(to: outside.appendingPathComponent("x.md"))
        try link(f, "seiten/x.md", to: outside.appendingPathComponent("x.md").path)
        try link(f, "berichte/fremd", to: outside.path)
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        XCTAssertEqual(Set(log.all.map(\.location.file)),
                       [Paths.join(f.content, "seiten/x.md"), Paths.join(f.content, "berichte/fremd")])
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.output))
        // `check` refuses them too.
        XCTAssertNil(Build.check(content: f.content, log: DiagnosticLog()))
    }

    func testALinkThatStaysInsideTheContentFolderIsRead() throws {
        let f = try Fixture()
        try link(f, "anlagen/zweitname.pdf", to: "spielplaetze.pdf")
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
    }

    func testAThemeFileLinkedOutOfTheThemeFolderIsAnError() throws {
        let f = try Fixture()
        let theme = Fixture.temporary("teilhabe-theme")
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: theme.appendingPathComponent("assets/x.css").path,
                                                   withDestinationPath: try secret().path)
        let (resultValue, log) = f.build(theme: theme.path)
        XCTAssertNil(resultValue)
        XCTAssertEqual(log.all.map(\.location.file), [theme.appendingPathComponent("assets/x.css").path])
    }

    func testNothingIsWrittenThroughALinkInTheOutputFolder() throws {
        let f = try Fixture()
        XCTAssertNotNil(f.build().0)
        let victim = try secret(), elsewhere = Fixture.temporary("teilhabe-elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let page = Paths.join(f.output, "seiten/kontakt/index.html"), folder = Paths.join(f.output, "berichte")
        try FileManager.default.removeItem(atPath: page)
        try FileManager.default.createSymbolicLink(atPath: page, withDestinationPath: victim.path)
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: elsewhere.path)
        // Every page changes with the site's title: each is written again.
        try f.write("site.yaml", Fixture.minimal["site.yaml"]!.replacingOccurrences(of: "Testamt Inklusion", with: "Amt Neu"))
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "GEHEIM-7f3a9c-nicht-veroeffentlichen")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
        for path in [page, folder] {
            let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
            XCTAssertNotEqual(type, .typeSymbolicLink, path)
        }
        try f.assertSameAsCleanBuild()
    }

    func testAKeptFileReplacedByALinkIsWrittenAgain() throws {
        let f = try Fixture()
        XCTAssertNotNil(f.build().0)
        let victim = try secret(), page = Paths.join(f.output, "seiten/kontakt/index.html")
        try FileManager.default.removeItem(atPath: page)
        try FileManager.default.createSymbolicLink(atPath: page, withDestinationPath: victim.path)
        XCTAssertNotNil(f.build().0)   // nothing changed in the content: the plan would keep the file
        XCTAssertNotEqual(try FileManager.default.attributesOfItem(atPath: page)[.type] as? FileAttributeType, .typeSymbolicLink)
        assertNoSecret(in: f.output)
        try f.assertSameAsCleanBuild()
    }
}

extension Fixture {
    /// The output folder holds exactly what a clean build without the cache makes.
    func assertSameAsCleanBuild(publikum: Publikum = .oeffentlich,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let f = self
        let clean = Fixture.temporary("teilhabe-clean").path
        XCTAssertNotNil(f.build(publikum: publikum, output: clean, cache: false).0, file: file, line: line)
        let got = Fixture.tree(f.output), want = Fixture.tree(clean)
        XCTAssertEqual(Set(got.keys), Set(want.keys), file: file, line: line)
        for (path, bytes) in want where got[path] != bytes { XCTFail("\(path) differs from a clean build", file: file, line: line) }
    }
}
