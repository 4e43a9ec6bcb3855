import XCTest
import TeilhabeTesting
@testable import TeilhabeMarkdown

final class MarkdownTests: XCTestCase {
    func testGFMExtensionsAreActiveAndRawHTMLIsNotPassedThrough() {
        let (html, _) = MarkdownHTML().render("~~alt~~ www.example.org\n\n<script>alert(1)</script>\n\nText <b>fett</b>")
        XCTAssertTrue(html.contains("<del>alt</del>"))
        XCTAssertTrue(html.contains("<a href=\"http://www.example.org\">"))
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<b>"))
    }

    func testHeadingsGetUniqueIdsThatAvoidReservedOnes() {
        let (html, headings) = MarkdownHTML().render("## Sachlage\n\n## Sachlage\n\n## Anlagen\n\n### Über *uns*")
        XCTAssertEqual(headings.map(\.id), ["sachlage", "sachlage-2", "anlagen-2", "ueber-uns"])
        XCTAssertTrue(html.contains("<h3 id=\"ueber-uns\">"))
        XCTAssertTrue(html.contains("<em>uns</em>"), "inline children stay inside the heading")
    }

    func testTablesAreWrappedAndHeadersScoped() {
        let (html, _) = MarkdownHTML().render("| A | B |\n|:--|--:|\n| 1 | 2 |\n")
        XCTAssertTrue(html.contains("<div class=\"tabelle\" role=\"region\" aria-label=\"Tabelle 1\" tabindex=\"0\">\n<table>"))
        XCTAssertTrue(html.contains("<th scope=\"col\" style=\"text-align: left\">A</th>"))
        XCTAssertFalse(html.contains(" align="), "no obsolete align attribute")
    }

    func testLinksAndFencedBlocksCanBeReplaced() {
        var renderer = MarkdownHTML()
        renderer.resolveLink = { $0 == "x.md" ? "../x/" : nil }
        renderer.replaceBlock = { info, body in info == "indikator" ? "<p>Indikator \(body.trimmingCharacters(in: .whitespacesAndNewlines))</p>" : nil }
        let (html, _) = renderer.render("[X](x.md) [Y](https://y.example)\n\n```indikator\nquote\n```\n\n```swift\nlet a = 1\n```")
        XCTAssertTrue(html.contains("<a href=\"../x/\">X</a>"))
        XCTAssertTrue(html.contains("<a href=\"https://y.example\">Y</a>"))
        XCTAssertTrue(html.contains("<p>Indikator quote</p>"))
        XCTAssertTrue(html.contains("<code class=\"language-swift\">"))
    }

    func testHardBreaksForLeichteSprache() {
        var renderer = MarkdownHTML()
        renderer.hardBreaks = true
        XCTAssertTrue(renderer.render("Satz eins.\nSatz zwei.").html.contains("Satz eins.<br />\nSatz zwei."))
    }

    /// cmark-gfm's parser keeps global state: parallel parses must give what serial ones give.
    func testParallelRenderingMatchesSerial() {
        // Block parsing runs outside the lock, the inline pass inside: reference definitions (read while
        // blocks are parsed), autolinks and strikethrough (special characters of the inline pass) in each.
        let texts = (0..<1_200).map { i in
            "## Teil \(i)\n\n~~gestrichen \(i)~~ und www.example\(i).org und **fett** und https://a.example/\(i)\n\n"
                + "| a | b |\n|---|---|\n| \(i) | ~~x~~ |\n\n[Verweis \(i)][r\(i)] und post\(i)@example.org\n\n"
                + "[r\(i)]: https://example.org/\(i) \"Titel\"\n"
        }
        let serial = texts.map { MarkdownHTML().render($0).html }
        final class Results: @unchecked Sendable {
            let lock = NSLock()
            var items: [Int: String] = [:]
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: texts.count) { i in
            let html = MarkdownHTML().render(texts[i]).html
            results.lock.lock(); results.items[i] = html; results.lock.unlock()
        }
        XCTAssertEqual((0..<texts.count).map { results.items[$0] ?? "" }, serial)
        XCTAssertTrue(serial[7].contains("<del>gestrichen 7</del>"))
        XCTAssertTrue(serial[7].contains("href=\"https://example.org/7\""), serial[7])
        XCTAssertTrue(serial[7].contains("href=\"https://a.example/7\""), serial[7])
    }

    func testOutlineReportsHeadingsLinksAndRawHTML() {
        let outline = Outline("# Titel\n\n## Teil\n\nText [hier](a.md) und ![Bild](b.png)\n\n<div>roh</div>\n")
        XCTAssertEqual(outline.headings.map(\.level), [1, 2])
        XCTAssertEqual(outline.links.map(\.destination), ["a.md", "b.png"])
        XCTAssertEqual(outline.links.map(\.line), [5, 5])
        XCTAssertEqual(outline.rawHTMLLines, [7])
    }
}
