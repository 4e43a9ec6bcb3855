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
        var words: [Range<Int>] = []
        var beginning = 0
        func done() {
            let textRange = beginning..<bytes.count
            if textRange.count >= 2 && !istStoppwort(bytes[textRange]) {
                words.append(textRange)
            } else {
                bytes.removeSubrange(textRange)
            }
            beginning = bytes.count
        }
        for scalar in text.unicodeScalars {
            switch SearchIndex.folding(scalar.value) {
            case let .ein(b): bytes.append(b)
            case let .zwei(a, b): bytes.append(a); bytes.append(b)
            case .ende: done()
            case .weg: continue
            case .sonst:
                // Punctuation and spaces end a word; a letter or digit outside ASCII leaves it to Strings.
                let small = scalar.properties.lowercaseMapping.unicodeScalars
                if small.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) { return nil }
                done()
            }
        }
        done()
        return bytes.withUnsafeBufferPointer { b in
            if let base = b.baseAddress {
                words.sort { x, y in
                    let c = memcmp(base + x.lowerBound, base + y.lowerBound, min(x.count, y.count))
                    return c != 0 ? c < 0 : x.count < y.count
                }
            }
            var lines: [UInt8] = []
            lines.reserveCapacity(bytes.count + words.count)
            var before: Range<Int>?
            for word in words where before.map({ !b[$0].elementsEqual(b[word]) }) ?? true {
                if before != nil { lines.append(0x0A) }
                lines += b[word]
                before = word
            }
            return String(decoding: lines, as: UTF8.self)
        }
    }

    /// The stop words packed into integers (all have at most eight ASCII letters).
    private static let stopWords: Set<UInt64> = Set(SearchIndex.stopWords.map { packed(Array($0.utf8)[...])! })

    private static func istStoppwort(_ word: ArraySlice<UInt8>) -> Bool {
        packed(word).map(stopWords.contains) ?? false
    }

    private static func packed(_ word: ArraySlice<UInt8>) -> UInt64? {
        guard word.count <= 8 else { return nil }
        return word.reduce(0) { $0 << 8 | UInt64($1) }
    }
}
