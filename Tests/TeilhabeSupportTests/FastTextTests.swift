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
        let table = WordTable.load(wordList: Array(list.joined(separator: "\n").utf8),
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

    /// Lines are inserted sorted by their place in the table, but a word's lines keep their order:
    /// both spellings count, and of two frequencies the later one, as when reading line by line.
    func testWordTableKeepsTheOrderOfAWordsLines() {
        var list = (0..<3_000).map { "Wort\($0)" }
        list += ["Haus", "haus", "Wort7"]
        let table = WordTable.load(wordList: Array(list.joined(separator: "\r\n").utf8),
                                   frequencies: Array("haus\t5.5\nwort7\t1\nhaus\t6.25\nwort7\t2.5".utf8))
        XCTAssertEqual(table.search("haus")?.nomen, true)
        XCTAssertEqual(table.search("haus")?.klein, true)
        XCTAssertEqual(table.search("haus")?.zipf, 6.25)
        XCTAssertEqual(table.search("wort7")?.zipf, 2.5)
        XCTAssertEqual(table.entries.count, 3_001)
        XCTAssertTrue((0..<3_000).allSatisfy { table.search("wort\($0)")?.nomen == true })
    }

    /// Sized from the lists' line count, the table holds every word of a long list.
    func testWordTableHoldsEveryWordOfALongList() {
        let table = WordTable.load(wordList: Array((0..<5_000).map { "wort\($0)" }.joined(separator: "\n").utf8), frequencies: [])
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

    /// Random texts of words that share long beginnings (the byte path sorts by their first eight
    /// bytes and then by the rest): the same lines as the String path.
    func testSearchWordLinesOfRandomTextsEqualTheStringPath() throws {
        let pieces = ["Eingliederungs", "hilfe", "hilfen", "Eingliederung", "Ab", "abc", "ABCDEFGH", "abcdefgh", "abcdefghi",
                      "Straße", "Bürger", "·", "­", " ", ", ", "\n", "42", "der", "und", "x", "ä", "Ü", "ß", "–", "„", "😀"]
        var random = SplitMix64(state: 7)
        for _ in 0..<300 {
            let text = (0..<Int(random.next() % 60)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            XCTAssertEqual(try XCTUnwrap(WordLines.ascii(text), text), SearchIndex.generalWordLines(text), text)
        }
    }

    /// The search index reads bodies without the GFM inline extensions (and without the parse lock):
    /// tables (an extra cell is dropped as on the page), autolinks, struck-through text, footnotes and
    /// markup across cells give the same words as the parse the pages use.
    func testSearchWordsOfPlainCommonMarkEqualThoseOfTheGFMParse() {
        let texts = [
            "| Stadt·teil | Anteil in % |\n|:---|---:|\n| Nord *alt | neu* | 12,5 |\n| `Süd\\|Ost` | 7 |\n\nDanach Text.",
            "Siehe www.example.org/pfad?x=1, https://kreis.de/a_b und info@kreis.de oder ~~alt~~ ~neu~.",
            "Ein Satz[^1] mit Fußnote.\n\n[^1]: Die Fußnote hat Wörter.\n\n> Zitat mit **fett** und _kursiv_\n\n- [ ] Aufgabe\n- [x] erledigt",
            "```diagramm\nbalken: 1, 2\n```\n\n<div>HTML-Block mit Wort</div>\n\nZeile  \nneue Zeile\\\nnoch eine",
            "# Überschrift #\n\nSetext\n===\n\n1. erstens\n2) zweitens\n\n[Link](https://x.de \"Titel\") ![Bild](b.png)",
        ]
        for text in texts {
            XCTAssertEqual(SearchIndex.wordLines(MarkdownDocument.plainText(text)).split(separator: "\n"),
                           SearchIndex.wordLines(MarkdownDocument(text).plainText()).split(separator: "\n"), text)
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
