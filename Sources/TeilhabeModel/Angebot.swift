import TeilhabeSupport
/// An offer or service in an area (content/angebote/<id>.yaml): where it is, when it is open and how
/// accessible it is.
public struct Angebot: Sendable {
    /// The kinds of offer; a closed list, so that a typo makes no kind page of its own.
    public enum Art: String, Sendable, CaseIterable {
        case Beratung, Wohnen, Arbeit, Freizeit, Bildung, Pflege, Selbsthilfe, Gesundheit, Kultur, Sport, Familie

        public var slug: String { rawValue.lowercased() }
    }

    public struct Adresse: Sendable {
        public var strasse: String
        public var plz: String
        public var ort: String

        package init(strasse: String, plz: String, ort: String) {
            self.strasse = strasse
            self.plz = plz
            self.ort = ort
        }

        public var line: String { "\(strasse), \(plz) \(ort)" }
    }

    public struct Lage: Sendable {
        public var lat: Double
        public var lon: Double

        package init(lat: Double, lon: Double) {
            self.lat = lat
            self.lon = lon
        }
    }

    public struct Kontakt: Sendable {
        public var telefon: String?
        public var email: String?
        public var web: String?

        package init(telefon: String? = nil, email: String? = nil, web: String? = nil) {
            self.telefon = telefon
            self.email = email
            self.web = web
        }
    }

    public var id: String
    public var name: String
    public var art: Art
    public var traeger: String?
    public var sozialraum: String
    public var adresse: Adresse
    public var lage: Lage?
    public var kontakt: Kontakt
    public var oeffnungszeiten: Oeffnungszeiten?
    /// Each feature that the file names, with its value; features it leaves out are unknown.
    public var barrierefreiheit: [Merkmal: Zugang]
    public var beschreibung: String?
    public var beschreibungLeicht: String?
    /// Invented example values, marked as such on the page.
    public var sampleData: Bool
    public var location: SourceLocation
    /// Where `sozialraum:` stands, for the check of the area id.
    public var sozialraumLocation: SourceLocation

    package init(id: String, name: String, art: Art, traeger: String?, sozialraum: String, adresse: Adresse, lage: Lage?,
                 kontakt: Kontakt, oeffnungszeiten: Oeffnungszeiten?, barrierefreiheit: [Merkmal: Zugang],
                 beschreibung: String?, beschreibungLeicht: String?, sampleData: Bool, location: SourceLocation,
                 sozialraumLocation: SourceLocation) {
        self.id = id
        self.name = name
        self.art = art
        self.traeger = traeger
        self.sozialraum = sozialraum
        self.adresse = adresse
        self.lage = lage
        self.kontakt = kontakt
        self.oeffnungszeiten = oeffnungszeiten
        self.barrierefreiheit = barrierefreiheit
        self.beschreibung = beschreibung
        self.beschreibungLeicht = beschreibungLeicht
        self.sampleData = sampleData
        self.location = location
        self.sozialraumLocation = sozialraumLocation
    }

    public var pfad: String { "angebote/\(id)" }

    /// The accessibility features, keyed as users write them (after OpenStreetMap's wheelchair, toilets:wheelchair, …).
    public enum Merkmal: String, Sendable, CaseIterable, Comparable {
        case rollstuhl, wc_rollstuhl, gebaerdensprache, leichte_sprache, hoeranlage, blindenleitsystem

        public static func < (a: Merkmal, b: Merkmal) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }

        /// The feature's name on pages.
        public var name: String {
            switch self {
            case .rollstuhl: "Für Rollstuhl geeignet"
            case .wc_rollstuhl: "Rollstuhlgerechtes WC"
            case .gebaerdensprache: "Gebärdensprache"
            case .leichte_sprache: "Leichte Sprache"
            case .hoeranlage: "Höranlage"
            case .blindenleitsystem: "Blindenleitsystem"
            }
        }

        /// The feature in Leichte Sprache.
        public var nameLeicht: String {
            switch self {
            case .rollstuhl: "Mit dem Rollstuhl hinein·kommen"
            case .wc_rollstuhl: "Toilette für Rollstuhl"
            case .gebaerdensprache: "Gebärden·sprache"
            case .leichte_sprache: "Leichte Sprache"
            case .hoeranlage: "Hilfe beim Hören"
            case .blindenleitsystem: "Hilfe für blinde Menschen"
            }
        }

        public var slug: String { rawValue.replacingOccurrences(of: "_", with: "-") }
    }

    /// Values as OpenStreetMap writes them.
    public enum Zugang: String, Sendable, CaseIterable {
        case yes, limited, no

        public var wort: String {
            switch self {
            case .yes: "ja"
            case .limited: "eingeschränkt"
            case .no: "nein"
            }
        }
    }
}

extension Projekt {
    /// The offers in an area, by name (for the area profiles).
    package func angebote(in sozialraum: String) -> [Angebot] {
        angebote.filter { $0.sozialraum == sozialraum }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The actors working in an area, by name (for the area profiles).
    package func akteure(in sozialraum: String) -> [Akteur] {
        akteure.filter { $0.sozialraeume.contains(sozialraum) }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    package func angebot(_ id: String) -> Angebot? { angebote.first { $0.id == id } }
    package func akteur(_ id: String) -> Akteur? { akteure.first { $0.id == id } }
}
