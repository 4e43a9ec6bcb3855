import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// Reads CSV as spreadsheets export it: `;` or `,` (detected), quoted cells, UTF-8 with or without
/// BOM or Windows-1252, CRLF or LF. Cells keep their line and column for messages.
struct CSVReader {
    struct Cell {
        var text: String
        var sourceLine: Int
        var columnIndex: Int
    }

    let separator: Character
    let lines: [[Cell]]

    init(_ bytes: [UInt8]) {
        let text = CSVReader.decodeValue(bytes).replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        let head = text.prefix { $0 != "\n" }
        separator = head.filter { $0 == ";" }.count >= head.filter { $0 == "," }.count && head.contains(";") ? ";" : ","
        lines = CSVReader.splitText(text, separator: separator)
    }

    /// UTF-8 (a BOM is dropped); anything that is not valid UTF-8 is read as Windows-1252.
    static func decodeValue(_ bytes: [UInt8]) -> String {
        var contents = bytes[...]
        if contents.starts(with: [0xEF, 0xBB, 0xBF]) { contents = contents.dropFirst(3) }
        if let utf8 = String(validating: contents, as: UTF8.self) { return utf8 }
        return String(String.UnicodeScalarView(contents.map { cp1252($0) }))
    }

    /// Windows-1252: Latin-1 except 0x80–0x9F, which hold €, „, “, – and friends.
    private static func cp1252(_ byte: UInt8) -> Unicode.Scalar {
        let table: [UInt8: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
            0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
            0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        return Unicode.Scalar(table[byte] ?? UInt32(byte)) ?? "?"
    }

    private static func splitText(_ text: String, separator: Character) -> [[Cell]] {
        var lines: [[Cell]] = []
        var current: [Cell] = []
        var field = ""
        var inQuotes = false
        var sourceLine = 1, columnIndex = 1, fieldColumn = 1, fieldRow = 1
        var lineHasContent = false
        func fieldDone() {
            current.append(Cell(text: field.trimmingCharacters(in: .whitespaces), sourceLine: fieldRow, columnIndex: fieldColumn))
            field = ""
        }
        var characters = Array(text)
        if characters.last != "\n" { characters.append("\n") }
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < characters.count, characters[i + 1] == "\"" { field.append("\""); i += 1; columnIndex += 1 } else { inQuotes = false }
                } else {
                    field.append(c)
                    if c == "\n" { sourceLine += 1; columnIndex = 0 }
                }
            } else if c == "\"" && field.trimmingCharacters(in: .whitespaces).isEmpty {
                inQuotes = true
                lineHasContent = true
            } else if c == separator {
                fieldDone()
                lineHasContent = true
                fieldColumn = columnIndex + 1
            } else if c == "\n" {
                if lineHasContent || !field.trimmingCharacters(in: .whitespaces).isEmpty {
                    fieldDone()
                    lines.append(current)
                }
                current = []
                field = ""
                lineHasContent = false
                sourceLine += 1
                columnIndex = 0
                fieldColumn = 1
                fieldRow = sourceLine
            } else {
                if field.isEmpty && !lineHasContent && current.isEmpty { fieldRow = sourceLine }
                field.append(c)
            }
            i += 1
            columnIndex += 1
        }
        return lines
    }
}

/// Numbers as German spreadsheets write them.
enum Numbers {
    /// Values must stay below 10^15 in size: beyond that a Double no longer holds every whole
    /// number, and no municipal figure is that large. Refused, not rounded, so nothing is published wrong.
    static let limit = 1e15

    // Regex literals are parsed each time the expression runs: these are built once. ASCII digits
    // only (`\d` would take Arabic or Devanagari digits, which Double cannot read).
    // SharedRegex: a Regex is not Sendable; the wrapper says why sharing these is safe.
    static let groupedNumber = SharedRegex(#/-?[0-9]{1,3}(\.[0-9]{3})+(,[0-9]+)?/#)
    static let commaDecimal = SharedRegex(#/-?[0-9]+(,[0-9]+)?/#)
    static let dotDecimal = SharedRegex(#/-?[0-9]+\.[0-9]+/#)

    /// `outOfRange`: a number, but not below `limit` in size.
    enum Outcome: Equatable { case value(Double), missing, invalid, outOfRange }

    /// `24.812` (thousands dot), `12,5` (decimal comma), `1.234,5`, `3.5` (decimal point), a leading
    /// `-` or `−`, and `''`, `-`, `.`, `–` for a missing value. Always a finite value or a refusal.
    static func parse(_ text: String) -> Outcome {
        var t = text.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        if ["", "-", ".", "–", "—", "x", "X"].contains(t) { return .missing }
        if t.first == "−" { t = "-" + t.dropFirst() }
        let normal: String
        if t.wholeMatch(of: Numbers.groupedNumber) != nil {
            normal = t.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
        } else if t.wholeMatch(of: Numbers.commaDecimal) != nil {
            normal = t.replacingOccurrences(of: ",", with: ".")
        } else if t.wholeMatch(of: Numbers.dotDecimal) != nil {
            normal = t
        } else {
            return .invalid
        }
        // Very long digit strings read as ±∞ (or not at all): too large either way.
        guard let value = Double(normal), value.isFinite else { return .outOfRange }
        guard abs(value) < limit else { return .outOfRange }
        return .value(value == 0 ? 0 : value)   // no "-0" in the downloads
    }
}
