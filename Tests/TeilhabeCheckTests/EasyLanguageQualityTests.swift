import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeCheck

/// Recall and precision of the LS rules on a labelled test set (TestData/leichte-sprache.txt).
final class EasyLanguageQualityTests: XCTestCase {
    struct Text {
        var name: String
        var lines: [String]
        var expectations: [String]
    }

    /// The two labelled sets: the one written beside the rules, and the independent one (issue 23).
    static let sets = ["TestData/leichte-sprache.txt", "Fixtures/leichte-sprache-unabhaengig.txt"]

    static func testset(_ file: String = sets[0]) throws -> [Text] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(file)
        let contents = try String(contentsOf: path, encoding: .utf8)
        var texts: [Text] = []
        var current: Text?
        var expectedIn = false
        for sourceLine in contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if sourceLine.hasPrefix("#"), !sourceLine.hasPrefix("### ") { continue }
            if sourceLine.hasPrefix("### ") {
                if let t = current { texts.append(t) }
                current = Text(name: String(sourceLine.dropFirst(4)), lines: [], expectations: [])
                expectedIn = false
            } else if sourceLine == "=== erwartet" {
                expectedIn = true
            } else if expectedIn {
                if !sourceLine.trimmingCharacters(in: .whitespaces).isEmpty { current?.expectations.append(sourceLine) }
            } else if current != nil {
                current?.lines.append(sourceLine)
            }
        }
        if let t = current { texts.append(t) }
        return texts.map { t in var t = t; while t.lines.last?.isEmpty == true { t.lines.removeLast() }; return t }
    }

    struct Score {
        var texts = 0, clean = 0, expected = 0, found = 0, correct = 0
        var missed: [String] = [], extra: [String] = []
        var recall: Double { Double(correct) / Double(max(expected, 1)) }
        var precision: Double { Double(correct) / Double(max(found, 1)) }
    }

    /// Findings are compared as "line rule match"; each expected one may be matched once.
    static func score(_ texts: [Text], _ checker: LSRuleEngine) -> Score {
        var s = Score()
        for text in texts {
            let findings = checker.check(TextMask.lines(text.lines.joined(separator: "\n"), firstTextLine: 1))
            let actual = findings.map { "\($0.0.number) \($0.1.ruleId.rawValue) \($0.0.excerpt($0.1.textRange))" }
            var isOpen = text.expectations
            for finding in actual {
                if let i = isOpen.firstIndex(of: finding) { isOpen.remove(at: i); s.correct += 1 } else { s.extra.append("\(text.name): \(finding)") }
            }
            s.missed += isOpen.map { "\(text.name): \($0)" }
            s.expected += text.expectations.count
            s.found += actual.count
            s.texts += 1
            if text.expectations.isEmpty { s.clean += 1 }
        }
        return s
    }

    /// Prints one "ls-score" line per set (scripts/ls-score reads them) and holds both sets to 0.95.
    func testRecallAndPrecisionOnBothLabelledSets() throws {
        let lexicon = Lexicon.standard
        guard lexicon.hasWords, lexicon.hasFrequencies else { throw XCTSkip("scripts/install-lexika has not been run") }
        let checker = LSRuleEngine(lexicon: lexicon, delimiter: "·", referenceYear: 2026)
        for file in Self.sets {
            let s = Self.score(try Self.testset(file), checker)
            print(String(format: "ls-score %@: %d texts (%d clean), %d labelled findings, recall %.3f (%d/%d), precision %.3f (%d/%d)",
                         file, s.texts, s.clean, s.expected, s.recall, s.correct, s.expected, s.precision, s.correct, s.found))
            for f in s.missed { print("  missed: \(f)") }
            for f in s.extra { print("  extra:  \(f)") }
            XCTAssertGreaterThanOrEqual(s.texts, 60, file)
            XCTAssertGreaterThanOrEqual(s.expected, 100, file)
            XCTAssertGreaterThanOrEqual(s.recall, 0.95, file)
            XCTAssertGreaterThanOrEqual(s.precision, 0.95, file)
        }
    }
}
