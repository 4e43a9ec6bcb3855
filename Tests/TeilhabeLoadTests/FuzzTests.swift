import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeLoad

/// Seeded random mutations of a small project's front matter, YAML, CSV and Markdown: every case
/// must end, without a crash, in a site or in well-formed errors (`path:line:column: error: …` at a
/// file of the project, inside it). The seed is fixed, so a failure names a case that can be rerun;
/// `TEILHABE_FUZZ_FAELLE` raises the count for a longer run by hand.
final class FuzzTests: XCTestCase {
    /// The shared seeded generator, with the picks this test needs.
    struct Random {
        var generator: SplitMix64
        init(state: UInt64) { generator = SplitMix64(state: state) }
        mutating func next() -> UInt64 { generator.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Pieces that break parsers: YAML syntax, separators, encodings, numbers at the edges.
    static let tokens: [String] = [
        ":", ": ", "\n", "\r\n", "---\n", "- ", "{", "}", "[", "]", "\"", "'", "#", "\t", "|", ">", "&a ", "*a", "!!binary ",
        "? ", ",", ";", "\u{0}", "\u{FEFF}", "\u{7}", "ä", "ß", "€", "\u{202E}", "🙂", "  ", "~", "null", "\"\"", "status: ~\n",
        "10000000000000000000", "1e308", "-0", "NaN", "4,99", "10.000.000.000.000", "•", ".", "-", "9999-99-99", "2024-02-30",
        "T25:61", "../", "/%2e%2e/", "http://127.0.0.1:1/x.png", "](../anlagen/x.pdf)", "![a](", "```indikator\n", "```\n",
        "<script>", "&amp;", "\\", "%", "{{", "}}", "0x1F", "+", "−", "2019/0320", "oeffentlich", "nichtoeffentlich",
    ]

    /// A small project with every kind of input file, as paths below `content/` and their text.
    static let seed: [String: String] = {
        var files = Fixture.minimal
        files["indikatoren/quote.yaml"] = """
        titel: Quote der Beschäftigten
        titel_leicht: So viele Menschen haben Arbeit
        beschreibung: Anteil in Prozent.
        einheit: Anzahl
        quelle: Beispiel
        stichtag: 2020-12-31
        raumebene: Kommune
        nachkommastellen: 0
        geheimhaltung: 3
        summe: Kreis
        """
        files["indikatoren/quote.csv"] = "Raum;2018;2020\nNord;1.204;1.310\nSüd;7;2\nKreis;1.211;1.312\n"
        files["inklusionsplan/2024.yaml"] = """
        titel: Inklusionsplan
        stand: 2024-06-30
        handlungsfelder:
          - id: wohnen
            titel: Wohnen
            titel_leicht: Wohnen
            un_brk: [19]
            massnahmen:
              - id: WO-1
                titel: Barrierefreie Wohnungen
                leicht: Es soll mehr Wohnungen ohne Barrieren geben.
                zustaendig: A 1 – Testamt
                zeitraum: 2023–2026
                status: geplant
                indikatoren: [quote]
                vorlagen: ["2024/0001"]
        """
        return files
    }()

    func testMutatedProjectsEndInASiteOrInWellFormedErrors() throws {
        let cases = Int(ProcessInfo.processInfo.environment["TEILHABE_FUZZ_FAELLE"] ?? "") ?? 10_000
        let theme = try XCTUnwrap(Theme.load(overrideFolder: nil, log: DiagnosticLog()))
        let root = "/fuzz/content"
        let names = Self.seed.keys.filter { !$0.hasSuffix(".pdf") }.sorted()
        var random = Random(state: 20_261_206)
        var sites = 0, failed = 0
        for number in 0..<cases {
            let name = random.pick(names)
            let mutated = mutate(Self.seed[name]!, &random)
            var files = Self.seed.mapValues { Data($0.utf8) }
            files[name] = mutated
            let io = FileIO.memory(Dictionary(uniqueKeysWithValues: files.map { (Paths.join(root, $0.key), $0.value) }))
            let log = DiagnosticLog()
            let started = Date()
            let project = Build.check(content: root, io: io, log: log)
            if let project {
                _ = SiteRenderer.render(project, publikum: .oeffentlich, stichtag: CalendarDay("2024-06-01")!,
                                        theme: theme, log: log)
                sites += 1
            }
            XCTAssertLessThan(Date().timeIntervalSince(started), 10, "case \(number) (\(name)) took too long")
            if project == nil { failed += 1 }
            check(log, case: number, file: name, text: mutated, root: root)
            if log.all.isEmpty, project == nil {
                XCTFail("case \(number) (\(name)): failed without a message:\n\(String(decoding: mutated, as: UTF8.self))")
            }
        }
        XCTAssertGreaterThan(sites, 0)
        XCTAssertGreaterThan(failed, cases / 10, "the mutations must reach the error paths")
    }

    /// Every error names a project file (a place inside it where there is a line) and says something.
    private func check(_ log: DiagnosticLog, case number: Int, file name: String, text: Data, root: String) {
        // Lines as YAML and editors count them: a lone carriage return ends a line too.
        let normalised = String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let lines = normalised.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count + 1
        for d in log.all where d.severity == .error {
            let head = "case \(number) (\(name)): \(d.formatted)"
            XCTAssertTrue(d.location.file.hasPrefix(root), head)
            XCTAssertFalse(d.message.trimmingCharacters(in: .whitespaces).isEmpty, head)
            XCTAssertFalse(d.message.contains("Error Domain="), head)
            XCTAssertFalse(d.message.contains(": error: "), "doubled prefix: " + head)
            if d.location.file == Paths.join(root, name), let line = d.location.line {
                XCTAssertTrue((1...max(lines, 1)).contains(line), "line outside the file: " + head + "\n" + String(decoding: text, as: UTF8.self).debugDescription)
                XCTAssertGreaterThanOrEqual(d.location.column ?? 1, 1, head)
            }
        }
    }

    /// One to three edits: a byte changed, a token put in, a range removed, or a line doubled.
    private func mutate(_ text: String, _ random: inout Random) -> Data {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + random.below(3)) {
            let at = random.below(bytes.count + 1)
            switch random.below(5) {
            case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
            case 1, 2: bytes.insert(contentsOf: Array(random.pick(Self.tokens).utf8), at: at)
            case 3 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + random.below(24))
                bytes.removeSubrange(min(at, end)..<end)
            default:
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                guard !lines.isEmpty else { continue }
                let k = random.below(lines.count)
                var doubled = Array(lines[...k]) + [lines[k]]
                doubled += lines[(k + 1)...]
                bytes = Array(doubled.joined(separator: [0x0A]))
            }
        }
        return Data(bytes)
    }
}
