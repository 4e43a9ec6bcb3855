import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The values as downloads: CSV that Excel opens as it is (UTF-8 with BOM, `;`, decimal comma)
/// and JSON. Secret values are marked, never written.
enum IndikatorDownloads {
    static func csv(_ i: Indikator, _ t: VeroeffentlichteTabelle) -> Data {
        func feld(_ s: String) -> String {
            s.contains(";") || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var zeilen = [([t.raumTitel] + t.spalten).map(feld).joined(separator: ";")]
        for zeile in t.zeilen {
            let zellen = zeile.zellen.map { z -> String in
                switch z {
                case let .wert(w): return NumberFormat.deutsch(w, stellen: i.nachkommastellen, minus: "-", tausender: "")
                case .geheim: return "•"
                case .fehlt: return ""
                }
            }
            zeilen.append(([feld(zeile.raum)] + zellen).joined(separator: ";"))
        }
        return Data(("\u{FEFF}" + zeilen.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func json(_ i: Indikator, _ t: VeroeffentlichteTabelle) -> Data {
        let zeilen = t.zeilen.map { zeile in
            Download.Zeile(raum: zeile.raum, summe: zeile.istSumme, werte: zeile.zellen.enumerated().map { c, z in
                switch z {
                case let .wert(w): return Download.Wert(spalte: t.spalten[c], wert: .zahl(w))
                case .geheim: return Download.Wert(spalte: t.spalten[c], wert: .geheim)
                case .fehlt: return Download.Wert(spalte: t.spalten[c], wert: .fehlt)
                }
            })
        }
        return JSONText.data(Download(
            id: i.id, titel: i.titel, einheit: i.einheit, quelle: i.quelle, nachkommastellen: i.nachkommastellen,
            spalten: t.spalten, beispieldaten: i.beispieldaten, zeilen: zeilen, stichtag: i.stichtag?.description,
            raumebene: i.raumebene, beschreibung: i.beschreibung, geheimhaltung: i.geheimhaltung,
            summeSpalte: i.summeSpalte))
    }

    /// `<id>.json`. The keys are those users read in the download (German, as in the content model).
    struct Download: Encodable {
        var id, titel, einheit, quelle: String
        var nachkommastellen: Int
        var spalten: [String]
        var beispieldaten: Bool
        var zeilen: [Zeile]
        var stichtag, raumebene, beschreibung: String?
        var geheimhaltung: Int?
        var summeSpalte: String?

        private enum CodingKeys: String, CodingKey {
            case id, titel, einheit, quelle, nachkommastellen, spalten, beispieldaten, zeilen, stichtag, raumebene
            case beschreibung, geheimhaltung, summeSpalte = "summe_spalte"
        }

        struct Zeile: Encodable {
            var raum: String
            var summe: Bool
            var werte: [Wert]
        }

        /// A cell: `"wert": 12.5`; missing, `"wert": null`; secret, `"geheim": true` and no value at all.
        struct Wert: Encodable {
            var spalte: String
            var wert: Inhalt

            enum Inhalt { case zahl(Double), fehlt, geheim }

            private enum Key: String, CodingKey { case spalte, wert, geheim }

            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Key.self)
                try c.encode(spalte, forKey: .spalte)
                switch wert {
                case let .zahl(w): try c.encode(w, forKey: .wert)
                case .fehlt: try c.encodeNil(forKey: .wert)
                case .geheim: try c.encode(true, forKey: .geheim)
                }
            }
        }
    }
}
