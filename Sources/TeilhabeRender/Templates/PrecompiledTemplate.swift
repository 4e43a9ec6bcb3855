import Mustache
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// A rendered template with numbered gaps: texts between the gaps, and per gap the value's number
/// and whether it was escaped there.
struct PrecompiledTemplate: Sendable {
    private var texte: [String] = []
    private var luecken: [(nummer: Int, escaped: Bool)] = []
    /// Bytes of the texts between the gaps.
    private var laenge = 0

    /// Reads the placeholders back out of a render (`U+E000 number & U+E001`, the `&` as `&amp;`
    /// where the template escaped it); nil if one is not whole.
    init?(_ gerendert: String) {
        let bytes = Array(gerendert.utf8)
        var i = 0, anfang = 0
        while i < bytes.count {
            guard bytes[i] == 0xEE, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 else { i += 1; continue }
            texte.append(String(decoding: bytes[anfang..<i], as: UTF8.self))
            var j = i + 3, nummer = 0
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 { nummer = nummer * 10 + Int(bytes[j] - 0x30); j += 1 }
            let escaped = bytes[j...].starts(with: "&amp;".utf8)
            guard j > i + 3, escaped || bytes[j...].starts(with: "&".utf8) else { return nil }
            j += escaped ? 5 : 1
            guard bytes[j...].starts(with: [0xEE, 0x80, 0x81]) else { return nil }
            luecken.append((nummer, escaped))
            i = j + 3; anfang = i
        }
        texte.append(String(decoding: bytes[anfang...], as: UTF8.self))
        laenge = texte.reduce(0) { $0 + $1.utf8.count }
    }

    func fuellen(_ werte: [String]) -> String? {
        var aus = texte[0]
        aus.reserveCapacity(laenge + werte.reduce(0) { $0 + $1.utf8.count })
        for (k, luecke) in luecken.enumerated() {
            guard luecke.nummer < werte.count else { return nil }
            aus += luecke.escaped ? FastHTML().escapeText(werte[luecke.nummer]) : werte[luecke.nummer]
            aus += texte[k + 1]
        }
        return aus
    }
}
