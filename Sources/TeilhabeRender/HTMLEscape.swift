import Mustache
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// HTML escaping for `{{name}}`, byte by byte. swift-mustache's own escape copies every value
/// Character by Character; most values hold nothing to escape and are returned as they are.
/// Same five characters as the library's: `< > & " '`.
struct FastHTML: MustacheContentType {
    static let name = "TEILHABE_HTML"
    /// Put before every template: a standalone pragma line, removed with its line end when parsed.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
    /// Registered once, before the first template is parsed.
    static let registered: Bool = {
        MustacheContentTypes.register(FastHTML(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
