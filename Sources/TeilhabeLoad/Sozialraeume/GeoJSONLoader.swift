import Foundation
import TeilhabeSupport
import TeilhabeModel

/// content/sozialraeume.geojson → a boundary per area (RFC 7946 FeatureCollection, property "id").
/// WGS84 or ETRS89/UTM 32N (EPSG:25832), detected from `crs` or the coordinate range; Polygon and
/// MultiPolygon, with holes. JSON has no line marks after parsing: a message's line is found by
/// looking for the value in the text.
enum GeoJSONLoader {
    static let file = "sozialraeume.geojson"

    /// The areas with their `shape` set where the file has a feature for them.
    static func attach(to areas: [Sozialraum], in folder: ContentFolder) -> [Sozialraum] {
        guard folder.exists(file) else { return areas }
        let display = folder.display(file)
        guard let text = folder.text(file) else { return areas }   // unreadable or not UTF-8: reported
        guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              root["type"] as? String == "FeatureCollection", let features = root["features"] as? [[String: Any]] else {
            folder.log.error("GEOJSON", .geoJSONNotFeatureCollection, at: SourceLocation(file: display, line: 1, column: 1))
            return areas
        }
        let starts = featureStarts(in: text)
        var raw: [(id: String, polygons: [[[[Double]]]])] = []
        for (n, feature) in features.enumerated() {
            // A message's line: the text looked for after the start of the n-th feature, else that start.
            let start = n < starts.count ? starts[n] : text.startIndex
            let at = { (needle: String?) in SourceLocation(file: display, line: line(of: needle, in: text, from: start), column: 1) }
            guard let (id, polygons) = read(feature, areas: areas, log: folder.log, at: at) else { continue }
            if raw.contains(where: { $0.id == id }) {
                folder.log.error("DUPLIKAT", .geoJSONIdTwice(id), at: at("\"\(id)\""))
                continue
            }
            raw.append((id, polygons))
        }
        let top = SourceLocation(file: display, line: 1, column: 1)
        guard let crs = detectCRS(root, raw.flatMap { $0.polygons.joined().joined() }, log: folder.log, at: top) else { return areas }
        let schematic = root["beispieldaten"] as? Bool ?? false
        var result = areas
        for (id, polygons) in raw {
            guard let index = result.firstIndex(where: { $0.id == id }) else { continue }
            result[index].shape = AreaShape(crs: crs, polygons: polygons.map { rings in
                AreaShape.Polygon(rings: rings.map { ring in ring.map { AreaShape.Point(x: $0[0], y: $0[1]) } })
            }, schematic: schematic)
        }
        return result
    }

    /// One feature's id and its polygons as coordinate arrays; nil after an error.
    private static func read(_ feature: [String: Any], areas: [Sozialraum], log: DiagnosticLog,
                             at: (String?) -> SourceLocation) -> (String, [[[[Double]]]])? {
        let properties = feature["properties"] as? [String: Any]
        guard let id = properties?["id"] as? String, !id.isEmpty else {
            log.error("GEOJSON", .geoJSONFeatureWithoutId, at: at(nil))
            return nil
        }
        guard areas.contains(where: { $0.id == id }) else {
            let suggestion = SozialraumIds.suggest(id, in: areas)
            log.error("REF", .sozialraumUnknown(id, suggestion: suggestion), at: at("\"\(id)\""), suggestion: suggestion)
            return nil
        }
        let geometry = feature["geometry"] as? [String: Any]
        let type = geometry?["type"] as? String
        let coordinates = geometry?["coordinates"]
        let polygons: [[[[Double]]]]?
        switch type {
        case "Polygon": polygons = polygon(coordinates).map { [$0] }
        case "MultiPolygon": polygons = (coordinates as? [Any]).flatMap { allOrNone($0.map(polygon)) }
        default:
            log.error("GEOJSON", .geoJSONGeometryType(id, type ?? "–"), at: at("\"\(id)\""))
            return nil
        }
        guard let polygons, !polygons.isEmpty else {
            log.error("GEOJSON", .geoJSONBadCoordinates(id), at: at("\"\(id)\""))
            return nil
        }
        return (id, polygons)
    }

    /// Rings of at least four positions, each a pair (or more) of finite numbers.
    private static func polygon(_ value: Any?) -> [[[Double]]]? {
        guard let rings = value as? [Any], !rings.isEmpty else { return nil }
        return allOrNone(rings.map { ring -> [[Double]]? in
            guard let positions = ring as? [Any], positions.count >= 4 else { return nil }
            return allOrNone(positions.map { p -> [Double]? in
                guard let pair = p as? [Any], pair.count >= 2, let x = (pair[0] as? NSNumber)?.doubleValue,
                      let y = (pair[1] as? NSNumber)?.doubleValue, x.isFinite, y.isFinite else { return nil }
                return [x, y]
            })
        })
    }

    /// `crs` names EPSG:25832 or WGS84; without it the coordinates tell: degrees or UTM metres.
    static func detectCRS(_ root: [String: Any], _ positions: [[Double]], log: DiagnosticLog, at: SourceLocation) -> AreaShape.CRS? {
        if let name = ((root["crs"] as? [String: Any])?["properties"] as? [String: Any])?["name"] as? String {
            if name.contains("25832") { return .utm32 }
            if name.contains("4326") || name.contains("CRS84") { return .wgs84 }
            log.error("GEOJSON", .geoJSONUnknownCRS(name), at: at)
            return nil
        }
        guard !positions.isEmpty else { return .wgs84 }
        if positions.allSatisfy({ abs($0[0]) <= 180 && abs($0[1]) <= 90 }) { return .wgs84 }
        if positions.allSatisfy({ (100_000...900_000).contains($0[0]) && (5_000_000...6_500_000).contains($0[1]) }) { return .utm32 }
        log.error("GEOJSON", .geoJSONCoordinateRange, at: at)
        return nil
    }

    /// The 1-based line of the first occurrence of a text at or after `start` (of `start` itself without one).
    static func line(of needle: String?, in text: String, from start: String.Index) -> Int {
        let found = needle.flatMap { text.range(of: $0, range: start..<text.endIndex)?.lowerBound } ?? start
        return text[..<found].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// Where each feature object starts: at each `"type": "Feature"` (in file order, as JSON arrays keep it).
    static func featureStarts(in text: String) -> [String.Index] {
        guard let pattern = try? NSRegularExpression(pattern: #""type"\s*:\s*"Feature""#) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { Range($0.range, in: text)?.lowerBound }
    }
}

/// All elements unwrapped, or nil if any is nil.
private func allOrNone<T>(_ items: [T?]) -> [T]? {
    var out: [T] = []
    for item in items { guard let item else { return nil }; out.append(item) }
    return out
}
