import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild

/// The output folder holds the old site or the new one, never a mix: after a refused write, a refused
/// step of the commit, a swap of a file and a folder, two builds at once, or a build killed half-way.
final class AtomicOutputTests: XCTestCase {
    private func build(_ f: Fixture, fault: (@Sendable (String) -> Int32?)? = nil,
                       publikum: Publikum = .oeffentlich) -> (Build.Outcome?, DiagnosticLog) {
        var settings = Build.Options(content: f.content, theme: Fixture.builtInOnly, output: f.output, publikum: publikum)
        settings.pdf = false
        settings.writeFault = fault
        let log = DiagnosticLog()
        return (Build.run(settings, log: log), log)
    }

    /// The example paper under another number, not yet on any agenda (so no Beratungsfolge either).
    static func anotherPaper(_ number: String, betreff: String, status: String = "oeffentlich") -> String {
        Fixture.minimal["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "2024/0001", with: number)
            .replacingOccurrences(of: "Bericht über barrierefreie Spielplätze", with: betreff)
            .replacingOccurrences(of: "status: oeffentlich", with: "status: " + status)
            .replacingOccurrences(of: """
            beratungsfolge:
              - sitzung: 2024-03-05-sozialausschuss
                rolle: Kenntnisnahme
                ergebnis: zur Kenntnis genommen
            """, with: "beratungsfolge: []")
    }

    private func addPaper(_ f: Fixture) throws {
        let paper = Self.anotherPaper("2024/0002", betreff: "Neue Sitzbänke im Park")
        try f.write("vorlagen/2024-0002-neu.md", paper)
        try f.write("vorlagen/2024-0002-neu.leicht.md", "---\ntitel: Neue Bänke\n---\nWir stellen Bänke auf.\n")
    }

    func testAWriteTheFileSystemRefusesLeavesTheOldSite() throws {
        let f = try Fixture()
        XCTAssertNotNil(build(f).0)
        let before = Fixture.tree(f.output)
        try addPaper(f)
        let (resultValue, log) = build(f) { $0 == "vorlagen/2024-0002-neu/index.html" ? ENOSPC : nil }
        XCTAssertNil(resultValue)
        let errors = log.all.filter { $0.severity == .error }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location.file, Paths.join(f.output, "vorlagen/2024-0002-neu/index.html"))
        XCTAssertTrue(errors.first?.message.contains("ist unverändert") == true, errors.first?.message ?? "")
        XCTAssertEqual(Fixture.tree(f.output), before)
        // The next build, with the disk free again, is what a clean build makes.
        XCTAssertNotNil(build(f).0)
        try f.assertSameAsCleanBuild()
    }

    func testARefusedStepOfTheCommitIsUndone() throws {
        let f = try Fixture()
        XCTAssertNotNil(build(f).0)
        let before = Fixture.tree(f.output)
        try addPaper(f)
        try f.remove("seiten/kontakt.md")   // a stale page is moved aside before the refused step, and back
        // Writes name files; only the commit makes folders: refuse the new paper's folder.
        let (resultValue, log) = build(f) { $0 == "vorlagen/2024-0002-neu" ? EACCES : nil }
        XCTAssertNil(resultValue)
        XCTAssertEqual(log.all.filter { $0.severity == .error }.count, 1)
        XCTAssertTrue(log.all[0].message.contains("ist unverändert"), log.all[0].message)
        XCTAssertEqual(Fixture.tree(f.output), before, "every step before the refused one is undone")
        XCTAssertNotNil(build(f).0)
        try f.assertSameAsCleanBuild()
    }

    func testAFileAndAFolderMaySwapPlaces() throws {
        let f = try Fixture()
        try f.write("anlagen/x", "erst eine Datei")
        XCTAssertNotNil(build(f).0)
        try f.remove("anlagen/x")
        try f.write("anlagen/x/y.pdf", "%PDF-1.4 jetzt ein Ordner")
        let (resultValue, log) = build(f)
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        try f.assertSameAsCleanBuild()
        try f.remove("anlagen/x")
        try f.write("anlagen/x", "wieder eine Datei")
        XCTAssertNotNil(build(f).0)
        try f.assertSameAsCleanBuild()
    }

    func testOutputNamingAFileIsOneClearError() throws {
        let f = try Fixture()
        try FileManager.default.createDirectory(at: f.root, withIntermediateDirectories: true)
        try Data("keine Website".utf8).write(to: URL(fileURLWithPath: f.output))
        let (resultValue, log) = build(f)
        XCTAssertNil(resultValue)
        XCTAssertEqual(log.all.filter { $0.severity == .error }.map(\.formatted), ["\(f.output): error: --output nennt eine Datei, keinen Ordner; wählen Sie einen Ordner; "
                                                   + "\(f.output)/ ist unverändert (die bisherige Fassung)"])
        XCTAssertEqual(try String(contentsOfFile: f.output, encoding: .utf8), "keine Website")
    }

    func testEachAudienceKeepsItsOwnCacheAndPlan() throws {
        let f = try Fixture()
        try f.write("vorlagen/2024-0009-geheim.md", Self.anotherPaper("2024/0009", betreff: "Grundstücksankauf Zebrastraße", status: "nichtoeffentlich"))
        // Committee and public builds side by side, sharing one cache folder, then the public one again.
        XCTAssertNotNil(build(f, publikum: .gremium).0)
        XCTAssertNotNil(build(f).0)
        XCTAssertNotNil(build(f, publikum: .gremium).0)
        XCTAssertNotNil(build(f).0)
        for (path, bytes) in Fixture.tree(f.output) where String(decoding: bytes, as: UTF8.self).contains("Zebrastra") {
            XCTFail("non-public paper in \(path)")
        }
        try f.assertSameAsCleanBuild()
    }

    /// Two `teilhabe build` processes into one folder, a committee build and a public one: the second
    /// waits for the first, and plain public builds afterwards make exactly what a clean build makes.
    func testConcurrentBuildsWaitForEachOther() throws {
        let f = try Fixture()
        try f.write("vorlagen/2024-0009-geheim.md", Self.anotherPaper("2024/0009", betreff: "Grundstücksankauf Zebrastraße", status: "nichtoeffentlich"))
        let base = ["build", "--content", f.content, "--output", f.output, "--theme", Fixture.builtInOnly, "--ohne-pdf"]
        for _ in 0..<3 {
            let gremium = try Self.start(base + ["--publikum", "gremium"])
            Thread.sleep(forTimeInterval: 0.05)
            let oeffentlich = try Self.start(base)
            gremium.waitUntilExit(); oeffentlich.waitUntilExit()
            XCTAssertEqual([gremium.terminationStatus, oeffentlich.terminationStatus], [0, 0])
            XCTAssertEqual(try Fixture.teilhabe(base).status, 0)
            for (path, bytes) in Fixture.tree(f.output) where String(decoding: bytes, as: UTF8.self).contains("Zebrastra") {
                XCTFail("non-public paper in \(path)")
            }
            try f.assertSameAsCleanBuild()
        }
    }

    /// A build killed with SIGKILL at any moment: the next build makes what a clean build makes.
    func testABuildKilledHalfWayIsRepairedByTheNext() throws {
        let f = try Fixture()
        let corpus = Fixture.temporary("teilhabe-corpus")
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", Fixture.packageRoot.appendingPathComponent("bench/generate-corpus").path, "150", corpus.path]
        try generator.run(); generator.waitUntilExit()
        try FileManager.default.removeItem(atPath: f.content)
        try FileManager.default.createDirectory(at: f.root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: corpus.appendingPathComponent("teilhabe/content").path, toPath: f.content)
        let args = ["build", "--content", f.content, "--output", f.output, "--theme", Fixture.builtInOnly, "--ohne-pdf", "--quiet"]
        var killed = 0
        for (round, delay) in [0.05, 0.2, 0.4, 0.7, 1.0].enumerated() {
            // Each round changes the content, so that the killed build has files to replace and remove.
            let site = try String(contentsOfFile: Paths.join(f.content, "site.yaml"), encoding: .utf8)
            try f.write("site.yaml", site.replacingOccurrences(of: "titel: ", with: "titel: R\(round) "))
            let process = try Self.start(args)
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning { kill(process.processIdentifier, SIGKILL); killed += 1 }
            process.waitUntilExit()
            XCTAssertEqual(try Fixture.teilhabe(args).status, 0)
            try f.assertSameAsCleanBuild()
        }
        XCTAssertGreaterThan(killed, 0, "no build was still running when it was to be killed")
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent("teilhabe")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// One-character paths: this toolchain's Foundation traps on NSString's path methods for them
/// (`("x" as NSString).deletingLastPathComponent`), so a stray file "x" in the output folder, or
/// `--content c --output o`, crashed a build. Paths.parent and Paths.lastComponent replace them.
final class ShortPathTests: XCTestCase {
    func testParentAndLastComponentOfShortPaths() {
        XCTAssertEqual(["x", ".", "/x", "a/b", "a/b/", "/", "abc"].map(Paths.parent), ["", "", "/", "a", "a", "/", ""])
        XCTAssertEqual(["x", ".", "/x", "a/b", "a/b/", "/", "abc"].map(Paths.lastComponent), ["x", ".", "x", "b", "b", "/", "abc"])
    }

    func testOneCharacterFoldersAndAStrayOneCharacterFileBuild() throws {
        let f = try Fixture()
        let c = f.root.appendingPathComponent("c").path, o = f.root.appendingPathComponent("o").path
        try FileManager.default.moveItem(atPath: f.content, toPath: c)
        let run = { try Fixture.teilhabe(["build", "--content", "c", "--output", "o", "--ohne-pdf", "--ohne-cache",
                                          "--theme", Fixture.builtInOnly], in: f.root) }
        XCTAssertEqual(try run().status, 0)
        try Data("x".utf8).write(to: URL(fileURLWithPath: Paths.join(o, "x")))
        let second = try run()
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: Paths.join(o, "x")), "the stray file is removed")
    }
}
