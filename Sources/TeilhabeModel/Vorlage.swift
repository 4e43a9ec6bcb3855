import TeilhabeSupport
/// A committee paper (content/vorlagen/<slug>.md).
public struct Vorlage: Sendable, Codable {
    public enum Art: String, Sendable, CaseIterable, Codable {
        case Mitteilungsvorlage, Beschlussvorlage, Antrag, Anfrage, Bericht
    }

    public var slug: String
    public var art: Art
    public var nummer: String
    public var betreff: String
    public var datum: CalendarDay
    public var changed: CalendarDay?
    public var status: Status
    public var federfuehrend: String
    public var antragstellend: String?
    public var beratungsfolge: [Beratung]
    public var anlagen: [Anlage]
    public var unterzeichnet: String?
    public var body: MarkdownSource
    public var leicht: LeichteFassung?
    public var location: SourceLocation
    public var nummerLocation: SourceLocation
    /// `quelle.oparl`: the paper was imported from a council information system (`teilhabe import oparl`).
    public var quelle: String?
    /// Areas the paper is about (front matter `sozialraeume`), shown on their profiles.
    public var sozialraeume: [AreaReference] = []

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(slug: String, art: Art, nummer: String, betreff: String, datum: CalendarDay, changed: CalendarDay? = nil, status: Status, federfuehrend: String, antragstellend: String? = nil, beratungsfolge: [Beratung], anlagen: [Anlage], unterzeichnet: String? = nil, body: MarkdownSource, leicht: LeichteFassung? = nil, location: SourceLocation, nummerLocation: SourceLocation, quelle: String? = nil) {
        self.slug = slug
        self.art = art
        self.nummer = nummer
        self.betreff = betreff
        self.datum = datum
        self.changed = changed
        self.status = status
        self.federfuehrend = federfuehrend
        self.antragstellend = antragstellend
        self.beratungsfolge = beratungsfolge
        self.anlagen = anlagen
        self.unterzeichnet = unterzeichnet
        self.body = body
        self.leicht = leicht
        self.location = location
        self.nummerLocation = nummerLocation
        self.quelle = quelle
    }

    /// The content path without extension, which is also the output path: `vorlagen/<slug>`.
    public var pfad: String { "vorlagen/\(slug)" }
}

/// One step of a paper's consultation sequence.
public struct Beratung: Sendable, Codable {
    public enum Rolle: String, Sendable, CaseIterable, Codable {
        case Kenntnisnahme, Vorberatung, Entscheidung
    }

    public var sitzung: String
    public var rolle: Rolle
    public var resultValue: String?
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(sitzung: String, rolle: Rolle, resultValue: String? = nil, location: SourceLocation) {
        self.sitzung = sitzung
        self.rolle = rolle
        self.resultValue = resultValue
        self.location = location
    }
}
