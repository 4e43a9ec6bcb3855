import TeilhabeSupport
import TeilhabeModel

/// Verb forms told by their shape and the word list, so the rules work on kinds of words rather
/// than on lists of examples: participles (passive, LS04), weak Präteritum (LS24), finite verbs
/// (two verbs of one subject, relative clauses: LS03). Without a word list the shape alone decides.
struct Morphology {
    let lexicon: Lexicon

    /// Inseparable prefixes: their participles have no "ge" (bearbeitet, genehmigt, verteilt).
    static let inseparable = ["miss", "hinter", "wider", "über", "unter", "voll", "zer", "ent", "emp", "ver", "be", "ge", "er"]
    /// Separable prefixes before "ge" (abgelehnt, eingeführt, zurückgeschickt) or before an inseparable one (vorbereitet).
    static let separable: Set<Substring> = [
        "", "ab", "an", "auf", "aus", "bei", "ein", "fest", "mit", "nach", "um", "vor", "weg", "zu", "zurück", "vorbei", "dar",
        "her", "hin", "frei", "bereit", "los", "zusammen", "weiter", "wieder", "heraus", "hinaus", "herein", "hinein", "fort",
        "statt", "teil", "kennen", "fern", "heim", "nieder", "entgegen", "voran", "vorher", "durch",
    ]
    /// Every prefix, for prefixed forms of listed words (unterschrieb, besprach).
    static let prefixes: [String] = inseparable + separable.filter { !$0.isEmpty }.map(String.init).sorted()
    /// Stems of strong participles that differ from their infinitive (entschieden, beschlossen, verboten).
    static let strongParticipleTails = [
        "schieden", "schlossen", "boten", "sprochen", "schrieben", "zogen", "griffen", "wiesen", "trieben", "worfen", "funden",
        "standen", "nommen", "gangen", "wonnen", "liehen", "mieden", "blieben", "rissen", "schnitten", "stritten", "troffen",
        "brochen", "worben", "dorben", "gossen", "flossen", "bogen", "hoben", "stohlen", "sessen", "gessen", "sandt", "wandt",
        "kannt", "nannt", "bracht", "dacht", "stiegen", "schienen", "wichen", "glichen", "litten", "pfiffen",
    ]
    /// Strong participles equal to their infinitive (vergeben, erhalten): a participle only after wird/wurde/worden.
    static let infinitiveLikeTails = [
        "geben", "halten", "lassen", "laden", "tragen", "schlagen", "rufen", "sehen", "messen", "lesen", "treten", "fahren",
        "fallen", "fangen", "laufen", "stoßen", "wachsen", "waschen", "schlafen", "graben", "backen", "raten", "braten",
    ]
    /// Finite forms of strong and irregular verbs that the shape rules do not see (3rd person).
    static let irregularFinite: Set<String> = [
        "ist", "sind", "hat", "kann", "muss", "darf", "will", "soll", "mag", "weiß", "gibt", "nimmt", "hilft", "spricht", "sieht",
        "liest", "fährt", "trägt", "hält", "läuft", "trifft", "wirft", "isst", "vergisst", "gilt", "schläft", "lädt", "tritt",
        "bekommt", "kommt", "geht", "steht", "tut", "wird", "sei", "war", "hatte", "bleibt", "schreibt", "entscheidet",
    ]
    /// Adjectives and adverbs in -t whose stem + "en" is some other word (lauen, breien): never a verb here.
    static let notVerbs: Set<String> = [
        "laut", "weit", "breit", "bereit", "leicht", "recht", "echt", "fest", "sanft", "zart", "satt", "bunt", "bekannt", "jetzt",
        "selbst", "erst", "meist", "zuletzt", "heute", "bitte", "gut", "mit", "nicht", "oft", "sonst", "bestimmt", "insgesamt",
        "gesamt", "direkt", "perfekt", "konkret", "privat", "leise", "kaputt", "geeignet", "geöffnet", "geschlossen",
    ]

    /// Words of the shape ge…en that are no participle (besides `LSWordLists.geInfinitive`).
    static let notParticiples: Set<String> = ["gegen", "gestern", "genug"]

    /// A lower-case verb infinitive of the word list.
    func isVerb(_ infinitive: String) -> Bool {
        guard lexicon.hasWords else { return true }
        return lexicon.listedLowerCase(infinitive)
    }

    /// A verb of the list with this stem: "prüf" (prüfen), "erneuer" (erneuern), "sammel" (sammeln).
    func isVerbStem(_ stem: String) -> Bool {
        isVerb(stem + "en") || (stem.hasSuffix("er") || stem.hasSuffix("el")) && isVerb(stem + "n")
    }

    /// A past participle: ge-forms (gebaut, abgelehnt, geschrieben), inseparable-prefix forms (bearbeitet,
    /// genehmigt, entschieden) and foreign -ieren verbs (informiert). `afterWerdenForm`: the auxiliary is
    /// wird/wurde/worden, where "vergeben" or "erhalten" are participles rather than future infinitives.
    func isParticiple(_ word: String, strongInfinitiveLike: Bool = false) -> Bool {
        let k = word.lowercased()
        guard k.count >= 5, k.first?.isLetter == true, !LSWordLists.geInfinitive.contains(k) else { return false }
        if k.hasSuffix("iert") { return true }
        if let ge = k.firstRange(of: "ge"), Morphology.separable.contains(k[..<ge.lowerBound]) {
            let front = k[..<ge.lowerBound], rest = k[ge.upperBound...]
            if rest.count >= 3, let stem = weakStem(rest), isVerbStem(String(front) + stem) { return true }
            if rest.count >= 3, k.hasSuffix("en") || k.hasSuffix("t") && Morphology.strongParticipleTails.contains(where: { k.hasSuffix($0) }) {
                // The word list holds participles too ("geschrieben"): only the listed ge-infinitives are none.
                return !Morphology.notParticiples.contains(k)
            }
        }
        for prefix in Morphology.inseparable {
            guard let r = k.firstRange(of: prefix), Morphology.separable.contains(k[..<r.lowerBound]) else { continue }
            let rest = k[r.upperBound...]
            guard rest.count >= 3 else { continue }
            if let stem = weakStem(k[...]), k.count - stem.count <= 2, isVerbStem(stem) { return true }
            if Morphology.strongParticipleTails.contains(where: { rest.hasSuffix($0) && rest.count - $0.count <= 2 }) { return true }
            if strongInfinitiveLike, Morphology.infinitiveLikeTails.contains(where: { rest == $0 }) { return true }
        }
        return false
    }

    /// The stem of a weak -t or -et form: "prüft" → "prüf", "arbeitet" → "arbeit".
    private func weakStem(_ s: Substring) -> String? {
        if s.hasSuffix("et"), s.count > 3, isVerbStem(String(s.dropLast(2))) { return String(s.dropLast(2)) }
        if s.hasSuffix("t"), s.count > 2 { return String(s.dropLast(1)) }
        return nil
    }

    /// A weak Präteritum (stellte, folgten, arbeitete): -te/-ten/-ete/-eten on the stem of a verb of the list,
    /// not a present form of a -t-stem verb ("warte", "warten": "wartete" exists).
    func isWeakPreterite(_ word: String) -> Bool {
        let k = word.lowercased()
        guard lexicon.hasWords, k.count >= 5, !Morphology.notVerbs.contains(k) else { return false }
        let singular = k.hasSuffix("ten") ? String(k.dropLast()) : k
        guard singular.hasSuffix("te") else { return false }
        if lexicon.inVocabulary(singular + "te") { return false }   // warte, leiste: present of warten, leisten
        if singular.hasSuffix("ete"), isVerbStem(String(singular.dropLast(3))) { return true }
        return isVerbStem(String(singular.dropLast(2)))
    }

    /// A finite verb of the 3rd person (prüft, entscheidet, hilft) – the shape of a second verb after "und".
    func isFinite(_ word: String) -> Bool {
        let k = word.lowercased()
        guard word.first?.isLowercase == true else { return false }
        if Morphology.irregularFinite.contains(k) { return true }
        guard k.count >= 4, k.hasSuffix("t"), !Morphology.notVerbs.contains(k) else { return false }
        if k.hasSuffix("et"), isVerbStem(String(k.dropLast(2))) { return true }
        return isVerbStem(String(k.dropLast()))
    }
}
