import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad

/// The lexicon's words as one byte buffer and an open-addressing hash table over it. Building Swift
/// `Set<String>`s of 600,000 words took 0.9 s of every clean build (a String, a lower-casing and a
/// hash per word); this reads the lists as bytes and stores offsets.
struct WordTable {
    /// 16 bytes (three flags fit beside offset and length): 600,000 of them are held while the check runs.
    struct Entry {
        var beginning: Int32
        var length: UInt16
        /// Bits 0–2: `word`, `nomen`, `klein` (one byte, so the entry stays 16 bytes).
        private var flags: UInt8 = 0
        /// In the word list.
        var word: Bool { get { flag(0) } set { setFlag(0, newValue) } }
        /// The word list writes it with a capital letter.
        var nomen: Bool { get { flag(1) } set { setFlag(1, newValue) } }
        /// The word list writes it in lower case (verbs, adjectives; both where a noun and a verb coincide).
        var klein: Bool { get { flag(2) } set { setFlag(2, newValue) } }
        /// Zipf frequency, NaN where the frequency list does not have it.
        var zipf: Double = .nan

        init(beginning: Int32, length: UInt16) {
            self.beginning = beginning
            self.length = length
        }

        private func flag(_ bit: UInt8) -> Bool { flags & (1 << bit) != 0 }
        private mutating func setFlag(_ bit: UInt8, _ on: Bool) { if on { flags |= 1 << bit } else { flags &= ~(1 << bit) } }
    }

    private var text: [UInt8] = []
    private(set) var entries: [Entry] = []
    /// A place holds the word's hash value (high half) and its index + 1 into `eintraege` (low half);
    /// 0 is a free place. With the hash in the place, a probe passing other words reads nothing else
    /// (building the table was mostly cache misses on the entries and a separate hash array).
    private var places: [UInt64]
    private var mask: Int

    init(erwartet: Int) {
        var byteSize = 16
        while byteSize < erwartet + erwartet / 2 { byteSize <<= 1 }
        places = Array(repeating: 0, count: byteSize)
        mask = byteSize - 1
        entries.reserveCapacity(erwartet)
    }

    private static func index(_ space: UInt64) -> Int { Int(UInt32(truncatingIfNeeded: space)) - 1 }

    func search(_ word: String) -> Entry? {
        var word = word
        return word.withUTF8 { bytes in
            let (space, found) = find(bytes, WordTable.hasher(bytes))
            return found ? entries[WordTable.index(places[space])] : nil
        }
    }

    /// Adds the word (or finds it) and lets `aendern` set its properties.
    mutating func eintragen(_ word: UnsafeBufferPointer<UInt8>, _ aendern: (inout Entry) -> Void) {
        let hasher = WordTable.hasher(word)
        let (space, found) = find(word, hasher)
        if found { aendern(&entries[WordTable.index(places[space])]); return }
        if (entries.count + 1) * 3 > places.count * 2 { grow(); eintragen(word, aendern); return }
        guard word.count <= Int(UInt16.max) else { return }   // no word is that long; the line is not one
        var neu = Entry(beginning: Int32(text.count), length: UInt16(word.count))
        text.append(contentsOf: word)
        aendern(&neu)
        entries.append(neu)
        places[space] = UInt64(hasher) << 32 | UInt64(entries.count)
    }

    private func find(_ word: UnsafeBufferPointer<UInt8>, _ hasher: UInt32) -> (Int, Bool) {
        var i = Int(hasher) & mask
        return text.withUnsafeBufferPointer { text in
            while true {
                let space = places[i]
                if space == 0 { return (i, false) }
                if UInt32(space >> 32) == hasher {
                    let entry = entries[WordTable.index(space)]
                    if Int(entry.length) == word.count,
                       word.isEmpty || memcmp(text.baseAddress! + Int(entry.beginning), word.baseAddress!, word.count) == 0 {
                        return (i, true)
                    }
                }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let alt = places
        places = Array(repeating: 0, count: alt.count * 2)
        mask = places.count - 1
        for space in alt where space != 0 {
            var i = Int(UInt32(space >> 32)) & mask
            while places[i] != 0 { i = (i + 1) & mask }
            places[i] = space
        }
    }

    /// FNV-1a: deterministic, and plenty for word lists.
    static func hasher(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}

extension WordTable {
    /// Reads Debian's word list (a word per line) and a `word<TAB>zipf` list into one table.
    /// Words are lower-cased like `String.lowercased()` does for the Latin-1 letters the list uses.
    static func load(wortliste: [UInt8], frequencies: [UInt8]) -> WordTable {
        let lines = wortliste.lazy.filter { $0 == 0x0A }.count + frequencies.lazy.filter { $0 == 0x0A }.count
        var table = WordTable(erwartet: lines + 2)
        table.text.reserveCapacity(wortliste.count + frequencies.count)
        var small: [UInt8] = []
        lineByLine(wortliste) { sourceLine in
            guard !sourceLine.isEmpty else { return }
            let big = istGross(sourceLine)
            small.removeAll(keepingCapacity: true)
            var before: UInt8 = 0
            for b in sourceLine {
                if b >= 0x41 && b <= 0x5A { small.append(b + 0x20) }
                else if before == 0xC3, b >= 0x80, b <= 0x9E, b != 0x97 { small.append(b + 0x20) }
                else { small.append(b) }
                before = b
            }
            small.withUnsafeBufferPointer { k in
                table.eintragen(k) { $0.word = true; if big { $0.nomen = true } else { $0.klein = true } }
            }
        }
        lineByLine(frequencies) { sourceLine in
            guard let tab = sourceLine.firstIndex(of: 0x09), let zipf = number(sourceLine[(tab + 1)...]) else { return }
            table.eintragen(UnsafeBufferPointer(rebasing: sourceLine[..<tab])) { $0.zipf = zipf }
        }
        return table
    }

    private static func istGross(_ sourceLine: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = sourceLine[0]
        if first >= 0x41 && first <= 0x5A { return true }
        return first == 0xC3 && sourceLine.count > 1 && sourceLine[1] >= 0x80 && sourceLine[1] <= 0x9E && sourceLine[1] != 0x97
    }

    private static func lineByLine(_ bytes: [UInt8], _ sourceLine: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { allItems in
            var beginning = 0
            for i in 0...allItems.count where i == allItems.count || allItems[i] == 0x0A {
                var ende = i
                if ende > beginning, allItems[ende - 1] == 0x0D { ende -= 1 }
                sourceLine(UnsafeBufferPointer(rebasing: allItems[beginning..<ende]))
                beginning = i + 1
            }
        }
    }

    /// "7.48" and the like, as exactly as `Double("7.48")` (digits and power of ten are exact, and
    /// one division rounds correctly); anything else goes through `Double`.
    private static func number(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var digits = 0.0, teiler = 0.0, anzahl = 0
        for b in bytes {
            if b == 0x2E, teiler == 0 { teiler = 1; continue }
            guard b >= 0x30 && b <= 0x39, anzahl < 15 else { return Double(String(decoding: bytes, as: UTF8.self)) }
            digits = digits * 10 + Double(b - 0x30); anzahl += 1
            if teiler > 0 { teiler *= 10 }
        }
        guard anzahl > 0 else { return nil }
        return teiler > 0 ? digits / teiler : digits
    }
}
