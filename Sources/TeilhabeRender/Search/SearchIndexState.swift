import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The word index of the last build – for every word the documents that hold it – with what each
/// document's words followed from. An edit then moves only the edited documents' entries, instead
/// of merging the words of thousands of documents again. Words and documents lie in four flat
/// arrays (not a String and an array per word): reading the index from the cache, writing it back
/// and writing it out as JSON are then a few copies each, not 50,000 allocations.
struct SearchIndexState {
    /// Per document: the key of its word list (`suchwoerter` table).
    var schluessel: [Fingerprint]
    /// The words one after another, in String order: word n is `text[textAnfang[n]..<textAnfang[n + 1]]`.
    private var text: [UInt8] = []
    private var textAnfang: [UInt32] = [0]
    /// The documents holding word n, ascending: `dokumente[dokAnfang[n]..<dokAnfang[n + 1]]`.
    private var dokumente: [UInt32] = []
    private var dokAnfang: [UInt32] = [0]

    var anzahl: Int { textAnfang.count - 1 }
    func wort(_ n: Int) -> ArraySlice<UInt8> { text[Int(textAnfang[n])..<Int(textAnfang[n + 1])] }
    func stellen(_ n: Int) -> ArraySlice<UInt32> { dokumente[Int(dokAnfang[n])..<Int(dokAnfang[n + 1])] }

    /// The words and their documents as plain values (for tests).
    var woerter: [String] { (0..<anzahl).map { String(decoding: wort($0), as: UTF8.self) } }
    var alleStellen: [[UInt32]] { (0..<anzahl).map { Array(stellen($0)) } }

    private mutating func anhaengen<W: Collection, D: Collection>(_ wort: W, _ docs: D) where W.Element == UInt8, D.Element == UInt32 {
        text.append(contentsOf: wort); textAnfang.append(UInt32(text.count))
        dokumente.append(contentsOf: docs); dokAnfang.append(UInt32(dokumente.count))
    }

    /// Words `von..<bis` of `alt`, as they are.
    private mutating func uebernehmen(_ alt: SearchIndexState, _ von: Int, _ bis: Int) {
        guard von < bis else { return }
        let t = Int(alt.textAnfang[von]), d = Int(alt.dokAnfang[von])
        let tVersatz = UInt32(text.count) &- UInt32(t), dVersatz = UInt32(dokumente.count) &- UInt32(d)
        text.append(contentsOf: alt.text[t..<Int(alt.textAnfang[bis])])
        dokumente.append(contentsOf: alt.dokumente[d..<Int(alt.dokAnfang[bis])])
        textAnfang.append(contentsOf: alt.textAnfang[(von + 1)...bis].lazy.map { $0 &+ tVersatz })
        dokAnfang.append(contentsOf: alt.dokAnfang[(von + 1)...bis].lazy.map { $0 &+ dVersatz })
    }

    /// Merges every document's words (one per line).
    init(schluessel: [Fingerprint], jeDokument: [String]) {
        var index: [Substring: [UInt32]] = [:]
        for (n, woerter) in jeDokument.enumerated() where !woerter.isEmpty {
            for wort in woerter.split(separator: "\n") { index[wort, default: []].append(UInt32(n)) }
        }
        self.schluessel = schluessel
        for wort in index.keys.sorted() { anhaengen(wort.utf8, index[wort]!) }
    }

    /// This index for documents with the keys `neu`: the documents whose key changed lose their old
    /// words and get their new ones. Nil when the documents are not the same in number, when most
    /// of them changed, or when an old word list is no longer known – then a full merge is due.
    func fortgeschrieben(_ neu: [Fingerprint], alteWoerter: (Fingerprint) -> String?,
                         neueWoerter: (Int) -> String) -> SearchIndexState? {
        guard neu.count == schluessel.count else { return nil }
        let geaendert = neu.indices.filter { neu[$0] != schluessel[$0] }
        guard geaendert.count <= max(8, neu.count / 4) else { return nil }
        var aenderung: [String: (weg: Set<UInt32>, dazu: Set<UInt32>)] = [:]
        for i in geaendert {
            guard let alt = alteWoerter(schluessel[i]) else { return nil }
            for wort in alt.split(separator: "\n") { aenderung[String(wort), default: ([], [])].weg.insert(UInt32(i)) }
            for wort in neueWoerter(i).split(separator: "\n") { aenderung[String(wort), default: ([], [])].dazu.insert(UInt32(i)) }
        }
        var stand = SearchIndexState(schluessel: neu, jeDokument: [])
        var n = 0
        for wort in aenderung.keys.sorted() {
            let stelle = self.stelle(wort)
            stand.uebernehmen(self, n, stelle)
            n = stelle
            var docs: [UInt32] = []
            if stelle < anzahl, String(decoding: self.wort(stelle), as: UTF8.self) == wort {
                docs = Array(stellen(stelle))
                n = stelle + 1
            }
            // A few documents move in lists of up to thousands: found by halving, not by sets.
            let (weg, dazu) = aenderung[wort]!
            for d in weg.subtracting(dazu) {
                let k = SearchIndexState.platz(d, in: docs)
                if k < docs.count, docs[k] == d { docs.remove(at: k) }
            }
            for d in dazu {
                let k = SearchIndexState.platz(d, in: docs)
                if k == docs.count || docs[k] != d { docs.insert(d, at: k) }
            }
            if !docs.isEmpty { stand.anhaengen(wort.utf8, docs) }
        }
        stand.uebernehmen(self, n, anzahl)
        return stand
    }

    /// The first of `0..<anzahl` for which `unter` is false, found by halving (`unter` holds for a prefix).
    private static func grenze(_ anzahl: Int, _ unter: (Int) -> Bool) -> Int {
        var unten = 0, oben = anzahl
        while unten < oben {
            let mitte = (unten + oben) / 2
            if unter(mitte) { unten = mitte + 1 } else { oben = mitte }
        }
        return unten
    }

    /// The first position in ascending `docs` not below `d`.
    private static func platz(_ d: UInt32, in docs: [UInt32]) -> Int { grenze(docs.count) { docs[$0] < d } }

    /// The first position whose word is not below `wort` (in String order, as the words are sorted).
    private func stelle(_ wort: String) -> Int { SearchIndexState.grenze(anzahl) { String(decoding: self.wort($0), as: UTF8.self) < wort } }

    // MARK: kept in the cache (`suchindex` table) as its arrays, through the cache's codec
}

extension SearchIndexState: Codable {
    private enum CodingKeys: String, CodingKey { case schluessel, text, textAnfang, dokumente, dokAnfang }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schluessel, forKey: .schluessel)
        try c.encode(text, forKey: .text)
        try c.encode(textAnfang, forKey: .textAnfang)
        try c.encode(dokumente, forKey: .dokumente)
        try c.encode(dokAnfang, forKey: .dokAnfang)
    }

    /// Offsets that climb within their arrays, and words that are text: a damaged record reads as
    /// none (the index is then merged anew) instead of reading out of bounds later.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schluessel = try c.decode([Fingerprint].self, forKey: .schluessel)
        text = try c.decode([UInt8].self, forKey: .text)
        textAnfang = try c.decode([UInt32].self, forKey: .textAnfang)
        dokumente = try c.decode([UInt32].self, forKey: .dokumente)
        dokAnfang = try c.decode([UInt32].self, forKey: .dokAnfang)
        func steigend(_ a: [UInt32], bis ende: Int) -> Bool {
            a.first == 0 && a.last == UInt32(ende) && zip(a, a.dropFirst()).allSatisfy { $0 <= $1 }
        }
        guard textAnfang.count == dokAnfang.count, steigend(textAnfang, bis: text.count), steigend(dokAnfang, bis: dokumente.count),
              String(validating: text, as: UTF8.self) != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "damaged search index"))
        }
    }
}
