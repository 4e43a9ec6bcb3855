import Foundation
/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter {
    var yaml: String
    /// File line of the first YAML line minus one: add it to a YAML mark's line.
    var yamlLineOffset: Int
    var body: String
    /// File line where the body starts.
    var bodyFirstLine: Int

    /// nil when the file does not start with a `---` line or the block is not closed.
    init?(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        guard let close = lines.dropFirst().firstIndex(where: {
            let t = $0.trimmingCharacters(in: .whitespaces)
            return t == "---" || t == "..."
        }) else { return nil }
        yaml = lines[1..<close].joined(separator: "\n")
        yamlLineOffset = 1
        body = lines[(close + 1)...].joined(separator: "\n")
        bodyFirstLine = close + 2
    }
}

enum TextDecoding {
    /// UTF-8 text with a BOM removed and CRLF line ends made LF; nil when not valid UTF-8.
    static func utf8(_ data: [UInt8]) -> String? {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Foundation's replacingOccurrences bridges through NSString: slow on every file of a large site.
        if bytes.contains(0x0D) {
            var ohne: [UInt8] = []
            ohne.reserveCapacity(bytes.count)
            for (i, b) in zip(bytes.indices, bytes) where !(b == 0x0D && bytes.index(after: i) < bytes.endIndex && bytes[bytes.index(after: i)] == 0x0A) {
                ohne.append(b)
            }
            return String(validating: ohne, as: UTF8.self)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
