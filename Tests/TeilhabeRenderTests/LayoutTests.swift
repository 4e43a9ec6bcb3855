import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeRender
@testable import TeilhabeAudit

/// Layout at every width (issue 21 item 7): the example site in headless Chromium at 320, 768 and
/// 1280 px, one page of every type. With TEILHABE_SCREENSHOTS=dir the 320 and 1280 px pages are
/// saved there as PNG.
final class LayoutTests: XCTestCase {
    static let widths = [320, 768, 1280]

    /// One page of every type, by a pattern on its output path (the first match, sorted).
    static let pageTypes: [(name: String, pattern: String)] = [
        ("start", "^index\\.html$"), ("vorlagen", "^vorlagen/index\\.html$"), ("vorlage", "^vorlagen/[^/]+/index\\.html$"),
        ("vorlage-leicht", "^leichte-sprache/vorlagen/[^/]+/index\\.html$"), ("berichte", "^berichte/index\\.html$"),
        ("bericht", "^berichte/[^/]+/index\\.html$"), ("leichte-sprache", "^leichte-sprache/index\\.html$"),
        ("sitzungen", "^sitzungen/index\\.html$"), ("sitzung", "^sitzungen/[^/]+/index\\.html$"),
        ("sitzung-leicht", "^leichte-sprache/sitzungen/[^/]+/index\\.html$"), ("gremien", "^gremien/index\\.html$"),
        ("gremium", "^gremien/[^/]+/index\\.html$"), ("gremium-leicht", "^leichte-sprache/gremien/[^/]+/index\\.html$"),
        ("indikatoren", "^indikatoren/index\\.html$"), ("indikator", "^indikatoren/[^/]+/index\\.html$"),
        ("indikator-leicht", "^leichte-sprache/indikatoren/[^/]+/index\\.html$"), ("plan", "^inklusionsplan/index\\.html$"),
        ("plan-leicht", "^leichte-sprache/inklusionsplan/index\\.html$"),
        ("handlungsfeld", "^inklusionsplan/(?!fortschreibung)[^/]+/index\\.html$"),
        ("handlungsfeld-leicht", "^leichte-sprache/inklusionsplan/(?!fortschreibung)[^/]+/index\\.html$"),
        ("fortschreibung", "^inklusionsplan/fortschreibung[^/]*/index\\.html$"),
        ("fortschreibung-leicht", "^leichte-sprache/inklusionsplan/fortschreibung[^/]*/index\\.html$"),
        ("textseite", "^seiten/[^/]+/index\\.html$"), ("textseite-leicht", "^leichte-sprache/seiten/[^/]+/index\\.html$"),
        ("indikatoren-leicht", "^leichte-sprache/indikatoren/index\\.html$"),
        ("barrierefreiheit", "^barrierefreiheit/index\\.html$"), ("suche", "^suche/index\\.html$"), ("404", "^404\\.html$"),
        ("woerterbuch-leicht", "^leichte-sprache/woerterbuch/index\\.html$"),
    ]

    // MARK: Built pages (no browser)

    /// The example site, built once for the tests below (nil when it does not build).
    static let builtSite: String? = {
        let output = Fixture.temporary("layout-site").path
        var options = Build.Options(content: Fixture.packageRoot.appendingPathComponent("content").path,
                                    theme: Fixture.builtInOnly, output: output, publikum: .oeffentlich)
        options.pdf = false
        options.cache = false
        let log = DiagnosticLog()
        return Build.run(options, log: log) == nil ? nil : output
    }()

    static var site: String {
        get throws { try XCTUnwrap(builtSite, "the example content does not build") }
    }

    static func pages() throws -> [(name: String, path: String)] {
        let all = FileIO.disk.listFiles(try site).filter { $0.hasSuffix(".html") }.sorted()
        return pageTypes.map { type in
            let regex = try! NSRegularExpression(pattern: type.pattern)
            let match = all.first { regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
            return (type.name, match ?? "")
        }
    }

    func testTheExampleSiteHasAPageOfEveryType() throws {
        for page in try Self.pages() { XCTAssertFalse(page.path.isEmpty, "no page of type \(page.name)") }
    }

    func testSoftHyphensBreakLongCompoundsAtTheirJoints() {
        XCTAssertEqual(SoftHyphen.text("Maßnahmenprogramm"), "Maßnahmen\u{AD}programm")
        XCTAssertEqual(SoftHyphen.text("Erklärung zur Barrierefreiheitserklärung"), "Erklärung zur Barriere\u{AD}freiheits\u{AD}erklärung")
        XCTAssertEqual(SoftHyphen.text("Umsetzungsstand der Maßnahmen"), "Umsetzungs\u{AD}stand der Maßnahmen",
                       "short words and words without a known joint stay whole")
        XCTAssertEqual(SoftHyphen.text("Sitzungs\u{AD}kalender"), "Sitzungs\u{AD}kalender", "a word with a soft hyphen is left alone")
    }

    func testSoftHyphensOnlyInTheTextOfHeadingsNeverInAttributesOrCode() {
        let html = "<h1 title=\"Maßnahmenprogramm\">Maßnahmenprogramm <a href=\"massnahmenprogramm/\">Sitzungskalender</a></h1>\n"
            + "<p>Maßnahmenprogramm</p>\n<h2><code>Maßnahmenprogramm</code></h2>\n<p class=\"tabellen-titel\">Umsetzungsstand</p>"
            + "<thead><tr><th scope=\"row\">Sozialraumkonferenzen</th><td>Sozialraumkonferenzen</td></tr></thead>"
        XCTAssertEqual(SoftHyphen.headings(html),
                       "<h1 title=\"Maßnahmenprogramm\">Maßnahmen\u{AD}programm <a href=\"massnahmenprogramm/\">Sitzungs\u{AD}kalender</a></h1>\n"
                       + "<p>Maßnahmenprogramm</p>\n<h2><code>Maßnahmenprogramm</code></h2>\n<p class=\"tabellen-titel\">Umsetzungs\u{AD}stand</p>"
                       + "<thead><tr><th scope=\"row\">Sozialraum\u{AD}konferenzen</th><td>Sozialraumkonferenzen</td></tr></thead>")
    }

    /// Generated compounds carry soft hyphens on everyday pages; Leichte Sprache pages, the
    /// `<title>`, attributes and the search index never do.
    func testSoftHyphensInTheBuiltSiteExceptLeichteSprache() throws {
        let plan = try String(contentsOfFile: Paths.join(try Self.site, "inklusionsplan/index.html"), encoding: .utf8)
        XCTAssertTrue(plan.contains("<p class=\"tabellen-titel\">Umsetzungs\u{AD}stand der Maßnahmen nach Handlungs\u{AD}feld"), plan)
        for path in FileIO.disk.listFiles(try Self.site) where path.hasSuffix(".html") || path.hasSuffix(".json") || path.hasSuffix(".js") {
            let text = try String(contentsOfFile: Paths.join(try Self.site, path), encoding: .utf8)
            guard text.contains("\u{AD}") else { continue }
            XCTAssertFalse(path.hasPrefix("leichte-sprache/"), "soft hyphen on the Leichte Sprache page \(path)")
            XCTAssertTrue(path.hasSuffix(".html"), "soft hyphen in \(path)")
            for line in text.split(separator: "\n") where line.contains("\u{AD}") {
                XCTAssertNil(line.range(of: "=\"[^\"]*\u{AD}", options: .regularExpression), "soft hyphen in an attribute: \(path): \(line)")
                XCTAssertFalse(line.contains("<title>"), "soft hyphen in the title: \(path)")
            }
        }
    }

    /// The 404 page inlines the stylesheet without its feature queries: vnu reports the scroll
    /// hint's `animation-timeline` as an error in a page (the audit failed on 404.html).
    func testThe404PageCarriesTheStylesWithoutFeatureQueries() throws {
        let css = "a { b: c; }\n@supports (x: y) {\n  .t { x: y; }\n  @keyframes k { from, to { v: w; } }\n}\n.u { d: e; }\n"
        XCTAssertEqual(InlineStyles.withoutFeatureQueries(css), "a { b: c; }\n.u { d: e; }\n")
        let webPage = try String(contentsOfFile: Paths.join(try Self.site, "404.html"), encoding: .utf8)
        let stylesheet = try String(contentsOfFile: Paths.join(try Self.site, "assets/teilhabe.css"), encoding: .utf8)
        XCTAssertTrue(stylesheet.contains("animation-timeline"), "the linked stylesheet keeps the scroll hint")
        XCTAssertFalse(webPage.contains("animation-timeline"))
        XCTAssertFalse(webPage.contains("@supports"))
        XCTAssertTrue(webPage.contains(".tabelle { overflow-x: auto;"), "the rest of the stylesheet is inlined")
    }

    // MARK: In the browser

    func testEveryPageTypeFitsAtEveryWidth() throws {
        let browser = try Self.browser()
        defer { browser.shutDown() }
        let server = Server(rootPath: try Self.site, port: 0)
        server.reload = false
        try server.launch()
        defer { server.shutDown() }
        let screenshots = ProcessInfo.processInfo.environment["TEILHABE_SCREENSHOTS"].flatMap { $0.isEmpty ? nil : $0 }
        if let screenshots { try FileManager.default.createDirectory(atPath: screenshots, withIntermediateDirectories: true) }
        var wideTables = 0
        for width in Self.widths {
            try browser.setViewport(width: width, height: 900)
            for page in try Self.pages() where !page.path.isEmpty {
                try browser.open("http://127.0.0.1:\(server.port)/\(page.path)")
                let r = try XCTUnwrap(try browser.evaluate(Self.measure) as? [String: Any], "\(page.name) at \(width) px")
                let name = "\(page.name) (\(page.path)) at \(width) px"
                XCTAssertEqual(r["innerWidth"] as? Int, width, "\(name): the viewport")
                let wide = check(r, page: name, leicht: page.path.hasPrefix("leichte-sprache/"))
                // The issue's case: the seven columns of the Umsetzungsstand were cut off at 1280 px.
                if page.name == "plan", width == 1280 { XCTAssertEqual(wide, 0, "\(name): a table does not fit") }
                wideTables += wide
                if let screenshots, width != 768 {
                    try browser.screenshot().write(to: URL(fileURLWithPath: Paths.join(screenshots, "\(page.name)-\(width).png")))
                }
            }
        }
        XCTAssertGreaterThan(wideTables, 0, "no page had a table wider than its box: the scroll checks never ran")
    }

    /// Checks one page's measurements; returns how many wide (scrolling) tables it had.
    private func check(_ r: [String: Any], page: String, leicht: Bool) -> Int {
        let scrollWidth = r["scrollWidth"] as? Int ?? -1, innerWidth = r["innerWidth"] as? Int ?? 0
        XCTAssertLessThanOrEqual(scrollWidth, innerWidth, "\(page): the page scrolls sideways")
        XCTAssertEqual(r["overflowing"] as? [String] ?? [], [], "\(page): elements wider than the page")
        if let smallest = r["smallestChartText"] as? Double {
            XCTAssertGreaterThanOrEqual(smallest, 12, "\(page): chart text smaller than 12 px")
        }
        XCTAssertEqual(r["captionsInScrollBoxes"] as? Int, 0, "\(page): a caption inside a scroll box")
        XCTAssertEqual(r["hyphens"] as? String, leicht ? "none" : "auto", "\(page): hyphenation")
        let tables = r["tables"] as? [[String: Any]] ?? []
        for (n, t) in tables.enumerated() {
            let wide = t["wide"] as? Bool == true
            XCTAssertEqual(t["focusable"] as? Bool, true, "\(page), table \(n + 1): the scroll box is no named, focusable region")
            XCTAssertEqual(t["hint"] as? Bool, wide, "\(page), table \(n + 1): the scroll hint shows \(wide ? "not" : "though nothing scrolls")")
            if wide {
                XCTAssertEqual(t["firstColumnStays"] as? Bool, true, "\(page), table \(n + 1): the first column scrolls away")
            }
        }
        return tables.filter { $0["wide"] as? Bool == true }.count
    }

    /// Everything measured in the page, in one script.
    static let measure = """
        const done = arguments[arguments.length - 1];
        // Two frames: scroll timelines (the scroll hint) update on the frame after layout.
        requestAnimationFrame(() => requestAnimationFrame(() => done(measure())));
        function measure() {
        const de = document.documentElement;
        const r = {scrollWidth: de.scrollWidth, innerWidth: window.innerWidth};
        r.overflowing = [...document.body.querySelectorAll('*')].filter(e => {
          const b = e.getBoundingClientRect();
          if (b.width === 0 || e.closest('.tabelle, .sr, .skip')) return false;
          return b.right > window.innerWidth + 0.5 || b.left < -0.5;
        }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : ''));
        // The size text is drawn at: its CSS size times the scale the SVG applies.
        const sizes = [...document.querySelectorAll('svg text')].map(t => {
          const m = t.getScreenCTM();
          return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
        });
        if (sizes.length) r.smallestChartText = Math.min(...sizes);
        const scrollBoxes = [...document.querySelectorAll('body *')].filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX));
        r.captionsInScrollBoxes = scrollBoxes.filter(e => e.querySelector('caption, figcaption, .tabellen-titel')).length;
        r.hyphens = getComputedStyle(document.querySelector('main h1') || document.querySelector('main')).hyphens;
        r.tables = [...document.querySelectorAll('.tabelle')].map(box => {
          const t = {wide: box.scrollWidth > box.clientWidth + 1};
          t.focusable = box.tabIndex === 0 && box.getAttribute('role') === 'region' && (box.getAttribute('aria-label') || '').length > 0;
          const hint = getComputedStyle(box, '::before');
          t.hint = hint.visibility === 'visible' && !['none', 'normal'].includes(hint.content) && hint.height !== '0px';
          if (t.wide) {
            const first = box.querySelector('tbody tr > :first-child');
            box.scrollLeft = box.scrollWidth;
            const stays = Math.abs(first.getBoundingClientRect().left - box.getBoundingClientRect().left) <= 1.5;
            t.firstColumnStays = stays && box.scrollLeft > 0;
            box.scrollLeft = 0;
          }
          return t;
        });
        return r;
        }
        """

    /// The audit's browser, without axe; skips when Chromium or chromedriver is missing.
    static func browser() throws -> Browser {
        let environment = ProcessInfo.processInfo.environment
        func find(_ name: String) -> String? {
            (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { Paths.join(String($0), name) }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        guard let chromium = environment["CHROMIUM_BIN"] ?? find("chromium"), let driver = find("chromedriver") else {
            throw XCTSkip("chromium and chromedriver are needed (Debian packages chromium, chromium-driver; scripts/install-audit-tools)")
        }
        let folder = Fixture.temporary("layout-browser").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return try Browser(chromium: chromium, chromedriver: driver, axe: "", timeout: 30, workFolder: folder)
    }
}
