/// The closest candidate to a misspelt word, for "did you mean …?" hints.
package enum Suggest {
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        // A cut-off word ("Kenntnis" for "Kenntnisnahme") is a strong hint, whatever the distance.
        if lowered.count >= 4, let prefixed = candidates.sorted().first(where: { $0.lowercased().hasPrefix(lowered) }) {
            return prefixed
        }
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        // Far-off words get no hint: a wrong hint is worse than none.
        let limit = max(2, min(word.count, best.0.count) / 2)
        return best.1 <= limit ? best.0 : nil
    }

    /// "; meinten Sie 'x'?" or nothing, from the catalogue.
    package static func hint(for word: String, in candidates: [String]) -> Message {
        .didYouMean(closest(to: word, in: candidates))
    }

    /// Levenshtein distance over Unicode characters.
    package static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
