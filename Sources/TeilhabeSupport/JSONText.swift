import Foundation

/// JSON for the exports (OParl, search index, indicator downloads, audit report, WebDriver requests):
/// Codable values, encoded by one `JSONEncoder` configuration – keys sorted (in String order, as
/// Swift compares them: the search index's words keep their order), slashes not escaped. Escapes and
/// numbers are the encoder's, and the bytes the hand-written writer made before – numbers for every
/// value the loaders allow (below 10^15, no -0) – except that U+0008 and U+000C are now `\b` and `\f`
/// instead of `\u0008` and `\u000c` (the same text to any reader).
/// Cost, measured with bench/json-cost (2000 papers, clean build, median of 7 on a quiet machine):
/// 1.89 s with the hand-written writer this replaced, 1.91 s with Codable (CPU 3.55 s → 3.60 s; under
/// callgrind +3.0 % instructions). Encoding is now about 8 % of the build's CPU samples (6–11 %), the
/// old writer's 3 % (2–4 %), but the OParl objects are no longer built as `[String: Any]` dictionaries,
/// which paid for most of it.
package enum JSONText {
    /// Shared by every build thread: `JSONEncoder` is Sendable and keeps no state between calls.
    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A key known only when the value is written (a word of the search index).
    package struct Key: CodingKey {
        package var stringValue: String
        package var intValue: Int? { nil }
        package init(_ name: String) { stringValue = name }
        package init(stringValue: String) { self.stringValue = stringValue }
        package init?(intValue: Int) { nil }
    }

    /// `indented`: laid out as the downloads always were (see `indent`), ending in a line break.
    /// A value JSON cannot hold (a NaN; loaders never make one) is a programming error: it stops the build.
    package static func data<T: Encodable>(_ value: T, indented: Bool = true) -> Data {
        let compact: Data
        do {
            compact = try encoder.encode(value)
        } catch {
            preconditionFailure("JSON: \(error)")
        }
        return indented ? indent(compact) : compact
    }

    /// Two spaces a level, `"key": value`, and `[]` and `{}` for empty containers: the layout the
    /// exports have always had (`.prettyPrinted` writes `"key" : value` and breaks an empty list
    /// over two lines, which would change every OParl file). Only whitespace is added outside
    /// strings; what the encoder wrote, escapes included, is copied as it is.
    package static func indent(_ compact: Data) -> Data {
        compact.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Data in
            let json = raw.bindMemory(to: UInt8.self)
            var out: [UInt8] = []
            out.reserveCapacity(json.count + json.count / 2)
            var depth = 0, i = 0
            while i < json.count {
                let byte = json[i]
                i += 1
                switch byte {
                case 0x22:   // a string: copied up to its closing quote, in one piece
                    let end = stringEnd(json, from: i)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: json[(i - 1)..<end]))
                    i = end
                case 0x7B, 0x5B:
                    if i < json.count && json[i] == byte + 2 {   // `{}`, `[]`
                        out.append(byte); out.append(byte + 2); i += 1
                    } else {
                        depth += 1; out.append(byte); lineBreak(&out, depth)
                    }
                case 0x7D, 0x5D: depth -= 1; lineBreak(&out, depth); out.append(byte)
                case 0x2C: out.append(byte); lineBreak(&out, depth)
                case 0x3A: out.append(byte); out.append(0x20)
                default: out.append(byte)
                }
            }
            out.append(0x0A)
            return Data(out)
        }
    }

    /// Where the elements of the array that follows `prefix` at the start of compact JSON stand (each
    /// element an object or array): for taking an OParl list page's members out of the bytes the encoder
    /// wrote for the page, instead of encoding each member again for its own file. Nil when the bytes
    /// do not start so or do not close.
    package static func arrayElements(_ compact: Data, after prefix: [UInt8]) -> [Range<Int>]? {
        compact.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [Range<Int>]? in
            let json = raw.bindMemory(to: UInt8.self)
            guard json.count > prefix.count, json.starts(with: prefix) else { return nil }
            var ranges: [Range<Int>] = [], i = prefix.count, depth = 0, start = i
            while i < json.count {
                let byte = json[i]
                i += 1
                switch byte {
                case 0x22: i = stringEnd(json, from: i)
                case 0x7B, 0x5B:
                    if depth == 0 { start = i - 1 }
                    depth += 1
                case 0x7D, 0x5D:
                    if depth == 0 { return byte == 0x5D ? ranges : nil }   // the array's own `]`
                    depth -= 1
                    if depth == 0 { ranges.append(start..<i) }
                default: continue
                }
            }
            return nil
        }
    }

    /// The index just past the quote that closes the string whose contents begin at `start`: the next
    /// quote not escaped, i.e. not behind an odd number of backslashes. Found with memchr: most of an
    /// export's bytes are in strings (addresses), which are skipped in one call each.
    private static func stringEnd(_ json: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = json.baseAddress else { return json.count }
        var i = start
        while i < json.count, let found = memchr(base + i, 0x22, json.count - i) {
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 >= start && json[quote - backslashes - 1] == 0x5C { backslashes += 1 }
            if backslashes % 2 == 0 { return quote + 1 }
            i = quote + 1
        }
        return json.count
    }

    private static func lineBreak(_ out: inout [UInt8], _ depth: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }
}
