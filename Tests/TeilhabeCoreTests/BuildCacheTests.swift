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

/// The cache's storage: appended segments, damage, garbage; file status; the search index moved on.
final class BuildCacheTests: XCTestCase {
    private func ordner() -> String { Fixture.temporaer("teilhabe-vorrat").path }

    /// The hand-written cache form of papers, twins and outlines reads back what was written, field
    /// for field (a field written but not read, or read in another order, fails here).
    func testPapersAndOutlinesReadBackAsWritten() throws {
        var dateien = Fixture.minimal
        dateien["vorlagen/2024-0002-fahrdienst.md"] = InkrementellTests.zweiteVorlage
            .replacingOccurrences(of: "beratungsfolge:", with: "antragstellend: Muster, Anna\nanlagen:\n  - {titel: Plan, datei: anlagen/spielplaetze.pdf}\nberatungsfolge:")
            .replacingOccurrences(of: "rolle: Entscheidung", with: "rolle: Entscheidung\n    ergebnis: beschlossen")
        dateien["vorlagen/2024-0002-fahrdienst.leicht.md"] = "---\ntitel: Fahr·dienst\n---\nDer Bus fährt bald öfter.\n"
        dateien["sitzungen.yaml"]! += InkrementellTests.zweiteSitzung
        let f = try Fixture(dateien)
        let (ergebnis, log) = f.build()
        let projekt = try XCTUnwrap(ergebnis?.projekt, log.all.map(\.formatted).joined(separator: "\n"))
        let v = try XCTUnwrap(projekt.vorlagen.first { $0.nummer == "2024/0002" })
        XCTAssertNotNil(v.leicht)
        let befund = Diagnostic(.warning, "LS01", Message(de: "zu lang", en: "too long"), at: SourceLocation(file: "a.md", line: 3, column: 2), match: "x", suggestion: nil)
        let datei = LoadedFile(wert: v, befunde: [befund], leichteFelder: [LeichtesFeld(text: "Fahr·dienst", location: v.location)])
        let bytes = try BinaryCodec.kodieren(datei)
        let zurueck = try BinaryCodec.dekodieren(LoadedFile<Vorlage>.self, aus: bytes[...])
        XCTAssertEqual(try BinaryCodec.kodieren(zurueck), bytes)
        let w = try XCTUnwrap(zurueck.wert)
        XCTAssertEqual([w.slug, w.nummer, w.betreff, w.federfuehrend, w.antragstellend], [v.slug, v.nummer, v.betreff, v.federfuehrend, "Muster, Anna"])
        XCTAssertEqual(w.datum, v.datum)
        XCTAssertEqual(w.beratungsfolge.map(\.ergebnis), ["beschlossen"])
        XCTAssertEqual(w.anlagen.map(\.datei), ["anlagen/spielplaetze.pdf"])
        XCTAssertEqual(w.body.text, v.body.text)
        XCTAssertEqual(w.body.kopf, v.body.kopf)
        XCTAssertEqual(w.leicht?.body.text, v.leicht?.body.text)
        XCTAssertEqual(w.nummerLocation, v.nummerLocation)
        XCTAssertEqual(zurueck.befunde, [befund])
        XCTAssertEqual(zurueck.leichteFelder.map(\.text), ["Fahr·dienst"])

        let text = "## Sachlage\n\n[Link](x.md)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```indikator\nquote\n```\n\n<b>roh</b>\n"
        let outline = Outline(text)
        let outlineBytes = try BinaryCodec.kodieren(outline)
        let o = try BinaryCodec.dekodieren(Outline.self, aus: outlineBytes[...])
        XCTAssertEqual(try BinaryCodec.kodieren(o), outlineBytes)
        XCTAssertEqual(o.headings.map(\.text), ["Sachlage"])
        XCTAssertEqual(o.links.map(\.destination), ["x.md"])
        XCTAssertEqual(o.tabellen.map(\.kopf), [["a", "b"]])
        XCTAssertEqual(o.blocks.map(\.info), ["indikator"])
        XCTAssertEqual(o.rawHTMLLines.count, outline.rawHTMLLines.count)
        XCTAssertFalse(o.rawHTMLLines.isEmpty)
    }

    /// A table without a file writes its records as they come, in segments, and keeps all of them.
    func testAFreshTableGoesToDiskWhileTheBuildRuns() throws {
        let pfad = ordner(), datei = pfad + "/t.bin"
        let a = BuildCache(ordner: pfad)
        a.segmentGroesse = 200
        for i in 0..<50 { a.ablegen("t", .von("schluessel \(i)"), "Wert Nummer \(i) mit etwas Text") }
        let unterwegs = try XCTUnwrap(FileManager.default.contents(atPath: datei), "segments written before the end")
        a.speichern()
        let danach = try XCTUnwrap(FileManager.default.contents(atPath: datei))
        XCTAssertGreaterThan(danach.count, unterwegs.count)
        let b = BuildCache(ordner: pfad)
        for i in 0..<50 { XCTAssertEqual(b.lesen("t", .von("schluessel \(i)")), "Wert Nummer \(i) mit etwas Text") }
    }

    func testABuildAppendsWhatItAddedAndATornAppendLosesOnlyThat() throws {
        let pfad = ordner(), datei = pfad + "/t.bin"
        let a = BuildCache(ordner: pfad)
        a.ablegen("t", .von("eins"), "erster Wert")
        a.speichern()
        let erste = try XCTUnwrap(FileManager.default.contents(atPath: datei))

        let b = BuildCache(ordner: pfad)
        XCTAssertEqual(b.lesen("t", .von("eins")), "erster Wert")
        b.ablegen("t", .von("zwei"), "zweiter Wert")
        b.speichern()
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: datei))
        XCTAssertEqual(bytes.prefix(erste.count), erste, "appended, not rewritten")
        XCTAssertGreaterThan(bytes.count, erste.count)

        let c = BuildCache(ordner: pfad)
        XCTAssertEqual(c.lesen("t", .von("eins")), "erster Wert")
        XCTAssertEqual(c.lesen("t", .von("zwei")), "zweiter Wert")

        // A crash in the middle of the append: the segment is cut short.
        try bytes.prefix(bytes.count - 3).write(to: URL(fileURLWithPath: datei))
        let d = BuildCache(ordner: pfad)
        XCTAssertEqual(d.lesen("t", .von("eins")), "erster Wert")
        XCTAssertNil(d.lesen("t", .von("zwei")) as String?)

        // A changed byte inside the appended segment: its checksum no longer holds.
        var kaputt = bytes
        kaputt[kaputt.count - 2] ^= 0xFF
        try kaputt.write(to: URL(fileURLWithPath: datei))
        let e = BuildCache(ordner: pfad)
        XCTAssertEqual(e.lesen("t", .von("eins")), "erster Wert")
        XCTAssertNil(e.lesen("t", .von("zwei")) as String?)
    }

    func testRecordsNoBuildUsesAreDroppedOnceTheyAreMostOfTheFile() throws {
        let pfad = ordner(), datei = pfad + "/t.bin"
        let a = BuildCache(ordner: pfad)
        for n in 0..<200 { a.ablegen("t", .von("alt \(n)"), String(repeating: "x", count: 1000)) }
        a.speichern()
        let vorher = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: datei)[.size] as? Int)
        let b = BuildCache(ordner: pfad)
        XCTAssertNotNil(b.lesen("t", .von("alt 1")) as String?)
        b.ablegen("t", .von("neu"), "y")
        b.behalten("t", [.von("alt 3")])   // needed, though not read (as an unchanged page's search words)
        b.speichern()
        let nachher = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: datei)[.size] as? Int)
        XCTAssertLessThan(nachher, vorher / 10, "rewritten with the three records in use")
        let c = BuildCache(ordner: pfad)
        XCTAssertNotNil(c.lesen("t", .von("alt 1")) as String?)
        XCTAssertNotNil(c.lesen("t", .von("alt 3")) as String?)
        XCTAssertEqual(c.lesen("t", .von("neu")), "y")
        XCTAssertNil(c.lesen("t", .von("alt 2")) as String?)
    }

    func testAFileWithUnchangedStatusIsNotReadAgainAndAChangedOneIs() throws {
        let f = try Fixture()
        let pfad = f.content + "/seiten/kontakt.md", cache = ordner()
        nonisolated(unsafe) var gelesen = 0
        func lesen() throws -> Data { gelesen += 1; return try PosixFile.lesen(pfad) }
        // As if the file had been saved long before the build.
        let spaeter = FileStatusCache(BuildCache(ordner: cache), jetzt: time(nil) + 60)
        let a = try spaeter.abdruck(pfad, lesen: lesen)
        XCTAssertEqual(try spaeter.abdruck(pfad, lesen: lesen), a)
        XCTAssertEqual(gelesen, 1)
        // Same size, other bytes: the times move, the file is read.
        let alt = try String(contentsOfFile: pfad, encoding: .utf8)
        try alt.replacingOccurrences(of: "Schreiben", with: "Schreiben".uppercased()).write(toFile: pfad, atomically: false, encoding: .utf8)
        let b = try spaeter.abdruck(pfad, lesen: lesen)
        XCTAssertEqual(gelesen, 2)
        XCTAssertNotEqual(a, b)
        XCTAssertEqual(b, Fingerprint.von(try PosixFile.lesen(pfad)))
        // A file saved a moment ago is not trusted by its status: a second save in the same clock tick could keep it.
        let jetzt = FileStatusCache(BuildCache(ordner: ordner()))
        _ = try jetzt.abdruck(pfad, lesen: lesen)
        _ = try jetzt.abdruck(pfad, lesen: lesen)
        XCTAssertEqual(gelesen, 4)
    }

    func testTheSearchIndexMovedOnEqualsAFreshMerge() throws {
        let alt = ["bus\nfahrt\nkreis", "kreis\nschule", "bus\nzeit"]
        let neu = ["bus\nfahrt\nkreis", "kreis\nneu\nzeit", "abend\nbus"]
        let schluessel = { (texte: [String]) in texte.map { Fingerprint.von($0) } }
        let stand = SearchIndexState(schluessel: schluessel(alt), jeDokument: alt)
        let weiter = try XCTUnwrap(stand.fortgeschrieben(schluessel(neu), alteWoerter: { k in alt.first { .von($0) == k } },
                                                         neueWoerter: { neu[$0] }))
        let frisch = SearchIndexState(schluessel: schluessel(neu), jeDokument: neu)
        XCTAssertEqual(weiter.woerter, frisch.woerter)
        XCTAssertEqual(weiter.alleStellen, frisch.alleStellen)
        XCTAssertEqual(weiter.woerter, ["abend", "bus", "fahrt", "kreis", "neu", "zeit"])
        let gelesen = try BinaryCodec.dekodieren(SearchIndexState.self, aus: try BinaryCodec.kodieren(weiter)[...])
        XCTAssertEqual(gelesen.woerter, frisch.woerter)
        XCTAssertEqual(gelesen.alleStellen, frisch.alleStellen)
        XCTAssertNil(stand.fortgeschrieben(schluessel(neu), alteWoerter: { _ in nil }, neueWoerter: { neu[$0] }),
                     "an unknown old word list means a full merge")
    }
}
