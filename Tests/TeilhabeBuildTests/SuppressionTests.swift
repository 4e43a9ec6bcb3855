import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild

/// Suppression with a total row (`summe`), a total column (`summe_spalte`) or both (issue 19).
final class SuppressionTests: XCTestCase {
    private func indikator(_ columns: [String], _ lines: [(String, [Double?])], n: Int, summe: String? = nil,
                           summeSpalte: String? = nil) -> Indikator {
        Indikator(id: "x", titel: "X", titelLeicht: "X", beschreibung: nil, einheit: "Anzahl", quelle: "Q", stichtag: nil,
                  raumebene: nil, decimals: 0, geheimhaltung: n, summe: summe, summeSpalte: summeSpalte, sampleData: false,
                  table: Tabelle(columns: columns, raumTitel: "Raum",
                                   lines: lines.enumerated().map { Tabelle.Zeile(raum: $1.0, valueList: $1.1, sourceLine: $0 + 2) }),
                  location: SourceLocation(file: "x.yaml"))
    }

    private func geheim(_ pub: VeroeffentlichteTabelle) -> [String] {
        pub.lines.flatMap { z in z.cellValues.indices.filter { z.cellValues[$0] == .geheim }.map { "\(z.raum)/\(pub.columns[$0])" } }
    }

    /// 487 and 613 (below geheimhaltung 1000) share the column Männer, so the total row alone gives
    /// neither away; the total column does: Nord's Summe 52.680 − Frauen 52.193 = 487.
    static let columns = ["Frauen", "Männer", "Summe"]
    static let lines: [(String, [Double?])] = [("Nord", [52193, 487, 52680]), ("Süd", [61327, 613, 61940]),
                                                ("Ost", [70451, 83219, 153_670]), ("Gesamt", [183_971, 84319, 268_290])]

    func testTotalColumnIsProtectedWhereTheRowDirectionAloneIsSafe() {
        let nurZeile = Geheimhaltung.apply(indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt"))
        XCTAssertEqual(geheim(nurZeile), ["Nord/Männer", "Süd/Männer"], "the total row alone needs no more")
        let beide = Geheimhaltung.apply(indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt", summeSpalte: "Summe"))
        XCTAssertEqual(geheim(beide), ["Nord/Frauen", "Nord/Männer", "Süd/Frauen", "Süd/Männer"],
                       "a cycle through both rows: the smallest cells that close it")
        XCTAssertEqual(beide.primary, 2)
        XCTAssertEqual(beide.sekundaer, 2)
        XCTAssertEqual(beide.summeSpalte, 2)
        XCTAssertEqual(aufdeckbar(indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt", summeSpalte: "Summe"), beide), [])
    }

    func testTotalColumnAloneProtectsEachRow() {
        let i = indikator(Self.columns, Array(Self.lines.prefix(3)), n: 1000, summeSpalte: "Summe")
        let pub = Geheimhaltung.apply(i)
        XCTAssertEqual(geheim(pub), ["Nord/Frauen", "Nord/Männer", "Süd/Frauen", "Süd/Männer"])
        XCTAssertEqual(aufdeckbar(i, pub), [])
    }

    func testHiddenValuesReachNoOutputByteWithATotalColumn() throws {
        var files = Fixture.minimal
        files["indikatoren/faelle.yaml"] = "titel: Fälle\neinheit: Anzahl\nquelle: LVR\ngeheimhaltung: 1000\nsumme: Gesamt\nsumme_spalte: Summe\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/faelle.csv"] = "Raum;Frauen;Männer;Summe\n" + Self.lines.map { raum, valueList in
            raum + ";" + valueList.map { NumberFormat.german($0!, stellen: 0) }.joined(separator: ";")
        }.joined(separator: "\n") + "\n"
        files["berichte/lage.md"] = "---\ntitel: Lagebericht Inklusion\ndatum: 2024-01-10\n---\n## Zahlen\n\n```indikator\nfaelle\n```\n"
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        let webPage = try f.page("indikatoren/faelle/index.html")
        XCTAssertTrue(webPage.contains("<th scope=\"row\">Nord</th><td class=\"zahl\">•"), "the table is there, with marks")
        XCTAssertTrue(webPage.contains("52.680") && webPage.contains("83.219"), "published values are shown")
        XCTAssertFalse(webPage.contains("Veränderung"), "categories with their total are no time series")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: XCTUnwrap(FileManager.default.contents(
            atPath: Paths.join(f.output, "indikatoren/faelle/faelle.json")))) as? [String: Any])
        XCTAssertEqual(json["summe_spalte"] as? String, "Summe")
        let baum = Fixture.tree(f.output)
        XCTAssertTrue(baum.keys.contains("suche/index.json") && baum.keys.contains("indikatoren/faelle/faelle.json"))
        // Raw and formatted forms of every hidden value, as whole numbers (no digit, letter, point or comma beside).
        let pattern = ["487", "613", "52\\.?193", "61\\.?327"].map { "(?<![0-9A-Za-z.,])\($0)(?![0-9A-Za-z])" }
        var durchsucht = 0
        for (pfad, payload) in baum {
            let text = String(decoding: payload, as: UTF8.self)
            durchsucht += 1
            for m in pattern { XCTAssertNil(text.range(of: m, options: .regularExpression), "\(m) in \(pfad)") }
        }
        XCTAssertGreaterThan(durchsucht, 20)
    }

    func testUnprotectableValueStopsCheckAndBuildAndHidesTheTable() throws {
        // Nord's 3s could only be protected through sums that are missing (known, for safety) or 0.
        let lines: [(String, [Double?])] = [("Nord", [3, 0, 3]), ("Süd", [0, 40, 40]), ("Gesamt", [nil, 40, nil])]
        let pub = Geheimhaltung.apply(indikator(Self.columns, lines, n: 5, summe: "Gesamt", summeSpalte: "Summe"))
        XCTAssertEqual(pub.unprotectedCells, [CellPosition(sourceLine: 0, columnIndex: 0), CellPosition(sourceLine: 0, columnIndex: 2)])
        XCTAssertFalse(pub.lines.contains { $0.cellValues.contains { $0.number != nil } }, "fail closed: no value is published")
        var files = Fixture.minimal
        files["indikatoren/faelle.yaml"] = "titel: Fälle\neinheit: Anzahl\nquelle: LVR\ngeheimhaltung: 5\nsumme: Gesamt\nsumme_spalte: Summe\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/faelle.csv"] = "Raum;Frauen;Männer;Summe\nNord;3;0;3\nSüd;0;40;40\nGesamt;-;40;-\n"
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.output))
        let csv = Paths.join(f.content, "indikatoren/faelle.csv")
        XCTAssertTrue(log.all.contains { $0.rule == "INDIKATOR" && $0.severity == .error
            && $0.location == SourceLocation(file: csv, line: 2, column: 1) && $0.message.contains("'Nord' in Spalte 'Frauen'") },
                      log.all.map(\.formatted).joined(separator: "\n"))
    }

    func testSummeSpalteMustNameAValueColumn() throws {
        var files = Fixture.minimal
        files["indikatoren/faelle.yaml"] = "titel: Fälle\neinheit: Anzahl\nquelle: LVR\nsumme_spalte: Summen\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/faelle.csv"] = "Raum;Frauen;Summe\nNord;3;3\n"
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        let e = try XCTUnwrap(log.all.first { $0.rule == "INDIKATOR" }, log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertEqual(e.location, SourceLocation(file: Paths.join(f.content, "indikatoren/faelle.yaml"), line: 4, column: 15))
        XCTAssertEqual(e.suggestion, "Summe")
    }

    func testTotalColumnThatIsNoTotalIsAWarning() throws {
        var files = Fixture.minimal
        files["indikatoren/faelle.yaml"] = "titel: Fälle\neinheit: Anzahl\nquelle: LVR\nsumme_spalte: Summe\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/faelle.csv"] = "Raum;Frauen;Männer;Summe\nNord;30;20;50\nSüd;10;10;25\n"
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue)
        XCTAssertTrue(log.all.contains { $0.severity == .warning && $0.location.line == 3 && $0.message.contains("Zeile 'Süd'") },
                      log.all.map(\.formatted).joined(separator: "\n"))
    }

    /// With totals one way only, a line whose total is missing is no equation: nothing more to hide there.
    func testMissingTotalNeedsNoSecondary() {
        let pub = Geheimhaltung.apply(indikator(["2020", "2022"], [("A", [3, 3]), ("B", [50, 60]), ("Gesamt", [nil, 63])],
                                                   n: 5, summe: "Gesamt"))
        XCTAssertEqual(geheim(pub), ["A/2020", "A/2022", "B/2022"])
    }

    // MARK: Brute force over random tables

    /// Every hidden cell takes at least two values across all non-negative whole-number tables that
    /// agree with everything published: each column sums to the total row, each row to the total
    /// column, where those are given. Missing values count as known (the totals leave them out).
    private func aufdeckbar(_ i: Indikator, _ pub: VeroeffentlichteTabelle) -> [String] {
        let t = i.table
        let s = i.summe.flatMap { n in t.lines.firstIndex { $0.raum == n } }
        let k = i.summeSpalte.flatMap { t.columns.firstIndex(of: $0) }
        let cellValues = t.lines.indices.flatMap { r in t.columns.indices.map { (r, $0) } }
        let versteckt = cellValues.filter { pub.lines[$0.0].cellValues[$0.1] == .geheim }
        guard !versteckt.isEmpty else { return [] }
        func value(_ r: Int, _ c: Int) -> Int { Int(t.lines[r].valueList[c] ?? 0) }
        let variable = Dictionary(uniqueKeysWithValues: versteckt.enumerated().map { ("\($1.0)/\($1.1)", $0) })
        var gleichungen: [Gleichung] = []
        func gleichung(_ glieder: [(Int, Int, Int)]) {   // (row, column, sign): Σ sign · cell = 0
            var g = Gleichung()
            for (r, c, v) in glieder {
                if let x = variable["\(r)/\(c)"] { g.glieder.append((x, v)) } else { g.konstante += v * value(r, c) }
            }
            gleichungen.append(g)
        }
        if let s {
            for c in t.columns.indices where k != nil || t.lines[s].valueList[c] != nil {
                gleichung(t.lines.indices.map { ($0, c, $0 == s ? -1 : 1) })
            }
        }
        if let k {
            for r in t.lines.indices where s != nil || t.lines[r].valueList[k] != nil {
                gleichung(t.columns.indices.map { (r, $0, $0 == k ? -1 : 1) })
            }
        }
        let isTrue = versteckt.map { value($0.0, $0.1) }
        let limit = t.lines.indices.flatMap { r in t.columns.indices.map { value(r, $0) } }.max()! * 2 + 2
        return versteckt.indices.compactMap { h in
            var belegung = [Int?](repeating: nil, count: isTrue.count)
            let suche = Suche(gleichungen: gleichungen, isTrue: isTrue, limit: limit, target: h)
            return suche.findet(&belegung) ? nil : "\(t.lines[versteckt[h].0].raum)/\(t.columns[versteckt[h].1]) = \(isTrue[h]) is determined"
        }
    }

    struct Gleichung {
        var glieder: [(variable: Int, faktor: Int)] = []
        var konstante = 0
    }

    /// Depth-first search for a solution whose `ziel` differs from the true value; values nearest the
    /// true ones first, equations with one open variable solved directly.
    struct Suche {
        let gleichungen: [Gleichung]
        let isTrue: [Int]
        let limit: Int
        let target: Int

        func findet(_ b: inout [Int?]) -> Bool {
            var gesetzt: [Int] = []
            defer { for v in gesetzt { b[v] = nil } }
            guard ableiten(&b, &gesetzt) else { return false }
            let isOpen = b[target] == nil ? target : b.firstIndex { $0 == nil }
            guard let v = isOpen else { return b[target] != isTrue[target] }
            for abstand in 0...limit {
                for w in Set([isTrue[v] - abstand, isTrue[v] + abstand]).sorted() where w >= 0 && w <= limit {
                    if v == target && w == isTrue[v] { continue }
                    b[v] = w
                    if findet(&b) { b[v] = nil; return true }
                    b[v] = nil
                }
            }
            return false
        }

        /// Fills variables that an equation fixes; false on a contradiction.
        private func ableiten(_ b: inout [Int?], _ gesetzt: inout [Int]) -> Bool {
            var weiter = true
            while weiter {
                weiter = false
                for g in gleichungen {
                    let isOpen = g.glieder.filter { b[$0.variable] == nil }
                    let summe = g.konstante + g.glieder.filter { b[$0.variable] != nil }.map { $0.faktor * b[$0.variable]! }.reduce(0, +)
                    if isOpen.isEmpty { if summe != 0 { return false }; continue }
                    if isOpen.allSatisfy({ $0.faktor > 0 }) && summe > 0 { return false }
                    if isOpen.allSatisfy({ $0.faktor < 0 }) && summe < 0 { return false }
                    guard isOpen.count == 1 else { continue }
                    let w = -summe * isOpen[0].faktor   // faktor is ±1
                    guard w >= 0, w <= limit else { return false }
                    b[isOpen[0].variable] = w
                    gesetzt.append(isOpen[0].variable)
                    weiter = true
                }
            }
            return true
        }
    }

    func testBruteForceNoHiddenValueCanBeWorkedOutWithRowAndColumnTotals() {
        var rng = SplitMix64(state: 1919)
        var mitSekundaer = [0, 0, 0]
        for runde in 0..<600 {
            let art = runde % 3   // 0: both totals, 1: total row only, 2: total column only
            let lines = Int.random(in: 2...3, using: &rng), columns = Int.random(in: 2...3, using: &rng)
            let n = Int.random(in: 3...6, using: &rng)
            var valueList: [[Double?]] = (0..<lines).map { _ in (0..<columns).map { _ in
                Int.random(in: 0..<15, using: &rng) == 0 ? nil : Double(Int.random(in: 0...12, using: &rng))
            } }
            // Totals leave missing values out; with one way only, a total over a missing value is missing too.
            func summe(_ glieder: [Double?]) -> Double? {
                art != 0 && glieder.contains(nil) ? nil : glieder.compactMap { $0 }.reduce(0, +)
            }
            if art != 1 { valueList = valueList.map { $0 + [summe($0)] } }
            let breite = valueList[0].count
            if art != 2 { valueList.append((0..<breite).map { c in summe(valueList.map { $0[c] }) }) }
            let names = (0..<columns).map { "S\($0)" } + (art != 1 ? ["Summe"] : [])
            let raeume = (0..<lines).map { "R\($0)" } + (art != 2 ? ["Gesamt"] : [])
            let i = indikator(names, Array(zip(raeume, valueList)), n: n, summe: art != 2 ? "Gesamt" : nil,
                              summeSpalte: art != 1 ? "Summe" : nil)
            let pub = Geheimhaltung.apply(i)
            XCTAssertEqual(pub.unprotectedCells, [], "\(valueList) n=\(n)")
            XCTAssertEqual(aufdeckbar(i, pub), [], "\(valueList) n=\(n) art=\(art)")
            for (r, sourceLine) in valueList.enumerated() {
                for (c, w) in sourceLine.enumerated() where w.map({ $0 >= 1 && $0 <= Double(n - 1) }) == true {
                    XCTAssertEqual(pub.lines[r].cellValues[c], .geheim, "primary")
                }
            }
            if pub.sekundaer > 0 { mitSekundaer[art] += 1 }
        }
        XCTAssertTrue(mitSekundaer.allSatisfy { $0 > 50 }, "every kind of table needs secondary suppression often: \(mitSekundaer)")
    }

    /// The checker is no rubber stamp: it finds a value that the total column gives away.
    func testCheckerFindsAValueGivenAwayByTheTotalColumn() {
        let i = indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt", summeSpalte: "Summe")
        let nurZeile = Geheimhaltung.apply(indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt"))
        XCTAssertEqual(aufdeckbar(i, nurZeile), ["Nord/Männer = 487 is determined", "Süd/Männer = 613 is determined"])
    }
}
