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

    var wordCount: Int { textStart.count - 1 }
    func word(_ n: Int) -> ArraySlice<UInt8> { text[Int(textStart[n])..<Int(textStart[n + 1])] }
    func positions(_ n: Int) -> ArraySlice<UInt32> { documents[Int(documentStart[n])..<Int(documentStart[n + 1])] }

    /// The words and their documents as plain values (for tests).
    var words: [String] { (0..<wordCount).map { String(decoding: word($0), as: UTF8.self) } }
    var allPositions: [[UInt32]] { (0..<wordCount).map { Array(positions($0)) } }

    private mutating func appendEntry<W: Collection, D: Collection>(_ word: W, _ docs: D) where W.Element == UInt8, D.Element == UInt32 {
        text.append(contentsOf: word); textStart.append(UInt32(text.count))
        documents.append(contentsOf: docs); documentStart.append(UInt32(documents.count))
    }

    /// Words `von..<bis` of `alt`, as they are.
    private mutating func adopt(_ old: SearchIndexState, _ start: Int, _ end: Int) {
        guard start < end else { return }
        let t = Int(old.textStart[start]), d = Int(old.documentStart[start])
        let textOffset = UInt32(text.count) &- UInt32(t), documentOffset = UInt32(documents.count) &- UInt32(d)
        text.append(contentsOf: old.text[t..<Int(old.textStart[end])])
        documents.append(contentsOf: old.documents[d..<Int(old.documentStart[end])])
        textStart.append(contentsOf: old.textStart[(start + 1)...end].lazy.map { $0 &+ textOffset })
        documentStart.append(contentsOf: old.documentStart[(start + 1)...end].lazy.map { $0 &+ documentOffset })
    }

    /// Merges every document's words (one per line).
    init(cacheKey: [Fingerprint], perDocument: [String]) {
        var index: [Substring: [UInt32]] = [:]
        for (n, words) in perDocument.enumerated() where !words.isEmpty {
            for word in words.split(separator: "\n") { index[word, default: []].append(UInt32(n)) }
        }
        self.cacheKey = cacheKey
        for word in index.keys.sorted() { appendEntry(word.utf8, index[word]!) }
    }

    /// This index for documents with the keys `neu`: the documents whose key changed lose their old
    /// words and get their new ones. Nil when the documents are not the same in number, when most
    /// of them changed, or when an old word list is no longer known – then a full merge is due.
    func updated(_ new: [Fingerprint], oldWords: (Fingerprint) -> String?,
                         newWords: (Int) -> String) -> SearchIndexState? {
        guard new.count == cacheKey.count else { return nil }
        let changed = new.indices.filter { new[$0] != cacheKey[$0] }
        guard changed.count <= max(8, new.count / 4) else { return nil }
        var change: [String: (removed: Set<UInt32>, added: Set<UInt32>)] = [:]
        for i in changed {
            guard let old = oldWords(cacheKey[i]) else { return nil }
            for word in old.split(separator: "\n") { change[String(word), default: ([], [])].removed.insert(UInt32(i)) }
            for word in newWords(i).split(separator: "\n") { change[String(word), default: ([], [])].added.insert(UInt32(i)) }
        }
        var stand = SearchIndexState(cacheKey: new, perDocument: [])
        var n = 0
        for word in change.keys.sorted() {
            let position = self.position(word)
            stand.adopt(self, n, position)
            n = position
            var docs: [UInt32] = []
            if position < wordCount, String(decoding: self.word(position), as: UTF8.self) == word {
                docs = Array(positions(position))
                n = position + 1
            }
            // A few documents move in lists of up to thousands: found by halving, not by sets.
            let (gone, added) = change[word]!
            for d in gone.subtracting(added) {
                let k = SearchIndexState.space(d, in: docs)
                if k < docs.count, docs[k] == d { docs.remove(at: k) }
            }
            for d in added {
                let k = SearchIndexState.space(d, in: docs)
                if k == docs.count || docs[k] != d { docs.insert(d, at: k) }
            }
            if !docs.isEmpty { stand.appendEntry(word.utf8, docs) }
        }
        stand.adopt(self, n, wordCount)
        return stand
    }

    /// The first of `0..<count` for which `isBelow` is false, found by halving (`isBelow` holds for a prefix).
    private static func limit(_ count: Int, _ isBelow: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isBelow(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first position in ascending `docs` not below `d`.
    private static func space(_ d: UInt32, in docs: [UInt32]) -> Int { limit(docs.count) { docs[$0] < d } }

    /// The first position whose word is not below `word` (in String order, as the words are sorted).
    private func position(_ word: String) -> Int { SearchIndexState.limit(wordCount) { String(decoding: self.word($0), as: UTF8.self) < word } }

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
        func rising(_ a: [UInt32], end end: Int) -> Bool {
            a.first == 0 && a.last == UInt32(end) && zip(a, a.dropFirst()).allSatisfy { $0 <= $1 }
        }
        guard textStart.count == documentStart.count, rising(textStart, end: text.count), rising(documentStart, end: documents.count),
              String(validating: text, as: UTF8.self) != nil else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "damaged search index"))
        }
    }
}
