import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// content/befragungen/<id>.yaml + <id>.csv → `Befragung`. Areas are checked later, against the loaded areas.
enum BefragungLoader {
    static let keys = ["titel", "titel_leicht", "stichtag", "frage", "antworten", "mindestfallzahl", "quelle", "beispieldaten"]
    static let header = ["Raum", "Gruppe", "Antwort", "Anzahl"]

    static func allItems(in folder: ContentFolder) -> [Befragung] {
        let files = folder.files(in: "befragungen")
        let yamls = files.filter { $0.hasSuffix(".yaml") }.sorted()
        for csv in files where csv.hasSuffix(".csv") && !yamls.contains(String(csv.dropLast(4)) + ".yaml") {
            folder.log.error("BEFRAGUNG", .surveyWithoutMetadata(String(csv.dropLast(4).split(separator: "/").last ?? "")),
                             at: SourceLocation(file: folder.display(csv)))
        }
        return yamls.compactMap { load($0, in: folder) }
    }

    static func load(_ yaml: String, in folder: ContentFolder) -> Befragung? {
        let id = String(yaml.dropLast(5).dropFirst("befragungen/".count))
        guard ProjektLoader.isSlugPart(Substring(id)) else {
            folder.log.error("SLUG", .fileNameNotSlug(id, example: Slug.make(id)), at: SourceLocation(file: folder.display(yaml), line: 1, column: 1),
                             suggestion: Slug.make(id))
            return nil
        }
        guard let f = folder.fields(yaml, known: keys, what: "Befragung") else { return nil }
        let titel = f.string("titel", required: true), frage = f.string("frage", required: true)
        let titelLeicht = f.leicht("titel_leicht")
        let responses = answers(f)
        let minimum = minimumCount(f)
        let csv = String(yaml.dropLast(5)) + ".csv"
        guard folder.exists(csv) else {
            folder.log.error("BEFRAGUNG", .surveyValuesMissing(csv), at: f.location)
            return nil
        }
        let zeilen = responses.map { rows(csv, answers: $0, in: folder) } ?? nil
        guard let titel, let frage, let responses, let minimum, let zeilen else { return nil }
        return Befragung(id: id, titel: titel, titelLeicht: titelLeicht ?? titel, stichtag: f.day("stichtag"), frage: frage,
                         antworten: responses, mindestfallzahl: minimum, quelle: f.string("quelle"),
                         sampleData: f.bool("beispieldaten") ?? false, zeilen: zeilen,
                         location: SourceLocation(file: folder.display(yaml), line: 1, column: 1))
    }

    private static func answers(_ f: Fields) -> [String]? {
        let list = f.strings("antworten").map { $0.trimmed() }
        guard f["antworten"] != nil else { _ = f.list("antworten", required: true); return nil }
        guard list.count >= 2 else { f.log.error("BEFRAGUNG", .surveyNoAnswers, at: f.location("antworten")); return nil }
        var seen = Set<String>()
        for a in list where !seen.insert(a).inserted {
            f.log.error("BEFRAGUNG", .surveyAnswerTwice(a), at: f.location("antworten"))
            return nil
        }
        return list
    }

    private static func minimumCount(_ f: Fields) -> Int? {
        guard let text = f.string("mindestfallzahl", required: true) else { return nil }
        guard let n = Int(text), (2...1000).contains(n) else {
            f.log.error("SCHEMA-TYPE", .wholeNumber("mindestfallzahl", from: 2, to: 1000), at: f.location("mindestfallzahl"))
            return nil
        }
        return n
    }

    /// The CSV rows; every cell that cannot be used is an error at its line and column.
    static func rows(_ csv: String, answers: [String], in folder: ContentFolder) -> [Befragung.Row]? {
        let file = folder.display(csv)
        guard let bytes = try? folder.io.read(file) else {
            folder.log.error("IO", .fileUnreadable, at: SourceLocation(file: file))
            return nil
        }
        let table = CSVReader(Array(bytes))
        guard let head = table.lines.first, head.map({ $0.text.trimmed() }) == header else {
            let found = table.lines.first.map { $0.map(\.text).joined(separator: ";") } ?? ""
            folder.log.error("CSV", .surveyHeader(found), at: SourceLocation(file: file, line: 1, column: 1))
            return nil
        }
        var ok = true, result: [Befragung.Row] = [], seen: [String: Int] = [:]
        for line in table.lines.dropFirst() {
            let n = line.first?.sourceLine ?? 0
            func at(_ c: Int) -> SourceLocation { SourceLocation(file: file, line: n, column: line[c].columnIndex) }
            guard line.count == header.count else {
                folder.log.error("CSV", .csvRowWidth(line.count, header: header.count), at: SourceLocation(file: file, line: n, column: 1))
                ok = false; continue
            }
            let raum = line[0].text.trimmed(), group = line[1].text.trimmed(), response = line[2].text.trimmed()
            if [BefragungGeheimhaltung.allGroups, BefragungGeheimhaltung.totalLabel].contains(group) || group.isEmpty {
                folder.log.error("BEFRAGUNG", .surveyReservedGroup(group), at: at(1)); ok = false
            }
            if !answers.contains(response) {
                let s = Suggest.closest(to: response, in: answers)
                folder.log.error("BEFRAGUNG", .surveyUnknownAnswer(response, suggestion: s), at: at(2), suggestion: s); ok = false
            }
            let text = line[3].text.trimmed()
            guard let count = Int(text), count >= 0 else {
                folder.log.error("CSV", .surveyCountNotWhole(text), at: at(3)); ok = false; continue
            }
            let key = [raum, group, response].joined(separator: "\u{1F}")
            if let first = seen[key] { folder.log.error("CSV", .surveyRowTwice(firstLine: first), at: at(0)); ok = false }
            seen[key] = n
            result.append(Befragung.Row(raum: raum, gruppe: group, antwort: response, anzahl: count, location: at(0)))
        }
        if ok, result.isEmpty { folder.log.error("CSV", .surveyNoRows, at: SourceLocation(file: file, line: 1, column: 1)); return nil }
        // Rows with errors are in the log (the build stops there); the others still have their areas checked in this run.
        return result.isEmpty ? nil : result
    }
}
