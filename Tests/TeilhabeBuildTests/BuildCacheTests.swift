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

/// The cache's storage: appended segments, damage, garbage; file status; the search index moved on.
final class BuildCacheTests: XCTestCase {
    private func folderPath() -> String { Fixture.temporary("teilhabe-vorrat").path }

    /// The hand-written cache form of papers, twins and outlines reads back what was written, field
    /// for field (a field written but not read, or read in another order, fails here).
    func testPapersAndOutlinesReadBackAsWritten() throws {
        var fileList = Fixture.minimal
        fileList["vorlagen/2024-0002-fahrdienst.md"] = IncrementalBuildTests.secondVorlage
            .replacingOccurrences(of: "beratungsfolge:", with: "antragstellend: Muster, Anna\nanlagen:\n  - {titel: Plan, datei: anlagen/spielplaetze.pdf}\nberatungsfolge:")
            .replacingOccurrences(of: "rolle: Entscheidung", with: "rolle: Entscheidung\n    ergebnis: beschlossen")
        fileList["vorlagen/2024-0002-fahrdienst.leicht.md"] = "---\ntitel: Fahr·dienst\n---\nDer Bus fährt bald öfter.\n"
        fileList["sitzungen.yaml"]! += IncrementalBuildTests.secondSitzung
        let f = try Fixture(fileList)
        let (resultValue, log) = f.build()
        let project = try XCTUnwrap(resultValue?.project, log.all.map(\.formatted).joined(separator: "\n"))
        let v = try XCTUnwrap(project.vorlagen.first { $0.nummer == "2024/0002" })
        XCTAssertNotNil(v.leicht)
        let finding = Diagnostic(.warning, "LS01", Message(de: "zu lang", en: "too long"), at: SourceLocation(file: "a.md", line: 3, column: 2), match: "x", suggestion: nil)
        let filePath = LoadedFile(value: v, findings: [finding], easyFields: [EasyField(text: "Fahr·dienst", location: v.location)])
        let bytes = try BinaryCodec.encodeValue(filePath)
        let back = try BinaryCodec.decodeValue(LoadedFile<Vorlage>.self, from: bytes[...])
        XCTAssertEqual(try BinaryCodec.encodeValue(back), bytes)
        let w = try XCTUnwrap(back.value)
        XCTAssertEqual([w.slug, w.nummer, w.betreff, w.federfuehrend, w.antragstellend], [v.slug, v.nummer, v.betreff, v.federfuehrend, "Muster, Anna"])
        XCTAssertEqual(w.datum, v.datum)
        XCTAssertEqual(w.beratungsfolge.map(\.resultValue), ["beschlossen"])
        XCTAssertEqual(w.anlagen.map(\.filePath), ["anlagen/spielplaetze.pdf"])
        XCTAssertEqual(w.body.text, v.body.text)
        XCTAssertEqual(w.body.head, v.body.head)
        XCTAssertEqual(w.leicht?.body.text, v.leicht?.body.text)
        XCTAssertEqual(w.nummerLocation, v.nummerLocation)
        XCTAssertEqual(back.findings, [finding])
        XCTAssertEqual(back.easyFields.map(\.text), ["Fahr·dienst"])

        let text = "## Sachlage\n\n[Link](x.md)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```indikator\nquote\n```\n\n<b>roh</b>\n"
        let outline = Outline(text)
        let outlineBytes = try BinaryCodec.encodeValue(outline)
        let o = try BinaryCodec.decodeValue(Outline.self, from: outlineBytes[...])
        XCTAssertEqual(try BinaryCodec.encodeValue(o), outlineBytes)
        XCTAssertEqual(o.headings.map(\.text), ["Sachlage"])
        XCTAssertEqual(o.links.map(\.destination), ["x.md"])
        XCTAssertEqual(o.tables.map(\.head), [["a", "b"]])
        XCTAssertEqual(o.blocks.map(\.info), ["indikator"])
        XCTAssertEqual(o.rawHTMLLines.count, outline.rawHTMLLines.count)
        XCTAssertFalse(o.rawHTMLLines.isEmpty)
    }

    /// A table without a file writes its records as they come, in segments, and keeps all of them.
    func testAFreshTableGoesToDiskWhileTheBuildRuns() throws {
        let path = folderPath(), filePath = path + "/t.bin"
        let a = BuildCache(folderPath: path)
        a.segmentSize = 200
        for i in 0..<50 { a.storeEntry("t", .of("schluessel \(i)"), "Wert Nummer \(i) mit etwas Text") }
        let inFlight = try XCTUnwrap(FileManager.default.contents(atPath: filePath), "segments written before the end")
        a.save()
        let afterwards = try XCTUnwrap(FileManager.default.contents(atPath: filePath))
        XCTAssertGreaterThan(afterwards.count, inFlight.count)
        let b = BuildCache(folderPath: path)
        for i in 0..<50 { XCTAssertEqual(b.cached("t", .of("schluessel \(i)")), "Wert Nummer \(i) mit etwas Text") }
    }

    func testABuildAppendsWhatItAddedAndATornAppendLosesOnlyThat() throws {
        let path = folderPath(), filePath = path + "/t.bin"
        let a = BuildCache(folderPath: path)
        a.storeEntry("t", .of("eins"), "erster Wert")
        a.save()
        let first = try XCTUnwrap(FileManager.default.contents(atPath: filePath))

        let b = BuildCache(folderPath: path)
        XCTAssertEqual(b.cached("t", .of("eins")), "erster Wert")
        b.storeEntry("t", .of("zwei"), "zweiter Wert")
        b.save()
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: filePath))
        XCTAssertEqual(bytes.prefix(first.count), first, "appended, not rewritten")
        XCTAssertGreaterThan(bytes.count, first.count)

        let c = BuildCache(folderPath: path)
        XCTAssertEqual(c.cached("t", .of("eins")), "erster Wert")
        XCTAssertEqual(c.cached("t", .of("zwei")), "zweiter Wert")

        // A crash in the middle of the append: the segment is cut short.
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: filePath))
        let d = BuildCache(folderPath: path)
        XCTAssertEqual(d.cached("t", .of("eins")), "erster Wert")
        XCTAssertNil(d.cached("t", .of("zwei")) as String?)

        // A changed byte inside the appended segment: its checksum no longer holds.
        var broken = bytes
        broken[broken.count - 2] ^= 0xFF
        try broken.write(to: URL(fileURLWithPath: filePath))
        let e = BuildCache(folderPath: path)
        XCTAssertEqual(e.cached("t", .of("eins")), "erster Wert")
        XCTAssertNil(e.cached("t", .of("zwei")) as String?)
    }

    func testRecordsNoBuildUsesAreDroppedOnceTheyAreMostOfTheFile() throws {
        let path = folderPath(), filePath = path + "/t.bin"
        let a = BuildCache(folderPath: path)
        for n in 0..<200 { a.storeEntry("t", .of("alt \(n)"), String(repeating: "x", count: 1000)) }
        a.save()
        let before = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: filePath)[.size] as? Int)
        let b = BuildCache(folderPath: path)
        XCTAssertNotNil(b.cached("t", .of("alt 1")) as String?)
        b.storeEntry("t", .of("neu"), "y")
        b.keep("t", [.of("alt 3")])   // needed, though not read (as an unchanged page's search words)
        b.save()
        let after = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: filePath)[.size] as? Int)
        XCTAssertLessThan(after, before / 10, "rewritten with the three records in use")
        let c = BuildCache(folderPath: path)
        XCTAssertNotNil(c.cached("t", .of("alt 1")) as String?)
        XCTAssertNotNil(c.cached("t", .of("alt 3")) as String?)
        XCTAssertEqual(c.cached("t", .of("neu")), "y")
        XCTAssertNil(c.cached("t", .of("alt 2")) as String?)
    }

    func testAFileWithUnchangedStatusIsNotReadAgainAndAChangedOneIs() throws {
        let f = try Fixture()
        let path = f.content + "/seiten/kontakt.md", cache = folderPath()
        nonisolated(unsafe) var alreadyRead = 0
        func readFile() throws -> Data { alreadyRead += 1; return try PosixFile.readFile(path) }
        // As if the file had been saved long before the build.
        let later = FileStatusCache(BuildCache(folderPath: cache), currentTime: time(nil) + 60)
        let a = try later.inputFingerprint(path, readFile: readFile)
        XCTAssertEqual(try later.inputFingerprint(path, readFile: readFile), a)
        XCTAssertEqual(alreadyRead, 1)
        // Same size, other bytes: the times move, the file is read.
        let old = try String(contentsOfFile: path, encoding: .utf8)
        try old.replacingOccurrences(of: "Schreiben", with: "Schreiben".uppercased()).write(toFile: path, atomically: false, encoding: .utf8)
        let b = try later.inputFingerprint(path, readFile: readFile)
        XCTAssertEqual(alreadyRead, 2)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(b, Fingerprint.of(try PosixFile.readFile(path)))
        // A file saved a moment ago is not trusted by its status: a second save in the same clock tick could keep it.
        let currentTime = FileStatusCache(BuildCache(folderPath: folderPath()))
        _ = try currentTime.inputFingerprint(path, readFile: readFile)
        _ = try currentTime.inputFingerprint(path, readFile: readFile)
        XCTAssertEqual(alreadyRead, 4)
    }

    func testTheSearchIndexMovedOnEqualsAFreshMerge() throws {
        let old = ["bus\nfahrt\nkreis", "kreis\nschule", "bus\nzeit"]
        let new = ["bus\nfahrt\nkreis", "kreis\nneu\nzeit", "abend\nbus"]
        let cacheKey = { (texts: [String]) in texts.map { Fingerprint.of($0) } }
        let stand = SearchIndexState(cacheKey: cacheKey(old), perDocument: old)
        let onward = try XCTUnwrap(stand.updated(cacheKey(new), oldWords: { k in old.first { .of($0) == k } },
                                                         newWords: { new[$0] }))
        let fresh = SearchIndexState(cacheKey: cacheKey(new), perDocument: new)
        XCTAssertEqual(onward.words, fresh.words)
        XCTAssertEqual(onward.allPositions, fresh.allPositions)
        XCTAssertEqual(onward.words, ["abend", "bus", "fahrt", "kreis", "neu", "zeit"])
        let alreadyRead = try BinaryCodec.decodeValue(SearchIndexState.self, from: try BinaryCodec.encodeValue(onward)[...])
        XCTAssertEqual(alreadyRead.words, fresh.words)
        XCTAssertEqual(alreadyRead.allPositions, fresh.allPositions)
        XCTAssertNil(stand.updated(cacheKey(new), oldWords: { _ in nil }, newWords: { new[$0] }),
                     "an unknown old word list means a full merge")
    }
}
