import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// content/indikatoren/<id>.yaml + <id>.csv → `Indikator`.
enum IndikatorLoader {
    static let keys = ["titel", "titel_leicht", "beschreibung", "einheit", "quelle", "stichtag", "raumebene",
                       "nachkommastellen", "geheimhaltung", "summe", "summe_spalte", "beispieldaten"]

    static func alle(in folder: ContentFolder) -> [Indikator] {
        let dateien = folder.files(in: "indikatoren")
        let yamls = dateien.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        for csv in dateien where csv.hasSuffix(".csv") {
            let basis = String(csv.dropLast(4))
            if !yamls.contains(basis + ".yaml") && !yamls.contains(basis + ".yml") {
                folder.log.error("INDIKATOR", .valuesWithoutMetadata(basis),
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
        let datei = folder.display(yaml)
        let basis = String(yaml[..<yaml.lastIndex(of: ".")!])
        let id = id(of: yaml)
        guard let f = folder.felder(yaml, known: keys, what: "Indikator") else { return nil }
        let titel = f.string("titel", required: true)
        let einheit = unit(f)
        let quelle = f.string("quelle", required: true)
        let nachkommastellen = zahl(f, "nachkommastellen", bereich: 0...6) ?? 0
        let geheimhaltung = zahl(f, "geheimhaltung", bereich: 2...1000)
        if geheimhaltung != nil, let einheit, einheit != .anzahl {
            // Fail closed: protection was asked for and cannot be given, so nothing is published.
            f.log.error("INDIKATOR", .geheimhaltungOnlyForAnzahl(einheit.rawValue), at: f.location("geheimhaltung"))
        }
        let csvPfad = basis + ".csv"
        guard folder.exists(csvPfad) else {
            folder.log.error("INDIKATOR", .valuesMissing(csvPfad), at: f.location)
            return nil
        }
        let regel = ValueRule(ganz: einheit == .anzahl, nichtNegativ: einheit == .anzahl && geheimhaltung != nil)
        let tabelle = lesen(csvPfad, in: folder, regel: regel)
        let summe = f.string("summe"), summeSpalte = f.string("summe_spalte")
        if let tabelle { checkTotals(f, summe: summe, summeSpalte: summeSpalte, tabelle: tabelle, csv: csvPfad) }
        guard let titel, let einheit, let quelle, let tabelle else { return nil }
        return Indikator(id: id, titel: titel, titelLeicht: f.leicht("titel_leicht") ?? titel,
                         beschreibung: f.string("beschreibung"), einheit: einheit.rawValue, quelle: quelle,
                         stichtag: f.tag("stichtag"), raumebene: f.string("raumebene"), nachkommastellen: nachkommastellen,
                         geheimhaltung: einheit == .anzahl ? geheimhaltung : nil, summe: summe, summeSpalte: summeSpalte,
                         beispieldaten: f.bool("beispieldaten") ?? false, tabelle: tabelle,
                         location: SourceLocation(file: datei, line: 1, column: 1))
    }

    /// `indikatoren/x.yaml` → `x`.
    static func id(of yaml: String) -> String {
        String(yaml[..<yaml.lastIndex(of: ".")!].dropFirst("indikatoren/".count))
    }

    /// `einheit` from the closed list; anything else, a case variant included, is an error with a hint.
    static func unit(_ f: Fields) -> Einheit? {
        guard let text = f.string("einheit", required: true) else { return nil }
        if let einheit = Einheit(rawValue: text) { return einheit }
        let erlaubt = Einheit.allCases.map(\.rawValue)
        let vorschlag = unitSuggestion(text)
        f.log.error("SCHEMA-VALUE", .unknownEinheit(text, allowed: erlaubt, suggestion: vorschlag), at: f.location("einheit"), suggestion: vorschlag)
        return nil
    }

    /// The closest unit; else the longest unit the text starts with (`Anzahl Personen` → `Anzahl`);
    /// else the unit of a symbol (`%`, `€`).
    static func unitSuggestion(_ text: String) -> String? {
        let erlaubt = Einheit.allCases.map(\.rawValue)
        if let naechste = Suggest.closest(to: text, in: erlaubt) { return naechste }
        let klein = text.lowercased()
        if let anfang = erlaubt.filter({ klein.hasPrefix($0.lowercased()) }).max(by: { $0.count < $1.count }) { return anfang }
        let zeichen: [String: Einheit] = ["%": .prozent, "‰": .promille, "€": .euro, "eur": .euro, "ha": .hektar,
                                          "m²": .quadratmeter, "km²": .quadratkilometer, "km": .kilometer, "min": .minuten]
        return zeichen[klein]?.rawValue
    }

    /// `summe` must name a row of the CSV, `summe_spalte` one of its value columns.
    private static func checkTotals(_ f: Fields, summe: String?, summeSpalte: String?, tabelle: Tabelle, csv: String) {
        if let summe, !tabelle.zeilen.contains(where: { $0.raum == summe }) {
            let vorschlag = Suggest.closest(to: summe, in: tabelle.zeilen.map(\.raum))
            f.log.error("INDIKATOR", .summeNoRow(summe, csv: csv, suggestion: vorschlag), at: f.location("summe"), suggestion: vorschlag)
        }
        if let summeSpalte, !tabelle.spalten.contains(summeSpalte) {
            let vorschlag = Suggest.closest(to: summeSpalte, in: tabelle.spalten)
            f.log.error("INDIKATOR", .summeSpalteNoColumn(summeSpalte, csv: csv, columns: tabelle.spalten, suggestion: vorschlag),
                        at: f.location("summe_spalte"), suggestion: vorschlag)
        } else if summeSpalte != nil, tabelle.spalten.count < 2 {
            f.log.error("INDIKATOR", .summeSpalteAlone,
                        at: f.location("summe_spalte"))
        }
    }

    private static func zahl(_ f: Fields, _ key: String, bereich: ClosedRange<Int>) -> Int? {
        guard let text = f.string(key) else { return nil }
        guard let n = Int(text), bereich.contains(n) else {
            f.log.error("SCHEMA-TYPE", .wholeNumber(key, from: bereich.lowerBound, to: bereich.upperBound),
                        at: f.location(key))
            return nil
        }
        return n
    }

    /// What the unit demands of each value: counts are whole numbers, and with suppression not negative
    /// (a fraction such as 4,99 would slip past the 1 … n−1 rule, and the protection assumes counts ≥ 0).
    struct ValueRule {
        var ganz = false
        var nichtNegativ = false
    }

    /// The CSV as a table; every cell that is not a number allowed here is an error with line and column.
    static func lesen(_ pfad: String, in folder: ContentFolder, regel: ValueRule = ValueRule()) -> Tabelle? {
        let datei = folder.display(pfad)
        guard let bytes = try? folder.io.read(datei) else {
            folder.log.error("IO", .fileUnreadable, at: SourceLocation(file: datei))
            return nil
        }
        let csv = CSVReader(Array(bytes))
        guard let kopf = csv.zeilen.first, kopf.count >= 2 else {
            folder.log.error("CSV", .csvNeedsHeader,
                             at: SourceLocation(file: datei, line: 1, column: 1))
            return nil
        }
        var ok = true
        var zeilen: [Tabelle.Zeile] = []
        var gesehen: [String: Int] = [:]
        for zeile in csv.zeilen.dropFirst() {
            let nummer = zeile.first?.zeile ?? 0
            guard zeile.count == kopf.count else {
                folder.log.error("CSV", .csvRowWidth(zeile.count, header: kopf.count),
                                 at: SourceLocation(file: datei, line: nummer, column: 1))
                ok = false
                continue
            }
            let raum = zeile[0].text
            if let frueher = gesehen[raum] {
                folder.log.error("CSV", .csvAreaTwice(raum, firstLine: frueher),
                                 at: SourceLocation(file: datei, line: nummer, column: 1))
                ok = false
            }
            gesehen[raum] = nummer
            let werte = zeile.dropFirst().map { zelle in cellValue(zelle, regel: regel, datei: datei, log: folder.log) }
            if werte.contains(where: { $0 == nil }) { ok = false }
            zeilen.append(Tabelle.Zeile(raum: raum, werte: werte.map { $0 ?? nil }, zeile: nummer))
        }
        return ok ? Tabelle(spalten: kopf.dropFirst().map(\.text), raumTitel: kopf[0].text, zeilen: zeilen) : nil
    }

    /// One cell: `.some(value or nil for "no value")`, or nil after logging why it cannot be used.
    private static func cellValue(_ zelle: CSVReader.Zelle, regel: ValueRule, datei: String, log: DiagnosticLog) -> Double?? {
        let ort = SourceLocation(file: datei, line: zelle.zeile, column: zelle.spalte)
        switch Numbers.lesen(zelle.text) {
        case .fehlt: return .some(nil)
        case .ungueltig:
            log.error("CSV", .csvNotANumber(zelle.text), at: ort)
        case .ausserhalb:
            log.error("CSV", .csvTooLarge(zelle.text),
                      at: ort)
        case let .wert(w) where regel.ganz && w.rounded() != w:
            log.error("CSV", .csvNotWhole(zelle.text), at: ort)
        case let .wert(w) where regel.nichtNegativ && w < 0:
            log.error("CSV", .csvNegative(zelle.text), at: ort)
        case let .wert(w): return .some(w)
        }
        return nil
    }
}
