import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeModel
@testable import TeilhabeRender

/// Surveys (issue 24, item 5): tables and stacked bars by area and group; a group below
/// `mindestfallzahl` is suppressed with every cell or total that would give it away.
final class BefragungTests: XCTestCase {
    static let areas = """
        - {id: aachen-ost, name: Aachen-Ost, kommune: Aachen}
        - {id: monschau, name: Monschau, kommune: Monschau}
        """

    static let yaml = """
        titel: Wohnbefragung 60plus
        titel_leicht: So wollen ältere Menschen wohnen
        stichtag: 2019-06-30
        frage: Wie zufrieden sind Sie mit Ihrer Wohnung?
        antworten: [sehr zufrieden, zufrieden, weniger zufrieden, unzufrieden]
        mindestfallzahl: 1000
        quelle: Testbefragung
        """

    /// In Aachen-Ost exactly one group (80+, 810 answers) is below 1000; Monschau has none.
    static let groups: [(String, String, [Int])] = [
        ("aachen-ost", "unter 65", [4127, 3871, 1583, 937]),
        ("aachen-ost", "65 bis 79", [2764, 3419, 1297, 673]),
        ("aachen-ost", "80 und älter", [283, 251, 167, 109]),
        ("monschau", "unter 65", [2119, 1984, 1046, 5627]),
        ("monschau", "65 und älter", [2335, 1871, 1923, 4811]),
    ]
    static let answers = ["sehr zufrieden", "zufrieden", "weniger zufrieden", "unzufrieden"]

    static var csv: String {
        "Raum;Gruppe;Antwort;Anzahl\n" + groups.flatMap { raum, group, counts in
            zip(answers, counts).map { "\(raum);\(group);\($0);\($1)" }
        }.joined(separator: "\n") + "\n"
    }

    private func fixture(yaml: String = BefragungTests.yaml, csv: String = BefragungTests.csv) throws -> Fixture {
        var files = Fixture.minimal
        files["sozialraeume.yaml"] = Self.areas
        files["befragungen/wohnen-60plus.yaml"] = yaml
        files["befragungen/wohnen-60plus.csv"] = csv
        return try Fixture(files)
    }

    private func befragung(_ rows: [(String, String, [Int])], minimum: Int) -> Befragung {
        Befragung(id: "x", titel: "X", titelLeicht: "X", stichtag: nil, frage: "F?", antworten: Self.answers, mindestfallzahl: minimum,
                  quelle: nil, sampleData: false, zeilen: rows.flatMap { raum, group, counts in
                      zip(Self.answers, counts).map { Befragung.Row(raum: raum, gruppe: group, antwort: $0, anzahl: $1,
                                                                       location: SourceLocation(file: "x.csv")) }
                  }, location: SourceLocation(file: "x.yaml"))
    }

    /// Every row (group with its total) and every column (answer with the total of all groups) is an
    /// equation: none may hold exactly one hidden cell, and every hidden cell must lie on a cycle.
    private func assertNothingCanBeWorkedOut(_ b: Befragung, file: StaticString = #filePath, line: UInt = #line) {
        for raum in b.areas {
            let t = BefragungGeheimhaltung.table(b, raum: raum)
            let hidden = Set(t.lines.indices.flatMap { r in t.columns.indices.filter { t.lines[r].cellValues[$0] == .geheim }
                .map { CellPosition(sourceLine: r, columnIndex: $0) } })
            for r in t.lines.indices {
                XCTAssertNotEqual(hidden.filter { $0.sourceLine == r }.count, 1, "row \(t.lines[r].raum) in \(raum)", file: file, line: line)
            }
            for c in t.columns.indices {
                XCTAssertNotEqual(hidden.filter { $0.columnIndex == c }.count, 1, "column \(t.columns[c]) in \(raum)", file: file, line: line)
            }
            let raw = BefragungGeheimhaltung.rawTable(b, raum: raum)
            let graph = SuppressionGraph(raw, totalRow: raw.lines.count - 1, totalColumn: raw.columns.count - 1, hidden: hidden)
            for p in hidden { XCTAssertTrue(graph.onCycle(p), "\(p) in \(raum) could be worked out", file: file, line: line) }
        }
    }

    func testExactlyOneSmallGroupInAnAreaIsHiddenWithWhatWouldRevealIt() {
        let b = befragung(Self.groups, minimum: 1000)
        let t = BefragungGeheimhaltung.table(b, raum: "aachen-ost")
        XCTAssertEqual(t.columns, Self.answers + ["Gesamt"])
        XCTAssertEqual(t.lines.map(\.raum), ["unter 65", "65 bis 79", "80 und älter", "Alle Gruppen"])
        XCTAssertTrue(t.lines[2].cellValues.allSatisfy { $0 == .geheim }, "the small group, its total included")
        XCTAssertEqual(t.primary, 5)
        XCTAssertGreaterThan(t.secondary, 0, "the total row alone would give the group away")
        XCTAssertEqual(t.lines[3].cellValues.last, .value(19481), "the area's total stays published")
        XCTAssertEqual(BefragungGeheimhaltung.table(b, raum: "monschau").secondary + BefragungGeheimhaltung.table(b, raum: "monschau").primary, 0)
        assertNothingCanBeWorkedOut(b)
    }

    func testSmallGroupInEveryLayoutStaysProtected() {
        // One small group beside a group with zeros; a small group alone in its area; two small groups.
        assertNothingCanBeWorkedOut(befragung([("a", "x", [500, 0, 300, 400]), ("a", "y", [3, 0, 2, 1]), ("a", "z", [200, 100, 0, 50])], minimum: 10))
        let alone = befragung([("a", "x", [3, 2, 1, 1])], minimum: 10)
        let t = BefragungGeheimhaltung.table(alone, raum: "a")
        XCTAssertTrue(t.lines.allSatisfy { $0.cellValues.allSatisfy { $0 != .value(3) && $0 != .value(7) } }, "the total of one group is that group")
        assertNothingCanBeWorkedOut(alone)
        assertNothingCanBeWorkedOut(befragung([("a", "x", [3, 2, 1, 1]), ("a", "y", [4, 1, 2, 0]), ("a", "z", [60, 70, 80, 90])], minimum: 10))
    }

    func testPagesTablesBarsAndDownloadsHoldNoSuppressedValue() throws {
        let f = try fixture()
        let (result, log) = f.build()
        XCTAssertNotNil(result, log.all.map(\.formatted).joined(separator: "\n"))
        let page = try f.page("befragungen/wohnen-60plus/index.html")
        XCTAssertTrue(page.contains("<h2 id=\"raum-1\">Aachen-Ost</h2>") && page.contains("<h2 id=\"raum-2\">Monschau</h2>"))
        XCTAssertTrue(page.contains("<th scope=\"row\">80 und älter</th><td class=\"zahl\">•"))
        XCTAssertTrue(page.contains("<td class=\"zahl\">4.127</td><td class=\"zahl\">39 %</td>"), "counts and percent of the group")
        XCTAssertTrue(page.contains("<text x=\"0\" y=\"165.0\" class=\"wert\">• nicht ausgewiesen</text>") || page.contains("• nicht ausgewiesen</text>"))
        XCTAssertTrue(page.contains("fill=\"url(#b1-m1)\""), "segments carry a pattern besides their colour")
        XCTAssertTrue(page.contains("Gruppen mit weniger als 1000 Antworten werden zum Schutz der Befragten nicht gezeigt"))
        let csv = try f.page("befragungen/wohnen-60plus/wohnen-60plus.csv")
        XCTAssertTrue(csv.contains("aachen-ost;80 und älter;sehr zufrieden;•"))
        XCTAssertTrue(csv.contains("monschau;unter 65;sehr zufrieden;2119"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(f.page("befragungen/wohnen-60plus/wohnen-60plus.json").utf8)) as? [String: Any])
        let rows = try XCTUnwrap(json["zeilen"] as? [[String: Any]])
        XCTAssertTrue(rows.contains { $0["gruppe"] as? String == "80 und älter" && $0["geheim"] as? Bool == true && $0["anzahl"] == nil })
        XCTAssertTrue(try f.page("leichte-sprache/befragungen/wohnen-60plus/index.html").contains("Aachen-Ost: 19.481 Menschen haben geantwortet."))
        XCTAssertTrue(try f.page("sitemap.xml").contains("https://www.example.org/inklusion/befragungen/wohnen-60plus/</loc>"))
        XCTAssertTrue(try f.page("suche/index.json").contains("Wohnbefragung 60plus"))
        // Every hidden value, raw and formatted, in no output file at all (HTML, SVG, CSV, JSON, search index, sitemap).
        let t = BefragungGeheimhaltung.table(befragung(Self.groups, minimum: 1000), raum: "aachen-ost")
        let raw = BefragungGeheimhaltung.rawTable(befragung(Self.groups, minimum: 1000), raum: "aachen-ost")
        var secret: Set<Int> = []
        for (r, line) in t.lines.enumerated() {
            for (c, z) in line.cellValues.enumerated() where z == .geheim { secret.insert(Int(raw.lines[r].valueList[c]!)) }
        }
        XCTAssertTrue(secret.isSuperset(of: [283, 251, 167, 109, 810]))
        let published = Set(t.lines.flatMap { $0.cellValues.compactMap { $0.number.map { Int($0) } } })
        let patterns = secret.subtracting(published).map { n -> String in
            let s = String(n), grouped = s.count > 3 ? String(s.dropLast(3)) + "\\.?" + String(s.suffix(3)) : s
            return "(?<![0-9A-Za-z.,])\(grouped)(?![0-9A-Za-z])"
        }
        var scanned = 0
        for (path, data) in Fixture.tree(f.output) where !path.hasPrefix("assets/") {
            let text = String(decoding: data, as: UTF8.self)
            scanned += 1
            for p in patterns { XCTAssertNil(text.range(of: p, options: .regularExpression), "\(p) in \(path)") }
        }
        XCTAssertGreaterThan(scanned, 20)
    }

    func testMistakesInTheSurveyAreErrorsAtTheirPlace() throws {
        let csv = Self.csv.replacingOccurrences(of: "aachen-ost;unter 65;zufrieden;3871", with: "aachen-ost;unter 65;zufreiden;3871")
            .replacingOccurrences(of: "monschau;65 und älter;unzufrieden;4811", with: "monschau;65 und älter;unzufrieden;48,5")
            .replacingOccurrences(of: "monschau;unter 65;sehr zufrieden;2119", with: "monschaw;unter 65;sehr zufrieden;2119")
        let f = try fixture(csv: csv)
        let (result, log) = f.build()
        XCTAssertNil(result)
        let errors = log.all.filter { $0.severity == .error }.map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(errors.contains("wohnen-60plus.csv:3:21: error: die Antwort „zufreiden“") && errors.contains("meinten Sie 'zufrieden'?"), errors)
        XCTAssertTrue(errors.contains("wohnen-60plus.csv:21:35: error: Anzahl „48,5“ muss eine ganze Zahl ab 0 sein"), errors)
        XCTAssertTrue(errors.contains("wohnen-60plus.csv:14:1: error: unbekannter Raum „monschaw“"), "all mistakes in one run: \(errors)")
        let f2 = try fixture(csv: Self.csv.replacingOccurrences(of: "monschau;unter 65;sehr zufrieden;2119", with: "monschaw;unter 65;sehr zufrieden;2119"))
        let (result2, log2) = f2.build()
        XCTAssertNil(result2)
        let errors2 = log2.all.filter { $0.severity == .error }.map(\.formatted).joined(separator: "\n")
        XCTAssertTrue(errors2.contains("wohnen-60plus.csv:14:1: error: unbekannter Raum „monschaw“") && errors2.contains("meinten Sie 'monschau'?"), errors2)
        let f3 = try fixture(csv: "Raum;Gruppe;Wert\n")
        XCTAssertTrue(f3.build().1.all.map(\.formatted).joined().contains("wohnen-60plus.csv:1:1: error: die erste Zeile muss 'Raum;Gruppe;Antwort;Anzahl' lauten"))
        let f4 = try fixture(yaml: Self.yaml.replacingOccurrences(of: "mindestfallzahl: 1000\n", with: ""))
        XCTAssertTrue(f4.build().1.all.map(\.formatted).joined().contains("mindestfallzahl"))
    }

    func testAreaByNameOrIdIsOneTable() throws {
        let f = try fixture(csv: Self.csv.replacingOccurrences(of: "monschau;65 und älter", with: "Monschau;65 und älter"))
        let (result, log) = f.build()
        XCTAssertNotNil(result, log.all.map(\.formatted).joined(separator: "\n"))
        let page = try f.page("befragungen/wohnen-60plus/index.html")
        XCTAssertEqual(page.components(separatedBy: ">Monschau</h2>").count - 1, 1)
        XCTAssertTrue(page.contains("<th scope=\"row\">65 und älter</th>"))
    }

    func testEditedAnswersChangeThePageOnTheNextBuild() throws {
        let f = try fixture()
        XCTAssertNotNil(f.build().0)
        XCTAssertTrue(try f.page("befragungen/wohnen-60plus/index.html").contains("2.119"))
        try f.write("befragungen/wohnen-60plus.csv", Self.csv.replacingOccurrences(of: ";2119", with: ";2118"))
        XCTAssertNotNil(f.build().0)
        let page = try f.page("befragungen/wohnen-60plus/index.html")
        XCTAssertTrue(page.contains("2.118") && !page.contains("2.119"))
    }
}
