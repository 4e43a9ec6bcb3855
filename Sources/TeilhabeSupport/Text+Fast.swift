import Foundation

/// Byte-wise replacing and trimming for texts the build handles thousands of times: the standard
/// library's `replacing(_:with:)` walks Characters (6 % of a large build), and Foundation's
/// `trimmingCharacters(in:)` bridges every string to NSString (9 % of `teilhabe check`).
extension String {
    /// Whether the UTF-8 bytes of `muster` occur (Foundation's `contains` bridges to NSString).
    package func enthaelt(_ muster: String) -> Bool {
        let m = Array(muster.utf8)
        var copy = self
        return copy.withUTF8 { String.position(m, in: $0, ab: 0) != nil }
    }

    /// Every occurrence of `alt` replaced by `neu`, scanning UTF-8 bytes: a match never starts inside a
    /// multi-byte character, but unlike `replacing(_:with:)` it may end before a combining mark (meant
    /// for markup such as `<th>`, not for words).
    package func replaced(_ alt: String, durch neu: String) -> String {
        let muster = Array(alt.utf8)
        guard !muster.isEmpty else { return self }
        var resultValue: [UInt8] = []
        var copy = self
        let hits = copy.withUTF8 { text -> Bool in
            var kopiertBis = 0, found = false
            while let i = String.position(muster, in: text, ab: kopiertBis) {
                if !found { resultValue.reserveCapacity(text.count + 64); found = true }
                resultValue.append(contentsOf: UnsafeBufferPointer(rebasing: text[kopiertBis..<i]))
                resultValue.append(contentsOf: neu.utf8)
                kopiertBis = i + muster.count
            }
            if found { resultValue.append(contentsOf: UnsafeBufferPointer(rebasing: text[kopiertBis...])) }
            return found
        }
        return hits ? String(decoding: resultValue, as: UTF8.self) : self
    }

    /// The first place at or after `ab` where `muster` (not empty: else `ab`) stands in `text`.
    private static func position(_ muster: [UInt8], in text: UnsafeBufferPointer<UInt8>, ab: Int) -> Int? {
        guard let first = muster.first else { return ab }
        guard text.count >= muster.count, ab <= text.count - muster.count, let base = text.baseAddress else { return nil }
        // memchr finds the first byte, memcmp tests the rest (the byte loop was most of a page's replacing).
        let last = text.count - muster.count
        var i = ab
        while i <= last, let p = memchr(base + i, Int32(first), last - i + 1) {
            let k = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if muster.withUnsafeBufferPointer({ memcmp(base + k, $0.baseAddress!, muster.count) }) == 0 { return k }
            i = k + 1
        }
        return nil
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, or `.whitespacesAndNewlines` with `zeilenenden`.
    /// Ends of plain ASCII are trimmed here; Foundation only sees a string with other characters at an end.
    package func trimmed(zeilenenden: Bool = false) -> String {
        let part = Substring(self), bytes = part.utf8
        func empty(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || zeilenenden && (b >= 0x0A && b <= 0x0D) }
        var beginning = bytes.startIndex, ende = bytes.endIndex
        while beginning < ende, empty(bytes[beginning]) { beginning = bytes.index(after: beginning) }
        while ende > beginning, empty(bytes[bytes.index(before: ende)]) { ende = bytes.index(before: ende) }
        if beginning < ende, bytes[beginning] >= 0x80 || bytes[bytes.index(before: ende)] >= 0x80 {
            return trimmingCharacters(in: zeilenenden ? .whitespacesAndNewlines : .whitespaces)
        }
        return String(part[beginning..<ende])
    }
}
