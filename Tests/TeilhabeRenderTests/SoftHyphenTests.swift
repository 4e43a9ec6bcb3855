import XCTest
import TeilhabeTesting
@testable import TeilhabeRender

/// The soft-hyphen pass walks a page's bytes and hands only runs that may hold a long word to
/// `SoftHyphen.text`. These tests hold it to the Character-wise pass it replaced.
final class SoftHyphenTests: XCTestCase {
    /// The pass as it was written over Characters: every heading's text through `SoftHyphen.text`.
    private func reference(_ html: String) -> String {
        var out = "", rest = Substring(html)
        let openers = [("<h1", "</h1>"), ("<h2", "</h2>"), ("<h3", "</h3>"), ("<p class=\"tabellen-titel\"", "</p>"),
                       ("<th ", "</th>"), ("<th>", "</th>")]
        while true {
            let hits = openers.compactMap { o in rest.range(of: o.0).map { ($0, o.1) } }
            guard let (open, close) = hits.min(by: { $0.0.lowerBound < $1.0.lowerBound }),
                  let gt = rest[open.lowerBound...].firstIndex(of: ">"),
                  let end = rest[gt...].range(of: close) else { return out + rest }
            out += rest[..<rest.index(after: gt)]
            let inner = rest[rest.index(after: gt)..<end.lowerBound]
            if inner.contains("<code") { out += inner } else {
                var text = "", inDay = false
                for c in inner {
                    if c == "<" { out += SoftHyphen.text(text); text = ""; inDay = true }
                    if inDay { out.append(c) } else { text.append(c) }
                    if c == ">" { inDay = false }
                }
                out += SoftHyphen.text(text)
            }
            out += rest[end]
            rest = rest[end.upperBound...]
        }
    }

    func testTheBytePassEqualsTheCharacterPassOnMixedText() {
        let samples = [
            "<h2>Sitzungskalender des Inklusionsbeirats</h2><p>Sitzungskalender</p>",
            "<h1 class=\"x\">Maßnahmen&shy;programm · Barrierefreiheitserklärung – Umsetzungsstand</h1>",
            "<th scope=\"col\">Handlungsfeld</th><th>Gesundheitsförderprogramm</th><td>Gesundheitsförderprogramm</td>",
            "<h3>Bu\u{308}rgerbeteiligungskonferenz und Bürgerbeteiligungskonferenz 2026</h3>",
            "<h2>Wohnungsbauförderprogramm<a href=\"#x\">Sozialraumkonferenzen</a>Fortschreibungsvorlage</h2>",
            "<p class=\"tabellen-titel\">Mobilitätsbericht: Menschen\u{A0}mit Behinderungen im Sozialraumkonferenzbezirk</p>",
            "<h2>Teilhabe·leistungen und Teilhabeleistungsberichte</h2><h2><code>Maßnahmenprogramm</code></h2>",
        ]
        for html in samples { XCTAssertEqual(SoftHyphen.headings(html), reference(html), html) }
    }

    /// A heading without its closing tag is left as it stands (the Character pass wrote the text
    /// before it twice).
    func testAHeadingWithoutItsClosingTagIsCopiedOnce() {
        let html = "<p>Vorwort</p><h2>Sitzungskalender ohne Ende"
        XCTAssertEqual(SoftHyphen.headings(html), html)
    }
}
