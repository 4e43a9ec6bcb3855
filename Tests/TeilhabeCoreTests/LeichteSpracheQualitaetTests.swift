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

/// Recall and precision of the LS rules on a labelled test set (Testdaten/leichte-sprache.txt).
final class LeichteSpracheQualitaetTests: XCTestCase {
    struct Text {
        var name: String
        var zeilen: [String]
        var erwartet: [String]
    }

    static func testset() throws -> [Text] {
        let pfad = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Testdaten/leichte-sprache.txt")
        let inhalt = try String(contentsOf: pfad, encoding: .utf8)
        var texte: [Text] = []
        var aktuell: Text?
        var imErwartet = false
        for zeile in inhalt.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if zeile.hasPrefix("#"), !zeile.hasPrefix("### ") { continue }
            if zeile.hasPrefix("### ") {
                if let t = aktuell { texte.append(t) }
                aktuell = Text(name: String(zeile.dropFirst(4)), zeilen: [], erwartet: [])
                imErwartet = false
            } else if zeile == "=== erwartet" {
                imErwartet = true
            } else if imErwartet {
                if !zeile.trimmingCharacters(in: .whitespaces).isEmpty { aktuell?.erwartet.append(zeile) }
            } else if aktuell != nil {
                aktuell?.zeilen.append(zeile)
            }
        }
        if let t = aktuell { texte.append(t) }
        return texte.map { t in var t = t; while t.zeilen.last?.isEmpty == true { t.zeilen.removeLast() }; return t }
    }

    func testRecallAndPrecisionOnTheLabelledSet() throws {
        let lexikon = Lexicon.standard
        guard lexikon.hatWoerter, lexikon.hatFrequenzen else { throw XCTSkip("scripts/install-lexika has not been run") }
        let texte = try Self.testset()
        let pruefer = LSRuleEngine(lexikon: lexikon, trennzeichen: "·", referenzjahr: 2026)
        var erwartetGesamt = 0, gefundenGesamt = 0, richtig = 0, fallen = 0
        var fehlend: [String] = [], zuviel: [String] = []
        for text in texte {
            let funde = pruefer.check(TextMask.zeilen(text.zeilen.joined(separator: "\n"), ersteZeile: 1))
            let ist = funde.map { "\($0.0.nummer) \($0.1.regel.rawValue) \($0.0.ausschnitt($0.1.bereich))" }
            var offen = text.erwartet
            for fund in ist {
                if let i = offen.firstIndex(of: fund) { offen.remove(at: i); richtig += 1 } else { zuviel.append("\(text.name): \(fund)") }
            }
            fehlend += offen.map { "\(text.name): \($0)" }
            erwartetGesamt += text.erwartet.count
            gefundenGesamt += ist.count
            if text.erwartet.isEmpty { fallen += 1 }
        }
        let recall = Double(richtig) / Double(max(erwartetGesamt, 1))
        let precision = Double(richtig) / Double(max(gefundenGesamt, 1))
        print("Leichte Sprache test set: \(texte.count) texts (\(fallen) traps), \(erwartetGesamt) labelled findings")
        print(String(format: "recall %.3f (%d/%d), precision %.3f (%d/%d)", recall, richtig, erwartetGesamt, precision, richtig, gefundenGesamt))
        for f in fehlend { print("  missed: \(f)") }
        for f in zuviel { print("  extra:  \(f)") }
        XCTAssertGreaterThanOrEqual(texte.count, 40)
        XCTAssertGreaterThanOrEqual(erwartetGesamt, 150)
        XCTAssertGreaterThanOrEqual(recall, 0.9)
        XCTAssertGreaterThanOrEqual(precision, 0.9)
    }
}
