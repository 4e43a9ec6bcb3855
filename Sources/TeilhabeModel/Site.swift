import TeilhabeSupport
/// site.yaml: the body, the office and the settings every page needs.
public struct Site: Sendable {
    public struct Kontakt: Sendable {
        public var email: String?
        public var telefon: String?
        public var anschrift: String?

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(email: String? = nil, telefon: String? = nil, anschrift: String? = nil) {
            self.email = email
            self.telefon = telefon
            self.anschrift = anschrift
        }
    }

    public struct Schlichtungsstelle: Sendable {
        public var name: String
        public var url: String?

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(name: String, url: String? = nil) {
            self.name = name
            self.url = url
        }
    }

    /// The article the body's name takes (`traeger_artikel`): it decides "der Musterkreis",
    /// "an den Musterkreis"; `ohne` for names used bare ("Aachen").
    public enum TraegerArtikel: String, Sendable, CaseIterable {
        case der, die, das, ohne
    }

    public enum Konformitaet: String, Sendable, CaseIterable {
        case vollstaendig, teilweise, nicht
    }

    public struct Barrierefreiheit: Sendable {
        public var konformitaet: Konformitaet
        public var stand: CalendarDay?
        public var method: String?
        public var maengel: [String]
        public var schlichtungsstelle: Schlichtungsstelle?

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(konformitaet: Konformitaet, stand: CalendarDay? = nil, method: String? = nil, maengel: [String], schlichtungsstelle: Schlichtungsstelle? = nil) {
            self.konformitaet = konformitaet
            self.stand = stand
            self.method = method
            self.maengel = maengel
            self.schlichtungsstelle = schlichtungsstelle
        }
    }

    public struct LeichteSprache: Sendable {
        public var pflicht: Bool
        public var delimiter: String
        /// Severity per rule id; nil switches a rule off (`aus`).
        public var ruleSet: [String: Severity?] = [:]

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(pflicht: Bool, delimiter: String, ruleSet: [String: Severity?] = [:]) {
            self.pflicht = pflicht
            self.delimiter = delimiter
            self.ruleSet = ruleSet
        }
    }

    /// An electoral term, for the OParl Body.
    public struct Wahlperiode: Sendable {
        public var name: String
        public var begin: CalendarDay
        public var ende: CalendarDay?

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(name: String, begin: CalendarDay, ende: CalendarDay? = nil) {
            self.name = name
            self.begin = begin
            self.ende = ende
        }
    }

    public var titel: String
    public var titelLeicht: String
    public var traeger: String
    /// nil when site.yaml does not say; sentences then avoid naming the body with an article.
    public var traegerArtikel: TraegerArtikel?
    /// The full genitive phrase (`traeger_genitiv`, "des Musterkreises"); derived where the name does not change.
    public var traegerGenitiv: String?
    public var amt: String?
    public var basisURL: String?
    public var kontakt: Kontakt
    public var barrierefreiheit: Barrierefreiheit
    public var leichteSprache: LeichteSprache
    public var pflichtabschnitte: [String]
    public var wahlperioden: [Wahlperiode] = []
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(titel: String, titelLeicht: String, traeger: String, amt: String? = nil, basisURL: String? = nil, kontakt: Kontakt, barrierefreiheit: Barrierefreiheit, leichteSprache: LeichteSprache, pflichtabschnitte: [String], wahlperioden: [Wahlperiode] = [], location: SourceLocation) {
        self.titel = titel
        self.titelLeicht = titelLeicht
        self.traeger = traeger
        self.traegerArtikel = nil
        self.traegerGenitiv = nil
        self.amt = amt
        self.basisURL = basisURL
        self.kontakt = kontakt
        self.barrierefreiheit = barrierefreiheit
        self.leichteSprache = leichteSprache
        self.pflichtabschnitte = pflichtabschnitte
        self.wahlperioden = wahlperioden
        self.location = location
    }
}
