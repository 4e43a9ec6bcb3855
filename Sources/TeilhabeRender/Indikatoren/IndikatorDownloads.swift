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
        var objekt: [String: Any] = [
            "id": i.id, "titel": i.titel, "einheit": i.einheit, "quelle": i.quelle, "nachkommastellen": i.nachkommastellen,
            "spalten": t.spalten, "beispieldaten": i.beispieldaten,
            "zeilen": t.zeilen.map { zeile -> [String: Any] in
                ["raum": zeile.raum, "summe": zeile.istSumme, "werte": zeile.zellen.enumerated().map { c, z -> [String: Any] in
                    switch z {
                    case let .wert(w): return ["spalte": t.spalten[c], "wert": w]
                    case .geheim: return ["spalte": t.spalten[c], "geheim": true]
                    case .fehlt: return ["spalte": t.spalten[c], "wert": NSNull()]
                    }
                }]
            },
        ]
        if let s = i.stichtag { objekt["stichtag"] = s.description }
        if let r = i.raumebene { objekt["raumebene"] = r }
        if let b = i.beschreibung { objekt["beschreibung"] = b }
        if let n = i.geheimhaltung { objekt["geheimhaltung"] = n }
        if let s = i.summeSpalte { objekt["summe_spalte"] = s }
        return JSONText.data(objekt)
    }
}
