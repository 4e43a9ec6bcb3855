import TeilhabeSupport
import TeilhabeModel

/// An indicator's published values per area (or Kommune): which column, which row is whose, and the
/// value, the region's value and the rank of each. Built on the published table, so secret values
/// are "keine Angabe" here too and never reach a map, a class range or a rank.
struct AreaValues {
    let indikator: Indikator
    let table: PublishedTable
    let level: AreaLevel
    /// The latest column with a published value in some area row.
    let column: Int?
    /// Rows by map key (area id or Kommune).
    let rows: [String: PublishedTable.Row]

    /// The row for the whole region: the `summe` row, else the row named as the body (`traeger`).
    let region: PublishedTable.Row?

    init?(_ i: Indikator, _ t: PublishedTable, areas: [Sozialraum], traeger: String) {
        guard let level = AreaLevel(raumebene: i.raumebene), !areas.isEmpty else { return nil }
        indikator = i; table = t; self.level = level
        var rows: [String: PublishedTable.Row] = [:]
        for row in t.details { if let key = level.key(of: row.raum, in: areas), rows[key] == nil { rows[key] = row } }
        self.rows = rows
        region = t.summe ?? t.lines.first { $0.raum == traeger }
        column = t.columns.indices.last { c in rows.values.contains { $0.cellValues[c].number != nil } }
    }

    /// The map key of an area at this level.
    func key(_ area: Sozialraum) -> String { level == .sozialraum ? area.id : area.kommune }

    func value(_ key: String) -> Double? { column.flatMap { rows[key]?.cellValues[$0].number } }

    var regionValue: Double? { column.flatMap { region?.cellValues[$0].number } }

    /// 1 for the highest value; tied values share a rank. With the number of ranked keys.
    func rank(_ key: String) -> (rank: Int, of: Int)? {
        guard let mine = value(key) else { return nil }
        let all = rows.keys.compactMap(value)
        return (all.filter { $0 > mine }.count + 1, all.count)
    }

    /// The row's published values over all columns, for the trend.
    func series(_ key: String) -> [(column: String, value: Double)] {
        guard let row = rows[key] else { return [] }
        return row.cellValues.enumerated().compactMap { c, z in z.number.map { (table.columns[c], $0) } }
    }

    /// "23,4 %", "26.004", "12,5 je 1.000 Einwohner".
    func format(_ v: Double) -> String {
        let number = NumberFormat.german(v, places: indikator.decimals)
        switch indikator.einheit {
        case Einheit.percent.rawValue: return number + " %"
        case Einheit.anzahl.rawValue: return number
        default: return number + " " + indikator.einheit
        }
    }
}
