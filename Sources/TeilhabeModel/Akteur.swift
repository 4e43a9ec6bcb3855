import TeilhabeSupport
/// An actor of the local network (content/akteure.yaml) with its ties to other actors.
public struct Akteur: Sendable {
    public enum Art: String, Sendable, CaseIterable {
        case Traeger, Verband, Verwaltung, Jobcenter, Beirat, Selbsthilfe, Politik, Wissenschaft

        /// The kind as pages name it (plural, for the groups of the list).
        public var plural: String {
            switch self {
            case .Traeger: "Träger"
            case .Verband: "Verbände"
            case .Verwaltung: "Verwaltung"
            case .Jobcenter: "Jobcenter"
            case .Beirat: "Beiräte"
            case .Selbsthilfe: "Selbsthilfe"
            case .Politik: "Politik"
            case .Wissenschaft: "Wissenschaft"
            }
        }
    }

    /// A tie as the actor that lists it reads it: `{mit: beirat, art: Mitglied}` – this actor is a member of `beirat`.
    public struct Verbindung: Sendable {
        public enum Art: String, Sendable, CaseIterable {
            case Mitglied, Kooperation, Foerderung, Auftrag

            /// From the listing actor's side: "ist Mitglied in X".
            public var outgoing: String {
                switch self {
                case .Mitglied: "ist Mitglied in"
                case .Kooperation: "kooperiert mit"
                case .Foerderung: "bekommt Förderung von"
                case .Auftrag: "arbeitet im Auftrag von"
                }
            }

            /// From the other side: "hat als Mitglied Y".
            public var incoming: String {
                switch self {
                case .Mitglied: "hat als Mitglied"
                case .Kooperation: "kooperiert mit"
                case .Foerderung: "fördert"
                case .Auftrag: "beauftragt"
                }
            }
        }

        public var mit: String
        public var art: Art
        public var location: SourceLocation

        package init(mit: String, art: Art, location: SourceLocation) {
            self.mit = mit
            self.art = art
            self.location = location
        }
    }

    public var id: String
    public var name: String
    public var art: Art
    public var beschreibung: String?
    public var web: String?
    public var sozialraeume: [String]
    public var verbindungen: [Verbindung]
    public var location: SourceLocation
    /// Where each area id of `sozialraeume:` stands, in the same order.
    public var sozialraumLocations: [SourceLocation]

    package init(id: String, name: String, art: Art, beschreibung: String? = nil, web: String? = nil, sozialraeume: [String],
                 verbindungen: [Verbindung], location: SourceLocation, sozialraumLocations: [SourceLocation] = []) {
        self.id = id
        self.name = name
        self.art = art
        self.beschreibung = beschreibung
        self.web = web
        self.sozialraeume = sozialraeume
        self.verbindungen = verbindungen
        self.location = location
        self.sozialraumLocations = sozialraumLocations
    }
}
