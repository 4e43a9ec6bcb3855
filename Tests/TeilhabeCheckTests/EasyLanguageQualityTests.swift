import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeCheck

/// Recall and precision of the LS rules on a labelled test set (TestData/leichte-sprache.txt).
final class EasyLanguageQualityTests: XCTestCase {
    struct Text {
        var name: String
        var lines: [String]
        var erwartet: [String]
    }

    static func testset() throws -> [Text] {
        let pfad = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("TestData/leichte-sprache.txt")
        let inhalt = try String(contentsOf: pfad, encoding: .utf8)
        var texts: [Text] = []
        var current: Text?
        var imErwartet = false
        for sourceLine in inhalt.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if sourceLine.hasPrefix("#"), !sourceLine.hasPrefix("### ") { continue }
            if sourceLine.hasPrefix("### ") {
                if let t = current { texts.append(t) }
                current = Text(name: String(sourceLine.dropFirst(4)), lines: [], erwartet: [])
                imErwartet = false
            } else if sourceLine == "=== erwartet" {
                imErwartet = true
            } else if imErwartet {
                if !sourceLine.trimmingCharacters(in: .whitespaces).isEmpty { current?.erwartet.append(sourceLine) }
            } else if current != nil {
                current?.lines.append(sourceLine)
            }
        }
        if let t = current { texts.append(t) }
        return texts.map { t in var t = t; while t.lines.last?.isEmpty == true { t.lines.removeLast() }; return t }
    }

    func testRecallAndPrecisionOnTheLabelledSet() throws {
        let lexikon = Lexicon.standard
        guard lexikon.hasWords, lexikon.hasFrequencies else { throw XCTSkip("scripts/install-lexika has not been run") }
        let texts = try Self.testset()
        let checker = LSRuleEngine(lexikon: lexikon, delimiter: "·", referenzjahr: 2026)
        var erwartetGesamt = 0, gefundenGesamt = 0, richtig = 0, fallen = 0
        var missing: [String] = [], zuviel: [String] = []
        for text in texts {
            let funde = checker.check(TextMask.lines(text.lines.joined(separator: "\n"), firstTextLine: 1))
            let ist = funde.map { "\($0.0.nummer) \($0.1.ruleId.rawValue) \($0.0.excerpt($0.1.textRange))" }
            var isOpen = text.erwartet
            for fund in ist {
                if let i = isOpen.firstIndex(of: fund) { isOpen.remove(at: i); richtig += 1 } else { zuviel.append("\(text.name): \(fund)") }
            }
            missing += isOpen.map { "\(text.name): \($0)" }
            erwartetGesamt += text.erwartet.count
            gefundenGesamt += ist.count
            if text.erwartet.isEmpty { fallen += 1 }
        }
        let recall = Double(richtig) / Double(max(erwartetGesamt, 1))
        let precision = Double(richtig) / Double(max(gefundenGesamt, 1))
        print("Leichte Sprache test set: \(texts.count) texts (\(fallen) traps), \(erwartetGesamt) labelled findings")
        print(String(format: "recall %.3f (%d/%d), precision %.3f (%d/%d)", recall, richtig, erwartetGesamt, precision, richtig, gefundenGesamt))
        for f in missing { print("  missed: \(f)") }
        for f in zuviel { print("  extra:  \(f)") }
        XCTAssertGreaterThanOrEqual(texts.count, 40)
        XCTAssertGreaterThanOrEqual(erwartetGesamt, 150)
        XCTAssertGreaterThanOrEqual(recall, 0.9)
        XCTAssertGreaterThanOrEqual(precision, 0.9)
    }
}
