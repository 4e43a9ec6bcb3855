import Foundation
import Synchronization
import XCTest
import TeilhabeTesting
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeMarkdown
@testable import TeilhabeLoad
@testable import TeilhabeCheck
@testable import TeilhabeRender
@testable import TeilhabeBuild
@testable import TeilhabeServe
@testable import TeilhabeAudit

/// The byte-wise stand-ins for standard-library and Foundation calls must answer exactly as those do.
final class FastTextTests: XCTestCase {
    static let samples = [
        "", " ", "\t", "Haus", "  Haus  ", "\tHaus\t", " Bürger·innen ", "\u{00A0}Haus\u{00A0}", " Straße\u{2003}",
        "\n Zeile \r\n", "ÄÖÜ", " <th>a</th><th style=\"x\">b</th> ", "– Strich –", "a\u{0301} ", "\u{3000}x",
    ]

    func testTrimmingAnswersLikeFoundation() {
        for probe in Self.samples {
            XCTAssertEqual(probe.trimmed(), probe.trimmingCharacters(in: .whitespaces), probe.debugDescription)
            XCTAssertEqual(probe.trimmed(lineEndings: true), probe.trimmingCharacters(in: .whitespacesAndNewlines),
                           probe.debugDescription)
            XCTAssertEqual(probe.dropFirst().trimmed(), probe.dropFirst().trimmingCharacters(in: .whitespaces))
        }
    }

    func testReplacingAnswersLikeTheStandardLibrary() {
        for probe in Self.samples + ["<th><th>", "<t<th>h>", "<th", "<th style=", "aa"] where probe != "a\u{0301} " {
            for (old, new) in [("<th>", "<th scope=\"col\">"), ("a", "b"), ("ß", "ss"), ("<th style=", "")] {
                XCTAssertEqual(probe.replaced(old, with: new), probe.replacing(old, with: new), "\(probe) \(old)")
            }
        }
        // Bytes, not Characters: a match followed by a combining mark is replaced all the same.
        XCTAssertEqual("a\u{0301}".replaced("a", with: "b"), "b\u{0301}")
    }

    func testHTMLEscapingOfTemplateValues() {
        let e = FastHTML()
        XCTAssertEqual(e.escapeText("Bürger & Rat <b>\"x\" 'y'</b>"),
                       "Bürger &amp; Rat &lt;b&gt;&quot;x&quot; &#39;y&#39;&lt;/b&gt;")
        XCTAssertEqual(e.escapeText("Nichts zu tun · ÄÖÜ"), "Nichts zu tun · ÄÖÜ")
    }

    func testWordTableLowerCasesLikeSwiftAndFindsEveryWord() {
        let list = ["Haus", "haus", "Ärger", "Öl", "Übergang", "ÄÖÜ", "Straße", "Élan", "groß", "Zoë", "×mal"]
        let table = WordTable.load(wortliste: Array(list.joined(separator: "\n").utf8),
                                        frequencies: Array("haus\t5.5\nstrasse\t4.25\nzoë\t2\n".utf8))
        for word in list {
            let entry = table.search(word.lowercased())
            XCTAssertEqual(entry?.word, true, word)
        }
        XCTAssertEqual(table.search("ärger")?.nomen, true)
        XCTAssertEqual(table.search("groß")?.nomen, false)
        XCTAssertEqual(table.search("haus")?.zipf, 5.5)
        XCTAssertEqual(table.search("strasse")?.zipf, Double("4.25"))
        XCTAssertEqual(table.search("strasse")?.word, false, "only in the frequency list")
        XCTAssertNil(table.search("hau"))
        XCTAssertNil(table.search("×mal".uppercased()))
    }

    func testWordTableGrowsBeyondItsFirstSize() {
        var table = WordTable(erwartet: 2)
        for n in 0..<5_000 {
            let word = Array("wort\(n)".utf8)
            word.withUnsafeBufferPointer { b in table.eintragen(b) { $0.word = true } }
        }
        XCTAssertEqual(table.entries.count, 5_000)
        XCTAssertTrue((0..<5_000).allSatisfy { table.search("wort\($0)")?.word == true })
        XCTAssertNil(table.search("wort5000"))
    }

    func testFrontMatterEdgeCases() throws {
        let empty = try XCTUnwrap(FrontMatter("---\n---\nText"))
        XCTAssertEqual(empty.yaml, "")
        XCTAssertEqual(empty.body, "Text")
        XCTAssertEqual(empty.bodyFirstLine, 3)
        let withoutBody = try XCTUnwrap(FrontMatter("--- \na: 1\n...\t"))
        XCTAssertEqual(withoutBody.yaml, "a: 1")
        XCTAssertEqual(withoutBody.body, "")
        let umlauts = try XCTUnwrap(FrontMatter("---\ntitel: Büro·räume\n---\n\n## Über uns\n"))
        XCTAssertEqual(umlauts.yaml, "titel: Büro·räume")
        XCTAssertEqual(umlauts.body, "\n## Über uns\n")
        XCTAssertEqual(umlauts.bodyFirstLine, 4)
        XCTAssertNil(FrontMatter("----\na: 1\n---\n"))
    }

    func testSearchWordsFoldLikeTheIndexScript() {
        XCTAssertEqual(SearchIndex.wordList("Straße, Bürger·innen und ÄRGER; x 42 Café"),
                       ["strasse", "buergerinnen", "aerger", "42", "café"])
        XCTAssertEqual(SearchIndex.wordLines("Haus haus HAUS Amt"), "amt\nhaus")
    }

    /// Slugs of ASCII texts are made byte by byte: the same as through Characters.
    func testASCIISlugsEqualThoseMadeByCharacters() {
        for text in ["Auswirkungen auf die Inklusion", "2024/0001", "  --Teil 3: Ziele & Wege!  ", "", "!!!", "a\r\nb",
                     "ABC_def-GHI.42", "Z", "x  y", "Sachlage", "TOP 1.2 (neu)"] {
            XCTAssertEqual(Slug.make(text), Slug.general(text), text)
        }
        XCTAssertEqual(Slug.make("Über Uns!"), Slug.general("Über Uns!"))
    }

    /// Output paths are checked on bytes: the answer is the one of resolving them.
    func testResolvedPathCheckAgreesWithResolve() {
        let paths = ["a", "a/b.html", "", "/", "/a", "a/", "a//b", ".", "..", "./a", "a/.", "a/..", "../a", "a/../b",
                     "...", "a/.../b", ".a/b.", "a/..b/c", "vorlagen/2024-0001/index.html", "oparl/v1.1/paper/x.json", "a/./b"]
        for path in paths {
            XCTAssertEqual(Paths.isResolved(path), Paths.resolve(path) == path && !path.isEmpty, path)
        }
    }

    /// The byte path gives what the String path gives, and leaves words outside ASCII to it.
    func testSearchWordLinesOnBytesEqualTheStringPath() throws {
        let texts = [
            "Straße, Bürger·innen und ÄRGER; x 42 – „Teilhabe“ für alle\u{00A0}Menschen. Der die das, fuer FÜR.",
            "Sozial­raum (weich getrennt) a b ab ABC abc 10 2 100 z zz za € § % Zeile\nneue Zeile\tTab",
            "", "ein und der", "Eingliederungshilfe Eingliederungshilfen Eingliederung einGliederung",
            "Teilhabe😀jetzt 𝄞Musik ☎️Telefon",
            String(repeating: "Wort\(7) Wörter Wörter·buch ", count: 50),
        ]
        for text in texts {
            XCTAssertEqual(try XCTUnwrap(WordLines.ascii(text), text), SearchIndex.generalWordLines(text), text)
        }
        for text in ["Café crème", "Ελλάδα und Kreis", "naïve Zahl ٣"] {
            XCTAssertNil(WordLines.ascii(text), text)
            XCTAssertEqual(SearchIndex.wordLines(text), SearchIndex.generalWordLines(text))
        }
    }

    /// The word lists are shared this way: one copy while anyone holds it, freed when nobody does.
    func testWeaklySharedValueIsOneWhileHeldAndMadeAgainAfter() {
        final class Box: Sendable {}
        final class Counter: Sendable { let n = Mutex(0) }
        let made = Counter()
        let divisor = WeakShared { made.n.withLock { $0 += 1 }; return Box() }
        var held: Box? = divisor.value
        weak let weakRef = held
        XCTAssertTrue(held === divisor.value)
        XCTAssertEqual(made.n.withLock { $0 }, 1)
        held = nil
        XCTAssertNil(weakRef)
        _ = divisor.value
        XCTAssertEqual(made.n.withLock { $0 }, 2)
    }

    /// The byte search gives String indices: after multi-byte characters, and nil where nothing matches.
    func testByteRangeFindsASCIIAfterMultiByteText() {
        let text = "Überschrift „Maßnahmen“</th><th>x</th>"[...]
        let range = text.byteRange(of: Array("</th>".utf8))
        XCTAssertEqual(range.map { String(text[..<$0.lowerBound]) }, "Überschrift „Maßnahmen“")
        XCTAssertEqual(range.map { String(text[$0]) }, "</th>")
        XCTAssertNil(text.byteRange(of: Array("<code".utf8)))
        let tail = text[range!.upperBound...]
        XCTAssertEqual(tail.byteRange(of: Array("</th>".utf8)).map { String(tail[..<$0.lowerBound]) }, "<th>x")
    }
}
