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
                  table: ValueTable(columns: columns, areaTitle: "Raum",
                                   lines: lines.enumerated().map { ValueTable.Row(raum: $1.0, valueList: $1.1, sourceLine: $0 + 2) }),
                  location: SourceLocation(file: "x.yaml"))
    }

    private func geheim(_ pub: PublishedTable) -> [String] {
        pub.lines.flatMap { z in z.cellValues.indices.filter { z.cellValues[$0] == .geheim }.map { "\(z.raum)/\(pub.columns[$0])" } }
    }

    /// 487 and 613 (below geheimhaltung 1000) share the column Männer, so the total row alone gives
    /// neither away; the total column does: Nord's Summe 52.680 − Frauen 52.193 = 487.
    static let columns = ["Frauen", "Männer", "Summe"]
    static let lines: [(String, [Double?])] = [("Nord", [52193, 487, 52680]), ("Süd", [61327, 613, 61940]),
                                                ("Ost", [70451, 83219, 153_670]), ("Gesamt", [183_971, 84319, 268_290])]

    func testTotalColumnIsProtectedWhereTheRowDirectionAloneIsSafe() {
        let onlyRow = Geheimhaltung.apply(indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt"))
        XCTAssertEqual(geheim(onlyRow), ["Nord/Männer", "Süd/Männer"], "the total row alone needs no more")
        let both = Geheimhaltung.apply(indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt", summeSpalte: "Summe"))
        XCTAssertEqual(geheim(both), ["Nord/Frauen", "Nord/Männer", "Süd/Frauen", "Süd/Männer"],
                       "a cycle through both rows: the smallest cells that close it")
        XCTAssertEqual(both.primary, 2)
        XCTAssertEqual(both.secondary, 2)
        XCTAssertEqual(both.summeSpalte, 2)
        XCTAssertEqual(revealable(indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt", summeSpalte: "Summe"), both), [])
    }

    func testTotalColumnAloneProtectsEachRow() {
        let i = indikator(Self.columns, Array(Self.lines.prefix(3)), n: 1000, summeSpalte: "Summe")
        let pub = Geheimhaltung.apply(i)
        XCTAssertEqual(geheim(pub), ["Nord/Frauen", "Nord/Männer", "Süd/Frauen", "Süd/Männer"])
        XCTAssertEqual(revealable(i, pub), [])
    }

    func testHiddenValuesReachNoOutputByteWithATotalColumn() throws {
        var files = Fixture.minimal
        files["indikatoren/faelle.yaml"] = "titel: Fälle\neinheit: Anzahl\nquelle: LVR\ngeheimhaltung: 1000\nsumme: Gesamt\nsumme_spalte: Summe\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/faelle.csv"] = "Raum;Frauen;Männer;Summe\n" + Self.lines.map { raum, valueList in
            raum + ";" + valueList.map { NumberFormat.german($0!, places: 0) }.joined(separator: ";")
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
        let tree = Fixture.tree(f.output)
        XCTAssertTrue(tree.keys.contains("suche/index.json") && tree.keys.contains("indikatoren/faelle/faelle.json"))
        // Raw and formatted forms of every hidden value, as whole numbers (no digit, letter, point or comma beside).
        let pattern = ["487", "613", "52\\.?193", "61\\.?327"].map { "(?<![0-9A-Za-z.,])\($0)(?![0-9A-Za-z])" }
        var searched = 0
        for (path, payload) in tree {
            let text = String(decoding: payload, as: UTF8.self)
            searched += 1
            for m in pattern { XCTAssertNil(text.range(of: m, options: .regularExpression), "\(m) in \(path)") }
        }
        XCTAssertGreaterThan(searched, 20)
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
    private func revealable(_ i: Indikator, _ pub: PublishedTable) -> [String] {
        let t = i.table
        let s = i.summe.flatMap { n in t.lines.firstIndex { $0.raum == n } }
        let k = i.summeSpalte.flatMap { t.columns.firstIndex(of: $0) }
        let cellValues = t.lines.indices.flatMap { r in t.columns.indices.map { (r, $0) } }
        let hiddenCells = cellValues.filter { pub.lines[$0.0].cellValues[$0.1] == .geheim }
        guard !hiddenCells.isEmpty else { return [] }
        func value(_ r: Int, _ c: Int) -> Int { Int(t.lines[r].valueList[c] ?? 0) }
        let variable = Dictionary(uniqueKeysWithValues: hiddenCells.enumerated().map { ("\($1.0)/\($1.1)", $0) })
        var equations: [Equation] = []
        func equation(_ members: [(Int, Int, Int)]) {   // (row, column, sign): Σ sign · cell = 0
            var g = Equation()
            for (r, c, v) in members {
                if let x = variable["\(r)/\(c)"] { g.members.append((x, v)) } else { g.constant += v * value(r, c) }
            }
            equations.append(g)
        }
        if let s {
            for c in t.columns.indices where k != nil || t.lines[s].valueList[c] != nil {
                equation(t.lines.indices.map { ($0, c, $0 == s ? -1 : 1) })
            }
        }
        if let k {
            for r in t.lines.indices where s != nil || t.lines[r].valueList[k] != nil {
                equation(t.columns.indices.map { (r, $0, $0 == k ? -1 : 1) })
            }
        }
        let isTrue = hiddenCells.map { value($0.0, $0.1) }
        let limit = t.lines.indices.flatMap { r in t.columns.indices.map { value(r, $0) } }.max()! * 2 + 2
        return hiddenCells.indices.compactMap { h in
            var assignment = [Int?](repeating: nil, count: isTrue.count)
            let search = Search(equations: equations, isTrue: isTrue, limit: limit, target: h)
            return search.finds(&assignment) ? nil : "\(t.lines[hiddenCells[h].0].raum)/\(t.columns[hiddenCells[h].1]) = \(isTrue[h]) is determined"
        }
    }

    struct Equation {
        var members: [(variable: Int, factor: Int)] = []
        var constant = 0
    }

    /// Depth-first search for a solution whose `ziel` differs from the true value; values nearest the
    /// true ones first, equations with one open variable solved directly.
    struct Search {
        let equations: [Equation]
        let isTrue: [Int]
        let limit: Int
        let target: Int

        func finds(_ b: inout [Int?]) -> Bool {
            var isSet: [Int] = []
            defer { for v in isSet { b[v] = nil } }
            guard derive(&b, &isSet) else { return false }
            let isOpen = b[target] == nil ? target : b.firstIndex { $0 == nil }
            guard let v = isOpen else { return b[target] != isTrue[target] }
            for distance in 0...limit {
                for w in Set([isTrue[v] - distance, isTrue[v] + distance]).sorted() where w >= 0 && w <= limit {
                    if v == target && w == isTrue[v] { continue }
                    b[v] = w
                    if finds(&b) { b[v] = nil; return true }
                    b[v] = nil
                }
            }
            return false
        }

        /// Fills variables that an equation fixes; false on a contradiction.
        private func derive(_ b: inout [Int?], _ isSet: inout [Int]) -> Bool {
            var onward = true
            while onward {
                onward = false
                for g in equations {
                    let isOpen = g.members.filter { b[$0.variable] == nil }
                    let summe = g.constant + g.members.filter { b[$0.variable] != nil }.map { $0.factor * b[$0.variable]! }.reduce(0, +)
                    if isOpen.isEmpty { if summe != 0 { return false }; continue }
                    if isOpen.allSatisfy({ $0.factor > 0 }) && summe > 0 { return false }
                    if isOpen.allSatisfy({ $0.factor < 0 }) && summe < 0 { return false }
                    guard isOpen.count == 1 else { continue }
                    let w = -summe * isOpen[0].factor   // faktor is ±1
                    guard w >= 0, w <= limit else { return false }
                    b[isOpen[0].variable] = w
                    isSet.append(isOpen[0].variable)
                    onward = true
                }
            }
            return true
        }
    }

    func testBruteForceNoHiddenValueCanBeWorkedOutWithRowAndColumnTotals() {
        var rng = SplitMix64(state: 1919)
        var withSecondary = [0, 0, 0]
        for round in 0..<600 {
            let art = round % 3   // 0: both totals, 1: total row only, 2: total column only
            let lines = Int.random(in: 2...3, using: &rng), columns = Int.random(in: 2...3, using: &rng)
            let n = Int.random(in: 3...6, using: &rng)
            var valueList: [[Double?]] = (0..<lines).map { _ in (0..<columns).map { _ in
                Int.random(in: 0..<15, using: &rng) == 0 ? nil : Double(Int.random(in: 0...12, using: &rng))
            } }
            // Totals leave missing values out; with one way only, a total over a missing value is missing too.
            func summe(_ members: [Double?]) -> Double? {
                art != 0 && members.contains(nil) ? nil : members.compactMap { $0 }.reduce(0, +)
            }
            if art != 1 { valueList = valueList.map { $0 + [summe($0)] } }
            let width = valueList[0].count
            if art != 2 { valueList.append((0..<width).map { c in summe(valueList.map { $0[c] }) }) }
            let names = (0..<columns).map { "S\($0)" } + (art != 1 ? ["Summe"] : [])
            let areas = (0..<lines).map { "R\($0)" } + (art != 2 ? ["Gesamt"] : [])
            let i = indikator(names, Array(zip(areas, valueList)), n: n, summe: art != 2 ? "Gesamt" : nil,
                              summeSpalte: art != 1 ? "Summe" : nil)
            let pub = Geheimhaltung.apply(i)
            XCTAssertEqual(pub.unprotectedCells, [], "\(valueList) n=\(n)")
            XCTAssertEqual(revealable(i, pub), [], "\(valueList) n=\(n) art=\(art)")
            for (r, sourceLine) in valueList.enumerated() {
                for (c, w) in sourceLine.enumerated() where w.map({ $0 >= 1 && $0 <= Double(n - 1) }) == true {
                    XCTAssertEqual(pub.lines[r].cellValues[c], .geheim, "primary")
                }
            }
            if pub.secondary > 0 { withSecondary[art] += 1 }
        }
        XCTAssertTrue(withSecondary.allSatisfy { $0 > 50 }, "every kind of table needs secondary suppression often: \(withSecondary)")
    }

    /// The checker is no rubber stamp: it finds a value that the total column gives away.
    func testCheckerFindsAValueGivenAwayByTheTotalColumn() {
        let i = indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt", summeSpalte: "Summe")
        let onlyRow = Geheimhaltung.apply(indikator(Self.columns, Self.lines, n: 1000, summe: "Gesamt"))
        XCTAssertEqual(revealable(i, onlyRow), ["Nord/Männer = 487 is determined", "Süd/Männer = 613 is determined"])
    }
}
