import TeilhabeSupport
/// A committee, council or advisory board (gremien.yaml).
public struct Gremium: Sendable {
    public enum Art: String, Sendable, CaseIterable {
        case Ausschuss, Beirat, Rat, Arbeitsgruppe
    }

    public var id: String
    public var name: String
    public var kurzname: String?
    public var art: Art
    public var beschreibung: String?
    public var beschreibungLeicht: String?
    /// The name in Leichte Sprache (`name_leicht`), shown on every easy page that names the committee.
    public var nameLeicht: String?
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(id: String, name: String, kurzname: String? = nil, art: Art, beschreibung: String? = nil, beschreibungLeicht: String? = nil, nameLeicht: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.kurzname = kurzname
        self.art = art
        self.beschreibung = beschreibung
        self.beschreibungLeicht = beschreibungLeicht
        self.nameLeicht = nameLeicht
        self.location = location
    }

    public var displayName: String { kurzname ?? name }

    /// The name on easy pages: `name_leicht`, or without it the kind of body in easy words (never the
    /// standard name; `check` reports the missing field).
    public var easyName: String {
        if let nameLeicht { return nameLeicht }
        switch art {
        case .Ausschuss: return "Ein Ausschuss"
        case .Beirat: return "Ein Beirat"
        case .Rat: return "Der Rat"
        case .Arbeitsgruppe: return "Eine Arbeits·gruppe"
        }
    }
}
