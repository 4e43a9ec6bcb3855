/// The word index of the last build – for every word the documents that hold it – with what each
/// document's words followed from. An edit then moves only the edited documents' entries, instead
/// of merging the words of thousands of documents again.
struct Suchstand {
    /// Per document: the key of its word list (`suchwoerter` table).
    var schluessel: [Fingerabdruck]
    /// Sorted; `stellen[n]` are the documents holding `woerter[n]`, ascending.
    var woerter: [String]
    var stellen: [[UInt32]]

    /// Merges every document's words (one per line).
    init(schluessel: [Fingerabdruck], jeDokument: [String]) {
        var index: [Substring: [UInt32]] = [:]
        for (n, woerter) in jeDokument.enumerated() where !woerter.isEmpty {
            for wort in woerter.split(separator: "\n") { index[wort, default: []].append(UInt32(n)) }
        }
        self.schluessel = schluessel
        woerter = index.keys.sorted().map(String.init)
        stellen = woerter.map { index[Substring($0)]! }
    }

    /// This index for documents with the keys `neu`: the documents whose key changed lose their old
    /// words and get their new ones. Nil when the documents are not the same in number, when most
    /// of them changed, or when an old word list is no longer known – then a full merge is due.
    func fortgeschrieben(_ neu: [Fingerabdruck], alteWoerter: (Fingerabdruck) -> String?,
                         neueWoerter: (Int) -> String) -> Suchstand? {
        guard neu.count == schluessel.count else { return nil }
        let geaendert = neu.indices.filter { neu[$0] != schluessel[$0] }
        guard geaendert.count <= max(8, neu.count / 4) else { return nil }
        var stand = self
        stand.schluessel = neu
        for i in geaendert {
            guard let alt = alteWoerter(schluessel[i]) else { return nil }
            for wort in alt.split(separator: "\n") { stand.entfernen(UInt32(i), aus: String(wort)) }
            for wort in neueWoerter(i).split(separator: "\n") { stand.hinzufuegen(UInt32(i), zu: String(wort)) }
        }
        return stand
    }

    /// The first position whose word is not below `wort`.
    private func stelle(_ wort: String) -> Int {
        var unten = 0, oben = woerter.count
        while unten < oben {
            let mitte = (unten + oben) / 2
            if woerter[mitte] < wort { unten = mitte + 1 } else { oben = mitte }
        }
        return unten
    }

    private mutating func entfernen(_ dokument: UInt32, aus wort: String) {
        let n = stelle(wort)
        guard n < woerter.count, woerter[n] == wort, let k = stellen[n].firstIndex(of: dokument) else { return }
        stellen[n].remove(at: k)
        if stellen[n].isEmpty { woerter.remove(at: n); stellen.remove(at: n) }
    }

    private mutating func hinzufuegen(_ dokument: UInt32, zu wort: String) {
        let n = stelle(wort)
        if n < woerter.count, woerter[n] == wort {
            let k = stellen[n].firstIndex { $0 >= dokument } ?? stellen[n].count
            if k == stellen[n].count || stellen[n][k] != dokument { stellen[n].insert(dokument, at: k) }
        } else {
            woerter.insert(wort, at: n)
            stellen.insert([dokument], at: n)
        }
    }

    // MARK: kept in the cache as plain words: [count][keys…][word count]([length][word][count][documents…])…

    func kodiert() -> [UInt8] {
        var b: [UInt8] = []
        b.reserveCapacity(16 * schluessel.count + 8 * woerter.count + 4 * stellen.reduce(0) { $0 + $1.count })
        func zahl(_ x: Int) { withUnsafeBytes(of: UInt32(x).littleEndian) { b += $0 } }
        zahl(schluessel.count)
        for s in schluessel { b.woerter(s.a, s.b) }
        zahl(woerter.count)
        for (wort, dokumente) in zip(woerter, stellen) {
            zahl(wort.utf8.count); b += wort.utf8
            zahl(dokumente.count)
            dokumente.withUnsafeBytes { b += $0 }   // little-endian on every platform Swift runs on here
        }
        return b
    }

    init?(kodiert b: ArraySlice<UInt8>) {
        var i = b.startIndex
        func zahl() -> Int? {
            guard i + 4 <= b.endIndex else { return nil }
            defer { i += 4 }
            return Int(b.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: i - b.startIndex, as: UInt32.self)) })
        }
        func wort64() -> UInt64 {
            defer { i += 8 }
            return b.wort(i - b.startIndex)
        }
        guard let n = zahl(), i + 16 * n <= b.endIndex else { return nil }
        schluessel = (0..<n).map { _ in Fingerabdruck(a: wort64(), b: wort64()) }
        guard let w = zahl() else { return nil }
        woerter = []; stellen = []
        woerter.reserveCapacity(w); stellen.reserveCapacity(w)
        for _ in 0..<w {
            guard let laenge = zahl(), i + laenge <= b.endIndex, let wort = String(validating: b[i..<i + laenge], as: UTF8.self)
            else { return nil }
            i += laenge
            guard let k = zahl(), i + 4 * k <= b.endIndex else { return nil }
            let dokumente = b[i..<i + 4 * k].withUnsafeBytes { roh in (0..<k).map { UInt32(littleEndian: roh.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self)) } }
            i += 4 * k
            woerter.append(wort); stellen.append(dokumente)
        }
        guard i == b.endIndex else { return nil }
    }
}
