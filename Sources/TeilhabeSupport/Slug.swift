import Foundation

package enum Slug {
    package static func make(_ text: String) -> String {
        ascii(text) ?? general(text)
    }

    /// By Characters, for any text.
    package static func general(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for char in text {
            let piece: String
            if let replaced = replacements[char] {
                piece = replaced
            } else if char.isASCII, char.isLetter || char.isNumber {
                piece = char.lowercased()
            } else {
                pendingDash = !result.isEmpty
                continue
            }
            if pendingDash { result += "-"; pendingDash = false }
            result += piece
        }
        return result.isEmpty ? "abschnitt" : result
    }

    private static let replacements: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
                                                            "Ä": "ae", "Ö": "oe", "Ü": "ue"]

    /// The same for a text of ASCII alone (ids, numbers, most headings), byte by byte.
    private static func ascii(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for b in text.utf8 {
            guard b < 0x80 else { return nil }
            let small = b | 0x20
            if small &- 0x61 < 26 || b &- 0x30 < 10 {
                if pendingDash { result.append(0x2D); pendingDash = false }
                result.append(b &- 0x30 < 10 ? b : small)
            } else {
                pendingDash = !result.isEmpty
            }
        }
        return result.isEmpty ? "abschnitt" : String(decoding: result, as: UTF8.self)
    }
}
