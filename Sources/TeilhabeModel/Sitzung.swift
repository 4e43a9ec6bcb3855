/// A meeting of a committee with its agenda (sitzungen.yaml).
public struct Sitzung: Sendable, Codable {
    public var id: String
    public var gremium: String
    public var beginn: Zeitpunkt
    public var ende: Zeitpunkt?
    public var ort: String?
    public var tagesordnung: [Tagesordnungspunkt]
    public var location: SourceLocation
}

/// An agenda item: either a title of its own or a reference to a paper by its number.
public struct Tagesordnungspunkt: Sendable, Codable {
    public var top: String
    public var titel: String?
    public var vorlage: String?
    /// An item can be non-public on its own (e.g. personnel matters) even without a paper.
    public var status: Status
    public var location: SourceLocation
}
