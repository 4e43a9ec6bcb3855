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
    var cacheKey: [Fingerprint]
    /// The words one after another, in String order: word n is `text[textAnfang[n]..<textAnfang[n + 1]]`.
    private var text: [UInt8] = []
    private var textStart: [UInt32] = [0]
    /// The documents holding word n, ascending: `dokumente[dokAnfang[n]..<dokAnfang[n + 1]]`.
    private var documents: [UInt32] = []
    private var documentStart: [UInt32] = [0]

    var anzahl: Int { textStart.count - 1 }
    func word(_ n: Int) -> ArraySlice<UInt8> { text[Int(textStart[n])..<Int(textStart[n + 1])] }
    func stellen(_ n: Int) -> ArraySlice<UInt32> { documents[Int(documentStart[n])..<Int(documentStart[n + 1])] }

    /// The words and their documents as plain values (for tests).
    var words: [String] { (0..<anzahl).map { String(decoding: word($0), as: UTF8.self) } }
    var alleStellen: [[UInt32]] { (0..<anzahl).map { Array(stellen($0)) } }

    private mutating func appendEntry<W: Collection, D: Collection>(_ word: W, _ docs: D) where W.Element == UInt8, D.Element == UInt32 {
        text.append(contentsOf: word); textStart.append(UInt32(text.count))
        documents.append(contentsOf: docs); documentStart.append(UInt32(documents.count))
    }

    /// Words `von..<bis` of `alt`, as they are.
    private mutating func adopt(_ alt: SearchIndexState, _ von: Int, _ bis: Int) {
        guard von < bis else { return }
        let t = Int(alt.textStart[von]), d = Int(alt.documentStart[von])
        let tVersatz = UInt32(text.count) &- UInt32(t), dVersatz = UInt32(documents.count) &- UInt32(d)
        text.append(contentsOf: alt.text[t..<Int(alt.textStart[bis])])
        documents.append(contentsOf: alt.documents[d..<Int(alt.documentStart[bis])])
        textStart.append(contentsOf: alt.textStart[(von + 1)...bis].lazy.map { $0 &+ tVersatz })
        documentStart.append(contentsOf: alt.documentStart[(von + 1)...bis].lazy.map { $0 &+ dVersatz })
    }

    /// Merges every document's words (one per line).
    init(cacheKey: [Fingerprint], jeDokument: [String]) {
        var index: [Substring: [UInt32]] = [:]
        for (n, words) in jeDokument.enumerated() where !words.isEmpty {
            for word in words.split(separator: "\n") { index[word, default: []].append(UInt32(n)) }
        }
        self.cacheKey = cacheKey
        for word in index.keys.sorted() { appendEntry(word.utf8, index[word]!) }
    }

    /// This index for documents with the keys `neu`: the documents whose key changed lose their old
    /// words and get their new ones. Nil when the documents are not the same in number, when most
    /// of them changed, or when an old word list is no longer known – then a full merge is due.
    func fortgeschrieben(_ neu: [Fingerprint], oldWords: (Fingerprint) -> String?,
                         neueWoerter: (Int) -> String) -> SearchIndexState? {
        guard neu.count == cacheKey.count else { return nil }
        let changed = neu.indices.filter { neu[$0] != cacheKey[$0] }
        guard changed.count <= max(8, neu.count / 4) else { return nil }
        var change: [String: (weg: Set<UInt32>, dazu: Set<UInt32>)] = [:]
        for i in changed {
            guard let alt = oldWords(cacheKey[i]) else { return nil }
            for word in alt.split(separator: "\n") { change[String(word), default: ([], [])].weg.insert(UInt32(i)) }
            for word in neueWoerter(i).split(separator: "\n") { change[String(word), default: ([], [])].dazu.insert(UInt32(i)) }
        }
        var stand = SearchIndexState(cacheKey: neu, jeDokument: [])
        var n = 0
        for word in change.keys.sorted() {
            let position = self.position(word)
            stand.adopt(self, n, position)
            n = position
            var docs: [UInt32] = []
            if position < anzahl, String(decoding: self.word(position), as: UTF8.self) == word {
                docs = Array(stellen(position))
                n = position + 1
            }
            // A few documents move in lists of up to thousands: found by halving, not by sets.
            let (weg, dazu) = change[word]!
            for d in weg.subtracting(dazu) {
                let k = SearchIndexState.space(d, in: docs)
                if k < docs.count, docs[k] == d { docs.remove(at: k) }
            }
            for d in dazu {
                let k = SearchIndexState.space(d, in: docs)
                if k == docs.count || docs[k] != d { docs.insert(d, at: k) }
            }
            if !docs.isEmpty { stand.appendEntry(word.utf8, docs) }
        }
        stand.adopt(self, n, anzahl)
        return stand
    }

    /// The first of `0..<anzahl` for which `unter` is false, found by halving (`unter` holds for a prefix).
    private static func limit(_ anzahl: Int, _ unter: (Int) -> Bool) -> Int {
        var unten = 0, oben = anzahl
        while unten < oben {
            let mitte = (unten + oben) / 2
            if unter(mitte) { unten = mitte + 1 } else { oben = mitte }
        }
        return unten
    }

    /// The first position in ascending `docs` not below `d`.
    private static func space(_ d: UInt32, in docs: [UInt32]) -> Int { limit(docs.count) { docs[$0] < d } }

    /// The first position whose word is not below `wort` (in String order, as the words are sorted).
    private func position(_ word: String) -> Int { SearchIndexState.limit(anzahl) { String(decoding: self.word($0), as: UTF8.self) < word } }

    // MARK: kept in the cache (`suchindex` table) as its arrays, through the cache's codec
}

extension SearchIndexState: Codable {
    private enum CodingKeys: String, CodingKey { case cacheKey, text, textStart, documents, documentStart }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(cacheKey, forKey: .cacheKey)
        try c.encode(text, forKey: .text)
        try c.encode(textStart, forKey: .textStart)
        try c.encode(documents, forKey: .documents)
        try c.encode(documentStart, forKey: .documentStart)
    }

    /// Offsets that climb within their arrays, and words that are text: a damaged record reads as
    /// none (the index is then merged anew) instead of reading out of bounds later.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        cacheKey = try c.decode([Fingerprint].self, forKey: .cacheKey)
        text = try c.decode([UInt8].self, forKey: .text)
        textStart = try c.decode([UInt32].self, forKey: .textStart)
        documents = try c.decode([UInt32].self, forKey: .documents)
        documentStart = try c.decode([UInt32].self, forKey: .documentStart)
        func rising(_ a: [UInt32], bis ende: Int) -> Bool {
            a.first == 0 && a.last == UInt32(ende) && zip(a, a.dropFirst()).allSatisfy { $0 <= $1 }
        }
        guard textStart.count == documentStart.count, rising(textStart, bis: text.count), rising(documentStart, bis: documents.count),
              String(validating: text, as: UTF8.self) != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "damaged search index"))
        }
    }
}
