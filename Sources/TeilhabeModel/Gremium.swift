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

    public var anzeigename: String { kurzname ?? name }
}
