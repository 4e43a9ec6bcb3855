import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeRender
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeMarkdown
@testable import TeilhabeLoad
@testable import TeilhabeCheck
@testable import TeilhabeBuild
@testable import TeilhabeServe
@testable import TeilhabeAudit

final class IndicatorTests: XCTestCase {
    // MARK: CSV

    func testCSVAsSpreadsheetsExportIt() throws {
        let utf8 = CSVReader(Array("\u{FEFF}Raum;2016;2018\r\nAachen;24.812;\"1.234,5\"\r\nMonschau;-;.\r\n".utf8))
        XCTAssertEqual(utf8.separator, ";")
        XCTAssertEqual(utf8.lines.map { $0.map(\.text) }, [["Raum", "2016", "2018"], ["Aachen", "24.812", "1.234,5"], ["Monschau", "-", "."]])
        let comma = CSVReader(Array("Raum,2020\nRoetgen,\"3,5\"\n".utf8))
        XCTAssertEqual(comma.separator, ",")
        XCTAssertEqual(comma.lines[1][1].text, "3,5")
        let cp1252 = CSVReader([0x57, 0xFC, 0x72, 0x73, 0x65, 0x6C, 0x65, 0x6E, 0x3B, 0x31, 0x0D, 0x0A, 0x80, 0x3B, 0x32]) // "Würselen;1\r\n€;2"
        XCTAssertEqual(cp1252.lines.map { $0.map(\.text) }, [["Würselen", "1"], ["€", "2"]])
        XCTAssertEqual(utf8.lines[1][2].sourceLine, 2)
        XCTAssertEqual(utf8.lines[1][2].columnIndex, 15, "a quoted cell starts at its quote")
    }

    func testNumbersGermanStyle() {
        XCTAssertEqual(Numbers.parse("24.812"), .value(24812))
        XCTAssertEqual(Numbers.parse("1.234,5"), .value(1234.5))
        XCTAssertEqual(Numbers.parse("12,5"), .value(12.5))
        XCTAssertEqual(Numbers.parse("3.5"), .value(3.5))
        XCTAssertEqual(Numbers.parse("-7"), .value(-7))
        for missing in ["", "-", ".", "–"] { XCTAssertEqual(Numbers.parse(missing), .missing) }
        XCTAssertEqual(Numbers.parse("zwölf"), .invalid)
        XCTAssertEqual(NumberFormat.german(26004, places: 0), "26.004")
        XCTAssertEqual(NumberFormat.german(-1234.56, places: 1), "−1.234,6")
        XCTAssertEqual(NumberFormat.percentChange(200, 210), "+5,0 %")
    }

    private func fixture(_ csv: String, yaml: String = "titel: Budget\neinheit: Anzahl\nquelle: LVR\ngeheimhaltung: 5\nsumme: Gesamt\ntitel_leicht: Zahlen zum Test\n") throws -> Fixture {
        var files = Fixture.minimal
        files["indikatoren/budget.yaml"] = yaml
        files["indikatoren/budget.csv"] = csv
        files["berichte/lage.md"] = "---\ntitel: Lagebericht Inklusion\ndatum: 2024-01-10\n---\n## Zahlen\n\n```indikator\nbudget\n```\n"
        files["berichte/lage.leicht.md"] = "---\ntitel: Bericht in Leichter Sprache\n---\nHier stehen Zahlen.\n\n```indikator\nbudget\n```\n"
        return try Fixture(files)
    }

    func testBadCellsAreErrorsWithLineAndColumn() throws {
        let f = try fixture("Raum;2020;2022\nA;12;zwölf\nB;3\nGesamt;15;20\n")
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        let csv = Paths.join(f.content, "indikatoren/budget.csv")
        XCTAssertTrue(log.all.contains { $0.rule == "CSV" && $0.location == SourceLocation(file: csv, line: 2, column: 6) && $0.message.contains("'zwölf'") })
        XCTAssertTrue(log.all.contains { $0.rule == "CSV" && $0.location.line == 3 && $0.message.contains("2 Zellen") })
    }

    func testUnknownEmbeddedIndicatorIsAnErrorWithFileAndLine() throws {
        let f = try fixture("Raum;2020\nA;12\nGesamt;12\n")
        try f.write("seiten/kontakt.md", "---\ntitel: Kontakt\n---\nText\n\n```indikator\nbudgett\n```\n")
        let (resultValue, log) = f.build()
        XCTAssertNil(resultValue)
        let e = try XCTUnwrap(log.all.first { $0.rule == "REF" })
        XCTAssertEqual(e.location, SourceLocation(file: Paths.join(f.content, "seiten/kontakt.md"), line: 7, column: 1))
        XCTAssertEqual(e.suggestion, "budget")
    }

    // MARK: Pages, charts, downloads

    func testIndicatorPageTableChartAndDownloads() throws {
        let f = try fixture("Raum;2020;2022\nAachen;1.200;1.500\nMonschau;3;40\nRoetgen;2;-\nGesamt;1.205;1.540\n")
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        let page = try f.page("indikatoren/budget/index.html")
        XCTAssertTrue(page.contains("<p class=\"tabellen-titel\">Budget <span class=\"einheit\">(Anzahl)</span></p>"))
        XCTAssertTrue(page.contains("<th scope=\"row\">Aachen</th><td class=\"zahl\">1.200</td><td class=\"zahl\">1.500</td><td class=\"zahl\">97,4 %</td><td class=\"zahl\">+25,0 %</td>"))
        XCTAssertTrue(page.contains("<th scope=\"col\" class=\"zahl\">Anteil an Gesamt 2022</th>"))
        XCTAssertTrue(page.contains("<td class=\"zahl\">–<span class=\"sr\"> (kein Wert)</span></td>"), "missing value with a note")
        XCTAssertTrue(page.contains("• Wert geheim gehalten"))
        XCTAssertTrue(page.contains("<svg class=\"diagramm\""))
        XCTAssertTrue(page.contains("<title>Budget, 2022: Balkendiagramm</title>"))
        XCTAssertTrue(page.contains("Im Jahr 2022 ist der Wert in Aachen am höchsten (1.500) und in Monschau am niedrigsten (40)."))
        XCTAssertTrue(page.contains("<a href=\"../../leichte-sprache/indikatoren/budget/\">Leichte Sprache</a>"))
        let csv = try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, "indikatoren/budget/budget.csv")))
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with BOM for Excel")
        XCTAssertEqual(String(decoding: csv.dropFirst(3), as: UTF8.self),
                       "Raum;2020;2022\r\nAachen;1200;1500\r\nMonschau;•;40\r\nRoetgen;•;\r\nGesamt;1205;1540\r\n")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: FileManager.default.contents(atPath: Paths.join(f.output, "indikatoren/budget/budget.json"))!) as? [String: Any])
        XCTAssertEqual(json["einheit"] as? String, "Anzahl")
        XCTAssertEqual((json["zeilen"] as? [[String: Any]])?.count, 4)
        XCTAssertTrue(try f.page("indikatoren/index.html").contains("<a href=\"../indikatoren/budget/\">Budget</a>"))
    }

    func testEmbeddedInReportAndSimplerInItsEasyTwin() throws {
        let f = try fixture("Raum;2020;2022\nAachen;1.200;1.500\nMonschau;30;40\nGesamt;1.230;1.540\n")
        f.build()
        let bericht = try f.page("berichte/lage/index.html")
        XCTAssertTrue(bericht.contains("<figure class=\"indikator-ansicht\">"))
        XCTAssertTrue(bericht.contains("<figcaption><a href=\"../../indikatoren/budget/\">Budget</a>"))
        XCTAssertTrue(bericht.contains("Anteil an Gesamt"))
        let leicht = try f.page("leichte-sprache/berichte/lage/index.html")
        XCTAssertTrue(leicht.contains("<figcaption><a href=\"../../../leichte-sprache/indikatoren/budget/\">"))
        XCTAssertFalse(leicht.contains("Anteil an"), "the easy figure keeps the table without the derived columns")
        XCTAssertTrue(leicht.contains("In Aachen ist die Zahl am größten."))
    }

    func testEasyTwinHasNoDecimalsOrPercentInItsText() throws {
        let f = try fixture("Raum;2018;2020;2022\nAachen;10,5;11,2;12,8\nMonschau;3,1;3,3;3,0\n",
                            yaml: "titel: Quote\ntitel_leicht: So viele bekommen Hilfe\neinheit: Prozent\nquelle: BA\nnachkommastellen: 1\nstichtag: 2022-12-31\n")
        f.build()
        let page = try f.page("leichte-sprache/indikatoren/budget/index.html")
        let sentences = try XCTUnwrap(page.components(separatedBy: "<p class=\"leicht-saetze\">").dropFirst().first?.components(separatedBy: "</p>").first)
        XCTAssertTrue(sentences.contains("Auf dieser Seite steht: So viele bekommen Hilfe."))
        XCTAssertTrue(sentences.contains("Die Zahlen sind vom 31. Dezember 2022."))
        XCTAssertTrue(sentences.contains("In Monschau ist die Zahl am kleinsten."))
        XCTAssertNil(sentences.range(of: #"\d,\d"#, options: .regularExpression), sentences)
        XCTAssertFalse(sentences.contains("%"))
        XCTAssertTrue(page.contains("<table class=\"indikator\" aria-label=\"So viele bekommen Hilfe (Prozent)\">"),
                      "the table is kept, under its easy title")
        XCTAssertTrue(page.contains("<body class=\"leicht\">"))
    }

    // MARK: Disclosure control

    private func indikator(_ valueList: [[Double?]], n: Int, summe: Bool) -> Indikator {
        var lines = valueList.enumerated().map { ValueTable.Row(raum: "R\($0.offset)", valueList: $0.element, sourceLine: $0.offset + 2) }
        if summe {
            let columns = valueList.first?.count ?? 0
            lines.append(ValueTable.Row(raum: "Gesamt", valueList: (0..<columns).map { c in
                valueList.contains { $0[c] == nil } ? nil : valueList.compactMap { $0[c] }.reduce(0, +)
            }, sourceLine: valueList.count + 2))
        }
        return Indikator(id: "x", titel: "X", titelLeicht: "X", beschreibung: nil, einheit: "Anzahl", quelle: "Q", stichtag: nil,
                         raumebene: nil, decimals: 0, geheimhaltung: n, summe: summe ? "Gesamt" : nil, sampleData: false,
                         table: ValueTable(columns: (0..<(valueList.first?.count ?? 0)).map { "S\($0)" }, areaTitle: "Raum", lines: lines),
                         location: SourceLocation(file: "x.yaml"))
    }

    /// Every hidden cell must take at least two values across all non-negative integer tables that
    /// agree with everything published (each column: total = sum of the areas).
    private func revealable(_ i: Indikator, _ pub: PublishedTable) -> [String] {
        var findings: [String] = []
        let lines = i.table.lines
        let s = lines.firstIndex { $0.raum == "Gesamt" }
        for c in i.table.columns.indices {
            let hiddenCells = pub.lines.indices.filter { pub.lines[$0].cellValues[c] == .geheim }
            guard !hiddenCells.isEmpty else { continue }
            guard let s, case let .value(total) = pub.lines[s].cellValues[c] else { continue }   // no equation: nothing to solve
            let known = pub.lines.indices.filter { $0 != s }.compactMap { pub.lines[$0].cellValues[c].number }.reduce(0, +)
            let rest = Int(total - known)
            let unknown = hiddenCells.filter { $0 != s }
            var possible: [Int: Set<Int>] = [:]
            func attempt(_ k: Int, _ remaining: Int, _ assignment: [Int]) {
                if k == unknown.count - 1 {
                    for (idx, value) in zip(unknown, assignment + [remaining]) { possible[idx, default: []].insert(value) }
                    return
                }
                for v in 0...max(0, remaining) { attempt(k + 1, remaining - v, assignment + [v]) }
            }
            if unknown.count == 1 { possible[unknown[0]] = [rest] } else if !unknown.isEmpty { attempt(0, rest, []) }
            for (sourceLine, valueList) in possible where valueList.count < 2 {
                findings.append("column \(c): row \(sourceLine) is \(valueList.first ?? -1) (true \(lines[sourceLine].valueList[c] ?? -1))")
            }
        }
        return findings
    }

    func testBruteForceNoHiddenValueCanBeWorkedOut() {
        var rng = SplitMix64(state: 1500)   // seeded: the same tables every run
        var checked = 0, withSecondary = 0
        for _ in 0..<1500 {
            let lines = Int.random(in: 2...4, using: &rng), columns = Int.random(in: 1...3, using: &rng)
            let n = Int.random(in: 3...6, using: &rng)
            let valueList: [[Double?]] = (0..<lines).map { _ in (0..<columns).map { _ in
                Int.random(in: 0..<12, using: &rng) == 0 ? nil : Double(Int.random(in: 0...14, using: &rng))
            } }
            let i = indikator(valueList, n: n, summe: true)
            let pub = Geheimhaltung.apply(i)
            XCTAssertEqual(revealable(i, pub), [], "\(valueList) n=\(n)")
            // Primary suppression: every value 1 … n−1 is hidden.
            for (r, sourceLine) in i.table.lines.enumerated() {
                for (c, w) in sourceLine.valueList.enumerated() where w.map({ $0 >= 1 && $0 <= Double(n - 1) }) == true {
                    XCTAssertEqual(pub.lines[r].cellValues[c], .geheim)
                }
            }
            checked += 1
            if pub.secondary > 0 { withSecondary += 1 }
        }
        XCTAssertEqual(checked, 1500)
        XCTAssertGreaterThan(withSecondary, 100, "the random tables exercise secondary suppression")
    }

    func testSecondarySuppressionTakesTheSmallestCellThatSuffices() {
        let i = indikator([[40], [2], [9], [25]], n: 5, summe: true)
        let pub = Geheimhaltung.apply(i)
        XCTAssertEqual(pub.lines.map { $0.cellValues[0] }, [.value(40), .geheim, .geheim, .value(25), .value(76)])
        XCTAssertEqual(pub.primary, 1)
        XCTAssertEqual(pub.secondary, 1)
        let withoutSum = Geheimhaltung.apply(indikator([[40], [2]], n: 5, summe: false))
        XCTAssertEqual(withoutSum.secondary, 0, "without a total nothing can be subtracted")
    }

    func testHiddenValuesReachNoOutput() throws {
        // 7 is hidden (primary); alone it could be subtracted from the total, so 1.111, the smallest other
        // value, is hidden too (secondary). No other number in the output is near them.
        let f = try fixture("Raum;2022\nNord;7\nSüd;1.111\nOst;2.345\nWest;3.580\nGesamt;7.043\n",
                            yaml: "titel: Budget\neinheit: Anzahl\nquelle: LVR\ngeheimhaltung: 10\nsumme: Gesamt\ntitel_leicht: Zahlen zum Test\n")
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        let tree = Fixture.tree(f.output)
        let geheim = [#"(?<![\d.,])7(?![\d.,])"#, #"1\.111|1111"#]
        XCTAssertTrue(try f.page("indikatoren/budget/index.html").contains("<th scope=\"row\">Süd</th><td class=\"zahl\">•"))
        let index = try XCTUnwrap(JSONSerialization.jsonObject(with: XCTUnwrap(tree["suche/index.json"])) as? [String: Any])
        let words = try XCTUnwrap(index["woerter"] as? [String: Any]).keys
        XCTAssertFalse(words.contains("7") || words.contains("1111") || words.contains("111"), "no secret value is a search word")
        for path in ["indikatoren/budget/index.html", "indikatoren/budget/budget.csv", "indikatoren/budget/budget.json",
                     "leichte-sprache/indikatoren/budget/index.html"] {
            var text = String(decoding: try XCTUnwrap(tree[path], path), as: UTF8.self)
            if path.hasSuffix(".html") {   // only the figure: the page frame has unrelated numbers (dates, ids)
                text = text.components(separatedBy: "<figure").dropFirst().joined()
            }
            for pattern in geheim {
                XCTAssertNil(text.range(of: pattern, options: .regularExpression), "\(pattern) in \(path)")
            }
        }
        let bericht = String(decoding: try XCTUnwrap(tree["berichte/lage/index.html"]), as: UTF8.self)
        let figure = bericht.components(separatedBy: "<figure").dropFirst().joined()
        for pattern in geheim { XCTAssertNil(figure.range(of: pattern, options: .regularExpression), "\(pattern) in the report") }
    }
}
