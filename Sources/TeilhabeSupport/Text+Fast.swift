import Foundation

/// Byte-wise replacing and trimming for texts the build handles thousands of times: the standard
/// library's `replacing(_:with:)` walks Characters (6 % of a large build), and Foundation's
/// `trimmingCharacters(in:)` bridges every string to NSString (9 % of `teilhabe check`).
extension String {
    /// Whether the UTF-8 bytes of `pattern` occur (Foundation's `contains` bridges to NSString).
    package func containsText(_ pattern: String) -> Bool {
        let m = Array(pattern.utf8)
        var copy = self
        return copy.withUTF8 { String.position(m, in: $0, from: 0) != nil }
    }

    /// Every occurrence of `alt` replaced by `new`, scanning UTF-8 bytes: a match never starts inside a
    /// multi-byte character, but unlike `replacing(_:with:)` it may end before a combining mark (meant
    /// for markup such as `<th>`, not for words).
    package func replaced(_ old: String, with new: String) -> String {
        let pattern = Array(old.utf8)
        guard !pattern.isEmpty else { return self }
        var resultValue: [UInt8] = []
        var copy = self
        let hits = copy.withUTF8 { text -> Bool in
            var copiedUpTo = 0, found = false
            while let i = String.position(pattern, in: text, from: copiedUpTo) {
                if !found { resultValue.reserveCapacity(text.count + 64); found = true }
                resultValue.append(contentsOf: UnsafeBufferPointer(rebasing: text[copiedUpTo..<i]))
                resultValue.append(contentsOf: new.utf8)
                copiedUpTo = i + pattern.count
            }
            if found { resultValue.append(contentsOf: UnsafeBufferPointer(rebasing: text[copiedUpTo...])) }
            return found
        }
        return hits ? String(decoding: resultValue, as: UTF8.self) : self
    }

    /// The first place at or after `start` where `pattern` (not empty: else `start`) stands in `text`.
    package static func position(_ pattern: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = pattern.first else { return start }
        guard text.count >= pattern.count, start <= text.count - pattern.count, let base = text.baseAddress else { return nil }
        // memchr finds the first byte, memcmp tests the rest (the byte loop was most of a page's replacing).
        let last = text.count - pattern.count
        var i = start
        while i <= last, let p = memchr(base + i, Int32(first), last - i + 1) {
            let k = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if pattern.withUnsafeBufferPointer({ memcmp(base + k, $0.baseAddress!, pattern.count) }) == 0 { return k }
            i = k + 1
        }
        return nil
    }
}

extension Substring {
    /// Where the bytes of `pattern` (ASCII, so a match lies on character boundaries) first stand:
    /// Foundation's `range(of:)` measures the whole text in UTF-16 on every call (24 % of a clean
    /// 4,000-page build when the soft-hyphen pass used it on every header cell).
    package func byteRange(of pattern: [UInt8]) -> Range<String.Index>? {
        var copy = self
        guard let k = copy.withUTF8({ String.position(pattern, in: $0, from: 0) }) else { return nil }
        let start = utf8.index(startIndex, offsetBy: k)
        return start..<utf8.index(start, offsetBy: pattern.count)
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, or `.whitespacesAndNewlines` with `lineEndings`.
    /// Ends of plain ASCII are trimmed here; Foundation only sees a string with other characters at an end.
    package func trimmed(lineEndings: Bool = false) -> String {
        let part = Substring(self), bytes = part.utf8
        func empty(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || lineEndings && (b >= 0x0A && b <= 0x0D) }
        var beginning = bytes.startIndex, end = bytes.endIndex
        while beginning < end, empty(bytes[beginning]) { beginning = bytes.index(after: beginning) }
        while end > beginning, empty(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        if beginning < end, bytes[beginning] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80 {
            return trimmingCharacters(in: lineEndings ? .whitespacesAndNewlines : .whitespaces)
        }
        return String(part[beginning..<end])
    }
}
