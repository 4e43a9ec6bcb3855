import TeilhabeSupport
/// An area of social planning (content/sozialraeume.yaml), with its boundary from
/// content/sozialraeume.geojson where that file holds one.
public struct Sozialraum: Sendable {
    public var id: String
    public var name: String
    public var nameLeicht: String
    /// The municipality the area lies in: indicators at `raumebene: Kommune` name it.
    public var kommune: String
    public var beschreibung: String?
    public var beschreibungLeicht: String?
    /// The boundary, nil where the GeoJSON has no feature for this id (or there is no GeoJSON).
    public var shape: AreaShape?
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(id: String, name: String, nameLeicht: String? = nil, kommune: String, beschreibung: String? = nil,
                 beschreibungLeicht: String? = nil, shape: AreaShape? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.nameLeicht = nameLeicht ?? name
        self.kommune = kommune
        self.beschreibung = beschreibung
        self.beschreibungLeicht = beschreibungLeicht
        self.shape = shape
        self.location = location
    }

    public var pfad: String { "sozialraeume/\(id)" }
}

/// A boundary as the GeoJSON gives it: polygons, each an outer ring and its holes, in the file's
/// coordinate system (projected for drawing by the renderer).
public struct AreaShape: Sendable, Equatable {
    /// The coordinate systems the loader accepts (detected from `crs` or the coordinate range).
    public enum CRS: String, Sendable {
        /// WGS84 longitude/latitude (RFC 7946).
        case wgs84
        /// ETRS89 / UTM zone 32N, metres, as German municipal GIS export.
        case utm32
    }

    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    /// The first ring is the outer boundary, the others are holes.
    public struct Polygon: Sendable, Equatable {
        public var rings: [[Point]]
        public init(rings: [[Point]]) { self.rings = rings }
    }

    public var crs: CRS
    public var polygons: [Polygon]
    /// Drawn for illustration (`"beispieldaten": true` in the GeoJSON): pages say the map is schematic.
    public var schematic: Bool

    public init(crs: CRS, polygons: [Polygon], schematic: Bool = false) {
        self.crs = crs
        self.polygons = polygons
        self.schematic = schematic
    }
}

/// Looking up areas by what users write: an id, or (in indicator CSV rows) an id, a name or a Kommune.
package enum SozialraumIds {
    /// The closest known id to a misspelt one, for "meinten Sie …?".
    package static func suggest(_ word: String, in areas: [Sozialraum]) -> String? {
        Suggest.closest(to: word, in: areas.map(\.id))
    }
}

extension Projekt {
    /// The area with this id.
    package func sozialraum(id: String) -> Sozialraum? { sozialraeume.first { $0.id == id } }

    /// The closest area id to an unknown one.
    package func suggestSozialraum(_ id: String) -> String? { SozialraumIds.suggest(id, in: sozialraeume) }

    /// Whether a reference to this area id may point at an entry that failed to load (no error then:
    /// the entry's own error is reported at its place).
    package func mayBeSozialraum(_ id: String) -> Bool {
        broken.unknownSozialraum || broken.sozialraeume.contains(id)
    }

    /// The municipalities of the areas, in the order they first appear.
    package var kommunen: [String] {
        var seen = Set<String>()
        return sozialraeume.map(\.kommune).filter { seen.insert($0).inserted }
    }
}

/// The area levels an indicator's rows can be drawn on (`raumebene`).
package enum AreaLevel: Sendable {
    case sozialraum, kommune

    /// `Sozialraum` or `Kommune` (any case); other levels have no boundaries here.
    package init?(raumebene: String?) {
        switch raumebene?.lowercased() {
        case "sozialraum", "sozialraeume", "sozialräume": self = .sozialraum
        case "kommune", "kommunen": self = .kommune
        default: return nil
        }
    }

    /// The map key a CSV row's first column names: an area id or name, or a Kommune; nil if none.
    package func key(of raum: String, in areas: [Sozialraum]) -> String? {
        let raum = raum.trimmed()
        switch self {
        case .sozialraum: return areas.first { $0.id == raum || $0.name == raum }?.id
        case .kommune: return areas.first { $0.kommune == raum }?.kommune
        }
    }

    /// What a row may name, for "meinten Sie …?".
    package func candidates(in areas: [Sozialraum]) -> [String] {
        switch self {
        case .sozialraum: return areas.map(\.name) + areas.map(\.id)
        case .kommune:
            var seen = Set<String>()
            return areas.map(\.kommune).filter { seen.insert($0).inserted }
        }
    }
}

/// An area named in front matter or a plan measure (`sozialraeume: [id]`), with where it stands.
public struct AreaReference: Sendable, Codable, Hashable {
    public var id: String
    public var location: SourceLocation

    package init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
