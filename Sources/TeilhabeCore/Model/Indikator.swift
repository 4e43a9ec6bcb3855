/// An indicator of the social reporting: metadata (content/indikatoren/<id>.yaml) and values (<id>.csv).
public struct Indikator: Sendable {
    public var id: String
    public var titel: String
    public var titelLeicht: String
    public var beschreibung: String?
    public var einheit: String
    public var quelle: String
    public var stichtag: Tag?
    public var raumebene: String?
    public var nachkommastellen: Int
    /// With einheit Anzahl: values 1 … n−1 are kept secret.
    public var geheimhaltung: Int?
    /// The row that is the total of the others, by its area name.
    public var summe: String?
    /// Invented values, marked as such on every page that shows them.
    public var beispieldaten: Bool
    public var tabelle: Tabelle
    public var location: SourceLocation

    public var istAnzahl: Bool { einheit == "Anzahl" }
    public var pfad: String { "indikatoren/\(id)" }
}

/// The values as read from the CSV: one row per area, one column per year or category.
public struct Tabelle: Sendable {
    public struct Zeile: Sendable {
        public var raum: String
        public var werte: [Double?]
        public var zeile: Int
    }

    /// Column labels after the area column (`2016`, `2018`, …).
    public var spalten: [String]
    /// Label of the first column (`Raum`).
    public var raumTitel: String
    public var zeilen: [Zeile]

    /// All columns are years: a time series.
    public var istZeitreihe: Bool {
        spalten.count >= 2 && spalten.allSatisfy { $0.count == 4 && Int($0) != nil }
    }
}
