import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The values as downloads: CSV that Excel opens as it is (UTF-8 with BOM, `;`, decimal comma)
/// and JSON. Secret values are marked, never written.
enum IndikatorDownloads {
    static func csv(_ i: Indikator, _ t: PublishedTable) -> Data {
        func field(_ s: String) -> String {
            s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = [([t.areaTitle] + t.columns).map(field).joined(separator: ";")]
        for sourceLine in t.lines {
            let cellValues = sourceLine.cellValues.map { z -> String in
                switch z {
                case let .value(w): return NumberFormat.german(w, places: i.decimals, minus: "-", thousands: "")
                case .geheim: return "•"
                case .missing: return ""
                }
            }
            lines.append(([field(sourceLine.raum)] + cellValues).joined(separator: ";"))
        }
        return Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func json(_ i: Indikator, _ t: PublishedTable) -> Data {
        let lines = t.lines.map { sourceLine in
            Download.Row(raum: sourceLine.raum, summe: sourceLine.isTotal, valueList: sourceLine.cellValues.enumerated().map { c, z in
                switch z {
                case let .value(w): return Download.Value(columnIndex: t.columns[c], value: .number(w))
                case .geheim: return Download.Value(columnIndex: t.columns[c], value: .geheim)
                case .missing: return Download.Value(columnIndex: t.columns[c], value: .missing)
                }
            })
        }
        return JSONText.data(Download(
            id: i.id, titel: i.titel, einheit: i.einheit, quelle: i.quelle, decimals: i.decimals,
            columns: t.columns, sampleData: i.sampleData, lines: lines, stichtag: i.stichtag?.description,
            raumebene: i.raumebene, beschreibung: i.beschreibung, geheimhaltung: i.geheimhaltung,
            summeSpalte: i.summeSpalte))
    }

    /// `<id>.json`. The keys are those users read in the download (German, as in the content model).
    struct Download: Encodable {
        var id, titel, einheit, quelle: String
        var decimals: Int
        var columns: [String]
        var sampleData: Bool
        var lines: [Row]
        var stichtag, raumebene, beschreibung: String?
        var geheimhaltung: Int?
        var summeSpalte: String?

        private enum CodingKeys: String, CodingKey {
            case id, titel, einheit, quelle, decimals = "nachkommastellen", columns = "spalten"
            case sampleData = "beispieldaten", lines = "zeilen", stichtag, raumebene
            case beschreibung, geheimhaltung, summeSpalte = "summe_spalte"
        }

        struct Row: Encodable {
            var raum: String
            var summe: Bool
            var valueList: [Value]

            private enum CodingKeys: String, CodingKey { case raum, summe, valueList = "werte" }
        }

        /// A cell: `"wert": 12.5`; missing, `"wert": null`; secret, `"geheim": true` and no value at all.
        struct Value: Encodable {
            var columnIndex: String
            var value: Content

            enum Content { case number(Double), missing, geheim }

            private enum Key: String, CodingKey { case columnIndex = "spalte", value = "wert", geheim }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(columnIndex, forKey: .columnIndex)
                switch value {
                case let .number(w): try c.encode(w, forKey: .value)
                case .missing: try c.encodeNil(forKey: .value)
                case .geheim: try c.encode(true, forKey: .geheim)
                }
            }
        }
    }
}
