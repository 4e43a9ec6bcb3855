import TeilhabeSupport

/// The Grunddaten a Word paper states in its head: a table of labels and values ("Betreff" | "…")
/// or labelled lines ("Betreff: …"). Taken out of the body: they become the front matter.
package struct DocxGrunddaten: Sendable, Equatable {
    package var betreff: String?
    package var art: String?
    package var nummer: String?
    package var datum: String?
    package var federfuehrend: String?
    package var antragstellend: String?

    package init() {}

    enum Field: Sendable { case betreff, art, nummer, datum, federfuehrend, antragstellend }

    subscript(_ field: Field) -> String? {
        get {
            switch field {
            case .betreff: betreff
            case .art: art
            case .nummer: nummer
            case .datum: datum
            case .federfuehrend: federfuehrend
            case .antragstellend: antragstellend
            }
        }
        set {
            switch field {
            case .betreff: betreff = newValue
            case .art: art = newValue
            case .nummer: nummer = newValue
            case .datum: datum = newValue
            case .federfuehrend: federfuehrend = newValue
            case .antragstellend: antragstellend = newValue
            }
        }
    }

    /// Labels as offices write them, lowercased, without the colon.
    static let labels: [String: Field] = {
        var result: [String: Field] = [:]
        for label in ["betreff", "betrifft", "gegenstand"] { result[label] = .betreff }
        for label in ["vorlagenart", "art der vorlage", "vorlagentyp", "art"] { result[label] = .art }
        for label in ["vorlagen-nr.", "vorlagen-nr", "vorlagennummer", "vorlage-nr.", "vorlage nr.", "drucksache",
                      "drucksachen-nr.", "drucksachennummer", "nummer", "nr."] { result[label] = .nummer }
        for label in ["datum", "datum der vorlage", "vorlagedatum"] { result[label] = .datum }
        for label in ["federführend", "federführendes amt", "federführende stelle", "federführender fachbereich",
                      "federführung", "amt", "fachbereich"] { result[label] = .federfuehrend }
        for label in ["antragsteller", "antragstellerin", "antragsteller/in", "antragstellend", "antragstellende"] {
            result[label] = .antragstellend
        }
        return result
    }()

    static func key(_ label: String) -> Field? {
        var text = DocxMarkdown.oneLine(label).lowercased()
        if text.hasSuffix(":") { text.removeLast() }
        return labels[text.trimmed()]
    }

    /// Takes the Grunddaten out of the blocks before the first heading: the first title (the Betreff
    /// where no label names one), a table with at least two known labels, paragraphs made only of
    /// labelled lines; and the exported "Beratungsfolge" heading with its table (with a warning).
    static func take(from blocks: inout [DocxBlock], warnings: inout [DocxWarning]) -> DocxGrunddaten {
        var result = DocxGrunddaten(), title: String?, kept: [DocxBlock] = [], index = 0
        var inHead = true
        while index < blocks.count {
            let block = blocks[index]
            index += 1
            if case let .heading(_, text) = block, text.lowercased() == "beratungsfolge", index < blocks.count,
               case .table = blocks[index] {
                index += 1
                warnings.append(DocxWarning("DOCX-BERATUNGSFOLGE", .docxBeratungsfolgeDropped))
                continue
            }
            if case .heading = block { inHead = false }
            guard inHead else { kept.append(block); continue }
            switch block {
            case let .title(text) where title == nil: title = text
            case let .table(_, plain, _) where result.takeTable(plain): continue
            case let .paragraph(_, plain) where result.takeLines(plain): continue
            default: kept.append(block)
            }
        }
        if result.betreff == nil { result.betreff = title } else if let title { kept.insert(.title(title), at: 0) }
        blocks = kept
        return result
    }

    /// Label–value pairs in columns 1–2 (and 3–4 of a four-column form); taken when two labels are known.
    private mutating func takeTable(_ rows: [[String]]) -> Bool {
        var found: [(Field, String)] = []
        for row in rows {
            for column in stride(from: 0, to: row.count - 1, by: 2) {
                if let key = Self.key(row[column]), !row[column + 1].isEmpty { found.append((key, row[column + 1])) }
            }
        }
        guard found.count >= 2 else { return false }
        for (key, value) in found where self[key] == nil { self[key] = value }
        return true
    }

    /// "Betreff: …" lines; taken when every line of the paragraph is one.
    private mutating func takeLines(_ plain: String) -> Bool {
        var found: [(Field, String)] = []
        for line in plain.split(separator: "\n") where !line.trimmed().isEmpty {
            guard let colon = line.firstIndex(of: ":"), let key = Self.key(String(line[...colon])) else { return false }
            let value = DocxMarkdown.oneLine(String(line[line.index(after: colon)...]))
            guard !value.isEmpty else { return false }
            found.append((key, value))
        }
        guard !found.isEmpty else { return false }
        for (key, value) in found where self[key] == nil { self[key] = value }
        return true
    }
}
