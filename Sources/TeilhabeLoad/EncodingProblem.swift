import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// Why the bytes of a Markdown or YAML file are not UTF-8 text, and where: the message a person
/// needs to fix it (which editor setting, which line). CSV files have their own rules (CSVReader).
struct EncodingProblem {
    var message: Message
    /// 1-based line and column (in characters) of the first bad byte; nil where no line applies.
    var line: Int?
    var column: Int?

    /// nil when the bytes are UTF-8 text (a UTF-8 BOM is allowed) without NUL bytes.
    static func find(_ data: [UInt8]) -> EncodingProblem? {
        if let bom = utf16or32(data) {
            return EncodingProblem(message: .encodedWithBOM(bom))
        }
        let start = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let bad = firstBadByte(data, from: start) else { return nil }
        let (line, column) = position(of: bad, in: data, from: start)
        if data[bad] == 0 {
            return EncodingProblem(message: .nulByte, line: line, column: column)
        }
        let hex = String(data[bad], radix: 16, uppercase: true)
        return EncodingProblem(message: .notUTF8Byte(hex),
                               line: line, column: column)
    }

    /// The name of a UTF-16 or UTF-32 byte order mark at the start.
    private static func utf16or32(_ data: [UInt8]) -> String? {
        if data.starts(with: [0xFF, 0xFE, 0, 0]) || data.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32" }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        return nil
    }

    /// The index of the first byte that does not belong to valid UTF-8 text, or of the first NUL.
    static func firstBadByte(_ data: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < data.count {
            let b = data[i]
            if b == 0 { return i }
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
            guard length > 0, i + length <= data.count,
                  String(validating: data[i..<(i + length)], as: UTF8.self) != nil else { return i }
            i += length
        }
        return nil
    }

    /// Line and column (characters of the valid text before it, plus one) of the byte at `index`.
    private static func position(of index: Int, in data: [UInt8], from start: Int) -> (Int, Int) {
        var line = 1, lineStart = start
        for i in start..<index where data[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, String(decoding: data[lineStart..<index], as: UTF8.self).count + 1)
    }
}
