import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad

/// German words and their frequencies, from Debian's word list (`wngerman`, /usr/share/dict/ngerman)
/// and a frequency list exported from PyPI's `wordfreq` (scripts/install-lexika). Used to split
/// compounds (LS20) and to find rare words (LS23). Loaded on first use (see `standard`).
public final class Lexicon: Sendable {
    /// Every word lower-cased, whether the list writes it with a capital letter, and its frequency.
    private let table: WordTable

    public let hasWords: Bool
    public let hasFrequencies: Bool

    init(table: WordTable) {
        self.table = table
        hasWords = table.entries.contains { $0.word }
        hasFrequencies = table.entries.contains { !$0.zipf.isNaN }
    }

    /// A lower-cased word the word list has.
    func inVocabulary(_ small: String) -> Bool { table.search(small)?.word == true }
    /// A lower-cased word the word list writes with a capital letter (nouns and names).
    func listedAsNoun(_ small: String) -> Bool { table.search(small)?.nomen == true }
    /// A lower-cased word the word list writes in lower case (verbs, adjectives, particles).
    func listedLowerCase(_ small: String) -> Bool { table.search(small)?.klein == true }

    /// The lists named by the environment, loaded on first use and kept while anyone holds them: a
    /// build lets them go after its check (38 MB less at the end of a large build), `serve` holds them.
    public static var standard: Lexicon { shared.value }
    private static let shared = WeakShared { load(environment: ProcessInfo.processInfo.environment) }

    /// The word list and the frequency list, as files.
    static func sources(environment: [String: String]) -> (wordList: String, frequencies: String) {
        let auditTools = environment["TEILHABE_TOOLS"]
            ?? Paths.join(environment["XDG_CACHE_HOME"] ?? Paths.join(environment["HOME"] ?? "/root", ".cache"), "teilhabe-tools")
        return (environment["TEILHABE_WORTLISTE"] ?? "/usr/share/dict/ngerman", Paths.join(auditTools, "wortfrequenz-de.tsv"))
    }

    /// Names the standard lexicon's files as they are now (path, size, modification time) without reading them,
    /// so that cached findings can be reused while the lists stay the same.
    static func sourcesFingerprint(environment: [String: String] = ProcessInfo.processInfo.environment) -> Fingerprint {
        let q = sources(environment: environment)
        var s = FingerprintHasher()
        for path in [q.wordList, q.frequencies] {
            s.text(path)
            var info = stat()
            if stat(path, &info) == 0 {
                s.number(Int(info.st_size)); s.number(Int(info.st_mtim.tv_sec)); s.number(Int(info.st_mtim.tv_nsec))
            }
        }
        return s.resultValue
    }

    static func load(environment: [String: String]) -> Lexicon {
        let (wordList, frequencyList) = sources(environment: environment)
        return Lexicon(table: .load(wordList: PosixFile.bytes(wordList) ?? [], frequencies: PosixFile.bytes(frequencyList) ?? []))
    }

    /// wordfreq folds case like Python's casefold(): "ß" becomes "ss".
    func zipf(_ word: String) -> Double {
        let small = word.lowercased()
        if let z = table.search(small)?.zipf, !z.isNaN { return z }
        guard small.unicodeScalars.contains("ß") else { return 0 }
        let z = table.search(small.replacingOccurrences(of: "ß", with: "ss"))?.zipf ?? .nan
        return z.isNaN ? 0 : z
    }

    /// Prefixes and particles that are not a first part of a compound ("Ein·gliederung" is wrong).
    static let notFirstParts: Set<String> = [
        "ab", "an", "auf", "aus", "bei", "da", "durch", "ein", "für", "gegen", "her", "hin", "los", "mit", "nach", "ob",
        "über", "um", "un", "unter", "ur", "ver", "vor", "weg", "wider", "zer", "zu", "zwischen", "be", "ge", "er", "ent",
        "miss", "sonder", "dar", "fort", "weiter", "wieder", "zusammen", "selbst", "all", "voll",
        "sein", "seine", "mein", "dein", "sich", "haben", "habe", "werden", "wird", "eine", "einer", "einem", "einen",
    ]
    static let linkingElements = ["", "s", "es", "n", "en", "e", "er", "ens"]

    /// A part of a compound as it stands in the word, and the dictionary form it was matched by.
    struct Part {
        var text: String
        var lemma: String
    }

    /// The best split of a compound into parts (≥ 2), or nil where none is found.
    /// Candidates are scored by the mean Zipf frequency of their parts.
    func splitText(_ word: String) -> [String]? {
        // Female forms are inflection, not composition: split the stem and keep the ending on its last part
        // ("Sozialarbeiterinnen" → Sozial·arbeiterinnen; "Politikerinnen" is no compound at all).
        for fileExtension in ["innen", "in"] where word.lowercased().hasSuffix(fileExtension) {
            let stem = String(word.dropLast(fileExtension.count))
            if inVocabulary(stem.lowercased()) || listedAsNoun(stem.lowercased()) {
                guard stem.count >= 6, var parts = splitText(stem) else { return nil }
                parts[parts.count - 1] += word.suffix(fileExtension.count)
                return parts
            }
        }
        let small = Array(word.lowercased())
        var mark: [Int: [[Part]]] = [:]
        let candidates = splits(small, from: 0, first: true, mark: &mark).filter { $0.count >= 2 }
        guard let best = candidates.max(by: { rating($0) < rating($1) }) else { return nil }
        var parts: [String] = [], index = word.startIndex
        for part in best {
            let end = word.index(index, offsetBy: part.text.count)
            parts.append(String(word[index..<end]))
            index = end
        }
        return parts
    }

    /// Longest part a reader should meet after splitting.
    static let readableLength = 12

    /// The policy: as few parts as possible, none longer than 12 letters; among those the one whose
    /// parts are the most common words. A later part known only in lower case costs a little, as it is
    /// more likely a verb form ("habe", "rinnen") than a noun.
    private func rating(_ parts: [Part]) -> Double {
        let tooLong = parts.filter { $0.text.count > Lexicon.readableLength }.count
        let mean = parts.map { hasFrequencies ? max(zipf($0.lemma), 0.5) : Double($0.lemma.count) / 3 }.reduce(0, +) / Double(parts.count)
        let unsafe = parts.dropFirst().filter { !listedAsNoun($0.lemma) }.count
        return -100 * Double(tooLong) - 10 * Double(parts.count) + mean - 0.45 * Double(unsafe)
    }

    /// All ways to read `w[von...]` as parts; the last part must be a noun.
    private func splits(_ w: [Character], from: Int, first: Bool, mark: inout [Int: [[Part]]]) -> [[Part]] {
        if !first, let done = mark[from] { return done }
        var resultValue: [[Part]] = []
        let rest = w.count - from
        // The remainder as a last part (a noun).
        if !first, rest >= 3, laterPart(String(w[from...])) {
            resultValue.append([Part(text: String(w[from...]), lemma: String(w[from...]))])
        }
        guard rest >= 6 else { mark[from] = resultValue; return resultValue }
        for length in stride(from: rest - 3, through: 3, by: -1) {
            let head = String(w[from..<(from + length)])
            guard let lemma = partLemma(head, first: first) else { continue }
            for fuge in Lexicon.linkingElements {
                let end = from + length + fuge.count
                guard end <= w.count - 3, String(w[(from + length)..<end]) == fuge else { continue }
                for onward in splits(w, from: end, first: false, mark: &mark) {
                    resultValue.append([Part(text: head + fuge, lemma: lemma)] + onward)
                }
            }
        }
        if !first { mark[from] = resultValue }
        return resultValue
    }

    /// Suffix-like words that are never a later part ("Politiker·innen" is no compound).
    static let notLaterParts: Set<String> = ["innen", "außen", "lich", "heit", "keit", "chen", "lein", "isch", "erin",
                                                   "erinnen", "ungen", "schaft", "schaften", "ling", "linge", "nisse", "tum"]

    /// A later part: a noun of the list, or – because Debian's list keeps only one spelling where a noun
    /// and a lower-case word coincide (Verband/verband, Stelle/stelle) – any listed word of 4+ letters.
    private func laterPart(_ part: String) -> Bool {
        guard !Lexicon.notLaterParts.contains(part), !Lexicon.notFirstParts.contains(part) else { return false }
        // Three letters only for common nouns (Amt, Rat, Bus, Bau), not for stray fragments ("Ion", "Lan").
        if part.count == 3 { return listedAsNoun(part) && zipf(part) >= 4 }
        return listedAsNoun(part) || (part.count >= 4 && inVocabulary(part))
    }

    /// The dictionary form a non-final part stands for: a noun (later parts), or for the first part
    /// also an adjective or a verb stem ("Wohn" for wohnen, "Schul" for Schule).
    private func partLemma(_ head: String, first: Bool) -> String? {
        if first, Lexicon.notFirstParts.contains(head) { return nil }
        let fits: (String) -> Bool = { first ? self.inVocabulary($0) : self.laterPart($0) }
        if head.count >= 3, fits(head) { return head }
        if Lexicon.notFirstParts.contains(head) { return nil }
        // "Schul" for Schule (a noun), and for a first part "Wohn" for wohnen.
        if head.count >= 3, listedAsNoun(head + "e") { return head + "e" }
        if first, head.count >= 3, inVocabulary(head + "en") { return head + "en" }
        if first, head.count >= 4, inVocabulary(head + "n"), head.hasSuffix("er") || head.hasSuffix("el") { return head + "n" }
        return nil
    }
}
