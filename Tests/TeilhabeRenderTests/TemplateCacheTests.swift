import Foundation
import Mustache
import XCTest
import TeilhabeTesting
@testable import TeilhabeRender

/// A page made from a PrecompiledTemplate must be the page swift-mustache makes, byte for byte.
final class TemplateCacheTests: XCTestCase {
    private func library(_ vorlagen: [String: String]) throws -> MustacheLibrary {
        _ = FastHTML.registered
        var library = MustacheLibrary()
        for (name, text) in vorlagen { library.register(try MustacheTemplate(string: FastHTML.pragma + text), named: name) }
        return library
    }

    /// Renders each context three times through the TemplateCache (first sight, PrecompiledTemplate made, filled)
    /// and compares every render with swift-mustache's.
    private func compare(_ vorlagen: [String: String], _ name: String, _ contexts: [[String: Any]],
                             file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let library = try library(vorlagen)
        let templates = try XCTUnwrap(TemplateCache(vorlagen: vorlagen), file: file, line: line)
        var fromTemplate = 0
        for context in contexts {
            let expected = library.render(context, withTemplate: name)
            for _ in 0..<3 {
                let gerendert = templates.render(name, context, library: library)
                if gerendert != nil { fromTemplate += 1 }
                XCTAssertEqual(gerendert ?? expected, expected, file: file, line: line)
            }
        }
        return fromTemplate
    }

    func testFilledSchabloneEqualsTheLibrarysRender() throws {
        let vorlagen = [
            "seite": """
            <title>{{titel}}</title>{{#beschreibung}}<meta content="{{beschreibung}}">{{/beschreibung}}
            {{^beschreibung}}keine{{/beschreibung}}<p class="{{#leicht}}leicht{{/leicht}}">{{site.name}}</p>
            <ul>{{#nav}}<li>{{titel}}: {{href}}{{#aktuell}}*{{/aktuell}}</li>{{/nav}}</ul>
            {{#worte}}[{{.}}]{{/worte}}{{^worte}}leer{{/worte}} {{zahl}} {{{inhalt}}} {{& inhalt}}
            {{> teil}}
            """,
            "teil": "<em>{{titel}}</em>{{#leer}}(leer ist kein Fehlen){{/leer}}",
        ]
        func context(_ titel: String, _ nav: Int, leicht: Bool, beschreibung: String?) -> [String: Any] {
            var k: [String: Any] = [
                "titel": titel, "leicht": leicht, "site": ["name": "Kreis <A&B>"] as [String: String], "zahl": nav,
                "nav": (0..<nav).map { ["titel": "Punkt \($0) & 'mehr'", "href": "/\($0)/", "aktuell": $0 == 1] as [String: Any] },
                "worte": (0..<nav).map { "w\($0)<" }, "inhalt": "<p>\(titel) & roh</p>", "leer": "",
                "ungenutzt": ["wird nie gelesen": [1, 2, 3]],
            ]
            if let beschreibung { k["beschreibung"] = beschreibung }
            return k
        }
        let contexts = [
            context("Eins <b>", 2, leicht: true, beschreibung: "Über \"Teilhabe\""),
            context("Zwei & drei", 2, leicht: true, beschreibung: "Noch eine"),
            context("Vier", 2, leicht: false, beschreibung: nil),
            context("Fünf", 0, leicht: false, beschreibung: ""),
            context("\u{E000}0&\u{E001} sieht aus wie eine Lücke", 2, leicht: true, beschreibung: "x"),
        ]
        let filled = try compare(vorlagen, "seite", contexts)
        XCTAssertGreaterThan(filled, 5, "pages of a repeated shape come from the Schablone")
    }

    func testKeysNoTemplateNamesDoNotMakeANewShape() throws {
        let vorlagen = ["rahmen": "<h1>{{titel}}</h1>{{> fuss}}", "fuss": "<footer>{{site.amt}}</footer>"]
        let contexts: [[String: Any]] = (0..<4).map { i in
            ["titel": "T\(i)", "site": ["amt": "Amt", "ort": "nie"] as [String: Any],
             "beratungsfolge": (0..<i).map { ["sitzung": "s\($0)"] }]
        }
        // Four different lists the template never names: one shape, so the later pages are filled in.
        XCTAssertGreaterThanOrEqual(try compare(vorlagen, "rahmen", contexts), 10)
        let names = TemplateNames.perVorlage(vorlagen)
        XCTAssertEqual(names["rahmen"], ["titel", "site", "amt"])
        XCTAssertEqual(TemplateNames.parse("{{! titel }}{{{ roh }}}{{#a.b}}{{/a.b}}{{^c}}{{/c}}{{&d}}{{> p/q }}").names, ["roh", "a", "b", "c", "d"])
        XCTAssertEqual(TemplateNames.parse("{{> p/q }}").partials, ["p/q"])
    }

    func testTemplatesThatCouldLookIntoATextAreRenderedAsTheyAre() {
        XCTAssertNil(TemplateCache(vorlagen: ["a": "{{uppercased(titel)}}"]))
        XCTAssertNil(TemplateCache(vorlagen: ["a": "{{=<% %>=}}<% titel %>"]))
        XCTAssertNil(TemplateCache(vorlagen: ["a": "<div>\n  {{> teil}}\n</div>"]))
        XCTAssertNil(TemplateCache(vorlagen: ["a": "{{<eltern}}{{$block}}x{{/block}}{{/eltern}}"]))
        XCTAssertNotNil(TemplateCache(vorlagen: ["a": "<div>\n{{> teil}}\n</div>"]))
    }

    /// The example site and a theme of the user's, built with and without TemplateCache.
    func testSitesAreTheSameWithAndWithoutSchablonen() throws {
        let example = Fixture.packageRoot.appendingPathComponent("content").path
        let theme = Fixture.temporary("teilhabe-theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "<h1>{{titel}}</h1>\n{{#abschnitte}}<h2 id=\"{{id}}\">{{titel}}</h2>{{{html}}}\n{{/abschnitte}}{{^abschnitte}}–{{/abschnitte}}\n"
            .write(to: theme.appendingPathComponent("textseite.mustache"), atomically: true, encoding: .utf8)
        for themeFolder in [Fixture.builtInOnly, theme.path] {
            var trees: [[String: Data]] = []
            for with in [true, false] {
                let outputPath = Fixture.temporary("teilhabe-schablonen").appendingPathComponent("site").path
                var settings = Build.Options(content: example, theme: themeFolder, output: outputPath)
                settings.pdf = false
                settings.cache = false
                settings.templates = with
                let log = DiagnosticLog()
                XCTAssertNotNil(Build.run(settings, log: log), "\(log.all)")
                trees.append(Fixture.tree(outputPath))
            }
            XCTAssertGreaterThan(trees[0].count, 50)
            XCTAssertEqual(trees[0].keys.sorted(), trees[1].keys.sorted())
            for (path, payload) in trees[0] where trees[1][path] != payload {
                XCTFail("\(path) differs with Schablonen (theme \(themeFolder))")
            }
        }
    }
}
