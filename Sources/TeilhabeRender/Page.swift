import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Mustache contexts are plain dictionaries; templates print only ready-made text.
typealias TemplateContext = [String: Any]

/// Builds one page; jobs run in parallel, each on its own copy of the context.
typealias PageJob = @Sendable () -> Page

/// One page to write: which template, with what, at which output path.
struct Page {
    /// Output file below the site folder, e.g. `vorlagen/x/index.html`.
    var filePath: String
    var template: String
    var titel: String
    var context: TemplateContext = [:]
    var leicht = false
    /// The other language version of this page (output folder) and the link text to it.
    var counterpart: (folderPath: String, text: String)?
    /// Trail from the start page; the last entry is this page (no folder).
    var breadcrumbs: [(titel: String, folderPath: String?)] = []
    /// Top-level area for `aria-current` in the main navigation (`vorlagen`, `gremien`, …).
    var section: String?
    var beschreibung: String?
    /// A draft's page (only the `serve` preview makes one): shown under the "Entwurf" banner.
    var entwurf = false

    var linker: Linker { Linker(from: filePath) }
}

extension Page {
    static func easyCounterpart(_ path: String) -> (folderPath: String, text: String) {
        (Addresses.webPage(path, leicht: true), "Leichte Sprache")
    }

    static func standardCounterpart(_ path: String) -> (folderPath: String, text: String) {
        (Addresses.webPage(path), "Alltags-Sprache")
    }
}

/// A link in a list of papers, reports or pages.
struct Entry {
    var titel: String
    var folderPath: String
    var identifier: String?
    var datum: CalendarDay?
    var nichtoeffentlich = false
    /// Extra fields some templates show (nummer, art, …).
    var extra: TemplateContext = [:]

    func context(_ linker: Linker) -> TemplateContext {
        var k = extra
        k["titel"] = titel
        k["href"] = linker.to(folderPath)
        k["nichtoeffentlich"] = nichtoeffentlich
        // Absent values are `false`, never missing: Mustache would otherwise find a parent's key.
        k["kennung"] = identifier ?? false
        k["datum"] = false
        // A separator only between two parts that are there: "Gremium" alone has no trailing "·".
        k["trenner_datum"] = identifier != nil && datum != nil
        k["trenner_nichtoeffentlich"] = identifier != nil || datum != nil
        if let datum {
            k["datum"] = Formatting.date(datum)
            k["kurzdatum"] = Formatting.shortDate(datum)
            k["datum_iso"] = datum.description
        }
        return k
    }

    /// Newest first; undated entries last, then by title.
    static func newest(_ a: Entry, _ b: Entry) -> Bool {
        switch (a.datum, b.datum) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.identifier ?? "", a.titel) > (b.identifier ?? "", b.titel)
        }
    }
}

extension Array where Element == Entry {
    /// `eintraege`, `hat_eintraege` and `anzahl` for the dokumentliste partial.
    func context(_ linker: Linker) -> TemplateContext {
        ["eintraege": map { $0.context(linker) }, "hat_eintraege": !isEmpty, "anzahl": count]
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Merges another context in; its keys win.
    func merging(_ other: TemplateContext) -> TemplateContext { merging(other) { _, new in new } }
}
