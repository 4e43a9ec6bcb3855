import Foundation
import TeilhabeSupport
import TeilhabeModel
import ZIPFoundation

extension DocxExport {
    /// Title, Grunddaten table and Beratungsfolge of a Vorlage, written before its sections. The
    /// labels are those `import docx` reads back ("Vorlagenart", "Vorlagen-Nr.", …).
    static func head(_ vorlage: Vorlage, project: Projekt, writer: DocxBodyWriter) -> Metadata {
        writer.paragraph(style: "Title", runs: DocxBodyWriter.run(vorlage.betreff))
        var rows = [("Vorlagenart", vorlage.art.rawValue), ("Vorlagen-Nr.", vorlage.nummer),
                    ("Datum", Formatting.shortDate(vorlage.datum)), ("Federführend", vorlage.federfuehrend)]
        if let antragstellend = vorlage.antragstellend { rows.append(("Antragstellend", antragstellend)) }
        table(rows.map { [$0.0, $0.1] }, header: false, caption: Message.docxGrunddaten.de, writer: writer)
        if !vorlage.beratungsfolge.isEmpty {
            writer.paragraph(style: "Heading1", runs: DocxBodyWriter.run("Beratungsfolge"))
            var cells = [["Gremium", "Sitzung", "Rolle", "Ergebnis"]]
            for beratung in vorlage.beratungsfolge {
                let sitzung = project.sitzungen.first { $0.id == beratung.sitzung }
                let gremium = sitzung.flatMap { s in project.gremien.first { $0.id == s.gremium } }
                cells.append([gremium?.name ?? sitzung?.gremium ?? beratung.sitzung,
                              sitzung.map { Formatting.shortDate($0.begin.calendarDay) } ?? beratung.sitzung,
                              beratung.rolle.rawValue, beratung.resultValue ?? ""])
            }
            table(cells, header: true, caption: "Beratungsfolge", writer: writer)
        }
        return Metadata(title: vorlage.betreff, subject: "\(vorlage.art.rawValue) \(vorlage.nummer)",
                        creator: vorlage.federfuehrend, created: vorlage.datum.description, body: vorlage.body.text,
                        file: vorlage.body.file)
    }

    /// A Bericht or Seite: its title and date ("Datum: …", a line `import docx` reads back).
    static func head(_ page: Textseite, writer: DocxBodyWriter) -> Metadata {
        writer.paragraph(style: "Title", runs: DocxBodyWriter.run(page.titel))
        if let date = page.datum { writer.paragraph(style: nil, runs: DocxBodyWriter.run("Datum: \(Formatting.shortDate(date))")) }
        return Metadata(title: page.titel, subject: page.art == .bericht ? "Bericht" : "Seite", creator: "",
                        created: page.datum?.description, body: page.body.text, file: page.body.file)
    }

    /// A table of plain texts (the head's tables), with a caption for screen readers.
    private static func table(_ cells: [[String]], header: Bool, caption: String, writer: DocxBodyWriter) {
        var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
            + "<w:tblLook w:val=\"\(header ? "0420" : "0480")\" w:firstRow=\"\(header ? 1 : 0)\" w:lastRow=\"0\" w:firstColumn=\"\(header ? 0 : 1)\" "
            + "w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/><w:tblCaption w:val=\"\(DocxXML.escape(caption))\"/></w:tblPr>"
            + "<w:tblGrid>" + String(repeating: "<w:gridCol/>", count: cells.first?.count ?? 1) + "</w:tblGrid>"
        for (index, row) in cells.enumerated() {
            xml += "<w:tr>" + (header && index == 0 ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
            for cell in row {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/></w:tcPr>"
                    + DocxBodyWriter.paragraph(style: nil, runs: cell.isEmpty ? "" : DocxBodyWriter.run(cell)) + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        writer.raw(xml + "</w:tbl>")
        writer.paragraph(style: nil, runs: "")
    }
}

/// A ZIP archive with fixed entry dates, permissions and order: the same parts give the same bytes.
enum DocxZip {
    /// 1 January 2000, 00:00 in the local calendar: ZIP stores local date fields, so this gives the same
    /// fields in every time zone.
    static let fixedDate: Date = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        return calendar.date(from: DateComponents(year: 2000, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 946_684_800)
    }()

    static func archive(_ parts: [(String, String)], media: [DocxBodyWriter.Media]) -> Data? {
        guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return nil }
        var entries: [(String, Data)] = parts.map { ($0.0, Data($0.1.utf8)) }
        for file in media.sorted(by: { $0.name < $1.name }) { entries.append(("word/media/\(file.name)", file.data)) }
        do {
            for (path, data) in entries {
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                     permissions: 0o644, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
        } catch { return nil }
        return archive.data
    }
}
