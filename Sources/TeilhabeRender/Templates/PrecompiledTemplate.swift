import Mustache
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// A rendered template with numbered gaps: texts between the gaps, and per gap the value's number
/// and whether it was escaped there.
struct PrecompiledTemplate: Sendable {
    private var texts: [String] = []
    private var gaps: [(nummer: Int, escaped: Bool)] = []
    /// Bytes of the texts between the gaps.
    private var length = 0

    /// Reads the placeholders back out of a render (`U+E000 number & U+E001`, the `&` as `&amp;`
    /// where the template escaped it); nil if one is not whole.
    init?(_ gerendert: String) {
        let bytes = Array(gerendert.utf8)
        var i = 0, beginning = 0
        while i < bytes.count {
            guard bytes[i] == 0xEE, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 else { i += 1; continue }
            texts.append(String(decoding: bytes[beginning..<i], as: UTF8.self))
            var j = i + 3, number = 0
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { number = number * 10 + Int(bytes[j] - 0x30); j += 1 }
            let escaped = bytes[j...].starts(with: "&amp;".utf8)
            guard j > i + 3, escaped || bytes[j...].starts(with: "&".utf8) else { return nil }
            j += escaped ? 5 : 1
            guard bytes[j...].starts(with: [0xEE, 0x80, 0x81]) else { return nil }
            gaps.append((number, escaped))
            i = j + 3; beginning = i
        }
        texts.append(String(decoding: bytes[beginning...], as: UTF8.self))
        length = texts.reduce(0) { $0 + $1.utf8.count }
    }

    func fill(_ valueList: [String]) -> String? {
        var out = texts[0]
        out.reserveCapacity(length + valueList.reduce(0) { $0 + $1.utf8.count })
        for (k, gap) in gaps.enumerated() {
            guard gap.nummer < valueList.count else { return nil }
            out += gap.escaped ? FastHTML().escapeText(valueList[gap.nummer]) : valueList[gap.nummer]
            out += texts[k + 1]
        }
        return out
    }
}
