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


/// Indicator numbers: reading CSV values, formatting them, and what loading refuses (issue 19).
final class NumberTests: XCTestCase {
    // MARK: Parser and formatter, property tests

    /// Pieces that random cells are made of: digits, separators, signs, spaces, letters, exponents,
    /// long digit runs, NaN and infinity spellings, non-ASCII digits.
    private static let pieces = ["0", "1", "2", "5", "7", "9", "00", "123", ".", ",", "-", "−", "–", " ", "\u{00A0}", "\u{202F}",
                                  "a", "x", "X", "e", "E", "e+", "e-", "E308", "e400", "+", "NaN", "nan", "inf", "Infinity",
                                  "∞", "١٢", "½", "'", "%", "€", "0x1p3"]

    private func randomText(_ rng: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            if Int.random(in: 0..<6, using: &rng) == 0 {
                text += String((0..<Int.random(in: 1...40, using: &rng)).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            } else {
                text += NumberTests.pieces.randomElement(using: &rng)!
            }
        }
        return text
    }

    func testParserGivesAFiniteValueOrARefusalForAnyText() {
        var rng = SplitMix64(state: 19)
        var counter: [String: Int] = [:], errors: [String] = []
        for _ in 0..<12_000 {
            let text = randomText(&rng)
            let resultValue = Numbers.parse(text)
            switch resultValue {
            case let .value(w):
                counter["wert", default: 0] += 1
                if !w.isFinite || abs(w) >= 1e15 { errors.append("\(text) → \(w)") }
                // Plain ASCII digits with an optional minus: the value is exactly what Double reads.
                let compact = text.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }.replacingOccurrences(of: "−", with: "-")
                if compact.wholeMatch(of: #/-?[0-9]+/#) != nil, Double(compact) != w { errors.append("\(text) → \(w)") }
            case .missing: counter["fehlt", default: 0] += 1
            case .invalid: counter["ungueltig", default: 0] += 1
            case .outOfRange: counter["ausserhalb", default: 0] += 1
            }
        }
        XCTAssertEqual(errors.prefix(5), [])
        for art in ["wert", "fehlt", "ungueltig", "ausserhalb"] {
            XCTAssertGreaterThan(counter[art] ?? 0, 100, "the random texts reach '\(art)': \(counter)")
        }
    }

    /// Doubles of every kind: any bit pattern (NaN, ±∞, subnormals), any magnitude, exact halves.
    private func randomValue(_ rng: inout SplitMix64) -> Double {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return Double(bitPattern: rng.next())
        case 1:
            let m = Double.random(in: -1...1, using: &rng)
            return m * pow(10, Double(Int.random(in: -25...25, using: &rng)))
        case 2:   // exact halves of the last place
            let half = Double(Int64.random(in: -999_999_999...999_999_999, using: &rng)) / 2
            return half / pow(10, Double(Int.random(in: 0...6, using: &rng)))
        default: return [1e19, -1e19, 9.2e18, 1e15 - 1, 1e308, .greatestFiniteMagnitude, .leastNonzeroMagnitude, -0.0, 0.5, 2.5, -2.5,
                         0.05, 1.005, 999.9999995].randomElement(using: &rng)!
        }
    }

    func testFormatterIsTotalAndRoundsLikeAReference() throws {
        var rng = SplitMix64(state: 2024)
        var errors: [String] = [], compared = 0
        for _ in 0..<12_000 {
            let value = randomValue(&rng), places = Int.random(in: 0...10, using: &rng)
            let text = NumberFormat.german(value, places: places)
            guard value.isFinite else {
                if text != "–" { errors.append("\(value) → \(text)") }
                continue
            }
            let form = places == 0 ? #"^−?(0|[1-9][0-9]{0,2}(\.[0-9]{3})*)$"# : #"^−?(0|[1-9][0-9]{0,2}(\.[0-9]{3})*),[0-9]{\#(places)}$"#
            let back = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
                .replacingOccurrences(of: "−", with: "-")
            guard text.range(of: form, options: .regularExpression) != nil, let alreadyRead = Double(back) else {
                errors.append("\(value), \(places) → \(text): not a German number"); continue
            }
            if text.hasPrefix("−") && alreadyRead == 0 { errors.append("\(value), \(places) → \(text): minus zero") }
            // Parsed back, the text is the value within half a unit of its last place.
            let tolerance = 0.5 * pow(10, -Double(places)) * (1 + 1e-9) + abs(value) * 4 * Double.ulpOfOne
            if abs(alreadyRead - value) > tolerance { errors.append("\(value), \(places) → \(text)") }
            // In the range loading allows: exactly the shortest decimal form rounded half away from zero.
            if abs(value) < 1e15, let reference = NumberTests.reference(value, places: places), Decimal(string: back) != reference {
                errors.append("\(value), \(places) → \(text), reference \(reference)")
            }
            compared += 1
        }
        XCTAssertEqual(errors.prefix(5), [])
        XCTAssertGreaterThan(compared, 8_000)
    }

    /// Foundation's Decimal, rounded the German way (halves away from zero).
    private static func reference(_ value: Double, places: Int) -> Decimal? {
        guard var d = Decimal(string: "\(value)") else { return nil }
        var rounded = Decimal()
        NSDecimalRound(&rounded, &d, places, .plain)
        return rounded
    }

    func testFormatterExamplesAndRoundTrip() {
        XCTAssertEqual(NumberFormat.german(1e19, places: 0), "10.000.000.000.000.000.000")
        XCTAssertEqual(NumberFormat.german(1e13, places: 6), "10.000.000.000.000,000000")
        XCTAssertEqual(NumberFormat.german(-2.5, places: 0), "−3", "halves away from zero")
        XCTAssertEqual(NumberFormat.german(1.005, places: 2), "1,01", "the value as typed, not its binary neighbour")
        XCTAssertEqual(NumberFormat.german(-0.004, places: 2), "0,00", "no minus zero")
        XCTAssertEqual(NumberFormat.german(999.96, places: 1), "1.000,0")
        XCTAssertEqual(NumberFormat.german(.nan, places: 1), "–")
        XCTAssertEqual(NumberFormat.german(5, places: -3), "5")
        XCTAssertEqual(NumberFormat.german(1.5, places: 10_000).count, 2 + NumberFormat.maxPlaces)
        XCTAssertNil(NumberFormat.percentChange(.leastNonzeroMagnitude, 1e14), "an infinite change is no percentage")
        // What the formatter writes, the parser reads back (the HTML minus sign included).
        var rng = SplitMix64(state: 7)
        for _ in 0..<2_000 {
            let value = Double.random(in: -1e14...1e14, using: &rng) / pow(10, Double(Int.random(in: 0...12, using: &rng)))
            let places = Int.random(in: 0...6, using: &rng)
            guard case let .value(alreadyRead) = Numbers.parse(NumberFormat.german(value, places: places)) else {
                return XCTFail("\(value) \(places): \(NumberFormat.german(value, places: places)) not read back")
            }
            XCTAssertEqual(alreadyRead, value, accuracy: 0.5 * pow(10, -Double(places)) * 1.000001 + abs(value) * 1e-15)
        }
    }

    func testParserExamples() {
        XCTAssertEqual(Numbers.parse("−7"), .value(-7))
        XCTAssertEqual(Numbers.parse("1\u{202F}234"), .value(1234))
        XCTAssertEqual(Numbers.parse("-0"), .value(0))
        XCTAssertEqual(Numbers.parse("999.999.999.999.999"), .value(999_999_999_999_999))
        XCTAssertEqual(Numbers.parse("1.000.000.000.000.000"), .outOfRange)
        XCTAssertEqual(Numbers.parse("10000000000000000000"), .outOfRange)
        XCTAssertEqual(Numbers.parse(String(repeating: "9", count: 400)), .outOfRange)
        XCTAssertEqual(Numbers.parse("١٢"), .invalid, "Arabic-Indic digits")
        for text in ["NaN", "inf", "1e5", "1,5E+03", "0x10"] { XCTAssertEqual(Numbers.parse(text), .invalid, text) }
    }

    // MARK: Loading refuses what cannot be published

    private func fixture(_ csv: String, yaml: String) throws -> Fixture {
        var files = Fixture.minimal
        files["indikatoren/werte.yaml"] = yaml
        files["indikatoren/werte.csv"] = csv
        return try Fixture(files)
    }

    private func csvPath(_ f: Fixture) -> String { Paths.join(f.content, "indikatoren/werte.csv") }
    private func yamlPath(_ f: Fixture) -> String { Paths.join(f.content, "indikatoren/werte.yaml") }

    /// Check fails with exactly this error; so does the build (unless `build` is false, to save time
    /// where an earlier case covered it), which then writes nothing.
    private func refused(_ f: Fixture, rule: String, at place: SourceLocation, containing text: String, build: Bool = true,
                         file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let log = DiagnosticLog()
        XCTAssertNil(Build.check(content: f.content, log: log), "check fails", file: file, line: line)
        let finding = log.all.first { $0.rule == rule && $0.location == place && $0.message.contains(text) }
        XCTAssertNotNil(finding, log.all.map(\.formatted).joined(separator: "\n"), file: file, line: line)
        if build {
            let (resultValue, buildLog) = f.build()
            XCTAssertNil(resultValue, file: file, line: line)
            XCTAssertFalse(FileManager.default.fileExists(atPath: f.output), "nothing written", file: file, line: line)
            XCTAssertTrue(buildLog.all.contains { $0.rule == rule && $0.location == place }, file: file, line: line)
        }
        return finding
    }

    func testHugeValueIsAnErrorAtItsCellNotACrash() throws {
        let f = try fixture("Raum;2020;2022\nA;10000000000000000000;3\nB;1;2\n", yaml: "titel: Quote\neinheit: Prozent\nquelle: BA\ntitel_leicht: Zahlen zum Test\n")
        _ = refused(f, rule: "CSV", at: SourceLocation(file: csvPath(f), line: 2, column: 3), containing: "zu groß")
        let cli = try Fixture.teilhabe(["check", "--content", f.content])
        XCTAssertEqual(cli.status, 1, cli.stderr)
        XCTAssertTrue(cli.stderr.contains("indikatoren/werte.csv:2:3: error: '10000000000000000000' ist zu groß"), cli.stderr)
    }

    func testLargestAllowedValuesWithSixPlacesBuild() throws {
        let f = try fixture("Raum;2020\nA;10.000.000.000.000\nB;−999.999.999.999.999\n",
                            yaml: "titel: Quote\neinheit: Euro\nquelle: BA\nnachkommastellen: 6\ntitel_leicht: Zahlen zum Test\n")
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        let webPage = try f.page("indikatoren/werte/index.html")
        XCTAssertTrue(webPage.contains("<td class=\"zahl\">10.000.000.000.000,000000</td>"))
        XCTAssertTrue(webPage.contains("<td class=\"zahl\">−999.999.999.999.999,000000</td>"))
    }

    func testNachkommastellenOutsideZeroToSixIsAnError() throws {
        for value in ["7", "-1", "2,5"] {
            let f = try fixture("Raum;2020\nA;1\n", yaml: "titel: Quote\neinheit: Prozent\nquelle: BA\nnachkommastellen: \(value)\ntitel_leicht: Zahlen zum Test\n")
            _ = refused(f, rule: "SCHEMA-TYPE", at: SourceLocation(file: yamlPath(f), line: 4, column: 19), containing: "von 0 bis 6",
                        build: value == "7")
        }
    }

    func testFractionalCountIsAnErrorAtItsCell() throws {
        let withSuppression = try fixture("Raum;2020;2022\nA;12;4,99\nB;0,5;20\nGesamt;12,5;24,99\n",
                              yaml: "titel: Fälle\neinheit: Anzahl\nquelle: LVR\ngeheimhaltung: 5\nsumme: Gesamt\ntitel_leicht: Zahlen zum Test\n")
        let finding = refused(withSuppression, rule: "CSV", at: SourceLocation(file: csvPath(withSuppression), line: 2, column: 6), containing: "keine ganze Zahl")
        XCTAssertEqual(finding?.message, "'4,99' ist keine ganze Zahl: bei einheit Anzahl sind nur ganze Zahlen erlaubt")
        // Every count is whole, with or without suppression.
        let without = try fixture("Raum;2020\nA;12\nB;0,5\n", yaml: "titel: Fälle\neinheit: Anzahl\nquelle: LVR\ntitel_leicht: Zahlen zum Test\n")
        _ = refused(without, rule: "CSV", at: SourceLocation(file: csvPath(without), line: 3, column: 3), containing: "keine ganze Zahl")
    }

    func testNegativeCountIsAnErrorOnlyWithSuppression() throws {
        let withSuppression = try fixture("Raum;2020\nA;12\nB;-3\n", yaml: "titel: Saldo\neinheit: Anzahl\nquelle: LVR\ngeheimhaltung: 5\ntitel_leicht: Zahlen zum Test\n")
        _ = refused(withSuppression, rule: "CSV", at: SourceLocation(file: csvPath(withSuppression), line: 3, column: 3), containing: "negativ")
        let without = try fixture("Raum;2020\nA;12\nB;-3\n", yaml: "titel: Saldo\neinheit: Anzahl\nquelle: LVR\ntitel_leicht: Zahlen zum Test\n")
        let (resultValue, log) = without.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
    }

    func testEinheitIsAClosedListWithAHint() throws {
        let cases = [("anzahl", "Anzahl"), ("Anzahl Personen", "Anzahl"), ("%", "Prozent"), ("Euro pro Einwohner", "Euro je Einwohner"),
                      ("je 1000 Einwohner", "je 1.000 Einwohner")]
        for (einheit, suggested) in cases {
            let f = try fixture("Raum;2020\nA;2\nB;40\n", yaml: "titel: Fälle\neinheit: \"\(einheit)\"\nquelle: LVR\ngeheimhaltung: 5\ntitel_leicht: Zahlen zum Test\n")
            let finding = refused(f, rule: "SCHEMA-VALUE", at: SourceLocation(file: yamlPath(f), line: 2, column: 10),
                                 containing: "einheit '\(einheit)' ist nicht bekannt", build: einheit == "anzahl")
            XCTAssertEqual(finding?.suggestion, suggested, einheit)
            XCTAssertTrue(finding?.message.contains("meinten Sie '\(suggested)'?") == true, finding?.message ?? "")
        }
    }

    func testSuppressionOnAnotherUnitIsAnError() throws {
        let f = try fixture("Raum;2020\nA;2\nB;40\n", yaml: "titel: Quote\neinheit: Prozent\nquelle: BA\ngeheimhaltung: 5\ntitel_leicht: Zahlen zum Test\n")
        _ = refused(f, rule: "INDIKATOR", at: SourceLocation(file: yamlPath(f), line: 4, column: 16), containing: "nur für einheit Anzahl")
    }

    /// The documented list and the list the loader accepts are the same.
    func testEveryUnitIsDocumented() throws {
        let docs = try String(contentsOf: Fixture.packageRoot.appendingPathComponent("docs/inhaltsmodell.md"), encoding: .utf8)
        let section = try XCTUnwrap(docs.components(separatedBy: "## 8. Indikatoren").dropFirst().first?.components(separatedBy: "\n## ").first)
        for einheit in Einheit.allCases { XCTAssertTrue(section.contains("`\(einheit.rawValue)`"), einheit.rawValue) }
        let fromDocs = section.components(separatedBy: "Erlaubte Einheiten:").dropFirst().first?.components(separatedBy: "\n\n").first ?? ""
        XCTAssertEqual(fromDocs.matches(of: #/`([^`]+)`/#).map { String($0.1) }, Einheit.allCases.map(\.rawValue))
    }
}
