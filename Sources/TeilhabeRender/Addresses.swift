import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Output paths of every kind of page, and relative links between them.
/// Pages are folders with an index.html; links end in a slash and are always relative.
enum Addresses {
    static let leichtPrefix = "leichte-sprache/"

    static func webPage(_ path: String, leicht: Bool = false) -> String { (leicht ? leichtPrefix : "") + path + "/" }
    static func gremium(_ id: String, leicht: Bool = false) -> String { webPage("gremien/\(id)", leicht: leicht) }
    static func sitzung(_ id: String, leicht: Bool = false) -> String { webPage("sitzungen/\(id)", leicht: leicht) }

    /// The output file of a page folder: `vorlagen/x/` → `vorlagen/x/index.html`.
    static func filePath(_ folder: String) -> String { folder.isEmpty ? "index.html" : folder + "index.html" }
}

/// Makes links relative to the page being written.
struct Linker {
    /// Output file of the current page, e.g. `vorlagen/x/index.html`.
    let from: String
    /// `../../` for `vorlagen/x/index.html`, empty at the top (made once: every link asks for it).
    let root: String

    init(from: String) {
        self.from = from
        root = String(repeating: "../", count: from.utf8.reduce(0) { $0 + ($1 == 0x2F ? 1 : 0) })
    }

    func to(_ target: String) -> String {
        let link = root + target
        return link.isEmpty ? "./" : link
    }
}
