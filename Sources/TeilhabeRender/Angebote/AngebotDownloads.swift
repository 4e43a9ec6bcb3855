import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The offers as CSV (for spreadsheets), JSON and GeoJSON, and each offer as schema.org JSON-LD.
enum AngebotDownloads {
    static let csvHeader = ["id", "name", "art", "traeger", "sozialraum", "strasse", "plz", "ort", "lat", "lon",
                            "telefon", "email", "web", "oeffnungszeiten"] + Angebot.Merkmal.allCases.map(\.rawValue)

    static func csv(_ list: [Angebot], _ u: RenderContext) -> Data {
        func field(_ s: String) -> String {
            s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        // Coordinates with a decimal comma, as spreadsheets in German read them.
        func degrees(_ v: Double?) -> String { v.map { "\($0)".replacingOccurrences(of: ".", with: ",") } ?? "" }
        var lines = [csvHeader.joined(separator: ";")]
        for a in list {
            let cells = [a.id, a.name, a.art.rawValue, a.traeger ?? "", a.sozialraum, a.adresse.strasse, a.adresse.plz, a.adresse.ort,
                         degrees(a.lage?.lat), degrees(a.lage?.lon), a.kontakt.telefon ?? "", a.kontakt.email ?? "",
                         a.kontakt.web ?? "", a.oeffnungszeiten?.text ?? ""]
                + Angebot.Merkmal.allCases.map { a.barrierefreiheit[$0]?.rawValue ?? "" }
            lines.append(cells.map(field).joined(separator: ";"))
        }
        return Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// One offer in the downloads; the keys are the content model's.
    struct Record: Encodable {
        var id, name, art, sozialraum: String
        var traeger: String?
        var adresse: [String: String]
        var lage: [String: Double]?
        var kontakt: [String: String]
        var oeffnungszeiten: String?
        var oeffnungszeitenText: [String]?
        var barrierefreiheit: [String: String]
        var beschreibung: String?
        var beschreibungLeicht: String?
        var beispieldaten: Bool

        enum CodingKeys: String, CodingKey {
            case id, name, art, sozialraum, traeger, adresse, lage, kontakt, oeffnungszeiten, barrierefreiheit, beschreibung, beispieldaten
            case oeffnungszeitenText = "oeffnungszeiten_text", beschreibungLeicht = "beschreibung_leicht"
        }

        init(_ a: Angebot) {
            id = a.id; name = a.name; art = a.art.rawValue; sozialraum = a.sozialraum; traeger = a.traeger
            adresse = ["strasse": a.adresse.strasse, "plz": a.adresse.plz, "ort": a.adresse.ort]
            lage = a.lage.map { ["lat": $0.lat, "lon": $0.lon] }
            kontakt = [("telefon", a.kontakt.telefon), ("email", a.kontakt.email), ("web", a.kontakt.web)]
                .reduce(into: [:]) { d, p in if let v = p.1 { d[p.0] = v } }
            oeffnungszeiten = a.oeffnungszeiten?.text
            oeffnungszeitenText = a.oeffnungszeiten?.inWords
            barrierefreiheit = Dictionary(uniqueKeysWithValues: a.barrierefreiheit.map { ($0.key.rawValue, $0.value.rawValue) })
            beschreibung = a.beschreibung; beschreibungLeicht = a.beschreibungLeicht; beispieldaten = a.sampleData
        }
    }

    static func json(_ list: [Angebot], _ u: RenderContext) -> Data {
        struct Download: Encodable { var angebote: [Record] }
        return JSONText.data(Download(angebote: list.map(Record.init)))
    }

    /// RFC 7946: positions are longitude, latitude; an offer without `lage` has a null geometry.
    static func geojson(_ list: [Angebot], _ u: RenderContext) -> Data {
        struct Point: Encodable { var type = "Point"; var coordinates: [Double] }
        struct Feature: Encodable {
            var type = "Feature"
            var id: String
            var geometry: Point?
            var properties: Record

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(type, forKey: .type); try c.encode(id, forKey: .id); try c.encode(properties, forKey: .properties)
                if let geometry { try c.encode(geometry, forKey: .geometry) } else { try c.encodeNil(forKey: .geometry) }
            }
            enum CodingKeys: String, CodingKey { case type, id, geometry, properties }
        }
        struct Collection: Encodable { var type = "FeatureCollection"; var features: [Feature] }
        return JSONText.data(Collection(features: list.map { a in
            Feature(id: a.id, geometry: a.lage.map { Point(coordinates: [$0.lon, $0.lat]) }, properties: Record(a))
        }))
    }

    /// schema.org `Place` with address, position, opening hours and the features as `amenityFeature`;
    /// ready to stand in a `<script>`: `</` is written `<\/`, so no text can close the element.
    static func jsonLD(_ a: Angebot, _ u: RenderContext) -> String {
        struct Address: Encodable {
            var type = "PostalAddress", streetAddress, postalCode, addressLocality: String
            enum CodingKeys: String, CodingKey { case type = "@type", streetAddress, postalCode, addressLocality }
        }
        struct Geo: Encodable {
            var type = "GeoCoordinates", latitude, longitude: Double
            enum CodingKeys: String, CodingKey { case type = "@type", latitude, longitude }
        }
        struct Feature: Encodable {
            var type = "LocationFeatureSpecification", name: String, value: Bool
            enum CodingKeys: String, CodingKey { case type = "@type", name, value }
        }
        struct Place: Encodable {
            var context = "https://schema.org", type = "Place", name: String
            var description: String?
            var address: Address
            var geo: Geo?
            var telephone, email, url: String?
            var openingHours: [String]?
            var amenityFeature: [Feature]
            enum CodingKeys: String, CodingKey {
                case context = "@context", type = "@type", name, description, address, geo, telephone, email, url, openingHours, amenityFeature
            }
        }
        // Only a clear yes or no is a boolean feature; limited access is said on the page in words.
        let features = Angebot.Merkmal.allCases.compactMap { m -> Feature? in
            guard let z = a.barrierefreiheit[m], z != .limited else { return nil }
            return Feature(name: m.name, value: z == .yes)
        }
        let place = Place(name: a.name, description: a.beschreibung,
                          address: Address(streetAddress: a.adresse.strasse, postalCode: a.adresse.plz, addressLocality: a.adresse.ort),
                          geo: a.lage.map { Geo(latitude: $0.lat, longitude: $0.lon) }, telephone: a.kontakt.telefon,
                          email: a.kontakt.email, url: a.kontakt.web,
                          openingHours: a.oeffnungszeiten.map(\.schemaOrg).flatMap { $0.isEmpty ? nil : $0 }, amenityFeature: features)
        return scriptSafe(String(decoding: JSONText.data(place, indented: false), as: UTF8.self))
    }

    /// `</` → `<\/` (the same JSON), and `<!--` cannot open a comment either.
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "</", with: "<\\/").replacingOccurrences(of: "<!--", with: "<\\u0021--")
    }
}
