import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String
    /// File line of the first YAML line minus one: add it to a YAML mark's line.
    var yamlLineOffset: Int
    var body: String
    /// File line where the body starts.
    var bodyFirstLine: Int

    /// nil when the file does not start with a `---` line or the block is not closed.
    /// Scans bytes: splitting every file into lines and joining the body again was 5 % of a large build.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        func lineEnd(_ beginning: Int) -> Int { bytes[beginning...].firstIndex(of: 0x0A) ?? bytes.count }
        func startsWith(_ beginning: Int, _ markers: [[UInt8]]) -> Bool {
            var a = beginning, e = lineEnd(beginning)
            while a < e, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
            while e > a, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
            return markers.contains { $0.elementsEqual(bytes[a..<e]) }
        }
        guard startsWith(0, [Array("---".utf8)]) else { return nil }
        let yamlStart = lineEnd(0) + 1
        var sourceLine = lineEnd(0), lines = 1   // lines before the closing one
        var end: Int?
        while sourceLine < bytes.count {
            let beginning = sourceLine + 1
            if startsWith(beginning, [Array("---".utf8), Array("...".utf8)]) { end = beginning; break }
            lines += 1
            sourceLine = lineEnd(beginning)
        }
        guard let end else { return nil }
        yaml = yamlStart < end ? String(decoding: bytes[yamlStart..<(end - 1)], as: UTF8.self) : ""
        yamlLineOffset = 1
        let bodyText = lineEnd(end) + 1
        body = bodyText < bytes.count ? String(decoding: bytes[bodyText...], as: UTF8.self) : ""
        bodyFirstLine = lines + 2
    }
}

enum TextDecoding {
    /// UTF-8 text with a BOM removed and CRLF line ends made LF; nil when not valid UTF-8.
    static func utf8(_ data: [UInt8]) -> String? {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Foundation's replacingOccurrences bridges through NSString: slow on every file of a large site.
        if bytes.contains(0x0D) {
            var without: [UInt8] = []
            without.reserveCapacity(bytes.count)
            for (i, b) in zip(bytes.indices, bytes) where !(b == 0x0D && bytes.index(after: i) < bytes.endIndex && bytes[bytes.index(after: i)] == 0x0A) {
                without.append(b)
            }
            return String(validating: without, as: UTF8.self)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
