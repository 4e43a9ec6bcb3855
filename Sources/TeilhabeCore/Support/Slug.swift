/// Turns a title into a URL-safe slug or heading anchor: `Personelle und finanzielle Auswirkungen`
/// → `personelle-und-finanzielle-auswirkungen`, `Übersicht` → `uebersicht`.
enum Slug {
    static func make(_ text: String) -> String {
        let replacements: [Character: String] = ["ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss",
                                                 "Ä": "ae", "Ö": "oe", "Ü": "ue"]
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
}
