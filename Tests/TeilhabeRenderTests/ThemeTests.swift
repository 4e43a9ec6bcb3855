import Mustache
import XCTest
import TeilhabeTesting
@testable import TeilhabeRender

final class ThemeTests: XCTestCase {
    /// The binary carries themes/default/; scripts/embed-theme keeps the two equal.
    func testEmbeddedThemeMatchesThemesDefault() throws {
        let folder = Fixture.packageRoot.appendingPathComponent("themes/default").path
        let onDisk = Fixture.tree(folder).mapValues { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(onDisk.keys.sorted(), DefaultTheme.fileList.keys.sorted(), "run scripts/embed-theme")
        for (name, text) in onDisk {
            XCTAssertEqual(text, DefaultTheme.fileList[name], "\(name) differs: run scripts/embed-theme")
        }
    }

    func testThemeFolderOverridesFileByFile() throws {
        let f = try Fixture()
        let theme = f.root.appendingPathComponent("themes/eigen")
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "<h1>{{name}}</h1><p class=\"eigen\">Eigenes Gremium-Template</p>".write(
            to: theme.appendingPathComponent("gremium.mustache"), atomically: true, encoding: .utf8)
        try "body{}".write(to: theme.appendingPathComponent("assets/extra.css"), atomically: true, encoding: .utf8)
        let (resultValue, log) = f.build(theme: theme.path)
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        XCTAssertTrue(try f.page("gremien/sozialausschuss/index.html").contains("Eigenes Gremium-Template"))
        XCTAssertTrue(try f.page("vorlagen/2024-0001-test/index.html").contains("Beratungsfolge"), "other templates stay built-in")
        XCTAssertEqual(try f.page("assets/extra.css"), "body{}")
    }

    func testTemplateErrorNamesFileAndLine() throws {
        let f = try Fixture()
        let theme = f.root.appendingPathComponent("themes/kaputt")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "<p>\n{{#offen}}\n</p>\n".write(to: theme.appendingPathComponent("start.mustache"), atomically: true, encoding: .utf8)
        let (resultValue, log) = f.build(theme: theme.path)
        XCTAssertNil(resultValue)
        let e = try XCTUnwrap(log.all.first { $0.rule == "THEME" })
        XCTAssertEqual(e.location.file, theme.appendingPathComponent("start.mustache").path)
        // The line is the one the library names for the file as written (the theme adds a pragma line first).
        var expected: Int?
        do { _ = try MustacheTemplate(string: "<p>\n{{#offen}}\n</p>\n") } catch let errors as MustacheTemplate.ParserError {
            expected = errors.context.lineNumber
        }
        XCTAssertNotNil(expected)
        XCTAssertEqual(e.location.line, expected)
    }

    func testTemplateValuesAreEscapedAndAPragmaLineAddsNothing() throws {
        let f = try Fixture()
        let theme = f.root.appendingPathComponent("themes/roh")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "\n<h1>{{name}}</h1>\n{{#name}}\n<p>{{{name}}}</p>\n{{/name}}\n".write(
            to: theme.appendingPathComponent("gremium.mustache"), atomically: true, encoding: .utf8)
        try f.write("gremien.yaml", try String(contentsOf: f.root.appendingPathComponent("content/gremien.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "name: Ausschuss für Soziales", with: "name: \"Soziales & <Teilhabe> 'heute' \\\"neu\\\"\""))
        let (resultValue, log) = f.build(theme: theme.path)
        XCTAssertNotNil(resultValue, "\(log.all)")
        let webPage = try f.page("gremien/sozialausschuss/index.html")
        let expected = "</a></p>\n\n<h1>Soziales &amp; &lt;Teilhabe&gt; &#39;heute&#39; &quot;neu&quot;</h1>\n"
            + "<p>Soziales & <Teilhabe> 'heute' \"neu\"</p>\n"
        XCTAssertTrue(webPage.contains(expected), webPage)
    }
}
