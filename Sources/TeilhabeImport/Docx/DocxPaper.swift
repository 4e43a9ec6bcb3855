import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild

/// The front matter and body of one imported paper, with every value the file lacks filled in
/// (and named in a warning): a draft must still load.
struct DocxPaper {
    var markdown: String
    let footnotes: String
    var grunddaten: DocxGrunddaten
    let stem: String
    let site: Site
    let today: CalendarDay
    var art = Vorlage.Art.Mitteilungsvorlage
    var betreff = ""
    var datum: CalendarDay
    var federfuehrend = ""
    var nummer: String?

    init(document: DocxDocument, stem: String, site: Site, today: CalendarDay) {
        markdown = document.body
        footnotes = document.footnotes
        grunddaten = document.grunddaten
        self.stem = stem
        self.site = site
        self.today = today
        datum = today
    }

    mutating func resolve(art option: Vorlage.Art?, nummer numberOption: String?, bericht: Bool, log: DiagnosticLog,
                          at: SourceLocation) {
        if let found = grunddaten.betreff, !found.isEmpty { betreff = found } else {
            betreff = stem.isEmpty ? "Word-Datei" : stem
            log.warning("DOCX-GRUNDDATEN", .docxAssumed("Betreff", betreff), at: at)
        }
        if let text = grunddaten.datum, let tag = Self.date(text) { datum = tag } else {
            log.warning("DOCX-GRUNDDATEN", .docxAssumed("Datum", today.description), at: at)
        }
        guard !bericht else { return }
        if let option { art = option } else if let text = grunddaten.art {
            if let found = DocxImport.parseArt(text, option: false, log: log) { art = found } else {
                log.warning("DOCX-GRUNDDATEN", .docxUnknownArt(text, art.rawValue), at: at)
            }
        } else {
            log.warning("DOCX-GRUNDDATEN", .docxAssumed("Vorlagenart", art.rawValue), at: at)
        }
        if let found = grunddaten.federfuehrend { federfuehrend = found } else {
            federfuehrend = site.amt ?? site.traeger
            log.warning("DOCX-GRUNDDATEN", .docxAssumed("Federführend", federfuehrend), at: at)
        }
        nummer = numberOption.map(DocxMarkdown.oneLine) ?? grunddaten.nummer
    }

    /// `2019-09-10`, `10.09.2019`, `10.9.2019` or `10. September 2019`.
    static func date(_ text: String) -> CalendarDay? {
        let value = DocxMarkdown.oneLine(text)
        if let tag = CalendarDay(value) { return tag }
        let months = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
                      "november", "dezember"]
        let parts = value.lowercased().split(whereSeparator: { $0 == "." || $0 == " " })
        guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4,
              let month = Int(parts[1]) ?? months.firstIndex(of: String(parts[1])).map({ $0 + 1 }) else { return nil }
        return CalendarDay(String(format: "%04d-%02d-%02d", year, month, day))
    }

    /// Each required section the Word file lacks as a heading is added at the end with the placeholder
    /// (as `teilhabe neu` writes it): the draft still loads and builds, and cannot be published unfilled.
    mutating func addMissingSections(_ pflichtabschnitte: [String], log: DiagnosticLog, at: SourceLocation) {
        let headings = Set(markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }
            .map { VorlageCheck.normalize(String($0.dropFirst(3))) })
        var required = pflichtabschnitte
        if art == .Beschlussvorlage { required.append(PaperSkeleton.closingSection(art: art, pflichtabschnitte: pflichtabschnitte)) }
        var added: Set<String> = []
        for name in required where !headings.contains(VorlageCheck.normalize(name)) && added.insert(VorlageCheck.normalize(name)).inserted {
            markdown += (markdown.isEmpty ? "" : "\n") + "## \(name)\n\n\(PaperSkeleton.placeholder)\n"
            log.warning("VORLAGE-ABSCHNITT", .docxMissingSection(name), at: at)
        }
    }

    /// `vorlagen/<jahr>-<nnnn>-<slug>.md` (the file's own number where it is `YYYY/NNNN`, else the next
    /// free one of the paper's year, which then becomes its number), or `berichte/<slug>.md`.
    mutating func relativePath(content: String, bericht: Bool, log: DiagnosticLog) -> String? {
        guard let slug = NewPaper.slug(betreff, option: "Betreff", content, log: log) else { return nil }
        if bericht { return "berichte/\(slug).md" }
        if let nummer, let (year, n) = Self.yearNumber(nummer) {
            return "vorlagen/\(year)-\(String(format: "%04d", n))-\(slug).md"
        }
        guard let (next, fileName) = NewPaper.numbered(content: content, year: datum.year, slug: slug, log: log) else { return nil }
        if nummer == nil { nummer = next }
        return "vorlagen/" + fileName
    }

    static func yearNumber(_ nummer: String) -> (Int, Int)? {
        let parts = nummer.split(separator: "/")
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), (1...4).contains(parts[1].count),
              let n = Int(parts[1]) else { return nil }
        return (year, n)
    }

    func fileText(bericht: Bool) -> String {
        let y = PaperSkeleton.yamlString
        var head = "---\n# Aus einer Word-Datei übernommen (teilhabe import docx). Bitte prüfen, die Fassung in\n"
            + "# Leichter Sprache schreiben, dann „status: oeffentlich“ (oder nichtoeffentlich) setzen.\n"
        if bericht {
            head += "titel: \(y(betreff))\ndatum: \(datum)\nstatus: entwurf\n"
        } else {
            head += "art: \(art.rawValue)\nnummer: \(y(nummer ?? ""))\nbetreff: \(y(betreff))\ndatum: \(datum)\n"
                + "status: entwurf\nfederfuehrend: \(y(federfuehrend))\n"
            if let antragstellend = grunddaten.antragstellend { head += "antragstellend: \(y(antragstellend))\n" }
        }
        return head + "---\n\n" + markdown + footnotes
    }
}
