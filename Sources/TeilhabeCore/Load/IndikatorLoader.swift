/// content/indikatoren/<id>.yaml + <id>.csv → `Indikator`.
enum IndikatorLoader {
    static let keys = ["titel", "titel_leicht", "beschreibung", "einheit", "quelle", "stichtag", "raumebene",
                       "nachkommastellen", "geheimhaltung", "summe", "beispieldaten"]

    static func alle(in folder: ContentFolder) -> [Indikator] {
        let dateien = folder.files(in: "indikatoren")
        let yamls = dateien.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
        for csv in dateien where csv.hasSuffix(".csv") {
            let basis = String(csv.dropLast(4))
            if !yamls.contains(basis + ".yaml") && !yamls.contains(basis + ".yml") {
                folder.log.error("INDIKATOR", "values without metadata: add \(basis).yaml",
                                 at: SourceLocation(file: folder.display(csv)))
            }
        }
        return yamls.compactMap { laden($0, in: folder) }
    }

    static func laden(_ yaml: String, in folder: ContentFolder) -> Indikator? {
        let datei = folder.display(yaml)
        let basis = String(yaml[..<yaml.lastIndex(of: ".")!])
        let id = String(basis.dropFirst("indikatoren/".count))
        guard let f = folder.felder(yaml, known: keys, what: "Indikator") else { return nil }
        let titel = f.string("titel", required: true)
        let einheit = f.string("einheit", required: true)
        let quelle = f.string("quelle", required: true)
        let nachkommastellen = zahl(f, "nachkommastellen", bereich: 0...6) ?? 0
        let geheimhaltung = zahl(f, "geheimhaltung", bereich: 2...1000)
        if geheimhaltung != nil, einheit != nil, einheit != "Anzahl" {
            folder.log.warning("INDIKATOR", "geheimhaltung applies to einheit Anzahl only; it is ignored here",
                               at: f.location("geheimhaltung"))
        }
        let csvPfad = basis + ".csv"
        guard folder.exists(csvPfad) else {
            folder.log.error("INDIKATOR", "the values are missing: add \(csvPfad)", at: f.location)
            return nil
        }
        let tabelle = lesen(csvPfad, in: folder)
        let summe = f.string("summe")
        if let summe, let tabelle, !tabelle.zeilen.contains(where: { $0.raum == summe }) {
            let vorschlag = Suggest.closest(to: summe, in: tabelle.zeilen.map(\.raum))
            folder.log.error("INDIKATOR", "summe '\(summe)' is no row of \(csvPfad)"
                             + (vorschlag.map { " (did you mean '\($0)'?)" } ?? ""), at: f.location("summe"), suggestion: vorschlag)
        }
        guard let titel, let einheit, let quelle, let tabelle else { return nil }
        return Indikator(id: id, titel: titel, titelLeicht: f.leicht("titel_leicht") ?? titel,
                         beschreibung: f.string("beschreibung"), einheit: einheit, quelle: quelle,
                         stichtag: f.tag("stichtag"), raumebene: f.string("raumebene"), nachkommastellen: nachkommastellen,
                         geheimhaltung: einheit == "Anzahl" ? geheimhaltung : nil, summe: summe,
                         beispieldaten: f.bool("beispieldaten") ?? false, tabelle: tabelle,
                         location: SourceLocation(file: datei, line: 1, column: 1))
    }

    private static func zahl(_ f: Fields, _ key: String, bereich: ClosedRange<Int>) -> Int? {
        guard let text = f.string(key) else { return nil }
        guard let n = Int(text), bereich.contains(n) else {
            f.log.error("SCHEMA-TYPE", "'\(key)' must be a whole number from \(bereich.lowerBound) to \(bereich.upperBound)",
                        at: f.location(key))
            return nil
        }
        return n
    }

    /// The CSV as a table; every cell that is not a number is an error with line and column.
    static func lesen(_ pfad: String, in folder: ContentFolder) -> Tabelle? {
        let datei = folder.display(pfad)
        guard let bytes = try? folder.io.read(datei) else {
            folder.log.error("IO", "cannot read file", at: SourceLocation(file: datei))
            return nil
        }
        let csv = CSVLeser(Array(bytes))
        guard let kopf = csv.zeilen.first, kopf.count >= 2 else {
            folder.log.error("CSV", "needs a header row: the area column and at least one column of values",
                             at: SourceLocation(file: datei, line: 1, column: 1))
            return nil
        }
        var ok = true
        var zeilen: [Tabelle.Zeile] = []
        var gesehen: [String: Int] = [:]
        for zeile in csv.zeilen.dropFirst() {
            let nummer = zeile.first?.zeile ?? 0
            guard zeile.count == kopf.count else {
                folder.log.error("CSV", "row has \(zeile.count) cells, the header has \(kopf.count)",
                                 at: SourceLocation(file: datei, line: nummer, column: 1))
                ok = false
                continue
            }
            let raum = zeile[0].text
            if let frueher = gesehen[raum] {
                folder.log.error("CSV", "area '\(raum)' appears twice (first in line \(frueher))",
                                 at: SourceLocation(file: datei, line: nummer, column: 1))
                ok = false
            }
            gesehen[raum] = nummer
            var werte: [Double?] = []
            for zelle in zeile.dropFirst() {
                switch Zahlen.lesen(zelle.text) {
                case let .wert(w): werte.append(w)
                case .fehlt: werte.append(nil)
                case .ungueltig:
                    folder.log.error("CSV", "'\(zelle.text)' is not a number (write 1.234,5 or 1234,5; '', '-' or '.' for no value)",
                                     at: SourceLocation(file: datei, line: zelle.zeile, column: zelle.spalte))
                    ok = false
                    werte.append(nil)
                }
            }
            zeilen.append(Tabelle.Zeile(raum: raum, werte: werte, zeile: nummer))
        }
        return ok ? Tabelle(spalten: kopf.dropFirst().map(\.text), raumTitel: kopf[0].text, zeilen: zeilen) : nil
    }
}
