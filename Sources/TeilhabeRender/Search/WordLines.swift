import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// A document's search words on bytes: folded as `SearchIndex.woerterListe` folds them, sorted, without
/// repeats, one per line. For documents whose words are all ASCII after folding (ä → ae, ß → ss),
/// which is nearly every German text: there byte order is String order and equal bytes are equal
/// Strings, so the result is the one of the String path without making a String of every word
/// (sorting 500 Strings a page was a tenth of the search index).
enum WordLines {
    /// Nil when a word holds a letter outside ASCII (é, ñ, Greek …): then Strings decide.
    static func ascii(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var woerter: [Range<Int>] = []
        var anfang = 0
        func fertig() {
            let bereich = anfang..<bytes.count
            if bereich.count >= 2 && !istStoppwort(bytes[bereich]) {
                woerter.append(bereich)
            } else {
                bytes.removeSubrange(bereich)
            }
            anfang = bytes.count
        }
        for scalar in text.unicodeScalars {
            switch SearchIndex.faltung(scalar.value) {
            case let .ein(b): bytes.append(b)
            case let .zwei(a, b): bytes.append(a); bytes.append(b)
            case .ende: fertig()
            case .weg: continue
            case .sonst:
                // Punctuation and spaces end a word; a letter or digit outside ASCII leaves it to Strings.
                let klein = scalar.properties.lowercaseMapping.unicodeScalars
                if klein.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) { return nil }
                fertig()
            }
        }
        fertig()
        return bytes.withUnsafeBufferPointer { b in
            if let basis = b.baseAddress {
                woerter.sort { x, y in
                    let c = memcmp(basis + x.lowerBound, basis + y.lowerBound, min(x.count, y.count))
                    return c != 0 ? c < 0 : x.count < y.count
                }
            }
            var zeilen: [UInt8] = []
            zeilen.reserveCapacity(bytes.count + woerter.count)
            var vorher: Range<Int>?
            for wort in woerter where vorher.map({ !b[$0].elementsEqual(b[wort]) }) ?? true {
                if vorher != nil { zeilen.append(0x0A) }
                zeilen += b[wort]
                vorher = wort
            }
            return String(decoding: zeilen, as: UTF8.self)
        }
    }

    /// The stop words packed into integers (all have at most eight ASCII letters).
    private static let stoppwoerter: Set<UInt64> = Set(SearchIndex.stoppwoerter.map { gepackt(Array($0.utf8)[...])! })

    private static func istStoppwort(_ wort: ArraySlice<UInt8>) -> Bool {
        gepackt(wort).map(stoppwoerter.contains) ?? false
    }

    private static func gepackt(_ wort: ArraySlice<UInt8>) -> UInt64? {
        guard wort.count <= 8 else { return nil }
        return wort.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
