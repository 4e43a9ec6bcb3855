import TeilhabeSupport
/// A survey's results (content/befragungen/<id>.yaml + <id>.csv `Raum;Gruppe;Antwort;Anzahl`).
public struct Befragung: Sendable {
    /// One CSV row: how many people of a group in an area gave an answer.
    public struct Row: Sendable {
        public var raum: String
        public var gruppe: String
        public var antwort: String
        public var anzahl: Int
        public var location: SourceLocation

        package init(raum: String, gruppe: String, antwort: String, anzahl: Int, location: SourceLocation) {
            self.raum = raum
            self.gruppe = gruppe
            self.antwort = antwort
            self.anzahl = anzahl
            self.location = location
        }
    }

    public var id: String
    public var titel: String
    public var titelLeicht: String
    public var stichtag: CalendarDay?
    public var frage: String
    public var antworten: [String]
    public var mindestfallzahl: Int
    public var quelle: String?
    public var sampleData: Bool
    public var zeilen: [Row]
    public var location: SourceLocation

    package init(id: String, titel: String, titelLeicht: String, stichtag: CalendarDay?, frage: String, antworten: [String],
                 mindestfallzahl: Int, quelle: String?, sampleData: Bool, zeilen: [Row], location: SourceLocation) {
        self.id = id
        self.titel = titel
        self.titelLeicht = titelLeicht
        self.stichtag = stichtag
        self.frage = frage
        self.antworten = antworten
        self.mindestfallzahl = mindestfallzahl
        self.quelle = quelle
        self.sampleData = sampleData
        self.zeilen = zeilen
        self.location = location
    }

    public var pfad: String { "befragungen/\(id)" }

    /// The areas in the order the CSV first names them.
    public var areas: [String] { ordered(zeilen.map(\.raum)) }

    /// The groups in the order the CSV first names them.
    public var groups: [String] { ordered(zeilen.map(\.gruppe)) }

    private func ordered(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { seen.insert($0).inserted }
    }
}

/// Disclosure control for a survey, the indicators' rules applied to each area's table: rows are the
/// groups and the row "Alle Gruppen", columns the answers and "Gesamt". A group with 1 to
/// `mindestfallzahl` − 1 answers is hidden whole (primary); then `SuppressionGraph` hides further cells
/// until no hidden one can be worked out from the totals.
public enum BefragungGeheimhaltung {
    public static let allGroups = "Alle Gruppen"
    public static let totalLabel = "Gesamt"

    /// One published table per area, in CSV order.
    public static func apply(_ b: Befragung) -> [(raum: String, tabelle: PublishedTable)] {
        b.areas.map { raum in (raum, table(b, raum: raum)) }
    }

    static func rawTable(_ b: Befragung, raum: String) -> ValueTable {
        let groups = b.groups.filter { g in b.zeilen.contains { $0.raum == raum && $0.gruppe == g } }
        var lines: [ValueTable.Row] = groups.enumerated().map { n, g in
            // An answer no row names was given by nobody.
            let counts = b.antworten.map { a in Double(b.zeilen.filter { $0.raum == raum && $0.gruppe == g && $0.antwort == a }.map(\.anzahl).reduce(0, +)) }
            return ValueTable.Row(raum: g, valueList: counts + [counts.reduce(0, +)], sourceLine: n)
        }
        let totals = (0...b.antworten.count).map { c in lines.map { $0.valueList[c] ?? 0 }.reduce(0, +) }
        lines.append(ValueTable.Row(raum: allGroups, valueList: totals, sourceLine: lines.count))
        return ValueTable(columns: b.antworten + [totalLabel], areaTitle: "Gruppe", lines: lines)
    }

    static func table(_ b: Befragung, raum: String) -> PublishedTable {
        let t = rawTable(b, raum: raum)
        let last = t.columns.count - 1, totalRow = t.lines.count - 1
        var hidden = Set<CellPosition>()
        for r in t.lines.indices {
            guard let n = t.lines[r].valueList[last], n >= 1, n < Double(b.mindestfallzahl) else { continue }
            for c in t.columns.indices { hidden.insert(CellPosition(sourceLine: r, columnIndex: c)) }
        }
        let primary = hidden.count
        let unprotected: [CellPosition]
        (hidden, unprotected) = SuppressionGraph.protect(t, totalRow: totalRow, totalColumn: last, hidden: hidden)
        // Fail closed: a hidden value that no further suppression can protect hides the whole table.
        if !unprotected.isEmpty { hidden = Set(Geheimhaltung.allCells(t)) }
        let lines = t.lines.enumerated().map { r, line in
            PublishedTable.Row(raum: line.raum, cellValues: line.valueList.enumerated().map { c, v in
                hidden.contains(CellPosition(sourceLine: r, columnIndex: c)) ? .geheim : v.map { .value($0) } ?? .missing
            }, isTotal: r == totalRow)
        }
        return PublishedTable(columns: t.columns, areaTitle: t.areaTitle, lines: lines, primary: primary,
                                       secondary: hidden.count - primary, summeSpalte: last, unprotectedCells: unprotected)
    }
}
