import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import TeilhabeTesting
@testable import TeilhabeRender

/// Calendars, feed, sitemap and OParl: parsed and checked against their formats.
final class OpenDataTests: XCTestCase {
    private func built(_ files: [String: String] = Fixture.minimal, stichtag: CalendarDay = CalendarDay("2024-01-01")!) throws -> Fixture {
        let f = try Fixture(files)
        let log = DiagnosticLog()
        var settings = Build.Options(content: f.content, theme: Fixture.builtInOnly, output: f.output, stichtag: stichtag)
        settings.pdf = false
        let resultValue = Build.run(settings, log: log)
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        return f
    }

    /// Unfolds RFC 5545 content lines and returns (name with parameters, value) pairs.
    private func properties(_ ics: String) -> [(String, String)] {
        ics.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(after: colon)...]))
        }
    }

    func testCalendarsFollowRFC5545() throws {
        let f = try built()
        let raw = try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, "kalender.ics")))
        let ics = String(decoding: raw, as: UTF8.self)
        XCTAssertFalse(ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "only CRLF line ends")
        for line in ics.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }
        let props = properties(ics)
        XCTAssertEqual(props.first?.0, "BEGIN"); XCTAssertEqual(props.first?.1, "VCALENDAR")
        XCTAssertTrue(props.contains { $0 == ("TZID", "Europe/Berlin") }, "VTIMEZONE is included")
        XCTAssertEqual(props.filter { $0 == ("BEGIN", "VEVENT") }.count, 1)
        let value = { (name: String) in props.first { $0.0 == name }?.1 }
        XCTAssertEqual(value("UID"), "sitzung-2024-03-05-sozialausschuss@www.example.org")
        XCTAssertEqual(value("DTSTART;TZID=Europe/Berlin"), "20240305T170000")
        XCTAssertEqual(value("DTEND;TZID=Europe/Berlin"), "20240305T190000")
        XCTAssertEqual(value("DTSTAMP"), "20240304T230000Z", "from the data: the meeting's day, 00:00 in Berlin, as UTC")
        XCTAssertEqual(value("LOCATION"), "Rathaus\\, Raum 1")
        XCTAssertEqual(value("URL"), "https://www.example.org/inklusion/sitzungen/2024-03-05-sozialausschuss/")
        XCTAssertTrue(value("DESCRIPTION")?.contains("TOP 2: 2024/0001 Bericht über barrierefreie Spielplätze\\n") == true)
        XCTAssertTrue(value("DESCRIPTION")?.contains("https://www.example.org/inklusion/sitzungen/2024-03-05-sozialausschuss/") == true)
        for path in ["sitzungen/2024-03-05-sozialausschuss/sitzung.ics", "gremien/sozialausschuss/sitzungen.ics"] {
            let other = try f.page(path)
            XCTAssertEqual(properties(other).filter { $0 == ("UID", "sitzung-2024-03-05-sozialausschuss@www.example.org") }.count, 1, path)
        }
    }

    func testCalendarsDoNotDependOnTheDayOfTheBuild() throws {
        let a = try built(stichtag: CalendarDay("2024-01-01")!), b = try built(stichtag: CalendarDay("2030-06-01")!)
        for path in ["kalender.ics", "feed.xml", "oparl/v1.1/body/testkreis/meetings.json"] {
            XCTAssertEqual(try a.page(path), try b.page(path), path)
        }
        XCTAssertNotEqual(try a.page("sitzungen/index.html"), try b.page("sitzungen/index.html"), "only the upcoming/past split moves")
    }

    func testFoldingKeepsUTF8CharactersWhole() {
        let line = "DESCRIPTION:" + String(repeating: "Übersicht für Bürgerinnen · ", count: 8)
        let folded = ICS.fold(line)
        for part in folded.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(part.utf8.count, 75)
            XCTAssertNotNil(String(validating: Array(part.utf8), as: UTF8.self))
        }
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), line)
        XCTAssertEqual(ICS.escape("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne")
    }

    /// The byte-wise paths of `escape` and `fold` give what the walk by Characters gives, for texts of
    /// ASCII, umlauts, three- and four-byte characters, combining marks and CR LF.
    func testEscapingAndFoldingMatchTheWalkByCharacters() {
        let pieces = ["a", "Z", " ", ";", ",", "\\", "\n", "\r\n", "ä", "ß", "·", "€", "🙂", "e\u{0301}", ";\u{0301}", "Ü"]
        var random = SplitMix64(state: 20)
        for _ in 0..<400 {
            let count = Int(random.next() % 90) + 40
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            XCTAssertEqual(ICS.escape(text), ICS.escapeByCharacters(text), text.debugDescription)
            let line = "DESCRIPTION:" + ICS.escape(text)
            XCTAssertEqual(ICS.fold(line), ICS.foldByCharacters(line), line.debugDescription)
        }
    }

    func testBerlinOffsetsFollowTheEURule() {
        XCTAssertEqual(WallClockTime("2024-03-31T01:59")!.berlinOffset, 1)
        XCTAssertEqual(WallClockTime("2024-03-31T03:00")!.berlinOffset, 2)
        XCTAssertEqual(WallClockTime("2024-10-27T02:30")!.berlinOffset, 2)
        XCTAssertEqual(WallClockTime("2024-10-27T03:00")!.berlinOffset, 1)
        XCTAssertEqual(WallClockTime("2021-09-22T17:00")!.isoWithOffset, "2021-09-22T17:00:00+02:00")
        XCTAssertEqual(WallClockTime("2024-01-01T00:30")!.icsUTC, "20231231T233000Z")
        XCTAssertEqual(Stichtag.today(environment: ["SOURCE_DATE_EPOCH": "1700000000"]).description, "2023-11-14")
    }

    private final class AtomReader: NSObject, XMLParserDelegate {
        var entries: [[String: String]] = []
        var field: [String: String] = [:]
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            text = ""
            if name == "entry" { field = [:] }
            if name == "link", let href = attributes["href"] { field["link"] = href }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "entry" { entries.append(field) } else { field[name] = text }
        }
    }

    func testFeedIsAtomWithTheFiftyNewestPublicDocuments() throws {
        var files = Fixture.minimal
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "pflicht: true", with: "pflicht: false")
        for n in 1...55 {
            let day = CalendarDay(daysSince1970: CalendarDay("2023-01-01")!.daysSince1970 + n)
            files["vorlagen/v\(n).md"] = "---\nart: Anfrage\nnummer: \"2023/\(1000 + n)\"\nbetreff: Anfrage \(n) & mehr\ndatum: \(day)\nfederfuehrend: A 1\n---\n## Sachlage\nx\n## Rechtslage\ny\n"
        }
        let f = try built(files)
        let data = try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, "feed.xml")))
        let parser = XMLParser(data: data)
        let reader = AtomReader()
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "well-formed XML")
        XCTAssertEqual(reader.entries.count, 50)
        XCTAssertEqual(reader.entries.first?["title"], "2024/0001: Bericht über barrierefreie Spielplätze")
        XCTAssertEqual(reader.entries.first?["id"], "https://www.example.org/inklusion/vorlagen/2024-0001-test/")
        XCTAssertEqual(reader.entries.first?["published"], "2024-02-20T00:00:00+01:00")
        XCTAssertEqual(reader.entries[1]["title"], "Lagebericht Inklusion")
        XCTAssertEqual(reader.entries.last?["title"], "2023/1008: Anfrage 8 & mehr", "57 documents: the oldest seven fall out")
        XCTAssertTrue(try f.page("index.html").contains("type=\"application/atom+xml\""))
    }

    func testSitemapListsEveryPageButTheErrorPage() throws {
        let f = try built()
        let sitemap = try f.page("sitemap.xml")
        let pages = Fixture.tree(f.output).keys.filter { $0.hasSuffix("index.html") }
        XCTAssertEqual(sitemap.components(separatedBy: "<loc>").count - 1, pages.count)
        XCTAssertTrue(sitemap.contains("<loc>https://www.example.org/inklusion/vorlagen/2024-0001-test/</loc>"))
        XCTAssertFalse(sitemap.contains("404"))
    }

    func testWithoutBasisURLTheExportsAreSkippedWithOneWarning() throws {
        var files = Fixture.minimal
        files["site.yaml"] = files["site.yaml"]!.replacingOccurrences(of: "basis_url: https://www.example.org/inklusion/\n", with: "")
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue)
        XCTAssertEqual(log.all.filter { $0.rule == "BASIS-URL" }.count, 1)
        let tree = Fixture.tree(f.output)
        XCTAssertTrue(tree.keys.allSatisfy { !$0.hasSuffix(".ics") && !$0.hasPrefix("oparl/") && $0 != "feed.xml" && $0 != "sitemap.xml" })
        XCTAssertFalse(try f.page("sitzungen/2024-03-05-sozialausschuss/index.html").contains(".ics"), "no link to a missing calendar")
    }

    // MARK: OParl

    private func oparl(_ f: Fixture) -> [String: [String: Any]] {
        Fixture.tree(f.output).filter { $0.key.hasPrefix("oparl/") }.compactMapValues {
            try? JSONSerialization.jsonObject(with: $0) as? [String: Any]
        }
    }

    func testOParlObjectsLiveAtTheirIdsAndReferencesResolve() throws {
        let f = try built()
        let files = oparl(f)
        let base = "https://www.example.org/inklusion/"
        func file(for url: String) -> String { String(url.dropFirst(base.count)) + (url.hasSuffix("/") ? "index.json" : ".json") }
        let system = try XCTUnwrap(files["oparl/v1.1/index.json"])
        XCTAssertEqual(system["type"] as? String, "https://schema.oparl.org/1.1/System")
        var objects = 0
        for (path, json) in files {
            let items = (json["data"] as? [[String: Any]]) ?? [json]
            for item in items {
                let id = try XCTUnwrap(item["id"] as? String, path)
                XCTAssertNotNil(files[file(for: id)], "\(id) has no file")
                for key in ["created", "modified"] {
                    let stamp = try XCTUnwrap(item[key] as? String, "\(key) in \(id)")
                    XCTAssertNotNil(stamp.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"#, options: .regularExpression), stamp)
                }
                objects += 1
            }
            let text = String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self)
                .replacingOccurrences(of: "\\/", with: "/")
            for match in text.matches(of: #/https://www\.example\.org/inklusion/oparl/[^"]*/#) {
                XCTAssertNotNil(files[file(for: String(match.0))], "\(path) points to \(match.0)")
            }
        }
        XCTAssertGreaterThan(objects, 15)
        let paper = try XCTUnwrap(files["oparl/v1.1/paper/2024-0001-test.json"])
        XCTAssertEqual(paper["reference"] as? String, "2024/0001")
        XCTAssertEqual(paper["created"] as? String, "2024-02-20T00:00:00+01:00", "from front matter datum")
        let auxiliary = try XCTUnwrap(paper["auxiliaryFile"] as? [[String: Any]])
        XCTAssertTrue(auxiliary.contains { ($0["accessUrl"] as? String) == base + "leichte-sprache/vorlagen/2024-0001-test/" },
                      "the Leichte-Sprache version is an auxiliary file")
        XCTAssertTrue(auxiliary.contains { ($0["size"] as? Int) == 2000 && ($0["mimeType"] as? String) == "application/pdf" })
        let meeting = try XCTUnwrap(files["oparl/v1.1/meeting/2024-03-05-sozialausschuss.json"])
        XCTAssertEqual(meeting["start"] as? String, "2024-03-05T17:00:00+01:00")
        XCTAssertEqual((meeting["agendaItem"] as? [[String: Any]])?.count, 2)
    }

    func testOParlListsArePaginatedWithPathsNotQueries() throws {
        let f = try Fixture()
        let log = DiagnosticLog()
        let project = try XCTUnwrap(ProjektLoader.load(contentRoot: f.content, log: log))
        let u = RenderContext(project: project, publikum: .oeffentlich, stichtag: CalendarDay("2024-01-01")!)
        let fileList = OParlExport.fileList(u, SiteBase(project.site)!, pageSize: 1)
        let paths = Set(fileList.map(\.path))
        XCTAssertTrue(paths.contains("oparl/v1.1/body/testkreis/agendaItems/page/2.json"))
        let seite2 = try XCTUnwrap(fileList.first { $0.path == "oparl/v1.1/body/testkreis/agendaItems/page/2.json" })
        guard case let .payload(data) = seite2.contents else { return XCTFail() }
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let links = try XCTUnwrap(json["links"] as? [String: String])
        XCTAssertEqual(links["prev"], "https://www.example.org/inklusion/oparl/v1.1/body/testkreis/agendaItems")
        XCTAssertNil(links["next"])
        XCTAssertEqual((json["pagination"] as? [String: Int])?["totalPages"], 2)
        XCTAssertFalse(fileList.contains { String(decoding: { if case let .payload(d) = $0.contents { return d }; return Data() }($0), as: UTF8.self).contains("?page") })
    }

    /// The official schemas, through ../shared/tools/oparl_check.py, where that checker is at hand.
    func testOfficialOParlCheckerAcceptsTheExport() throws {
        let shared = Fixture.shared
        let checker = shared.appendingPathComponent("tools/oparl_check.py").path
        guard FileManager.default.fileExists(atPath: checker) else { throw XCTSkip("\(checker) not present") }
        let f = try built()
        let files = Fixture.tree(f.output).keys.filter { $0.hasPrefix("oparl/") }.sorted().map { Paths.join(f.output, $0) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", checker, shared.appendingPathComponent("oparl/1.1/schema").path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, output)
        XCTAssertTrue(output.contains("\(files.count) passed, 0 failed"), output)
    }
}
