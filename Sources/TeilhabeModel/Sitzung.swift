import TeilhabeSupport
/// A meeting of a committee with its agenda (sitzungen.yaml).
public struct Sitzung: Sendable, Codable {
    public var id: String
    public var gremium: String
    public var begin: WallClockTime
    public var ende: WallClockTime?
    public var ort: String?
    public var tagesordnung: [Tagesordnungspunkt]
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(id: String, gremium: String, begin: WallClockTime, ende: WallClockTime? = nil, ort: String? = nil, tagesordnung: [Tagesordnungspunkt], location: SourceLocation) {
        self.id = id
        self.gremium = gremium
        self.begin = begin
        self.ende = ende
        self.ort = ort
        self.tagesordnung = tagesordnung
        self.location = location
    }
}

/// An agenda item: either a title of its own or a reference to a paper by its number.
public struct Tagesordnungspunkt: Sendable, Codable {
    public var top: String
    public var titel: String?
    public var vorlage: String?
    /// An item can be non-public on its own (e.g. personnel matters) even without a paper.
    public var status: Status
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(top: String, titel: String? = nil, vorlage: String? = nil, status: Status, location: SourceLocation) {
        self.top = top
        self.titel = titel
        self.vorlage = vorlage
        self.status = status
        self.location = location
    }
}
