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
    private let tabelle: WordTable

    public let hatWoerter: Bool
    public let hatFrequenzen: Bool

    init(tabelle: WordTable) {
        self.tabelle = tabelle
        hatWoerter = tabelle.eintraege.contains { $0.wort }
        hatFrequenzen = tabelle.eintraege.contains { !$0.zipf.isNaN }
    }

    /// A lower-cased word the word list has.
    func imWortschatz(_ klein: String) -> Bool { tabelle.suchen(klein)?.wort == true }
    /// A lower-cased word the word list writes with a capital letter (nouns and names).
    func alsNomen(_ klein: String) -> Bool { tabelle.suchen(klein)?.nomen == true }

    /// The lists named by the environment, loaded on first use and kept while anyone holds them: a
    /// build lets them go after its check (38 MB less at the end of a large build), `serve` holds them.
    public static var standard: Lexicon { geteilt.wert }
    private static let geteilt = WeakShared { load(umgebung: ProcessInfo.processInfo.environment) }

    /// The word list and the frequency list, as files.
    static func quellen(umgebung: [String: String]) -> (wortliste: String, frequenzen: String) {
        let werkzeuge = umgebung["TEILHABE_TOOLS"]
            ?? Paths.join(umgebung["XDG_CACHE_HOME"] ?? Paths.join(umgebung["HOME"] ?? "/root", ".cache"), "teilhabe-tools")
        return (umgebung["TEILHABE_WORTLISTE"] ?? "/usr/share/dict/ngerman", Paths.join(werkzeuge, "wortfrequenz-de.tsv"))
    }

    /// Names the standard lexicon's files as they are now (path, size, modification time) without reading them,
    /// so that cached findings can be reused while the lists stay the same.
    static func quellenAbdruck(umgebung: [String: String] = ProcessInfo.processInfo.environment) -> Fingerprint {
        let q = quellen(umgebung: umgebung)
        var s = FingerprintHasher()
        for pfad in [q.wortliste, q.frequenzen] {
            s.text(pfad)
            var info = stat()
            if stat(pfad, &info) == 0 {
                s.zahl(Int(info.st_size)); s.zahl(Int(info.st_mtim.tv_sec)); s.zahl(Int(info.st_mtim.tv_nsec))
            }
        }
        return s.ergebnis
    }

    static func load(umgebung: [String: String]) -> Lexicon {
        let (wortliste, frequenzliste) = quellen(umgebung: umgebung)
        return Lexicon(tabelle: .load(wortliste: PosixFile.bytes(wortliste) ?? [], frequenzen: PosixFile.bytes(frequenzliste) ?? []))
    }

    /// wordfreq folds case like Python's casefold(): "ß" becomes "ss".
    func zipf(_ wort: String) -> Double {
        let klein = wort.lowercased()
        if let z = tabelle.suchen(klein)?.zipf, !z.isNaN { return z }
        guard klein.unicodeScalars.contains("ß") else { return 0 }
        let z = tabelle.suchen(klein.replacingOccurrences(of: "ß", with: "ss"))?.zipf ?? .nan
        return z.isNaN ? 0 : z
    }

    /// Prefixes and particles that are not a first part of a compound ("Ein·gliederung" is wrong).
    static let keineErstglieder: Set<String> = [
        "ab", "an", "auf", "aus", "bei", "da", "durch", "ein", "für", "gegen", "her", "hin", "los", "mit", "nach", "ob",
        "über", "um", "un", "unter", "ur", "ver", "vor", "weg", "wider", "zer", "zu", "zwischen", "be", "ge", "er", "ent",
        "miss", "sonder", "dar", "fort", "weiter", "wieder", "zusammen", "selbst", "all", "voll",
        "sein", "seine", "mein", "dein", "sich", "haben", "habe", "werden", "wird", "eine", "einer", "einem", "einen",
    ]
    static let fugen = ["", "s", "es", "n", "en", "e", "er", "ens"]

    /// A part of a compound as it stands in the word, and the dictionary form it was matched by.
    struct Teil {
        var text: String
        var lemma: String
    }

    /// The best split of a compound into parts (≥ 2), or nil where none is found.
    /// Candidates are scored by the mean Zipf frequency of their parts.
    func zerlegen(_ wort: String) -> [String]? {
        // Female forms are inflection, not composition: split the stem and keep the ending on its last part
        // ("Sozialarbeiterinnen" → Sozial·arbeiterinnen; "Politikerinnen" is no compound at all).
        for endung in ["innen", "in"] where wort.lowercased().hasSuffix(endung) {
            let stamm = String(wort.dropLast(endung.count))
            if imWortschatz(stamm.lowercased()) || alsNomen(stamm.lowercased()) {
                guard stamm.count >= 6, var teile = zerlegen(stamm) else { return nil }
                teile[teile.count - 1] += wort.suffix(endung.count)
                return teile
            }
        }
        let klein = Array(wort.lowercased())
        var merk: [Int: [[Teil]]] = [:]
        let kandidaten = zerlegungen(klein, von: 0, erstes: true, merk: &merk).filter { $0.count >= 2 }
        guard let beste = kandidaten.max(by: { bewertung($0) < bewertung($1) }) else { return nil }
        var teile: [String] = [], index = wort.startIndex
        for teil in beste {
            let ende = wort.index(index, offsetBy: teil.text.count)
            teile.append(String(wort[index..<ende]))
            index = ende
        }
        return teile
    }

    /// Longest part a reader should meet after splitting.
    static let lesbareLaenge = 12

    /// The policy: as few parts as possible, none longer than 12 letters; among those the one whose
    /// parts are the most common words. A later part known only in lower case costs a little, as it is
    /// more likely a verb form ("habe", "rinnen") than a noun.
    private func bewertung(_ teile: [Teil]) -> Double {
        let zuLang = teile.filter { $0.text.count > Lexicon.lesbareLaenge }.count
        let mittel = teile.map { hatFrequenzen ? max(zipf($0.lemma), 0.5) : Double($0.lemma.count) / 3 }.reduce(0, +) / Double(teile.count)
        let unsicher = teile.dropFirst().filter { !alsNomen($0.lemma) }.count
        return -100 * Double(zuLang) - 10 * Double(teile.count) + mittel - 0.45 * Double(unsicher)
    }

    /// All ways to read `w[von...]` as parts; the last part must be a noun.
    private func zerlegungen(_ w: [Character], von: Int, erstes: Bool, merk: inout [Int: [[Teil]]]) -> [[Teil]] {
        if !erstes, let fertig = merk[von] { return fertig }
        var ergebnis: [[Teil]] = []
        let rest = w.count - von
        // The remainder as a last part (a noun).
        if !erstes, rest >= 3, spaeteresGlied(String(w[von...])) {
            ergebnis.append([Teil(text: String(w[von...]), lemma: String(w[von...]))])
        }
        guard rest >= 6 else { merk[von] = ergebnis; return ergebnis }
        for laenge in stride(from: rest - 3, through: 3, by: -1) {
            let kopf = String(w[von..<(von + laenge)])
            guard let lemma = glied(kopf, erstes: erstes) else { continue }
            for fuge in Lexicon.fugen {
                let ende = von + laenge + fuge.count
                guard ende <= w.count - 3, String(w[(von + laenge)..<ende]) == fuge else { continue }
                for weiter in zerlegungen(w, von: ende, erstes: false, merk: &merk) {
                    ergebnis.append([Teil(text: kopf + fuge, lemma: lemma)] + weiter)
                }
            }
        }
        if !erstes { merk[von] = ergebnis }
        return ergebnis
    }

    /// Suffix-like words that are never a later part ("Politiker·innen" is no compound).
    static let keineFolgeglieder: Set<String> = ["innen", "außen", "lich", "heit", "keit", "chen", "lein", "isch", "erin",
                                                   "erinnen", "ungen", "schaft", "schaften", "ling", "linge", "nisse", "tum"]

    /// A later part: a noun of the list, or – because Debian's list keeps only one spelling where a noun
    /// and a lower-case word coincide (Verband/verband, Stelle/stelle) – any listed word of 4+ letters.
    private func spaeteresGlied(_ teil: String) -> Bool {
        guard !Lexicon.keineFolgeglieder.contains(teil), !Lexicon.keineErstglieder.contains(teil) else { return false }
        // Three letters only for common nouns (Amt, Rat, Bus, Bau), not for stray fragments ("Ion", "Lan").
        if teil.count == 3 { return alsNomen(teil) && zipf(teil) >= 4 }
        return alsNomen(teil) || (teil.count >= 4 && imWortschatz(teil))
    }

    /// The dictionary form a non-final part stands for: a noun (later parts), or for the first part
    /// also an adjective or a verb stem ("Wohn" for wohnen, "Schul" for Schule).
    private func glied(_ kopf: String, erstes: Bool) -> String? {
        if erstes, Lexicon.keineErstglieder.contains(kopf) { return nil }
        let passend: (String) -> Bool = { erstes ? self.imWortschatz($0) : self.spaeteresGlied($0) }
        if kopf.count >= 3, passend(kopf) { return kopf }
        if Lexicon.keineErstglieder.contains(kopf) { return nil }
        // "Schul" for Schule (a noun), and for a first part "Wohn" for wohnen.
        if kopf.count >= 3, alsNomen(kopf + "e") { return kopf + "e" }
        if erstes, kopf.count >= 3, imWortschatz(kopf + "en") { return kopf + "en" }
        if erstes, kopf.count >= 4, imWortschatz(kopf + "n"), kopf.hasSuffix("er") || kopf.hasSuffix("el") { return kopf + "n" }
        return nil
    }
}
