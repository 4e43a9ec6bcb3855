import TeilhabeSupport
/// A cell as it may be published.
public enum CellValue: Equatable, Sendable {
    case value(Double)
    /// No value in the data.
    case missing
    /// Kept secret (primary or secondary suppression); the value is gone.
    case geheim

    public var number: Double? { if case let .value(w) = self { return w }; return nil }
}

/// The table that renderers receive: secret values are already removed, so no page, chart,
/// download or index can show them.
public struct PublishedTable: Sendable {
    public struct Row: Sendable {
        public var raum: String
        public var cellValues: [CellValue]
        public var isTotal: Bool

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(raum: String, cellValues: [CellValue], isTotal: Bool) {
            self.raum = raum
            self.cellValues = cellValues
            self.isTotal = isTotal
        }
    }

    public var columns: [String]
    public var areaTitle: String
    public var lines: [Row]
    public var primary: Int
    public var secondary: Int
    /// The column that is the total of the other columns in each row (`summe_spalte`).
    public var summeSpalte: Int?
    /// Secret cells no further suppression could protect. The check refuses such an indicator;
    /// should it be rendered anyway, every value of its table is hidden.
    public var unprotectedCells: [CellPosition]

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(columns: [String], areaTitle: String, lines: [Row], primary: Int, secondary: Int, summeSpalte: Int? = nil, unprotectedCells: [CellPosition]) {
        self.columns = columns
        self.areaTitle = areaTitle
        self.lines = lines
        self.primary = primary
        self.secondary = secondary
        self.summeSpalte = summeSpalte
        self.unprotectedCells = unprotectedCells
    }

    public var summe: Row? { lines.first { $0.isTotal } }
    public var details: [Row] { lines.filter { !$0.isTotal } }
    public var hasSuppressed: Bool { primary + secondary > 0 }
    public var hasMissing: Bool { lines.contains { $0.cellValues.contains(.missing) } }
}

/// A cell of a `Tabelle` by row and column index.
public struct CellPosition: Hashable, Comparable, Sendable {
    public var sourceLine: Int
    public var columnIndex: Int

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(sourceLine: Int, columnIndex: Int) {
        self.sourceLine = sourceLine
        self.columnIndex = columnIndex
    }

    public static func < (a: CellPosition, b: CellPosition) -> Bool { (a.sourceLine, a.columnIndex) < (b.sourceLine, b.columnIndex) }
}

/// Statistical disclosure control for counts. With `geheimhaltung: n` every value from 1 to n−1 is
/// suppressed (primary). A `summe` row makes each column an equation (total = Σ areas), a
/// `summe_spalte` each row (total = Σ columns); further cells are then suppressed (secondary) until
/// no hidden value can be worked out from the published ones – see `SuppressionGraph`.
public enum Geheimhaltung {
    public static func apply(_ indikator: Indikator) -> PublishedTable {
        let t = indikator.table
        let summe = indikator.summe.flatMap { s in t.lines.firstIndex { $0.raum == s } }
        let summeSpalte = indikator.summeSpalte.flatMap { t.columns.firstIndex(of: $0) }
        var geheim = Set<CellPosition>()
        if let n = indikator.geheimhaltung, indikator.isCount { geheim = primaryCells(t, below: n) }
        let primary = geheim.count
        let unprotectedCells: [CellPosition]
        (geheim, unprotectedCells) = SuppressionGraph.protect(t, totalRow: summe, totalColumn: summeSpalte, hidden: geheim)
        if !unprotectedCells.isEmpty {   // fail closed: nothing of the table is published
            geheim = Set(allCells(t).filter { t.lines[$0.sourceLine].valueList[$0.columnIndex] != nil })
        }
        let lines = t.lines.enumerated().map { r, sourceLine in
            PublishedTable.Row(raum: sourceLine.raum, cellValues: sourceLine.valueList.enumerated().map { c, value in
                geheim.contains(CellPosition(sourceLine: r, columnIndex: c)) ? .geheim : value.map { .value($0) } ?? .missing
            }, isTotal: r == summe)
        }
        return PublishedTable(columns: t.columns, areaTitle: t.areaTitle, lines: lines, primary: primary,
                                       secondary: geheim.count - primary, summeSpalte: summeSpalte,
                                       unprotectedCells: unprotectedCells)
    }

    /// Every value from 1 to n−1, totals included.
    package static func primaryCells(_ t: ValueTable, below n: Int) -> Set<CellPosition> {
        Set(allCells(t).filter { p in
            t.lines[p.sourceLine].valueList[p.columnIndex].map { $0 >= 1 && $0 <= Double(n - 1) } ?? false
        })
    }

    package static func allCells(_ t: ValueTable) -> [CellPosition] {
        t.lines.indices.flatMap { r in t.columns.indices.map { CellPosition(sourceLine: r, columnIndex: $0) } }
    }
}

/// Secondary suppression as a graph problem. Rows and columns are nodes, cells are edges between
/// their row and column. A row is an equation when there is a total column, a column when there is
/// a total row; lines without an equation are all one free node, `ground`. A hidden cell can be
/// worked out exactly when no cycle of hidden cells runs through it: along a cycle, adding 1 and
/// subtracting 1 in turn keeps every sum (totals with the opposite sign), so each cell on it can
/// take another value – and as every hidden cell is at least 1, both directions stay non-negative.
/// So each hidden cell gets a cycle, closed with the cheapest published cells: fewest, then smallest.
/// Zeros are never used (a hidden 0 can only grow, which may block the cycle); missing values count
/// as known to everyone (the safe side).
package struct SuppressionGraph {
    /// Secondary suppression of `hidden` (indicators and surveys alike): the cells hidden in the end, and
    /// those that no further suppression protects (their callers fail closed).
    package static func protect(_ table: ValueTable, totalRow: Int?, totalColumn: Int?,
                                hidden: Set<CellPosition>) -> (hidden: Set<CellPosition>, unprotected: [CellPosition]) {
        guard !hidden.isEmpty else { return (hidden, []) }
        var graph = SuppressionGraph(table, totalRow: totalRow, totalColumn: totalColumn, hidden: hidden)
        let unprotected = graph.protectAll()
        return (graph.hidden, unprotected)
    }

    package let table: ValueTable
    private(set) var hidden: Set<CellPosition>
    private let rowNode: [Int]
    private let columnNode: [Int]
    private let ground: Int
    /// The cells at each node (a cell between two free lines is a loop at `ground`, listed once).
    private let incident: [[CellPosition]]

    package init(_ table: ValueTable, totalRow: Int?, totalColumn: Int?, hidden: Set<CellPosition>) {
        self.table = table
        self.hidden = hidden
        let rows = table.lines.count, ground = rows + table.columns.count
        self.ground = ground
        // With totals one way only, a line whose total is missing has no equation. With both ways a
        // missing total might be worked out from the other direction, so the line counts as an equation.
        let both = totalRow != nil && totalColumn != nil
        rowNode = table.lines.indices.map { r in
            guard let k = totalColumn, both || table.lines[r].valueList[k] != nil else { return ground }
            return r
        }
        columnNode = table.columns.indices.map { c in
            guard let s = totalRow, both || table.lines[s].valueList[c] != nil else { return ground }
            return rows + c
        }
        var incident = [[CellPosition]](repeating: [], count: ground + 1)
        for p in Geheimhaltung.allCells(table) {
            let (a, b) = (rowNode[p.sourceLine], columnNode[p.columnIndex])
            incident[a].append(p)
            if b != a { incident[b].append(p) }
        }
        self.incident = incident
    }

    /// Closes a cycle through every hidden cell; returns the cells for which no cycle exists.
    package mutating func protectAll() -> [CellPosition] {
        var unprotected: [CellPosition] = []
        // Cells added on the way sit on the cycle they close, and a cycle is never undone: one pass does.
        for p in hidden.sorted() where !onCycle(p) {
            if let detour = cheapestDetour(around: p) { hidden.formUnion(detour) } else { unprotected.append(p) }
        }
        return unprotected
    }

    private func ends(_ p: CellPosition) -> (Int, Int) { (rowNode[p.sourceLine], columnNode[p.columnIndex]) }

    private func other(_ p: CellPosition, than x: Int) -> Int {
        let (a, b) = ends(p)
        return a == x ? b : a
    }

    /// Whether the hidden cells other than `p` connect its two ends.
    package func onCycle(_ p: CellPosition) -> Bool {
        let (start, goal) = ends(p)
        var seen: Set<Int> = [start], queue = [start]
        while let x = queue.popLast() {
            if x == goal { return true }
            for q in incident[x] where q != p && hidden.contains(q) {
                let y = other(q, than: x)
                if seen.insert(y).inserted { queue.append(y) }
            }
        }
        return false
    }

    /// What hiding a cell on the detour costs: nothing if hidden already, else one cell and its
    /// value; nil for cells that cannot serve (zero or missing).
    private func cost(_ q: CellPosition) -> Cost? {
        if hidden.contains(q) { return Cost(cells: 0, sum: 0) }
        guard let w = table.lines[q.sourceLine].valueList[q.columnIndex], w > 0 else { return nil }
        return Cost(cells: 1, sum: w)
    }

    /// The cheapest path between the ends of `p` that avoids `p` (Dijkstra); its cells not yet hidden.
    private func cheapestDetour(around p: CellPosition) -> [CellPosition]? {
        let (start, goal) = ends(p)
        var best = [Cost?](repeating: nil, count: ground + 1), via = [CellPosition?](repeating: nil, count: ground + 1)
        var done = [Bool](repeating: false, count: ground + 1)
        best[start] = Cost(cells: 0, sum: 0)
        while let x = best.indices.filter({ !done[$0] && best[$0] != nil }).min(by: { best[$0]! < best[$1]! }), x != goal {
            done[x] = true
            for q in incident[x] where q != p {
                guard let step = cost(q) else { continue }
                let y = other(q, than: x), new = best[x]! + step
                if !done[y], best[y].map({ new < $0 }) ?? true { best[y] = new; via[y] = q }
            }
        }
        guard best[goal] != nil else { return nil }
        var path: [CellPosition] = [], x = goal
        while x != start, let q = via[x] { path.append(q); x = other(q, than: x) }
        return path.filter { !hidden.contains($0) }
    }

    package struct Cost: Comparable {
        package var cells: Int
        package var sum: Double

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(cells: Int, sum: Double) {
            self.cells = cells
            self.sum = sum
        }
        package static func < (a: Cost, b: Cost) -> Bool { (a.cells, a.sum) < (b.cells, b.sum) }
        package static func + (a: Cost, b: Cost) -> Cost { Cost(cells: a.cells + b.cells, sum: a.sum + b.sum) }
    }
}
