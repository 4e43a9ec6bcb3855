import TeilhabeSupport
/// One edition of the inclusion plan (content/inklusionsplan/<edition>.yaml).
public struct Inklusionsplan: Sendable {
    public var edition: String
    public var titel: String
    public var stand: CalendarDay
    public var beschreibung: String?
    public var handlungsfelder: [Handlungsfeld]
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(edition: String, titel: String, stand: CalendarDay, beschreibung: String? = nil, handlungsfelder: [Handlungsfeld], location: SourceLocation) {
        self.edition = edition
        self.titel = titel
        self.stand = stand
        self.beschreibung = beschreibung
        self.handlungsfelder = handlungsfelder
        self.location = location
    }

    public var massnahmen: [(field: Handlungsfeld, massnahme: Massnahme)] {
        handlungsfelder.flatMap { field in field.massnahmen.map { (field, $0) } }
    }
}

/// A field of action, tied to articles of the UN Convention on the Rights of Persons with Disabilities.
public struct Handlungsfeld: Sendable {
    public var id: String
    public var titel: String
    public var titelLeicht: String
    public var target: String?
    public var zielLeicht: String?
    public var unBRK: [Int]
    public var massnahmen: [Massnahme]
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(id: String, titel: String, titelLeicht: String, target: String? = nil, zielLeicht: String? = nil, unBRK: [Int], massnahmen: [Massnahme], location: SourceLocation) {
        self.id = id
        self.titel = titel
        self.titelLeicht = titelLeicht
        self.target = target
        self.zielLeicht = zielLeicht
        self.unBRK = unBRK
        self.massnahmen = massnahmen
        self.location = location
    }
}

public struct Massnahme: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case geplant, inUmsetzung = "in-umsetzung", umgesetzt, dauerhaft, zurueckgestellt

        public var text: String {
            switch self {
            case .geplant: return "geplant"
            case .inUmsetzung: return "in Umsetzung"
            case .umgesetzt: return "umgesetzt"
            case .dauerhaft: return "dauerhafte Aufgabe"
            case .zurueckgestellt: return "zurückgestellt"
            }
        }

        /// Easy-language wording, one short sentence.
        public var leicht: String {
            switch self {
            case .geplant: return "Das ist geplant."
            case .inUmsetzung: return "Daran arbeiten wir gerade."
            case .umgesetzt: return "Das ist fertig."
            case .dauerhaft: return "Das machen wir jetzt immer."
            case .zurueckgestellt: return "Das machen wir später."
            }
        }

        /// A symbol beside the text, so that status never depends on colour alone.
        public var symbol: String {
            switch self {
            case .geplant: return "○"
            case .inUmsetzung: return "◐"
            case .umgesetzt: return "●"
            case .dauerhaft: return "↻"
            case .zurueckgestellt: return "‖"
            }
        }
    }

    public var id: String
    public var titel: String
    public var leicht: String?
    public var zustaendig: String?
    public var zeitraum: String?
    public var status: Status
    public var indikatoren: [String]
    public var vorlagen: [String]
    /// Areas the measure works in (`sozialraeume`), shown on their profiles.
    public var sozialraeume: [String] = []
    public var location: SourceLocation
    /// Where each entry of `indikatoren` and `vorlagen` stands, so that a dangling one is reported at its line.
    public var referenceLocations: [String: SourceLocation] = [:]

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(id: String, titel: String, leicht: String? = nil, zustaendig: String? = nil, zeitraum: String? = nil, status: Status, indikatoren: [String], vorlagen: [String], location: SourceLocation, referenceLocations: [String: SourceLocation] = [:]) {
        self.referenceLocations = referenceLocations
        self.id = id
        self.titel = titel
        self.leicht = leicht
        self.zustaendig = zustaendig
        self.zeitraum = zeitraum
        self.status = status
        self.indikatoren = indikatoren
        self.vorlagen = vorlagen
        self.location = location
    }
}

/// Titles of the substantive articles of the UN-BRK (official German translation).
public enum UNBRK {
    public static let article: [Int: String] = [
        1: "Zweck", 2: "Begriffsbestimmungen", 3: "Allgemeine Grundsätze", 4: "Allgemeine Verpflichtungen",
        5: "Gleichberechtigung und Nichtdiskriminierung", 6: "Frauen mit Behinderungen", 7: "Kinder mit Behinderungen",
        8: "Bewusstseinsbildung", 9: "Zugänglichkeit", 10: "Recht auf Leben", 11: "Gefahrensituationen und humanitäre Notlagen",
        12: "Gleiche Anerkennung vor dem Recht", 13: "Zugang zur Justiz", 14: "Freiheit und Sicherheit der Person",
        15: "Freiheit von Folter oder grausamer, unmenschlicher oder erniedrigender Behandlung oder Strafe",
        16: "Freiheit von Ausbeutung, Gewalt und Missbrauch", 17: "Schutz der Unversehrtheit der Person",
        18: "Freizügigkeit und Staatsangehörigkeit", 19: "Unabhängige Lebensführung und Einbeziehung in die Gemeinschaft",
        20: "Persönliche Mobilität", 21: "Recht der freien Meinungsäußerung, Meinungsfreiheit und Zugang zu Informationen",
        22: "Achtung der Privatsphäre", 23: "Achtung der Wohnung und der Familie", 24: "Bildung", 25: "Gesundheit",
        26: "Habilitation und Rehabilitation", 27: "Arbeit und Beschäftigung", 28: "Angemessener Lebensstandard und sozialer Schutz",
        29: "Teilhabe am politischen und öffentlichen Leben", 30: "Teilhabe am kulturellen Leben sowie an Erholung, Freizeit und Sport",
        31: "Statistik und Datensammlung", 32: "Internationale Zusammenarbeit", 33: "Innerstaatliche Durchführung und Überwachung",
    ]
}
