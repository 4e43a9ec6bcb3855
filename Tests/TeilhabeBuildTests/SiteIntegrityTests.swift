import XCTest
import TeilhabeTesting
@testable import TeilhabeBuild

/// The example project: every internal link and anchor resolves, and the output is deterministic.
final class SiteIntegrityTests: XCTestCase {
    private var exampleContent: String { Fixture.packageRoot.appendingPathComponent("content").path }

    private func buildExample(into output: String, content: String? = nil) throws -> Build.Outcome {
        let log = DiagnosticLog()
        var settings = Build.Options(content: content ?? exampleContent, theme: Fixture.builtInOnly, output: output)
        settings.pdf = false
        let resultValue = Build.run(settings, log: log)
        return try XCTUnwrap(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
    }

    private func tempFolder(_ name: String) -> String {
        Fixture.temporary("teilhabe-\(name)").path
    }

    func testEveryInternalLinkAndAnchorResolves() throws {
        for (name, files) in [("example", nil), ("fixture", Fixture.minimal)] as [(String, [String: String]?)] {
            let output = tempFolder(name)
            let content: String? = try files.map { try Fixture($0).content }
            _ = try buildExample(into: output, content: content)
            let tree = Fixture.tree(output)
            var checked = 0
            for (page, data) in tree where page.hasSuffix(".html") && page != "404.html" {
                let html = String(decoding: data, as: UTF8.self)
                for link in Self.attributes(["href", "src"], in: html) where !Self.isExternal(link) {
                    let (path, fragment) = Self.resolve(link, from: page)
                    let target = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
                    guard let bytes = tree[target] else {
                        XCTFail("\(name): \(page) links to \(link), but \(target) does not exist")
                        continue
                    }
                    if let fragment, !fragment.isEmpty {
                        let ids = Self.attributes(["id"], in: String(decoding: bytes, as: UTF8.self))
                        XCTAssertTrue(ids.contains(fragment), "\(name): \(page) links to #\(fragment) missing in \(target)")
                    }
                    checked += 1
                }
            }
            XCTAssertGreaterThan(checked, 50, name)
        }
    }

    func testTwoCopiesOfOneProjectBuildToIdenticalTrees() throws {
        let copy = tempFolder("copy")
        try FileManager.default.copyItem(atPath: exampleContent, toPath: copy)
        let a = tempFolder("a"), b = tempFolder("b")
        _ = try buildExample(into: a)
        _ = try buildExample(into: b, content: copy)
        let treeA = Fixture.tree(a), treeB = Fixture.tree(b)
        XCTAssertEqual(treeA.keys.sorted(), treeB.keys.sorted())
        for (path, data) in treeA { XCTAssertEqual(data, treeB[path], path) }
        XCTAssertGreaterThan(treeA.count, 20)
    }

    func testExampleHasTheSeedsPapersMeetingsAndReport() throws {
        let output = tempFolder("inhalt")
        _ = try buildExample(into: output)
        let tree = Fixture.tree(output)
        for path in ["vorlagen/2019-0320-handlungskonzept/index.html", "leichte-sprache/vorlagen/2019-0320-handlungskonzept/index.html",
                     "vorlagen/2021-0297-inklusiver-sozialraum/index.html", "leichte-sprache/vorlagen/2021-0297-inklusiver-sozialraum/index.html",
                     "sitzungen/2019-09-25-ausschuss-soziales/index.html", "sitzungen/2021-09-21-inklusionsbeirat/index.html",
                     "sitzungen/2021-09-22-ausschuss-soziales/index.html", "berichte/kooperation-essen/index.html",
                     "gremien/inklusionsbeirat/index.html", "seiten/sozialraum/index.html"] {
            XCTAssertNotNil(tree[path], path)
        }
        XCTAssertNil(tree["vorlagen/2021-0301-bueroarbeitsplatz/index.html"], "the example's non-public paper stays out")
    }

    // MARK: - HTML reading helpers

    static func attributes(_ names: [String], in html: String) -> [String] {
        var result: [String] = []
        for name in names {
            let parts = html.components(separatedBy: " \(name)=\"")
            for part in parts.dropFirst() {
                if let end = part.firstIndex(of: "\"") {
                    result.append(String(part[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                }
            }
        }
        return result
    }

    static func isExternal(_ link: String) -> Bool {
        link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") || link.hasPrefix("tel:")
    }

    /// Resolves a relative link against the page's folder; returns the site path and the fragment.
    static func resolve(_ link: String, from page: String) -> (String, String?) {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]), fragment = parts.count > 1 ? String(parts[1]) : nil
        if path.isEmpty { return (page, fragment) }
        let folder = page.split(separator: "/").dropLast().joined(separator: "/")
        let resolved = Paths.resolve(Paths.join(folder, path)) ?? "<outside>"
        return (resolved + (path.hasSuffix("/") && !resolved.isEmpty ? "/" : ""), fragment)
    }
}
