import Foundation
import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// content/angebote/<id>.yaml → `Angebot`. The area id is checked later, against the loaded areas.
enum AngebotLoader {
    static let keys = ["name", "art", "traeger", "sozialraum", "adresse", "lage", "kontakt", "oeffnungszeiten",
                       "barrierefreiheit", "beschreibung", "beschreibung_leicht", "beispieldaten"]

    static func allItems(in folder: ContentFolder) -> [Angebot] {
        folder.files(in: "angebote").filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().compactMap { load($0, in: folder) }
    }

    static func load(_ yaml: String, in folder: ContentFolder) -> Angebot? {
        let id = String(yaml[..<yaml.lastIndex(of: ".")!].dropFirst("angebote/".count))
        guard ProjektLoader.isSlugPart(Substring(id)) else {
            folder.log.error("SLUG", .fileNameNotSlug(id, example: Slug.make(id)), at: SourceLocation(file: folder.display(yaml), line: 1, column: 1),
                             suggestion: Slug.make(id))
            return nil
        }
        // The filter pages live at angebote/art/ and angebote/barrierefreiheit/.
        if ["art", "barrierefreiheit"].contains(id) {
            folder.log.error("SLUG", .reservedOfferId(id), at: SourceLocation(file: folder.display(yaml), line: 1, column: 1))
            return nil
        }
        guard let f = folder.fields(yaml, known: keys, what: "Angebot") else { return nil }
        let name = f.string("name", required: true)
        let art: Angebot.Art? = f.choice("art", required: true)
        let sozialraum = f.string("sozialraum", required: true)
        let adresse = address(f)
        let lage = position(f), oeffnungszeiten = openingHours(f), barrierefreiheit = features(f)
        let kontakt = f.nested("kontakt", known: ["telefon", "email", "web"], what: "kontakt").map {
            Angebot.Kontakt(telefon: $0.string("telefon"), email: $0.string("email"), web: $0.string("web"))
        } ?? Angebot.Kontakt()
        let beschreibung = f.string("beschreibung"), leicht = f.leicht("beschreibung_leicht")
        let sampleData = f.bool("beispieldaten") ?? false
        // Hours, features or position with an error are in the log (the build stops there); the offer is still
        // kept, so that its area id is checked in the same run.
        guard let name, let art, let sozialraum, let adresse else { return nil }
        return Angebot(id: id, name: name, art: art, traeger: f.string("traeger"), sozialraum: sozialraum, adresse: adresse,
                       lage: lage, kontakt: kontakt, oeffnungszeiten: oeffnungszeiten,
                       barrierefreiheit: barrierefreiheit, beschreibung: beschreibung, beschreibungLeicht: leicht,
                       sampleData: sampleData, location: SourceLocation(file: folder.display(yaml), line: 1, column: 1),
                       sozialraumLocation: f.location("sozialraum"))
    }

    private static func address(_ f: Fields) -> Angebot.Adresse? {
        guard let a = f.nested("adresse", known: ["strasse", "plz", "ort"], what: "adresse") else {
            _ = f.string("adresse", required: true)
            return nil
        }
        guard let strasse = a.string("strasse", required: true), let plz = a.string("plz", required: true),
              let place = a.string("ort", required: true) else { return nil }
        return Angebot.Adresse(strasse: strasse, plz: plz, ort: place)
    }

    /// `lage: {lat, lon}` as decimal degrees; nil when absent or wrong (the error is in the log).
    private static func position(_ f: Fields) -> Angebot.Lage? {
        guard let l = f.nested("lage", known: ["lat", "lon"], what: "lage") else { return nil }
        func degrees(_ key: String, _ limit: Double) -> Double? {
            guard let text = l.string(key, required: true) else { return nil }
            guard let v = Double(text), v.isFinite else {
                l.log.error("SCHEMA-TYPE", .coordinateNotANumber(key, text), at: l.location(key))
                return nil
            }
            guard abs(v) <= limit else {
                l.log.error("SCHEMA-VALUE", .coordinateOutOfRange(key, text), at: l.location(key))
                return nil
            }
            return v
        }
        let lat = degrees("lat", 90), lon = degrees("lon", 180)
        guard let lat, let lon else { return nil }
        return Angebot.Lage(lat: lat, lon: lon)
    }

    /// The opening hours parsed; what cannot be read is an error at its column.
    private static func openingHours(_ f: Fields) -> Oeffnungszeiten? {
        guard let text = f.string("oeffnungszeiten") else { return nil }
        switch Oeffnungszeiten.parse(text) {
        case let .success(o): return o
        case let .failure(problem):
            var at = f.location("oeffnungszeiten")
            let quoted = f["oeffnungszeiten"]?.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
            at.column = (at.column ?? 1) + (quoted ? 1 : 0) + problem.column - 1
            f.log.error("OEFFNUNGSZEITEN", .openingHoursInValue(problem.message), at: at)
            return nil
        }
    }

    /// Every named feature with its value yes | limited | no.
    private static func features(_ f: Fields) -> [Angebot.Merkmal: Angebot.Zugang] {
        guard let b = f.nested("barrierefreiheit", known: Angebot.Merkmal.allCases.map(\.rawValue), what: "barrierefreiheit")
        else { return [:] }
        var result: [Angebot.Merkmal: Angebot.Zugang] = [:]
        for m in Angebot.Merkmal.allCases where b[m.rawValue] != nil {
            if let z: Angebot.Zugang = b.choice(m.rawValue, required: true) { result[m] = z }
        }
        return result
    }
}
