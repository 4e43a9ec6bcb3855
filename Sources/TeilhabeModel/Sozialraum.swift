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

    public init(crs: CRS, polygons: [Polygon]) {
        self.crs = crs
        self.polygons = polygons
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
