/// site.yaml: the body, the office and the settings every page needs.
public struct Site: Sendable {
    public struct Kontakt: Sendable {
        public var email: String?
        public var telefon: String?
        public var anschrift: String?
    }

    public struct Schlichtungsstelle: Sendable {
        public var name: String
        public var url: String?
    }

    public enum Konformitaet: String, Sendable, CaseIterable {
        case vollstaendig, teilweise, nicht
    }

    public struct Barrierefreiheit: Sendable {
        public var konformitaet: Konformitaet
        public var stand: Tag?
        public var methode: String?
        public var maengel: [String]
        public var schlichtungsstelle: Schlichtungsstelle?
    }

    public struct LeichteSprache: Sendable {
        public var pflicht: Bool
        public var trennzeichen: String
        /// Severity per rule id; nil switches a rule off (`aus`).
        public var regeln: [String: Severity?] = [:]
    }

    /// An electoral term, for the OParl Body.
    public struct Wahlperiode: Sendable {
        public var name: String
        public var beginn: Tag
        public var ende: Tag?
    }

    public var titel: String
    public var titelLeicht: String
    public var traeger: String
    public var amt: String?
    public var basisURL: String?
    public var kontakt: Kontakt
    public var barrierefreiheit: Barrierefreiheit
    public var leichteSprache: LeichteSprache
    public var pflichtabschnitte: [String]
    public var wahlperioden: [Wahlperiode] = []
    public var location: SourceLocation
}
