import TeilhabeModel
/// The bits of German grammar generated sentences need, in one place: a number with the noun
/// form that agrees with it, the verb that agrees with it, lists joined with "und", and the
/// body's name in the case a sentence asks for. Ad-hoc `n == 1 ?` checks drifted ("1 Maßnahmen").
enum GermanText {
    /// A noun's singular and plural ("Maßnahme", "Maßnahmen").
    struct Noun: Sendable {
        let singular: String
        let plural: String

        func form(_ n: Int) -> String { n == 1 ? singular : plural }
    }

    static let massnahme = Noun(singular: "Maßnahme", plural: "Maßnahmen")
    static let task = Noun(singular: "Aufgabe", plural: "Aufgaben")
    static let newTask = Noun(singular: "neue Aufgabe", plural: "neue Aufgaben")
    static let handlungsfeld = Noun(singular: "Handlungsfeld", plural: "Handlungsfeldern")   // dative, after "in"
    static let problem = Noun(singular: "Problem", plural: "Probleme")
    static let topic = Noun(singular: "Thema", plural: "Themen")
    static let contents = Noun(singular: "Inhalt", plural: "Inhalte")

    /// "1 Maßnahme", "2 Maßnahmen"; zero as digits ("0 Maßnahmen") unless the whole zero phrase is
    /// given ("keine neuen Maßnahmen": after "keine" an adjective changes, so it is not derived).
    static func count(_ n: Int, _ noun: Noun, zero: String? = nil) -> String {
        if n == 0, let zero { return zero }
        return "\(n) \(noun.form(n))"
    }

    /// "ist" for one, "sind" for none or several.
    static func be(_ n: Int) -> String { n == 1 ? "ist" : "sind" }

    /// A verb's third person: singular for one, plural otherwise ("fällt"/"fallen").
    static func verb(_ n: Int, singular: String, plural: String) -> String { n == 1 ? singular : plural }

    /// "a", "a und b", "a, b und c".
    static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " und " + last
    }
}

extension GermanText {
    /// The body's name in the cases the templates use; nil where site.yaml gives no article,
    /// so a template falls back to a sentence that needs none.
    struct Body: Sendable {
        let name: String
        let article: Site.TraegerArtikel?
        let genitiveNote: String?

        init(_ site: Site) {
            name = site.traeger
            article = site.traegerArtikel
            genitiveNote = site.traegerGenitiv
        }

        /// "der Musterkreis", "die StädteRegion Aachen", "Aachen".
        var nominative: String? { article.map { $0 == .ohne ? name : "\($0.rawValue) \(name)" } }

        /// At the start of a sentence: "Der Musterkreis".
        var nominativeCapitalized: String? { nominative.map { $0.prefix(1).uppercased() + $0.dropFirst() } }

        /// "den Musterkreis" (the name itself does not change for the bodies site.yaml names).
        var accusative: String? {
            guard let article else { return nil }
            switch article {
            case .der: return "den \(name)"
            case .die, .das: return "\(article.rawValue) \(name)"
            case .ohne: return name
            }
        }

        /// `traeger_genitiv` as written; derived only where the name stays the same (die, ohne).
        var genitiv: String? {
            if let genitiveNote { return genitiveNote }
            switch article {
            case .die?: return "der \(name)"
            case .ohne?: return "von \(name)"
            default: return nil
            }
        }
    }
}
