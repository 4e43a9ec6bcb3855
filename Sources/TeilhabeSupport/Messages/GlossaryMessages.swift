/// The glossary (glossar.yaml) and the easy pages: errors, findings and suggestions.
extension Message {
    public static let glossaryNotAList = Message(de: "glossar.yaml muss eine Liste von Einträgen sein, jeder beginnt mit '- wort:'",
                                                 en: "glossar.yaml must be a list of entries, each starting with '- wort:'")

    public static func glossaryDuplicate(_ form: String, word: String, line: Int?) -> Message {
        let at = line.map { " (Zeile \($0))" } ?? "", atEn = line.map { " (line \($0))" } ?? ""
        return Message(de: "„\(form)“ steht schon beim Wort „\(word)“\(at): jedes Wort und jede Variante darf nur bei einem Eintrag stehen",
                       en: "“\(form)” is already listed with the word “\(word)”\(atEn): each word and variant may belong to one entry only")
    }

    /// Appended to a hard-word finding whose word the glossary explains.
    public static func glossaryHasWord(_ word: String) -> Message {
        Message(de: " – das Wörterbuch erklärt „\(word)“: die Seite verlinkt es, oder Sie schreiben das Wort so wie dort",
                en: " – the glossary explains “\(word)”: the page links it, or write the word as it is written there")
    }

    /// An easy-language field that is missing where the page needs it, instead of a standard-language fallback.
    public static func indicatorEasyTitleMissing(_ titel: String, shown: String) -> Message {
        Message(de: "Der Indikator „\(titel)“ hat kein 'titel_leicht': die Seiten in Leichter Sprache nennen ihn sonst nur „\(shown)“ – ergänzen Sie 'titel_leicht'",
                en: "The indicator “\(titel)” has no 'titel_leicht': easy-language pages otherwise call it only “\(shown)” – add 'titel_leicht'")
    }

    public static func gremiumEasyNameMissing(_ name: String, shown: String) -> Message {
        Message(de: "Das Gremium „\(name)“ hat kein 'name_leicht': die Seiten in Leichter Sprache nennen es sonst nur „\(shown)“ – ergänzen Sie 'name_leicht'",
                en: "The committee “\(name)” has no 'name_leicht': easy-language pages otherwise call it only “\(shown)” – add 'name_leicht'")
    }
}
