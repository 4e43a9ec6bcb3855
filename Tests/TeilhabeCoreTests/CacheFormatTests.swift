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

/// The cache's one storage format: one codec (`BinaryCodec`) inside one file format (`CacheFile`),
/// and one policy for a file that is damaged, cut off or of another version – a correct rebuild.
final class CacheFormatTests: XCTestCase {
    enum Farbe: String, Codable { case rot, gruen }

    struct Innen: Codable, Equatable {
        var name: String
        var farbe: Farbe
        var ort: SourceLocation
    }

    /// One of every kind of value the codec supports.
    struct Alles: Codable, Equatable {
        var text = "Grüße / Straße 1 – ✓"
        var leer = ""
        var ganz = -1_234_567
        var gross = Int.max
        var wahr = true
        var bruch = -0.125
        var wort = UInt64.max
        var wort32 = UInt32.max
        var byte: UInt8 = 255
        var daten = Data([0, 1, 2, 255])
        var bytes: [UInt8] = [7, 0, 9]
        var zahlen: [UInt32] = [0, 1, 70_000, .max]
        var keineZahlen: [UInt32] = []
        var fehlt: String?
        var da: Int? = 42
        var abdruck = Fingerprint.von("x")
        var liste = [Innen(name: "a", farbe: .rot, ort: SourceLocation(file: "vorlagen/a.md", line: 3, column: 1)),
                     Innen(name: "b", farbe: .gruen, ort: SourceLocation(file: "vorlagen/a.md", line: nil, column: nil))]
        var verschachtelt: [[String]] = [["x", "y"], []]
        // Empty lists of other types beside the flat number arrays (an empty array casts to any array type).
        var leereListen: [[Innen]] = [[], []]
        var leereTexte: [String] = []
    }

    func testTheCodecReadsBackEveryKindOfValue() throws {
        let wert = Alles()
        let bytes = try BinaryCodec.kodieren(wert)
        let zurueck = try BinaryCodec.dekodieren(Alles.self, aus: bytes[...])
        XCTAssertEqual(zurueck, wert)
        XCTAssertEqual(try BinaryCodec.kodieren(zurueck), bytes)
        // From a slice that does not start at zero, as the cache reads records out of a whole file.
        let mitten = [9, 9, 9] + bytes + [9]
        XCTAssertEqual(try BinaryCodec.dekodieren(Alles.self, aus: mitten[3..<(3 + bytes.count)]), wert)
        XCTAssertThrowsError(try BinaryCodec.dekodieren(Alles.self, aus: mitten[3...]), "trailing bytes")
    }

    /// A cut-off value is refused, whatever its length; changed bytes never crash the reader.
    func testCutOrChangedBytesAreRefusedNotACrash() throws {
        let bytes = try BinaryCodec.kodieren(Alles())
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try BinaryCodec.dekodieren(Alles.self, aus: bytes[..<n]), "cut to \(n) bytes")
        }
        // Every byte changed to a few values (0xFF: a number that never ends; 0x7F: a huge length).
        func geaendert(_ bytes: [UInt8]) -> [[UInt8]] {
            bytes.indices.flatMap { i in [0x00, 0x7F, 0xFF, bytes[i] ^ 0x01].map { wert -> [UInt8] in var b = bytes; b[i] = wert; return b } }
        }
        for kaputt in geaendert(bytes) { _ = try? BinaryCodec.dekodieren(Alles.self, aus: kaputt[...]) }
        let index = SearchIndexState(schluessel: [.von("a"), .von("b")], jeDokument: ["haus\nbaum", "baum"])
        for kaputt in geaendert(try BinaryCodec.kodieren(index)) {
            if let gelesen = try? BinaryCodec.dekodieren(SearchIndexState.self, aus: kaputt[...]) {
                // What reads back is usable: every word and its documents can be looked at.
                _ = (gelesen.woerter, gelesen.alleStellen)
            }
        }
    }

    /// The records of the file status, search index and output plan tables go through the codec.
    func testEveryKindOfRecordReadsBackAsWritten() throws {
        var info = stat()
        XCTAssertEqual(stat("/", &info), 0)
        var status = FileStatus(info)
        status.abdruck = .von("inhalt")
        let statusBytes = try BinaryCodec.kodieren(status)
        XCTAssertEqual(try BinaryCodec.dekodieren(FileStatus.self, aus: statusBytes[...]), status)

        let index = SearchIndexState(schluessel: [.von("a"), .von("b"), .von("c")], jeDokument: ["haus\nbaum", "baum", "äpfel"])
        let zurueck = try BinaryCodec.dekodieren(SearchIndexState.self, aus: try BinaryCodec.kodieren(index)[...])
        XCTAssertEqual(zurueck.schluessel, index.schluessel)
        XCTAssertEqual(zurueck.woerter, ["baum", "haus", "äpfel"])
        XCTAssertEqual(zurueck.alleStellen, [[0, 1], [0], [2]])

        let gruppe = [PlanEntry(pfad: "sitzungen/index.html", schluessel: .von("s")), PlanEntry(pfad: "feed.xml", schluessel: nil)]
        let plan = StoredPlan(dateien: [PlanEntry(pfad: "index.html", schluessel: .von("i"))],
                              gruppe: PlanGroup(schluessel: .von("g"), eintraege: PlanEntry.block(gruppe)),
                              ordner: [PlanEntry(pfad: "sitzungen", schluessel: Fingerprint(a: 0, b: 0))])
        let planZurueck = try BinaryCodec.dekodieren(StoredPlan.self, aus: try BinaryCodec.kodieren(plan)[...])
        XCTAssertEqual(planZurueck.dateien.map(\.pfad), ["index.html"])
        XCTAssertEqual(planZurueck.ordner.map(\.schluessel), [Fingerprint(a: 0, b: 0)])
        let block = try XCTUnwrap(planZurueck.gruppe?.eintraege)
        XCTAssertEqual(PlanEntry.entries(block[...])?.map(\.pfad), ["sitzungen/index.html", "feed.xml"])
        XCTAssertEqual(PlanEntry.entries(block[...])?.map(\.schluessel), [.von("s"), nil])
        var pfade: [String] = []
        XCTAssertTrue(PlanEntry.paths(block[...]) { pfade.append(String(decoding: $0, as: UTF8.self)) })
        XCTAssertEqual(pfade, ["sitzungen/index.html", "feed.xml"])
        XCTAssertFalse(PlanEntry.paths(block.dropLast()[...]) { _ in }, "a cut block")
    }

    /// A search index whose offsets do not climb (damage the checksum missed) reads as none.
    func testADamagedSearchIndexReadsAsNone() throws {
        let index = SearchIndexState(schluessel: [.von("a")], jeDokument: ["haus\nbaum"])
        struct Roh: Codable { var schluessel: [Fingerprint]; var text: [UInt8]; var textAnfang, dokumente, dokAnfang: [UInt32] }
        let gut = try BinaryCodec.dekodieren(Roh.self, aus: try BinaryCodec.kodieren(index)[...])
        var falsch = gut
        falsch.textAnfang = [0, 9, 4]
        XCTAssertThrowsError(try BinaryCodec.dekodieren(SearchIndexState.self, aus: try BinaryCodec.kodieren(falsch)[...]))
        falsch = gut
        falsch.dokAnfang = [0, 1]
        XCTAssertThrowsError(try BinaryCodec.dekodieren(SearchIndexState.self, aus: try BinaryCodec.kodieren(falsch)[...]))
        XCTAssertNoThrow(try BinaryCodec.dekodieren(SearchIndexState.self, aus: try BinaryCodec.kodieren(gut)[...]))
    }

    /// A table segment whose checksum holds but whose records do not decode ends the table there,
    /// and the next save writes the file anew (what it appended after the bad segment would be lost).
    func testASegmentThatDoesNotDecodeEndsTheTable() throws {
        let ordner = Fixture.temporaer("teilhabe-cacheformat").path
        let a = BuildCache(ordner: ordner)
        a.ablegen("t", .von("eins"), "erster Wert")
        a.speichern()
        let datei = ordner + "/t.bin"
        var bytes = try XCTUnwrap(PosixFile.bytes(datei))
        bytes += CacheFile.segment([0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        try Data(bytes).write(to: URL(fileURLWithPath: datei))
        let b = BuildCache(ordner: ordner)
        XCTAssertEqual(b.lesen("t", .von("eins")), "erster Wert")
        b.ablegen("t", .von("zwei"), "zweiter Wert")
        b.speichern()
        // Appended after the bad segment, the new record would never be read: the file is written anew.
        XCTAssertTrue(CacheFile.segments(try XCTUnwrap(PosixFile.bytes(datei))).whole)
        let c = BuildCache(ordner: ordner)
        XCTAssertEqual(c.lesen("t", .von("eins")), "erster Wert")
        XCTAssertEqual(c.lesen("t", .von("zwei")), "zweiter Wert")
        // A value that does not decode as the type asked for is made anew, not a crash.
        XCTAssertEqual(c.wert("t", .von("eins")) { 7 }, 7)
    }

    /// Every file the cache writes – tables, output plan, the preview's list – is one `CacheFile`.
    func testEveryCacheFileHasTheOneHeaderAndIsWhole() throws {
        let f = try Fixture()
        Thread.sleep(forTimeInterval: 3.1)   // else the files are too new for a file status record
        XCTAssertNotNil(f.build().0)
        let cache = f.root.appendingPathComponent(".teilhabe-cache").path
        OutputManifest.vorziehen(["vorlagen/2024-0001-test/index.html"], cache: cache, ausgabe: f.output)
        OutputManifest.vorziehen(["index.html"], cache: cache, ausgabe: f.output)
        let dateien = try cacheDateien(cache)
        XCTAssertTrue(Set(["dateistand.bin", "laden.bin", "suchindex.bin", "suchwoerter.bin"]).isSubset(of: dateien.map(Paths.lastComponent)), "\(dateien)")
        XCTAssertTrue(dateien.contains { $0.hasSuffix(".bin.vorab") })
        for datei in dateien {
            let bytes = try XCTUnwrap(PosixFile.bytes(datei))
            XCTAssertTrue(bytes.starts(with: CacheFile.header), datei)
            let (payloads, whole) = CacheFile.segments(bytes)
            XCTAssertTrue(whole, datei)
            XCTAssertFalse(payloads.isEmpty, datei)
        }
    }

    /// The cache's files (not its PDFs, preview output, lock or .gitignore).
    private func cacheDateien(_ cache: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cache)
            .filter { $0.hasSuffix(".bin") || $0.hasSuffix(".vorab") }
            .sorted().map { Paths.join(cache, $0) }
    }
}

/// Each kind of cache file, cut off, changed, of an older version or with a record that does not
/// decode: the next build is correct – byte for byte a clean build's output – and leaves the file whole.
extension CacheFormatTests {
    enum Schaden: CaseIterable { case abgeschnitten, geaendert, alteVersion, unlesbar }

    private static func beschaedigen(_ datei: String, _ schaden: Schaden) throws {
        var bytes = try XCTUnwrap(PosixFile.bytes(datei))
        switch schaden {
        case .abgeschnitten: bytes = Array(bytes.prefix(CacheFile.header.count + (bytes.count - CacheFile.header.count) / 2))
        case .geaendert: bytes[CacheFile.header.count + (bytes.count - CacheFile.header.count) / 2] ^= 0x5A
        case .alteVersion: bytes = Array("teilhabe-cache 11 0.9.0\n".utf8) + bytes.dropFirst(CacheFile.header.count)
        // The checksum holds, the payload is no value of the codec.
        case .unlesbar: bytes = CacheFile.header + CacheFile.segment([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2, 3])
        }
        try Data(bytes).write(to: URL(fileURLWithPath: datei))
    }

    /// Every kind of file damaged in the same way at once, once for each way; the paper's body
    /// changes between the builds, so that what the cache kept would show if it were wrongly trusted.
    func testEachDamagedCacheFileLeadsToACorrectBuild() throws {
        let f = try Fixture()
        // Files saved a moment ago get no file status record: let the clock move on first.
        Thread.sleep(forTimeInterval: 3.1)
        let cache = f.root.appendingPathComponent(".teilhabe-cache").path
        let papier = "vorlagen/2024-0001-test.md", original = Fixture.minimal[papier]!
        XCTAssertNotNil(f.build().0)
        let arten = try cacheDateien(cache)
        XCTAssertEqual(Set(arten.map(Paths.lastComponent).filter { !$0.hasPrefix("ausgabe-") }),
                       ["dateistand.bin", "gliederung.bin", "laden.bin", "leichte-sprache.bin", "suchindex.bin", "suchwoerter.bin"])
        XCTAssertTrue(arten.contains { Paths.lastComponent($0).hasPrefix("ausgabe-") })
        var sauber: [Bool: [String: Data]] = [:]
        for (runde, schaden) in Schaden.allCases.enumerated() {
            let zweite = runde % 2 == 1
            for datei in arten { try CacheFormatTests.beschaedigen(datei, schaden) }
            try f.write(papier, zweite ? original.replacingOccurrences(of: "Keine Besonderheiten.", with: "Geändert.") : original)
            let (ergebnis, log) = f.build()
            XCTAssertNotNil(ergebnis, "\(schaden): " + log.all.map(\.formatted).joined(separator: "\n"))
            if sauber[zweite] == nil {
                let ordner = f.root.appendingPathComponent("sauber-\(runde)").path
                XCTAssertNotNil(f.build(output: ordner, cache: false).0)
                sauber[zweite] = Fixture.tree(ordner)
            }
            let a = Fixture.tree(f.output), b = sauber[zweite]!
            XCTAssertEqual(a.keys.sorted(), b.keys.sorted(), "\(schaden): the same files")
            for pfad in a.keys.sorted() where b[pfad] != nil && a[pfad] != b[pfad] { XCTFail("\(schaden): \(pfad) differs from a clean build") }
            for datei in arten {
                let bytes = try XCTUnwrap(PosixFile.bytes(datei), "\(datei) \(schaden): written again")
                XCTAssertTrue(CacheFile.segments(bytes).whole, "\(datei) \(schaden): whole again")
            }
        }
    }

    /// A damaged output plan or list of files the preview wrote ahead is not trusted: the build
    /// compares every file, and so also puts back a file changed by hand (which a whole plan keeps).
    func testADamagedPlanMakesTheBuildCompareEveryFile() throws {
        let f = try Fixture()
        let cache = f.root.appendingPathComponent(".teilhabe-cache").path
        let seite = Paths.join(f.output, "vorlagen/2024-0001-test/index.html")
        XCTAssertNotNil(f.build().0)
        let richtig = try String(contentsOfFile: seite, encoding: .utf8)
        try "von Hand".write(toFile: seite, atomically: false, encoding: .utf8)
        XCTAssertNotNil(f.build().0)
        XCTAssertEqual(try String(contentsOfFile: seite, encoding: .utf8), "von Hand", "a whole plan is trusted")
        let plan = try XCTUnwrap(cacheDateien(cache).first { $0.hasSuffix(".bin") && Paths.lastComponent($0).hasPrefix("ausgabe-") })
        for schaden in Schaden.allCases {
            try CacheFormatTests.beschaedigen(plan, schaden)
            XCTAssertNotNil(f.build().0)
            XCTAssertEqual(try String(contentsOfFile: seite, encoding: .utf8), richtig, "\(schaden)")
            try "von Hand".write(toFile: seite, atomically: false, encoding: .utf8)
        }
        for schaden in Schaden.allCases {
            OutputManifest.vorziehen(["impressum.html"], cache: cache, ausgabe: f.output)
            try CacheFormatTests.beschaedigen(plan + ".vorab", schaden)
            XCTAssertNotNil(f.build().0)
            XCTAssertEqual(try String(contentsOfFile: seite, encoding: .utf8), richtig, "list written ahead: \(schaden)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: plan + ".vorab"), "removed with the new plan")
            try "von Hand".write(toFile: seite, atomically: false, encoding: .utf8)
        }
    }
}
