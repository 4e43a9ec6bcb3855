import Foundation

/// Byte-wise replacing and trimming for texts the build handles thousands of times: the standard
/// library's `replacing(_:with:)` walks Characters (6 % of a large build), and Foundation's
/// `trimmingCharacters(in:)` bridges every string to NSString (9 % of `teilhabe check`).
extension String {
    /// Whether the UTF-8 bytes of `muster` occur (Foundation's `contains` bridges to NSString).
    package func enthaelt(_ muster: String) -> Bool {
        let m = Array(muster.utf8)
        var kopie = self
        return kopie.withUTF8 { String.stelle(m, in: $0, ab: 0) != nil }
    }

    /// Every occurrence of `alt` replaced by `neu`, scanning UTF-8 bytes: a match never starts inside a
    /// multi-byte character, but unlike `replacing(_:with:)` it may end before a combining mark (meant
    /// for markup such as `<th>`, not for words).
    package func ersetzt(_ alt: String, durch neu: String) -> String {
        let muster = Array(alt.utf8)
        guard !muster.isEmpty else { return self }
        var ergebnis: [UInt8] = []
        var kopie = self
        let treffer = kopie.withUTF8 { text -> Bool in
            var kopiertBis = 0, gefunden = false
            while let i = String.stelle(muster, in: text, ab: kopiertBis) {
                if !gefunden { ergebnis.reserveCapacity(text.count + 64); gefunden = true }
                ergebnis.append(contentsOf: UnsafeBufferPointer(rebasing: text[kopiertBis..<i]))
                ergebnis.append(contentsOf: neu.utf8)
                kopiertBis = i + muster.count
            }
            if gefunden { ergebnis.append(contentsOf: UnsafeBufferPointer(rebasing: text[kopiertBis...])) }
            return gefunden
        }
        return treffer ? String(decoding: ergebnis, as: UTF8.self) : self
    }

    /// The first place at or after `ab` where `muster` (not empty: else `ab`) stands in `text`.
    private static func stelle(_ muster: [UInt8], in text: UnsafeBufferPointer<UInt8>, ab: Int) -> Int? {
        guard let erstes = muster.first else { return ab }
        guard text.count >= muster.count, ab <= text.count - muster.count, let basis = text.baseAddress else { return nil }
        // memchr finds the first byte, memcmp tests the rest (the byte loop was most of a page's replacing).
        let letzte = text.count - muster.count
        var i = ab
        while i <= letzte, let p = memchr(basis + i, Int32(erstes), letzte - i + 1) {
            let k = basis.distance(to: p.assumingMemoryBound(to: UInt8.self))
            if muster.withUnsafeBufferPointer({ memcmp(basis + k, $0.baseAddress!, muster.count) }) == 0 { return k }
            i = k + 1
        }
        return nil
    }
}

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)`, or `.whitespacesAndNewlines` with `zeilenenden`.
    /// Ends of plain ASCII are trimmed here; Foundation only sees a string with other characters at an end.
    package func getrimmt(zeilenenden: Bool = false) -> String {
        let teil = Substring(self), bytes = teil.utf8
        func leer(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || zeilenenden && (b >= 0x0A && b <= 0x0D) }
        var anfang = bytes.startIndex, ende = bytes.endIndex
        while anfang < ende, leer(bytes[anfang]) { anfang = bytes.index(after: anfang) }
        while ende > anfang, leer(bytes[bytes.index(before: ende)]) { ende = bytes.index(before: ende) }
        if anfang < ende, bytes[anfang] >= 0x80 || bytes[bytes.index(before: ende)] >= 0x80 {
            return trimmingCharacters(in: zeilenenden ? .whitespacesAndNewlines : .whitespaces)
        }
        return String(teil[anfang..<ende])
    }
}
