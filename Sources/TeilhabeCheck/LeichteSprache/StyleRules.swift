import TeilhabeSupport
import TeilhabeModel

/// The rules of issue 23 beside the word rules: indirect speech (LS37), Nominalstil (LS38) and one thing
/// named two ways in one text (LS39). Footnotes (LS40) are characters: `LSRuleEngine.characters`.
extension LSRuleEngine {
    /// Verbs that report speech: after one of them and a comma, an e-form like "habe" is Konjunktiv I.
    static let speechVerbs: Set<String> = [
        "sagt", "sagen", "sagte", "meint", "meinen", "erklärt", "erklären", "berichtet", "schreibt", "schreiben", "betont",
        "glaubt", "findet", "finden", "fordert", "antwortet", "behauptet", "teilt", "erzählt", "denkt", "hofft", "laut",
    ]
    /// Suffixes of abstract nouns (Nominalstil): -ung, -heit, -keit, -ion and their plurals.
    static let abstractSuffixes = ["ung", "ungen", "heit", "heiten", "keit", "keiten", "ion", "ionen"]

    func styleRules(_ words: [Word], _ lowercasedWords: [String], _ sentences: [Range<Int>], _ z: [Character]) -> [LSMatch] {
        var f: [LSMatch] = []
        for sentence in sentences {
            let inSentence = Words.inSentence(sentence, words)
            f += konjunktivEins(inSentence, lowercasedWords, sentence, z, words)
            if let nominal = nominalstil(inSentence, sentence) { f.append(nominal) }
        }
        return f
    }

    /// LS37: sei/seien and the Konjunktiv I of the modals anywhere ("…, sie könne …"); other e-forms of the
    /// third person (habe, werde, gebe) after a verb of saying and a comma, in a clause without "ich".
    private func konjunktivEins(_ words: ArraySlice<Word>, _ lowercasedWords: [String], _ sentence: Range<Int>, _ z: [Character],
                                _ allItems: [Word]) -> [LSMatch] {
        var f: [LSMatch] = []
        var reported = false
        for clause in clauses(sentence, allItems, z) {
            let small = lowercasedWords[clause.indices]   // the clause's words are the line's: same indices
            // An e-form is the Konjunktiv I only as the clause's finite verb: not beside "ist" or "hilft".
            let indicative = reported && clause.contains { Morphology.irregularFinite.contains($0.text) || morphology.isFinite($0.text) }
            for (i, w) in zip(clause.indices, small) {
                let word = clause[i]
                if LSWordLists.konjunktivEins.contains(w), !(w == "seien" && i + 1 < clause.endIndex && clause[i + 1].text == "Sie") {
                    f.append(LSMatch(ruleId: .ls37, textRange: word.textRange))
                } else if reported, !indicative, !small.contains("ich"), word.text.first?.isLowercase == true, w.count >= 4,
                          w.hasSuffix("e"), i > clause.startIndex, !LSRuleEngine.attributiveBefore.contains(small[i - 1]),
                          LSWordLists.konjunktivEinsEnding.contains(w) || morphology.isVerb(w + "n") && lexicon.hasWords && !lexicon.listedAsNoun(w) {
                    f.append(LSMatch(ruleId: .ls37, textRange: word.textRange))
                }
            }
            if small.contains(where: { LSRuleEngine.speechVerbs.contains($0) }) { reported = true }
        }
        return f
    }

    /// LS38: three or more abstract nouns that make up a quarter of the sentence's words or more.
    private func nominalstil(_ words: ArraySlice<Word>, _ sentence: Range<Int>) -> LSMatch? {
        guard words.count >= 3 else { return nil }
        let abstract = words.filter { w in
            w.text.first?.isUppercase == true && w.text.count >= 6
                && LSRuleEngine.abstractSuffixes.contains { w.text.hasSuffix($0) }
        }.count
        guard abstract >= 3, abstract * 4 >= words.count else { return nil }
        return LSMatch(ruleId: .ls38, textRange: sentence)
    }
}

/// LS39 across the lines of one text: the first spelling of a compound and the first word of a synonym group
/// are remembered; a later word spelt otherwise ("Teilhabe-Leistungen" after "Teilhabe·leistungen",
/// "Wahlschein" after "Wahl·schein") or another word of the group ("Fahrstuhl" after "Aufzug") is a finding.
struct NamingMemory {
    /// Joiner-free lower-cased key → the first spelling's joiners (position in the key and character) and text.
    private var spellings: [String: (joints: [Int], text: String)] = [:]
    /// Synonym group → the first word used of it.
    private var synonymsUsed: [Int: String] = [:]

    mutating func check(_ words: [Word]) -> [LSMatch] {
        var f: [LSMatch] = []
        // Compounds and the synonyms are nouns: only capitalised words are looked at.
        for word in words where word.text.first?.isUppercase == true {
            let (key, joints) = NamingMemory.keyAndJoints(word.text)
            let stem = NamingMemory.stem(key)
            if key.count >= 6, let first = spellings[key] ?? spellings[stem] {
                if first.joints.filter({ $0 >> 8 < stem.count }) != joints.filter({ $0 >> 8 < stem.count }) {
                    f.append(LSMatch(ruleId: .ls39, textRange: word.textRange, suggested: first.text, message: .namedBefore(first.text)))
                }
            } else if key.count >= 6 {
                // Under the word and its stem: "Wahl·schein" is found again as "Wahl·scheine" and "Wahl·scheins".
                spellings[key] = (joints, word.text)
                if spellings[stem] == nil { spellings[stem] = (joints, word.text) }
            }
            if let group = NamingMemory.synonymGroup(key) {
                if let first = synonymsUsed[group] {
                    if NamingMemory.synonymGroup(NamingMemory.keyAndJoints(first).key) == group,
                       NamingMemory.stem(NamingMemory.keyAndJoints(first).key) != NamingMemory.stem(key) {
                        f.append(LSMatch(ruleId: .ls39, textRange: word.textRange, suggested: first, message: .namedBefore(first)))
                    }
                } else {
                    synonymsUsed[group] = word.text
                }
            }
        }
        return f
    }

    /// "Teilhabe·leistungen" → ("teilhabeleistungen", [8 << 8 | "·"]): where a joiner stands and which.
    static func keyAndJoints(_ text: String) -> (key: String, joints: [Int]) {
        var key = "", joints: [Int] = []
        for c in text.lowercased() {
            if c == "-" || c == "·" {
                joints.append(key.count << 8 | (c == "-" ? 1 : 2))
            } else if c.isLetter {
                key.append(c)
            }
        }
        return (key, joints)
    }

    /// The key without an inflection ending (Wahl·scheine, Wahl·scheins → wahlschein).
    static func stem(_ key: String) -> String {
        for ending in ["en", "es", "e", "n", "s"] where key.hasSuffix(ending) && key.count - ending.count >= 3 {
            return String(key.dropLast(ending.count))
        }
        return key
    }

    /// Words that name the same thing (Netzwerk Leichte Sprache: "Benutzen Sie immer die gleichen Wörter").
    static let synonymGroups: [[String]] = [
        ["aufzug", "fahrstuhl", "lift"], ["handy", "mobiltelefon", "smartphone"],
        ["internetseite", "webseite", "website", "homepage", "internetauftritt"], ["kita", "kindergarten", "kindertagesstätte"],
        ["arzt", "doktor"], ["ärztin", "doktorin"], ["rollstuhl", "rolli"], ["behinderung", "beeinträchtigung", "handicap"],
        ["fahrkarte", "fahrschein", "ticket"], ["formular", "vordruck"], ["arbeitsplatz", "arbeitsstelle"],
        ["wahlzettel", "stimmzettel"], ["wahlraum", "wahllokal"], ["lohn", "gehalt"], ["telefonnummer", "rufnummer"],
        ["rathaus", "stadthaus"], ["toilette", "klo", "wc"], ["wohnheim", "wohnstätte"], ["bürgerbüro", "bürgeramt"],
    ]

    private static let synonymIndex: [String: Int] = {
        var index: [String: Int] = [:]
        for (i, group) in synonymGroups.enumerated() { for w in group { index[w] = i } }
        return index
    }()

    /// The group of a word (inflected too: "Fahrstühle" is not matched, "Aufzugs" is).
    static func synonymGroup(_ key: String) -> Int? {
        synonymIndex[key] ?? synonymIndex[stem(key)]
    }
}
