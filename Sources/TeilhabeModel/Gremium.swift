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
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(id: String, name: String, kurzname: String? = nil, art: Art, beschreibung: String? = nil, beschreibungLeicht: String? = nil, location: SourceLocation) {
        self.id = id
        self.name = name
        self.kurzname = kurzname
        self.art = art
        self.beschreibung = beschreibung
        self.beschreibungLeicht = beschreibungLeicht
        self.location = location
    }

    public var displayName: String { kurzname ?? name }
}
