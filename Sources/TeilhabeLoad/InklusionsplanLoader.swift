import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// content/inklusionsplan/<edition>.yaml → `Inklusionsplan`.
enum InklusionsplanLoader {
    static let planKeys = ["titel", "stand", "beschreibung", "handlungsfelder"]
    static let fieldKeys = ["id", "titel", "titel_leicht", "ziel", "ziel_leicht", "un_brk", "massnahmen"]
    static let massnahmeKeys = ["id", "titel", "leicht", "zustaendig", "zeitraum", "status", "indikatoren", "vorlagen", "sozialraeume"]

    static func allItems(in folder: ContentFolder) -> [Inklusionsplan] {
        folder.files(in: "inklusionsplan").filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.compactMap { loadFile($0, in: folder) }
    }

    static func loadFile(_ path: String, in folder: ContentFolder) -> Inklusionsplan? {
        let filePath = folder.display(path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let edition = String(name[..<name.lastIndex(of: ".")!])
        guard let f = folder.fields(path, known: planKeys, what: "Inklusionsplan") else { return nil }
        let titel = f.string("titel", required: true)
        let stand = f.day("stand", required: true)
        let fields = f.list("handlungsfelder", required: true).compactMap { field(f.item($0, known: fieldKeys, what: "Handlungsfeld")) }
        guard let titel, let stand else { return nil }
        return Inklusionsplan(edition: edition, titel: titel, stand: stand, beschreibung: f.string("beschreibung"),
                              handlungsfelder: fields, location: SourceLocation(file: filePath, line: 1, column: 1))
    }

    private static func field(_ h: Fields?) -> Handlungsfeld? {
        guard let h else { return nil }
        let id = h.string("id", required: true), titel = h.string("titel", required: true)
        let places = entryLocations(h, ["un_brk"])
        let article = h.strings("un_brk").compactMap { text -> Int? in
            guard let n = Int(text), UNBRK.article[n] != nil else {
                h.log.error("SCHEMA-VALUE", .noUNBRKArticle(text), at: places[text] ?? h.location("un_brk"))
                return nil
            }
            return n
        }
        let massnahmen = h.list("massnahmen").compactMap { massnahme(h.item($0, known: massnahmeKeys, what: "Massnahme")) }
        guard let id, let titel else { return nil }
        return Handlungsfeld(id: id, titel: titel, titelLeicht: h.leicht("titel_leicht") ?? titel, target: h.string("ziel"),
                             zielLeicht: h.leicht("ziel_leicht"), unBRK: article, massnahmen: massnahmen, location: h.location("id"))
    }

    private static func massnahme(_ m: Fields?) -> Massnahme? {
        guard let m else { return nil }
        let id = m.string("id", required: true), titel = m.string("titel", required: true)
        let status: Massnahme.Status? = m.choice("status", required: true)
        guard let id, let titel, let status else { return nil }
        var measure = Massnahme(id: id, titel: titel, leicht: m.leicht("leicht"), zustaendig: m.string("zustaendig"),
                         zeitraum: m.string("zeitraum"), status: status, indikatoren: m.strings("indikatoren"),
                         vorlagen: m.strings("vorlagen"), location: m.location("id"),
                         referenceLocations: entryLocations(m, ["indikatoren", "vorlagen", "sozialraeume"]))
        measure.sozialraeume = m.strings("sozialraeume")
        return measure
    }

    /// Where each text entry of the given lists stands (a single text counts as a list of one).
    static func entryLocations(_ f: Fields, _ keys: [String]) -> [String: SourceLocation] {
        var places: [String: SourceLocation] = [:]
        for key in keys {
            guard let value = f[key] else { continue }
            for item in value.sequence.map(Array.init) ?? [value] {
                guard let text = item.scalar?.string, places[text] == nil else { continue }
                places[text] = f.location(of: item)
            }
        }
        return places
    }
}
