import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// content/indikatoren/<id>.yaml + <id>.csv → `Indikator`.
enum IndikatorLoader {
    static let keys = ["titel", "titel_leicht", "beschreibung", "einheit", "quelle", "stichtag", "raumebene",
                       "nachkommastellen", "geheimhaltung", "summe", "summe_spalte", "beispieldaten"]

    static func allItems(in folder: ContentFolder) -> [Indikator] {
        let fileList = folder.files(in: "indikatoren")
        let yamls = fileList.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        for csv in fileList where csv.hasSuffix(".csv") {
            let base = String(csv.dropLast(4))
            if !yamls.contains(base + ".yaml") && !yamls.contains(base + ".yml") {
                folder.log.error("INDIKATOR", .valuesWithoutMetadata(base),
                                 at: SourceLocation(file: folder.display(csv)))
            }
        }
        return yamls.compactMap { yaml in
            let indikator = load(yaml, in: folder)
            // Its id is its file name: reports and the plan that name it are not told it is missing.
            if indikator == nil { folder.broken.update { $0.indikatoren.insert(id(of: yaml)) } }
            return indikator
        }
    }

    static func load(_ yaml: String, in folder: ContentFolder) -> Indikator? {
        let filePath = folder.display(yaml)
        let base = String(yaml[..<yaml.lastIndex(of: ".")!])
        let id = id(of: yaml)
        guard let f = folder.fields(yaml, known: keys, what: "Indikator") else { return nil }
        let titel = f.string("titel", required: true)
        let einheit = unit(f)
        let source = f.string("quelle", required: true)
        let decimals = number(f, "nachkommastellen", bounds: 0...6) ?? 0
        let geheimhaltung = number(f, "geheimhaltung", bounds: 2...1000)
        if geheimhaltung != nil, let einheit, einheit != .anzahl {
            // Fail closed: protection was asked for and cannot be given, so nothing is published.
            f.log.error("INDIKATOR", .secrecyOnlyForCounts(einheit.rawValue), at: f.location("geheimhaltung"))
        }
        let csvPath = base + ".csv"
        guard folder.exists(csvPath) else {
            folder.log.error("INDIKATOR", .valuesMissing(csvPath), at: f.location)
            return nil
        }
        let ruleId = ValueRule(whole: einheit == .anzahl, nonNegative: einheit == .anzahl && geheimhaltung != nil)
        let table = readTable(csvPath, in: folder, ruleId: ruleId)
        let summe = f.string("summe"), summeSpalte = f.string("summe_spalte")
        if let table { checkTotals(f, summe: summe, summeSpalte: summeSpalte, table: table, csv: csvPath) }
        guard let titel, let einheit, let source, let table else { return nil }
        let titelLeicht = f.leicht("titel_leicht")
        var indikator = Indikator(id: id, titel: titel, titelLeicht: titelLeicht ?? Indikator.easyTitleFallback,
                         beschreibung: f.string("beschreibung"), einheit: einheit.rawValue, quelle: source,
                         stichtag: f.day("stichtag"), raumebene: f.string("raumebene"), decimals: decimals,
                         geheimhaltung: einheit == .anzahl ? geheimhaltung : nil, summe: summe, summeSpalte: summeSpalte,
                         sampleData: f.bool("beispieldaten") ?? false, table: table,
                         location: SourceLocation(file: filePath, line: 1, column: 1))
        indikator.easyTitleGiven = titelLeicht != nil
        return indikator
    }

    /// `indikatoren/x.yaml` → `x`.
    static func id(of yaml: String) -> String {
        String(yaml[..<yaml.lastIndex(of: ".")!].dropFirst("indikatoren/".count))
    }

    /// `einheit` from the closed list; anything else, a case variant included, is an error with a hint.
    static func unit(_ f: Fields) -> Einheit? {
        guard let text = f.string("einheit", required: true) else { return nil }
        if let einheit = Einheit(rawValue: text) { return einheit }
        let permitted = Einheit.allCases.map(\.rawValue)
        let suggested = unitSuggestion(text)
        f.log.error("SCHEMA-VALUE", .unknownEinheit(text, allowed: permitted, suggestion: suggested), at: f.location("einheit"), suggestion: suggested)
        return nil
    }

    /// The closest unit; else the longest unit the text starts with (`Anzahl Personen` → `Anzahl`);
    /// else the unit of a symbol (`%`, `€`).
    static func unitSuggestion(_ text: String) -> String? {
        let permitted = Einheit.allCases.map(\.rawValue)
        if let next = Suggest.closest(to: text, in: permitted) { return next }
        let small = text.lowercased()
        if let beginning = permitted.filter({ small.hasPrefix($0.lowercased()) }).max(by: { $0.count < $1.count }) { return beginning }
        let characters: [String: Einheit] = ["%": .percent, "‰": .promille, "€": .euro, "eur": .euro, "ha": .hektar,
                                          "m²": .quadratmeter, "km²": .quadratkilometer, "km": .kilometer, "min": .minuten]
        return characters[small]?.rawValue
    }

    /// `summe` must name a row of the CSV, `summe_spalte` one of its value columns.
    private static func checkTotals(_ f: Fields, summe: String?, summeSpalte: String?, table: ValueTable, csv: String) {
        if let summe, !table.lines.contains(where: { $0.raum == summe }) {
            let suggested = Suggest.closest(to: summe, in: table.lines.map(\.raum))
            f.log.error("INDIKATOR", .summeNoRow(summe, csv: csv, suggestion: suggested), at: f.location("summe"), suggestion: suggested)
        }
        if let summeSpalte, !table.columns.contains(summeSpalte) {
            let suggested = Suggest.closest(to: summeSpalte, in: table.columns)
            f.log.error("INDIKATOR", .summeSpalteNoColumn(summeSpalte, csv: csv, columns: table.columns, suggestion: suggested),
                        at: f.location("summe_spalte"), suggestion: suggested)
        } else if summeSpalte != nil, table.columns.count < 2 {
            f.log.error("INDIKATOR", .summeSpalteAlone,
                        at: f.location("summe_spalte"))
        }
    }

    private static func number(_ f: Fields, _ key: String, bounds: ClosedRange<Int>) -> Int? {
        guard let text = f.string(key) else { return nil }
        guard let n = Int(text), bounds.contains(n) else {
            f.log.error("SCHEMA-TYPE", .wholeNumber(key, from: bounds.lowerBound, to: bounds.upperBound),
                        at: f.location(key))
            return nil
        }
        return n
    }

    /// What the unit demands of each value: counts are whole numbers, and with suppression not negative
    /// (a fraction such as 4,99 would slip past the 1 … n−1 rule, and the protection assumes counts ≥ 0).
    struct ValueRule {
        var whole = false
        var nonNegative = false
    }

    /// The CSV as a table; every cell that is not a number allowed here is an error with line and column.
    static func readTable(_ path: String, in folder: ContentFolder, ruleId: ValueRule = ValueRule()) -> ValueTable? {
        let filePath = folder.display(path)
        guard let bytes = try? folder.io.read(filePath) else {
            folder.log.error("IO", .fileUnreadable, at: SourceLocation(file: filePath))
            return nil
        }
        let csv = CSVReader(Array(bytes))
        guard let head = csv.lines.first, head.count >= 2 else {
            folder.log.error("CSV", .csvNeedsHeader,
                             at: SourceLocation(file: filePath, line: 1, column: 1))
            return nil
        }
        var ok = true
        var lines: [ValueTable.Row] = []
        var seen: [String: Int] = [:]
        for sourceLine in csv.lines.dropFirst() {
            let lineNumber = sourceLine.first?.sourceLine ?? 0
            guard sourceLine.count == head.count else {
                folder.log.error("CSV", .csvRowWidth(sourceLine.count, header: head.count),
                                 at: SourceLocation(file: filePath, line: lineNumber, column: 1))
                ok = false
                continue
            }
            let raum = sourceLine[0].text
            if let earlier = seen[raum] {
                folder.log.error("CSV", .csvAreaTwice(raum, firstLine: earlier),
                                 at: SourceLocation(file: filePath, line: lineNumber, column: 1))
                ok = false
            }
            seen[raum] = lineNumber
            let valueList = sourceLine.dropFirst().map { cell in cellValue(cell, ruleId: ruleId, filePath: filePath, log: folder.log) }
            if valueList.contains(where: { $0 == nil }) { ok = false }
            lines.append(ValueTable.Row(raum: raum, valueList: valueList.map { $0 ?? nil }, sourceLine: lineNumber))
        }
        return ok ? ValueTable(columns: head.dropFirst().map(\.text), areaTitle: head[0].text, lines: lines) : nil
    }

    /// One cell: `.some(value or nil for "no value")`, or nil after logging why it cannot be used.
    private static func cellValue(_ cell: CSVReader.Cell, ruleId: ValueRule, filePath: String, log: DiagnosticLog) -> Double?? {
        let place = SourceLocation(file: filePath, line: cell.sourceLine, column: cell.columnIndex)
        switch Numbers.parse(cell.text) {
        case .missing: return .some(nil)
        case .invalid:
            log.error("CSV", .csvNotANumber(cell.text), at: place)
        case .outOfRange:
            log.error("CSV", .csvTooLarge(cell.text),
                      at: place)
        case let .value(w) where ruleId.whole && w.rounded() != w:
            log.error("CSV", .csvNotWhole(cell.text), at: place)
        case let .value(w) where ruleId.nonNegative && w < 0:
            log.error("CSV", .csvNegative(cell.text), at: place)
        case let .value(w): return .some(w)
        }
        return nil
    }
}
