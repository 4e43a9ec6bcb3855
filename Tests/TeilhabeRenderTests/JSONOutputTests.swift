import Foundation
import Synchronization
import XCTest
import TeilhabeTesting
@testable import TeilhabeRender
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeMarkdown
@testable import TeilhabeLoad
@testable import TeilhabeCheck
@testable import TeilhabeBuild
@testable import TeilhabeServe
@testable import TeilhabeAudit

/// The JSON files a build writes (OParl, search index, indicator downloads), byte for byte, and
/// texts with every kind of special character getting through them unchanged.
final class JSONOutputTests: XCTestCase {
    private func built(_ files: [String: String] = Fixture.minimal) throws -> Fixture {
        let f = try Fixture(files)
        let (resultValue, log) = f.build()
        XCTAssertNotNil(resultValue, log.all.map(\.formatted).joined(separator: "\n"))
        return f
    }

    private func file(_ f: Fixture, _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: Paths.join(f.output, path)), path), as: UTF8.self)
    }

    // MARK: exact bytes

    /// Keys sorted, two spaces a level, `"key": value`, slashes as they are, a line break at the end.
    func testOParlConsultationIsWrittenByteForByte() throws {
        let f = try built()
        XCTAssertEqual(try file(f, "oparl/v1.1/consultation/2024-0001-test-1.json"), """
            {
              "agendaItem": "https://www.example.org/inklusion/oparl/v1.1/agendaItem/2024-03-05-sozialausschuss-2",
              "authoritative": false,
              "created": "2024-02-20T00:00:00+01:00",
              "id": "https://www.example.org/inklusion/oparl/v1.1/consultation/2024-0001-test-1",
              "meeting": "https://www.example.org/inklusion/oparl/v1.1/meeting/2024-03-05-sozialausschuss",
              "modified": "2024-02-20T00:00:00+01:00",
              "organization": [
                "https://www.example.org/inklusion/oparl/v1.1/organization/sozialausschuss"
              ],
              "paper": "https://www.example.org/inklusion/oparl/v1.1/paper/2024-0001-test",
              "role": "Kenntnisnahme",
              "type": "https://schema.oparl.org/1.1/Consultation"
            }

            """)
    }

    /// An empty list stays `[]` on one line; pagination numbers are plain integers; `self` is a key.
    func testOParlEmptyListPageIsWrittenByteForByte() throws {
        let f = try built()
        XCTAssertEqual(try file(f, "oparl/v1.1/body/testkreis/persons.json"), """
            {
              "data": [],
              "links": {
                "first": "https://www.example.org/inklusion/oparl/v1.1/body/testkreis/persons",
                "last": "https://www.example.org/inklusion/oparl/v1.1/body/testkreis/persons",
                "self": "https://www.example.org/inklusion/oparl/v1.1/body/testkreis/persons"
              },
              "pagination": {
                "currentPage": 1,
                "elementsPerPage": 50,
                "totalElements": 0,
                "totalPages": 1
              }
            }

            """)
        let body = try file(f, "oparl/v1.1/body/testkreis.json")
        XCTAssertTrue(body.contains("\n  \"legislativeTerm\": [],\n"), "required, so written even when empty")
    }

    /// An OParl object is made once for its list page and its own file; the own file takes the bytes
    /// the encoder wrote for the page, and they are the bytes the encoder writes for the object alone.
    func testAnOParlObjectIsMadeOnceAndItsOwnFileTakesThePagesBytes() throws {
        struct Member: Encodable, Sendable { var id: String; var name: String; var list: [[Int]]; var none: String? }
        final class Counter: Sendable { let made = Mutex(0) }
        let members = (0..<5).map { n in
            Member(id: "https://example.org/oparl/x/\(n)", name: "Über \"\(n)\" {[}] \\\" / Teil", list: [Array(0..<n), []], none: n % 2 == 0 ? nil : "ja")
        }
        let counter = Counter()
        let shared = members.map { m in SharedObject { counter.made.withLock { $0 += 1 }; return m } }
        let links = OParlSchema.Links(first: "a", this: "b", last: "c", prev: nil, next: "d")
        let pagination = OParlSchema.Pagination(totalElements: 5, elementsPerPage: 5, currentPage: 1, totalPages: 1)
        let compact = JSONText.data(OParlSchema.Page(data: shared.map { $0.forPage() }, pagination: pagination, links: links), indented: false)
        let ranges = try XCTUnwrap(JSONText.arrayElements(compact, after: Array(#"{"data":["#.utf8)))
        XCTAssertEqual(ranges.count, members.count)
        for (k, object) in shared.enumerated() { object.pageWritten(compact.subdata(in: ranges[k])) }
        for (object, m) in zip(shared, members) { XCTAssertEqual(object.ownFileJSON(), JSONText.data(m, indented: false)) }
        XCTAssertEqual(counter.made.withLock { $0 }, members.count, "each made once")
        let empty = JSONText.data(OParlSchema.Page(data: [], pagination: pagination, links: links), indented: false)
        XCTAssertEqual(JSONText.arrayElements(empty, after: Array(#"{"data":["#.utf8)), [])
        XCTAssertNil(JSONText.arrayElements(Data(#"{"data":[{"a":1}"#.utf8), after: Array(#"{"data":["#.utf8)), "not closed")
        // The own file first: it encodes the object itself, and the page still gets it.
        let alone = SharedObject { counter.made.withLock { $0 += 1 }; return members[1] }
        XCTAssertEqual(alone.ownFileJSON(), JSONText.data(members[1], indented: false))
        XCTAssertEqual(JSONText.data(alone.forPage(), indented: false), JSONText.data(members[1], indented: false))
        XCTAssertEqual(counter.made.withLock { $0 }, members.count + 1)
    }

    /// One line, no spaces; a document as `[titel, ordner, art, datum]`, `""` where it has no date;
    /// every word with the places of the documents holding it, words in order (`am` is a stop word).
    /// The search index is written without Codable (for speed); its strings must be what JSONEncoder writes.
    func testTheSearchIndexWritesStringsAsJSONEncoderDoes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var texts = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        texts += ["\"", "\\", "a/b", "\u{2028}\u{2029}", "ä ß 🙂", "</script>", "x\\\"y", "", "\u{7F}"]
        for text in texts {
            var bytes: [UInt8] = []
            JSONString.append(text, to: &bytes)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(decoding: try encoder.encode(text), as: UTF8.self),
                           text.debugDescription)
        }
    }

    func testSearchIndexIsWrittenByteForByte() {
        let docs = [
            SearchIndex.SearchDocument(titel: "Haus \"am\" See", folderPath: "vorlagen/haus/", art: "Vorlage", datum: CalendarDay("2024-01-02"),
                                       quelle: nil) { "Haus und Straße" },
            SearchIndex.SearchDocument(titel: "Rat", folderPath: "gremien/rat/", art: "Gremium", datum: nil, quelle: nil) { "Haus 42" },
        ]
        XCTAssertEqual(String(decoding: SearchIndex.json(docs), as: UTF8.self),
                       #"{"dokumente":[["Haus \"am\" See","vorlagen/haus/","Vorlage","2024-01-02"],["Rat","gremien/rat/","Gremium",""]],"#
                       + #""woerter":{"42":[1],"gremium":[1],"haus":[0,1],"rat":[1],"see":[0],"strasse":[0],"vorlage":[0]}}"#)
    }

    /// A missing value is `null`, a secret one `"geheim": true` without a value, whole numbers have no
    /// `.0`, a fraction is written as it is; optional keys (`summe_spalte`, `stichtag` …) are there when given.
    func testIndicatorDownloadIsWrittenByteForByte() throws {
        var files = Fixture.minimal
        files["indikatoren/budget.yaml"] = "titel: Budget\neinheit: Anzahl\nquelle: LVR\ngeheimhaltung: 5\ntitel_leicht: Zahlen zum Test\n"
            + "summe_spalte: Gesamt\nstichtag: 2022-12-31\nraumebene: Kommune\n"
        files["indikatoren/budget.csv"] = "Raum;2022;Gesamt\nAachen;1.500;1.500\nMonschau;3;3\nRoetgen;-;-\n"
        files["indikatoren/quote.yaml"] = "titel: Quote\neinheit: Prozent\nquelle: LVR\nnachkommastellen: 1\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/quote.csv"] = "Raum;2022\nAachen;12,5\n"
        let f = try built(files)
        let quote = try file(f, "indikatoren/quote/quote.json")
        XCTAssertTrue(quote.contains("\n        {\n          \"spalte\": \"2022\",\n          \"wert\": 12.5\n        }\n"), quote)
        XCTAssertEqual(try file(f, "indikatoren/budget/budget.json"), """
            {
              "beispieldaten": false,
              "einheit": "Anzahl",
              "geheimhaltung": 5,
              "id": "budget",
              "nachkommastellen": 0,
              "quelle": "LVR",
              "raumebene": "Kommune",
              "spalten": [
                "2022",
                "Gesamt"
              ],
              "stichtag": "2022-12-31",
              "summe_spalte": "Gesamt",
              "titel": "Budget",
              "zeilen": [
                {
                  "raum": "Aachen",
                  "summe": false,
                  "werte": [
                    {
                      "spalte": "2022",
                      "wert": 1500
                    },
                    {
                      "spalte": "Gesamt",
                      "wert": 1500
                    }
                  ]
                },
                {
                  "raum": "Monschau",
                  "summe": false,
                  "werte": [
                    {
                      "geheim": true,
                      "spalte": "2022"
                    },
                    {
                      "geheim": true,
                      "spalte": "Gesamt"
                    }
                  ]
                },
                {
                  "raum": "Roetgen",
                  "summe": false,
                  "werte": [
                    {
                      "spalte": "2022",
                      "wert": null
                    },
                    {
                      "spalte": "Gesamt",
                      "wert": null
                    }
                  ]
                }
              ]
            }

            """)
    }

    /// `teilhabe audit --json`: pages by path, a missing vnu position as 0, `error` only where there was one.
    func testAuditReportIsWrittenByteForByte() {
        let results = [
            Audit.PageResult(webPage: "a/index.html", axe: [["id": "x", "help": "h"]],
                             vnu: [Vnu.Message(sourceLine: 3, columnIndex: nil, text: "m")], errors: "kaputt"),
            Audit.PageResult(webPage: "b.html"),
        ]
        XCTAssertEqual(String(decoding: Audit.json(results, versions: "axe-core 4"), as: UTF8.self), """
            {
              "pages": {
                "a/index.html": {
                  "axe": [
                    {
                      "help": "h",
                      "id": "x"
                    }
                  ],
                  "error": "kaputt",
                  "passed": false,
                  "vnu": [
                    {
                      "column": 0,
                      "line": 3,
                      "message": "m"
                    }
                  ]
                },
                "b.html": {
                  "axe": [],
                  "passed": true,
                  "vnu": []
                }
              },
              "summary": {
                "failed": 1,
                "passed": 1
              },
              "tools": "axe-core 4"
            }

            """)
    }

    // MARK: special characters

    /// Quotes, backslashes, control characters, U+2028/U+2029, non-ASCII and `</script>`.
    static let special = "Zitat \"x\" \\ C:\\ \\\" \u{01}\u{08}\u{0C}\u{1F}\t\n\r \u{2028}\u{2029} äöüß € 😀 e\u{301} </script> {[,:]}"

    /// The escapes themselves: `\"`, `\\`, `\n`, `\t`, `\u0001`, and U+2028 and slashes left as they are.
    func testEscapesAreTheEncodersAndSlashesStay() {
        let json = String(decoding: JSONText.data(["a": "\"\\\n\t\u{01}\u{2028}/ä"], indented: false), as: UTF8.self)
        XCTAssertEqual(json, "{\"a\":\"\\\"\\\\\\n\\t\\u0001\u{2028}/ä\"}")
    }

    func testSpecialCharactersRoundTripIndentedAndCompact() throws {
        struct Probe: Encodable { var text: String; var list: [String]; var nested: [String: [String]] }
        let probe = Probe(text: JSONOutputTests.special, list: [JSONOutputTests.special, "\\", "\"", ""],
                          nested: [JSONOutputTests.special: ["{", "}", "[", "]", ",", ":"]])
        for indented in [true, false] {
            let data = JSONText.data(probe, indented: indented)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], "indented: \(indented)")
            XCTAssertEqual(json["text"] as? String, JSONOutputTests.special)
            XCTAssertEqual(json["list"] as? [String], [JSONOutputTests.special, "\\", "\"", ""])
            XCTAssertEqual(json["nested"] as? [String: [String]], [JSONOutputTests.special: ["{", "}", "[", "]", ",", ":"]])
        }
    }

    /// Every control character, and strings that end in backslashes or hold quotes and brackets: the
    /// layout finds each string's end (a quote behind an even number of backslashes), adds nothing
    /// inside a string, and puts every element on its own line.
    func testLayoutLeavesEveryStringAsTheEncoderWroteIt() throws {
        let texts = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
            + ["\\", "\\\\", "\\\"", "a\\", "\"", "\"\"", "{}", "[]", ", : ", "\\\\\\"]
        let indented = String(decoding: JSONText.data(texts), as: UTF8.self)
        // Each string as the encoder writes it alone, without the brackets of its list.
        let strings = texts.map { String(decoding: JSONText.data([$0], indented: false).dropFirst().dropLast(), as: UTF8.self) }
        XCTAssertEqual(indented, "[\n" + strings.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n")
        XCTAssertEqual(try XCTUnwrap(JSONSerialization.jsonObject(with: Data(indented.utf8)) as? [String]), texts)
    }

    /// Through the whole build: a paper's subject with special characters, in its OParl object and
    /// in the search index, and an indicator's title in its download.
    func testSpecialCharactersFromContentRoundTripThroughTheExports() throws {
        var files = Fixture.minimal
        // YAML double quotes: \x01 and friends are escapes there, written into the title as characters.
        let yaml = #""Zitat \"x\" \\ C:\\ \\\" \x01\b\f\x1F\t\n\r \L\P äöüß € 😀 e\u0301 </script> {[,:]}""#
        files["vorlagen/2024-0001-test.md"] = files["vorlagen/2024-0001-test.md"]!
            .replacingOccurrences(of: "betreff: Bericht über barrierefreie Spielplätze", with: "betreff: \(yaml)")
        files["indikatoren/budget.yaml"] = "titel: \(yaml)\neinheit: Anzahl\nquelle: LVR\ntitel_leicht: Zahlen zum Test\n"
        files["indikatoren/budget.csv"] = "Raum;2022\nAachen;1\n"
        let f = try built(files)
        func json(_ path: String) throws -> [String: Any] {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try file(f, path).utf8)) as? [String: Any], path)
        }
        XCTAssertEqual(try json("oparl/v1.1/paper/2024-0001-test.json")["name"] as? String, JSONOutputTests.special)
        let documents = try XCTUnwrap(try json("suche/index.json")["dokumente"] as? [[String]])
        XCTAssertTrue(documents.contains { $0[0] == "2024/0001: " + JSONOutputTests.special }, "\(documents)")
        XCTAssertEqual(try json("indikatoren/budget/budget.json")["titel"] as? String, JSONOutputTests.special)
    }
}
