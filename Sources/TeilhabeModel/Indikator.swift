import TeilhabeSupport
/// An indicator of the social reporting: metadata (content/indikatoren/<id>.yaml) and values (<id>.csv).
public struct Indikator: Sendable {
    public var id: String
    public var titel: String
    public var titelLeicht: String
    /// Whether `titel_leicht` was given; without it `titelLeicht` is `Indikator.easyTitleFallback`, never
    /// the standard title (`check` reports the missing field).
    public var easyTitleGiven = true
    public var beschreibung: String?
    public var einheit: String
    public var quelle: String
    public var stichtag: CalendarDay?
    public var raumebene: String?
    public var decimals: Int
    /// With einheit Anzahl: values 1 … n−1 are kept secret.
    public var geheimhaltung: Int?
    /// The row that is the total of the others, by its area name.
    public var summe: String?
    /// The column that is, in every row, the total of the other value columns, by its header.
    public var summeSpalte: String? = nil
    /// Invented values, marked as such on every page that shows them.
    public var sampleData: Bool
    public var table: ValueTable
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(id: String, titel: String, titelLeicht: String, beschreibung: String? = nil, einheit: String, quelle: String, stichtag: CalendarDay? = nil, raumebene: String? = nil, decimals: Int, geheimhaltung: Int? = nil, summe: String? = nil, summeSpalte: String? = nil, sampleData: Bool, table: ValueTable, location: SourceLocation) {
        self.id = id
        self.titel = titel
        self.titelLeicht = titelLeicht
        self.beschreibung = beschreibung
        self.einheit = einheit
        self.quelle = quelle
        self.stichtag = stichtag
        self.raumebene = raumebene
        self.decimals = decimals
        self.geheimhaltung = geheimhaltung
        self.summe = summe
        self.summeSpalte = summeSpalte
        self.sampleData = sampleData
        self.table = table
        self.location = location
    }

    /// What an easy page calls an indicator without `titel_leicht`.
    public static let easyTitleFallback = "Zahlen"

    public var isCount: Bool { einheit == Einheit.anzahl.rawValue }
    public var pfad: String { "indikatoren/\(id)" }
}

/// The units an indicator may have. A closed list: suppression and the whole-number rule hang on
/// recognising a count, so `anzahl` or `Anzahl Personen` must not pass as some other unit.
public enum Einheit: String, CaseIterable, Sendable {
    case anzahl = "Anzahl"
    case percent = "Prozent"
    case prozentpunkte = "Prozentpunkte"
    case promille = "Promille"
    case je100 = "je 100 Einwohner"
    case je1000 = "je 1.000 Einwohner"
    case je10000 = "je 10.000 Einwohner"
    case je100000 = "je 100.000 Einwohner"
    case euro = "Euro"
    case tausendEuro = "Tausend Euro"
    case euroJeEinwohner = "Euro je Einwohner"
    case euroJeMonat = "Euro je Monat"
    case years = "Jahre"
    case months = "Monate"
    case days = "Tage"
    case minuten = "Minuten"
    case kilometer = "Kilometer"
    case quadratmeter = "Quadratmeter"
    case quadratmeterJeEinwohner = "Quadratmeter je Einwohner"
    case hektar = "Hektar"
    case quadratkilometer = "Quadratkilometer"
    case einwohnerJeQuadratkilometer = "Einwohner je Quadratkilometer"
    case index = "Index"
}

/// The values as read from the CSV: one row per area, one column per year or category.
public struct ValueTable: Sendable {
    public struct Row: Sendable {
        public var raum: String
        public var valueList: [Double?]
        public var sourceLine: Int

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(raum: String, valueList: [Double?], sourceLine: Int) {
            self.raum = raum
            self.valueList = valueList
            self.sourceLine = sourceLine
        }
    }

    /// Column labels after the area column (`2016`, `2018`, …).
    public var columns: [String]
    /// Label of the first column (`Raum`).
    public var areaTitle: String
    public var lines: [Row]

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(columns: [String], areaTitle: String, lines: [Row]) {
        self.columns = columns
        self.areaTitle = areaTitle
        self.lines = lines
    }

    /// All columns are years: a time series.
    public var isTimeSeries: Bool {
        columns.count >= 2 && columns.allSatisfy { $0.count == 4 && Int($0) != nil }
    }
}
