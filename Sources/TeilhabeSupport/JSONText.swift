import Foundation

/// JSON for the exports (OParl, search index, indicator downloads): keys sorted, deterministic,
/// slashes not escaped. Written by hand because Foundation's JSONSerialization took a fifth of a
/// large build's time.
package enum JSONText {
    package static func data(_ wert: Any, eingerueckt: Bool = true) -> Data {
        var puffer: [UInt8] = []
        puffer.reserveCapacity(1024)
        schreiben(wert, &puffer, tiefe: 0, eingerueckt: eingerueckt)
        if eingerueckt { puffer.append(0x0A) }
        return Data(puffer)
    }

    private static func schreiben(_ wert: Any, _ p: inout [UInt8], tiefe: Int, eingerueckt: Bool) {
        // The usual kinds by exact type first (ValueKind), without a cast that copies.
        switch ObjectIdentifier(type(of: wert)) {
        case ValueKind.text: zeichenkette(wert as! String, &p); return
        case ValueKind.objekt: objekt(wert as! [String: Any], &p, tiefe: tiefe, eingerueckt: eingerueckt); return
        case ValueKind.liste: liste(wert as! [Any], &p, tiefe: tiefe, eingerueckt: eingerueckt); return
        case ValueKind.texte: liste(wert as! [String], &p, tiefe: tiefe, eingerueckt: eingerueckt); return
        case ValueKind.objekte: liste(wert as! [[String: Any]], &p, tiefe: tiefe, eingerueckt: eingerueckt); return
        default: break
        }
        // Objects and lists first, NSNull last: asking whether a Swift dictionary or array is an NSNull
        // (a class) bridges it to Foundation first, which cost a tenth of a large build.
        switch wert {
        case let s as String: zeichenkette(s, &p)
        case let o as [String: Any]: objekt(o, &p, tiefe: tiefe, eingerueckt: eingerueckt)
        case let l as [Any]: liste(l, &p, tiefe: tiefe, eingerueckt: eingerueckt)
        case let b as Bool: p.append(contentsOf: Array((b ? "true" : "false").utf8))
        case let i as Int: p.append(contentsOf: Array(String(i).utf8))
        case let d as Double:
            let text = d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
            p.append(contentsOf: Array(text.utf8))
        case is NSNull: p.append(contentsOf: Array("null".utf8))
        default:
            zeichenkette(String(describing: wert), &p)
        }
    }

    private static func objekt<V>(_ objekt: [String: V], _ p: inout [UInt8], tiefe: Int, eingerueckt: Bool) {
        if objekt.isEmpty { p.append(contentsOf: [0x7B, 0x7D]); return }
        p.append(0x7B)
        for (n, schluessel) in objekt.keys.sorted().enumerated() {
            if n > 0 { p.append(0x2C) }
            umbruch(&p, tiefe + 1, eingerueckt)
            zeichenkette(schluessel, &p)
            p.append(0x3A)
            if eingerueckt { p.append(0x20) }
            schreiben(objekt[schluessel]!, &p, tiefe: tiefe + 1, eingerueckt: eingerueckt)
        }
        umbruch(&p, tiefe, eingerueckt)
        p.append(0x7D)
    }

    private static func liste<E>(_ liste: [E], _ p: inout [UInt8], tiefe: Int, eingerueckt: Bool) {
        if liste.isEmpty { p.append(contentsOf: [0x5B, 0x5D]); return }
        p.append(0x5B)
        for (n, element) in liste.enumerated() {
            if n > 0 { p.append(0x2C) }
            umbruch(&p, tiefe + 1, eingerueckt)
            schreiben(element, &p, tiefe: tiefe + 1, eingerueckt: eingerueckt)
        }
        umbruch(&p, tiefe, eingerueckt)
        p.append(0x5D)
    }

    private static func umbruch(_ p: inout [UInt8], _ tiefe: Int, _ eingerueckt: Bool) {
        guard eingerueckt else { return }
        p.append(0x0A)
        p.append(contentsOf: repeatElement(0x20, count: 2 * tiefe))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    package static func zeichenkette(_ s: String, _ p: inout [UInt8]) {
        var s = s
        s.withUTF8 { zeichenkette($0, &p) }
    }

    /// A string's UTF-8 in quotes, escaped. Runs between escapes are copied whole: most strings
    /// (titles, words, ids) have none, and a byte-by-byte append was most of a search index's time.
    package static func zeichenkette(_ utf8: UnsafeBufferPointer<UInt8>, _ p: inout [UInt8]) {
        p.append(0x22)
        var anfang = 0
        for i in 0..<utf8.count {
            let byte = utf8[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            p.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[anfang..<i]))
            switch byte {
            case 0x22: p.append(contentsOf: [0x5C, 0x22])
            case 0x5C: p.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: p.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: p.append(contentsOf: [0x5C, 0x72])
            case 0x09: p.append(contentsOf: [0x5C, 0x74])
            default: p.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
            anfang = i + 1
        }
        p.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[anfang...]))
        p.append(0x22)
    }
}
