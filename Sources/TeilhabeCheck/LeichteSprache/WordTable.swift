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
    /// A place holds the word's hash value (high half) and its index + 1 into `entries` (low half);
    /// 0 is a free place. With the hash in the place, a probe passing other words reads nothing else
    /// (building the table was mostly cache misses on the entries and a separate hash array).
    private var places: [UInt64]
    private var mask: Int

    init(expected: Int) {
        var byteSize = 16
        while byteSize < expected + expected / 2 { byteSize <<= 1 }
        places = Array(repeating: 0, count: byteSize)
        mask = byteSize - 1
        entries.reserveCapacity(expected)
    }

    private static func index(_ space: UInt64) -> Int { Int(UInt32(truncatingIfNeeded: space)) - 1 }

    func search(_ word: String) -> Entry? {
        var word = word
        return word.withUTF8 { bytes in
            let (space, found) = find(bytes, WordTable.hasher(bytes))
            return found ? entries[WordTable.index(places[space])] : nil
        }
    }

    /// The place of the word, or the free place where it would go. Through raw pointers: with the
    /// arrays' bounds checks and closures a probe cost 540 instructions, 327 M of the 552 M that
    /// loading the lists took (callgrind, 606,000 lines).
    private func find(_ word: UnsafeBufferPointer<UInt8>, _ hasher: UInt32) -> (Int, Bool) {
        places.withUnsafeBufferPointer { places in
            entries.withUnsafeBufferPointer { entries in
                text.withUnsafeBufferPointer { text in
                    var i = Int(hasher) & mask
                    while true {
                        let space = places[i]
                        if space == 0 { return (i, false) }
                        if UInt32(truncatingIfNeeded: space >> 32) == hasher {
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
        }
    }

    /// FNV-1a: deterministic, and plenty for word lists (1.4 probes a word at the lists' fill).
    static func hasher(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}

extension WordTable {
    /// Reads Debian's word list (a word per line) and a `word<TAB>zipf` list into one table.
    /// Words are lower-cased like `String.lowercased()` does for the Latin-1 letters the list uses.
    ///
    /// In three passes, because inserting 606,000 lines in list order cost a cache miss on the 8 MB of
    /// places per line (perf: 110 ms of every build's CPU): every line's word goes into `text` and
    /// `lines`, the lines are sorted by their place (a radix sort, stable, so that a word's lines keep
    /// their order and the last frequency counts), and are then inserted place by place.
    static func load(wordList: [UInt8], frequencies: [UInt8]) -> WordTable {
        var table = WordTable(expected: lineCount(wordList) + lineCount(frequencies) + 2)
        var lines: [Line] = []
        lines.reserveCapacity(table.entries.capacity)
        table.text.reserveCapacity(wordList.count + frequencies.count)
        table.readWordList(wordList, into: &lines)
        table.readFrequencies(frequencies, into: &lines)
        for k in placeOrder(lines, mask: table.mask) {
            let line = lines[Int(k & 0xFFFF_FFFF)]
            let i = table.entryIndex(of: line)
            switch line.kind {
            case .capital: table.entries[i].word = true; table.entries[i].nomen = true
            case .small: table.entries[i].word = true; table.entries[i].klein = true
            case .frequency: table.entries[i].zipf = line.zipf
            }
        }
        return table
    }

    /// A line of a list: its word (in `text`), the word's hash and what the line says of it.
    struct Line {
        enum Kind: UInt8 { case capital, small, frequency }
        var beginning: Int32
        var length: UInt16
        var kind: Kind
        var hash: UInt32
        var zipf: Double = .nan
    }

    private mutating func readWordList(_ bytes: [UInt8], into lines: inout [Line]) {
        WordTable.lineByLine(bytes) { sourceLine in
            guard !sourceLine.isEmpty, sourceLine.count <= Int(UInt16.max) else { return }
            let beginning = text.count
            text.append(contentsOf: sourceLine)
            text.withUnsafeMutableBufferPointer { WordTable.lowerCase(UnsafeMutableBufferPointer(rebasing: $0[beginning...])) }
            let word = text.withUnsafeBufferPointer { WordTable.hasher(UnsafeBufferPointer(rebasing: $0[beginning...])) }
            lines.append(Line(beginning: Int32(beginning), length: UInt16(sourceLine.count),
                              kind: WordTable.isCapitalized(sourceLine) ? .capital : .small, hash: word))
        }
    }

    private mutating func readFrequencies(_ bytes: [UInt8], into lines: inout [Line]) {
        WordTable.lineByLine(bytes) { sourceLine in
            guard let tab = sourceLine.firstIndex(of: 0x09), tab <= Int(UInt16.max),
                  let zipf = WordTable.number(sourceLine[(tab + 1)...]) else { return }
            let word = UnsafeBufferPointer(rebasing: sourceLine[..<tab])
            lines.append(Line(beginning: Int32(text.count), length: UInt16(tab), kind: .frequency, hash: WordTable.hasher(word), zipf: zipf))
            text.append(contentsOf: word)
        }
    }

    /// The entry of a line's word, made if it is new (its bytes stay where the line put them).
    private mutating func entryIndex(of line: Line) -> Int {
        let (space, found) = text.withUnsafeBufferPointer { t in
            find(UnsafeBufferPointer(start: t.baseAddress! + Int(line.beginning), count: Int(line.length)), line.hash)
        }
        if found { return WordTable.index(places[space]) }
        entries.append(Entry(beginning: line.beginning, length: line.length))
        places[space] = UInt64(line.hash) << 32 | UInt64(entries.count)
        return entries.count - 1
    }

    /// The lines' indices sorted by their first place, stably: an LSD radix sort of `place << 32 | index`
    /// over the place's bits, 11 at a time.
    static func placeOrder(_ lines: [Line], mask: Int) -> [UInt64] {
        var keys = lines.indices.map { UInt64(Int(lines[$0].hash) & mask) << 32 | UInt64($0) }
        var other = keys
        let bits = UInt64(mask).nonzeroBitCount
        for shift in stride(from: 32, to: 32 + bits, by: 11) {
            var counts = [Int](repeating: 0, count: 2049)
            for k in keys { counts[Int((k >> UInt64(shift)) & 0x7FF) + 1] += 1 }
            for d in 1..<counts.count { counts[d] += counts[d - 1] }
            for k in keys {
                let d = Int((k >> UInt64(shift)) & 0x7FF)
                other[counts[d]] = k
                counts[d] += 1
            }
            swap(&keys, &other)
        }
        return keys
    }

    /// ASCII and Latin-1 capitals (Ä, Ö, Ü, É …; not ×) lower-cased in UTF-8, in place.
    private static func lowerCase(_ word: UnsafeMutableBufferPointer<UInt8>) {
        var before: UInt8 = 0
        for i in word.indices {
            let b = word[i]
            if b &- 0x41 < 26 || before == 0xC3 && b &- 0x80 < 0x1F && b != 0x97 { word[i] = b + 0x20 }
            before = b
        }
    }

    private static func isCapitalized(_ sourceLine: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = sourceLine[0]
        if first >= 0x41 && first <= 0x5A { return true }
        return first == 0xC3 && sourceLine.count > 1 && sourceLine[1] >= 0x80 && sourceLine[1] <= 0x9E && sourceLine[1] != 0x97
    }

    private static func lineByLine(_ bytes: [UInt8], _ sourceLine: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            var beginning = 0
            while beginning <= all.count {
                let found = memchr(base + beginning, 0x0A, all.count - beginning)
                let newline = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? all.count
                var end = newline
                if end > beginning, base[end - 1] == 0x0D { end -= 1 }
                sourceLine(UnsafeBufferPointer(start: base + beginning, count: end - beginning))
                beginning = newline + 1
            }
        }
    }

    private static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        lineByLine(bytes) { _ in count += 1 }
        return count
    }

    /// "7.48" and the like, as exactly as `Double("7.48")` (digits and power of ten are exact, and
    /// one division rounds correctly); anything else goes through `Double`.
    private static func number(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var digits = 0.0, divisor = 0.0, digitCount = 0
        for b in bytes {
            if b == 0x2E, divisor == 0 { divisor = 1; continue }
            guard b >= 0x30 && b <= 0x39, digitCount < 15 else { return Double(String(decoding: bytes, as: UTF8.self)) }
            digits = digits * 10 + Double(b - 0x30); digitCount += 1
            if divisor > 0 { divisor *= 10 }
        }
        guard digitCount > 0 else { return nil }
        return divisor > 0 ? digits / divisor : digits
    }
}
