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

/// The cache's one storage format: one codec (`BinaryCodec`) inside one file format (`CacheFile`),
/// and one policy for a file that is damaged, cut off or of another version – a correct rebuild.
final class CacheFormatTests: XCTestCase {
    enum Color: String, Codable { case rot, gruen }

    struct Inner: Codable, Equatable {
        var name: String
        var color: Color
        var ort: SourceLocation
    }

    /// One of every kind of value the codec supports.
    struct Everything: Codable, Equatable {
        var text = "Grüße / Straße 1 – ✓"
        var empty = ""
        var whole = -1_234_567
        var big = Int.max
        var isTrue = true
        var fraction = -0.125
        var word = UInt64.max
        var wort32 = UInt32.max
        var byte: UInt8 = 255
        var payload = Data([0, 1, 2, 255])
        var bytes: [UInt8] = [7, 0, 9]
        var numbers: [UInt32] = [0, 1, 70_000, .max]
        var noNumbers: [UInt32] = []
        var missing: String?
        var present: Int? = 42
        var inputFingerprint = Fingerprint.of("x")
        var list = [Inner(name: "a", color: .rot, ort: SourceLocation(file: "vorlagen/a.md", line: 3, column: 1)),
                     Inner(name: "b", color: .gruen, ort: SourceLocation(file: "vorlagen/a.md", line: nil, column: nil))]
        var nested: [[String]] = [["x", "y"], []]
        // Empty lists of other types beside the flat number arrays (an empty array casts to any array type).
        var emptyLists: [[Inner]] = [[], []]
        var emptyTexts: [String] = []
    }

    func testTheCodecReadsBackEveryKindOfValue() throws {
        let value = Everything()
        let bytes = try BinaryCodec.encodeValue(value)
        let back = try BinaryCodec.decodeValue(Everything.self, from: bytes[...])
        XCTAssertEqual(back, value)
        XCTAssertEqual(try BinaryCodec.encodeValue(back), bytes)
        // From a slice that does not start at zero, as the cache reads records out of a whole file.
        let middle = [9, 9, 9] + bytes + [9]
        XCTAssertEqual(try BinaryCodec.decodeValue(Everything.self, from: middle[3..<(3 + bytes.count)]), value)
        XCTAssertThrowsError(try BinaryCodec.decodeValue(Everything.self, from: middle[3...]), "trailing bytes")
    }

    /// A cut-off value is refused, whatever its length; changed bytes never crash the reader.
    func testCutOrChangedBytesAreRefusedNotACrash() throws {
        let bytes = try BinaryCodec.encodeValue(Everything())
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try BinaryCodec.decodeValue(Everything.self, from: bytes[..<n]), "cut to \(n) bytes")
        }
        // Every byte changed to a few values (0xFF: a number that never ends; 0x7F: a huge length).
        func changed(_ bytes: [UInt8]) -> [[UInt8]] {
            bytes.indices.flatMap { i in [0x00, 0x7F, 0xFF, bytes[i] ^ 0x01].map { value -> [UInt8] in var b = bytes; b[i] = value; return b } }
        }
        for broken in changed(bytes) { _ = try? BinaryCodec.decodeValue(Everything.self, from: broken[...]) }
        let index = SearchIndexState(cacheKey: [.of("a"), .of("b")], perDocument: ["haus\nbaum", "baum"])
        for broken in changed(try BinaryCodec.encodeValue(index)) {
            if let alreadyRead = try? BinaryCodec.decodeValue(SearchIndexState.self, from: broken[...]) {
                // What reads back is usable: every word and its documents can be looked at.
                _ = (alreadyRead.words, alreadyRead.allPositions)
            }
        }
    }

    /// The records of the file status, search index and output plan tables go through the codec.
    func testEveryKindOfRecordReadsBackAsWritten() throws {
        var info = stat()
        XCTAssertEqual(stat("/", &info), 0)
        var status = FileStatus(info)
        status.inputFingerprint = .of("inhalt")
        let statusBytes = try BinaryCodec.encodeValue(status)
        XCTAssertEqual(try BinaryCodec.decodeValue(FileStatus.self, from: statusBytes[...]), status)

        let index = SearchIndexState(cacheKey: [.of("a"), .of("b"), .of("c")], perDocument: ["haus\nbaum", "baum", "äpfel"])
        let back = try BinaryCodec.decodeValue(SearchIndexState.self, from: try BinaryCodec.encodeValue(index)[...])
        XCTAssertEqual(back.cacheKey, index.cacheKey)
        XCTAssertEqual(back.words, ["baum", "haus", "äpfel"])
        XCTAssertEqual(back.allPositions, [[0, 1], [0], [2]])

        let groupName = [PlanEntry(path: "sitzungen/index.html", cacheKey: .of("s")), PlanEntry(path: "feed.xml", cacheKey: nil)]
        let plan = StoredPlan(fileList: [PlanEntry(path: "index.html", cacheKey: .of("i"))],
                              groupName: PlanGroup(cacheKey: .of("g"), entries: PlanEntry.block(groupName)),
                              folderPath: [PlanEntry(path: "sitzungen", cacheKey: Fingerprint(a: 0, b: 0))])
        let planBack = try BinaryCodec.decodeValue(StoredPlan.self, from: try BinaryCodec.encodeValue(plan)[...])
        XCTAssertEqual(planBack.fileList.map(\.path), ["index.html"])
        XCTAssertEqual(planBack.folderPath.map(\.cacheKey), [Fingerprint(a: 0, b: 0)])
        let block = try XCTUnwrap(planBack.groupName?.entries)
        XCTAssertEqual(PlanEntry.entries(block[...])?.map(\.path), ["sitzungen/index.html", "feed.xml"])
        XCTAssertEqual(PlanEntry.entries(block[...])?.map(\.cacheKey), [.of("s"), nil])
        var paths: [String] = []
        XCTAssertTrue(PlanEntry.paths(block[...]) { paths.append(String(decoding: $0, as: UTF8.self)) })
        XCTAssertEqual(paths, ["sitzungen/index.html", "feed.xml"])
        XCTAssertFalse(PlanEntry.paths(block.dropLast()[...]) { _ in }, "a cut block")
    }

    /// A search index whose offsets do not climb (damage the checksum missed) reads as none.
    func testADamagedSearchIndexReadsAsNone() throws {
        let index = SearchIndexState(cacheKey: [.of("a")], perDocument: ["haus\nbaum"])
        struct Raw: Codable { var cacheKey: [Fingerprint]; var text: [UInt8]; var textStart, documents, documentStart: [UInt32] }
        let good = try BinaryCodec.decodeValue(Raw.self, from: try BinaryCodec.encodeValue(index)[...])
        var wrong = good
        wrong.textStart = [0, 9, 4]
        XCTAssertThrowsError(try BinaryCodec.decodeValue(SearchIndexState.self, from: try BinaryCodec.encodeValue(wrong)[...]))
        wrong = good
        wrong.documentStart = [0, 1]
        XCTAssertThrowsError(try BinaryCodec.decodeValue(SearchIndexState.self, from: try BinaryCodec.encodeValue(wrong)[...]))
        XCTAssertNoThrow(try BinaryCodec.decodeValue(SearchIndexState.self, from: try BinaryCodec.encodeValue(good)[...]))
    }

    /// A table segment whose checksum holds but whose records do not decode ends the table there,
    /// and the next save writes the file anew (what it appended after the bad segment would be lost).
    func testASegmentThatDoesNotDecodeEndsTheTable() throws {
        let folderPath = Fixture.temporary("teilhabe-cacheformat").path
        let a = BuildCache(folderPath: folderPath)
        a.storeEntry("t", .of("eins"), "erster Wert")
        a.save()
        let filePath = folderPath + "/t.bin"
        var bytes = try XCTUnwrap(PosixFile.bytes(filePath))
        bytes += CacheFile.segment([0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        try Data(bytes).write(to: URL(fileURLWithPath: filePath))
        let b = BuildCache(folderPath: folderPath)
        XCTAssertEqual(b.cached("t", .of("eins")), "erster Wert")
        b.storeEntry("t", .of("zwei"), "zweiter Wert")
        b.save()
        // Appended after the bad segment, the new record would never be read: the file is written anew.
        XCTAssertTrue(CacheFile.segments(try XCTUnwrap(PosixFile.bytes(filePath))).whole)
        let c = BuildCache(folderPath: folderPath)
        XCTAssertEqual(c.cached("t", .of("eins")), "erster Wert")
        XCTAssertEqual(c.cached("t", .of("zwei")), "zweiter Wert")
        // A value that does not decode as the type asked for is made anew, not a crash.
        XCTAssertEqual(c.value("t", .of("eins")) { 7 }, 7)
    }

    /// Every file the cache writes – tables, output plan, the preview's list – is one `CacheFile`.
    func testEveryCacheFileHasTheOneHeaderAndIsWhole() throws {
        let f = try Fixture()
        Thread.sleep(forTimeInterval: 3.1)   // else the files are too new for a file status record
        XCTAssertNotNil(f.build().0)
        let cache = f.root.appendingPathComponent(".teilhabe-cache").path
        OutputManifest.prefer(["vorlagen/2024-0001-test/index.html"], cache: cache, outputPath: f.output)
        OutputManifest.prefer(["index.html"], cache: cache, outputPath: f.output)
        let fileList = try cacheFiles(cache)
        XCTAssertTrue(Set(["dateistand.bin", "laden.bin", "suchindex.bin", "suchwoerter.bin"]).isSubset(of: fileList.map(Paths.lastComponent)), "\(fileList)")
        XCTAssertTrue(fileList.contains { $0.hasSuffix(".bin.vorab") })
        for filePath in fileList {
            let bytes = try XCTUnwrap(PosixFile.bytes(filePath))
            XCTAssertTrue(bytes.starts(with: CacheFile.header), filePath)
            let (payloads, whole) = CacheFile.segments(bytes)
            XCTAssertTrue(whole, filePath)
            XCTAssertFalse(payloads.isEmpty, filePath)
        }
    }

    /// The cache's files (not its PDFs, preview output, lock or .gitignore).
    private func cacheFiles(_ cache: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cache)
            .filter { $0.hasSuffix(".bin") || $0.hasSuffix(".vorab") }
            .sorted().map { Paths.join(cache, $0) }
    }
}

/// Each kind of cache file, cut off, changed, of an older version or with a record that does not
/// decode: the next build is correct – byte for byte a clean build's output – and leaves the file whole.
extension CacheFormatTests {
    enum Damage: CaseIterable { case truncated, changed, oldVersion, unreadable }

    private static func damage(_ filePath: String, _ damage: Damage) throws {
        var bytes = try XCTUnwrap(PosixFile.bytes(filePath))
        switch damage {
        case .truncated: bytes = Array(bytes.prefix(CacheFile.header.count + (bytes.count - CacheFile.header.count) / 2))
        case .changed: bytes[CacheFile.header.count + (bytes.count - CacheFile.header.count) / 2] ^= 0x5A
        case .oldVersion: bytes = Array("teilhabe-cache 11 0.9.0\n".utf8) + bytes.dropFirst(CacheFile.header.count)
        // The checksum holds, the payload is no value of the codec.
        case .unreadable: bytes = CacheFile.header + CacheFile.segment([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2, 3])
        }
        try Data(bytes).write(to: URL(fileURLWithPath: filePath))
    }

    /// Every kind of file damaged in the same way at once, once for each way; the paper's body
    /// changes between the builds, so that what the cache kept would show if it were wrongly trusted.
    func testEachDamagedCacheFileLeadsToACorrectBuild() throws {
        let f = try Fixture()
        // Files saved a moment ago get no file status record: let the clock move on first.
        Thread.sleep(forTimeInterval: 3.1)
        let cache = f.root.appendingPathComponent(".teilhabe-cache").path
        let paper = "vorlagen/2024-0001-test.md", original = Fixture.minimal[paper]!
        XCTAssertNotNil(f.build().0)
        let kinds = try cacheFiles(cache)
        XCTAssertEqual(Set(kinds.map(Paths.lastComponent).filter { !$0.hasPrefix("ausgabe-") }),
                       ["dateistand.bin", "gliederung.bin", "laden.bin", "leichte-sprache.bin", "platzhalter.bin", "suchindex.bin", "suchwoerter.bin"])
        XCTAssertTrue(kinds.contains { Paths.lastComponent($0).hasPrefix("ausgabe-") })
        var cleanOutput: [Bool: [String: Data]] = [:]
        for (round, damage) in Damage.allCases.enumerated() {
            let second = round % 2 == 1
            for filePath in kinds { try CacheFormatTests.damage(filePath, damage) }
            try f.write(paper, second ? original.replacingOccurrences(of: "Keine Besonderheiten.", with: "Geändert.") : original)
            let (resultValue, log) = f.build()
            XCTAssertNotNil(resultValue, "\(damage): " + log.all.map(\.formatted).joined(separator: "\n"))
            if cleanOutput[second] == nil {
                let folderPath = f.root.appendingPathComponent("sauber-\(round)").path
                XCTAssertNotNil(f.build(output: folderPath, cache: false).0)
                cleanOutput[second] = Fixture.tree(folderPath)
            }
            let a = Fixture.tree(f.output), b = cleanOutput[second]!
            XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), "\(damage): the same files")
            for path in a.keys.sorted() where b[path] != nil && a[path] != b[path] { XCTFail("\(damage): \(path) differs from a clean build") }
            for filePath in kinds {
                let bytes = try XCTUnwrap(PosixFile.bytes(filePath), "\(filePath) \(damage): written again")
                XCTAssertTrue(CacheFile.segments(bytes).whole, "\(filePath) \(damage): whole again")
            }
        }
    }

    /// A damaged output plan or list of files the preview wrote ahead is not trusted: the build
    /// compares every file, and so also puts back a file changed by hand (which a whole plan keeps).
    func testADamagedPlanMakesTheBuildCompareEveryFile() throws {
        let f = try Fixture()
        let cache = f.root.appendingPathComponent(".teilhabe-cache").path
        let webPage = Paths.join(f.output, "vorlagen/2024-0001-test/index.html")
        XCTAssertNotNil(f.build().0)
        let correct = try String(contentsOfFile: webPage, encoding: .utf8)
        try "von Hand".write(toFile: webPage, atomically: false, encoding: .utf8)
        XCTAssertNotNil(f.build().0)
        XCTAssertEqual(try String(contentsOfFile: webPage, encoding: .utf8), "von Hand", "a whole plan is trusted")
        let plan = try XCTUnwrap(cacheFiles(cache).first { $0.hasSuffix(".bin") && Paths.lastComponent($0).hasPrefix("ausgabe-") })
        for damage in Damage.allCases {
            try CacheFormatTests.damage(plan, damage)
            XCTAssertNotNil(f.build().0)
            XCTAssertEqual(try String(contentsOfFile: webPage, encoding: .utf8), correct, "\(damage)")
            try "von Hand".write(toFile: webPage, atomically: false, encoding: .utf8)
        }
        for damage in Damage.allCases {
            OutputManifest.prefer(["impressum.html"], cache: cache, outputPath: f.output)
            try CacheFormatTests.damage(plan + ".vorab", damage)
            XCTAssertNotNil(f.build().0)
            XCTAssertEqual(try String(contentsOfFile: webPage, encoding: .utf8), correct, "list written ahead: \(damage)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: plan + ".vorab"), "removed with the new plan")
            try "von Hand".write(toFile: webPage, atomically: false, encoding: .utf8)
        }
    }
}
