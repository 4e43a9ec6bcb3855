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
    /// A word as a range of the folded bytes, with its first eight bytes as a big-endian number:
    /// comparing those orders most words without a memcmp (sorting by a memcmp closure was half of
    /// this function, 0.97 G of 2.04 G instructions on the 4,000-page corpus under callgrind).
    private struct Word {
        var prefix: UInt64
        var start: Int32
        var count: Int32
    }

    /// Nil when a word holds a letter outside ASCII (é, ñ, Greek …): then Strings decide.
    static func ascii(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count)
            var words: [Word] = []
            guard fold(source, into: &bytes, words: &words) else { return nil }
            return bytes.withUnsafeBufferPointer { lines(words, $0) }
        }
    }

    /// The folded words back to back in `bytes`, each (2+ letters, no stop word) recorded in `words`;
    /// false where a letter or digit outside ASCII leaves the text to Strings. The bytes are read
    /// directly: ASCII through a table, other scalars decoded and folded like `SearchIndex.wordList`.
    private static func fold(_ source: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8], words: inout [Word]) -> Bool {
        var beginning = 0, i = 0
        func done() {
            let count = bytes.count - beginning
            if count >= 2, !isStopWord(bytes, beginning, count) {
                words.append(Word(prefix: prefix(bytes, beginning, count), start: Int32(beginning), count: Int32(count)))
            } else {
                bytes.removeLast(count)
            }
            beginning = bytes.count
        }
        while i < source.count {
            let b = source[i]
            if b < 0x80 {
                let folded = asciiFolding[Int(b)]
                if folded != 0 { bytes.append(folded) } else { done() }
                i += 1
                continue
            }
            let (scalar, length) = decode(source, at: i)
            i += length
            switch SearchIndex.folding(scalar) {
            case let .one(b): bytes.append(b)
            case let .two(a, b): bytes.append(a); bytes.append(b)
            case .end: done()
            case .dropped: continue
            case .other:
                // Punctuation and spaces end a word; a letter or digit outside ASCII leaves it to Strings.
                let small = Unicode.Scalar(scalar).map { $0.properties.lowercaseMapping.unicodeScalars }
                if small?.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) ?? false { return false }
                done()
            }
        }
        done()
        return true
    }

    /// Sorted, without repeats, one per line.
    private static func lines(_ unsorted: [Word], _ b: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = b.baseAddress else { return "" }
        let words = unsorted.sorted { x, y in
            if x.prefix != y.prefix { return x.prefix < y.prefix }
            if x.count > 8 && y.count > 8 {
                let c = memcmp(base + Int(x.start) + 8, base + Int(y.start) + 8, Int(min(x.count, y.count)) - 8)
                if c != 0 { return c < 0 }
            }
            return x.count < y.count
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + words.count)
        var before: Word?
        for word in words {
            if let p = before, p.prefix == word.prefix, p.count == word.count,
               word.count <= 8 || memcmp(base + Int(p.start), base + Int(word.start), Int(word.count)) == 0 { continue }
            if before != nil { out.append(0x0A) }
            out.append(contentsOf: UnsafeBufferPointer(start: base + Int(word.start), count: Int(word.count)))
            before = word
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What `SearchIndex.folding` makes of an ASCII byte: the letter or digit in lower case, 0 for a word's end.
    private static let asciiFolding: [UInt8] = (0..<128).map { b -> UInt8 in
        if case let .one(folded) = SearchIndex.folding(UInt32(b)) { return folded }
        return 0
    }

    /// The scalar whose UTF-8 starts at `i` (the String's bytes are valid UTF-8) and its length in bytes.
    private static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b = UInt32(s[i])
        if b < 0xE0 { return ((b & 0x1F) << 6 | UInt32(s[i + 1]) & 0x3F, 2) }
        if b < 0xF0 { return ((b & 0x0F) << 12 | (UInt32(s[i + 1]) & 0x3F) << 6 | UInt32(s[i + 2]) & 0x3F, 3) }
        return ((b & 0x07) << 18 | (UInt32(s[i + 1]) & 0x3F) << 12 | (UInt32(s[i + 2]) & 0x3F) << 6 | UInt32(s[i + 3]) & 0x3F, 4)
    }

    private static func prefix(_ bytes: [UInt8], _ start: Int, _ count: Int) -> UInt64 {
        var p: UInt64 = 0
        for k in 0..<8 { p = p << 8 | UInt64(k < count ? bytes[start + k] : 0) }
        return p
    }

    /// The stop words packed into integers (all have at most eight ASCII letters).
    private static let stopWords: Set<UInt64> = Set(SearchIndex.stopWords.map { word in
        Array(word.utf8).reduce(0) { $0 << 8 | UInt64($1) }
    })

    private static func isStopWord(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Bool {
        guard count <= 8 else { return false }
        var p: UInt64 = 0
        for k in start..<(start + count) { p = p << 8 | UInt64(bytes[k]) }
        return stopWords.contains(p)
    }
}
