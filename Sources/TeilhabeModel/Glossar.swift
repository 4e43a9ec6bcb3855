import Foundation
import TeilhabeSupport
/// A hard word with its explanation in Leichte Sprache (content/glossar.yaml): the Wörterbuch page lists
/// it, easy pages link its first use there, and `check` names it where it flags a hard word.
public struct GlossarEntry: Sendable {
    public var wort: String
    public var varianten: [String]
    public var erklaerung: String
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(wort: String, varianten: [String] = [], erklaerung: String, location: SourceLocation) {
        self.wort = wort
        self.varianten = varianten
        self.erklaerung = erklaerung
        self.location = location
    }

    /// The anchor on the Wörterbuch page: the word without splitting marks, as a slug.
    public var anchor: String { "wort-" + Slug.make(Glossary.comparable(wort)) }

    /// Every written form that means this entry, compared with `Glossary.comparable`.
    public var forms: [String] { [wort] + varianten }
}

/// Matching words against the glossary: splitting marks (Mediopunkt, soft hyphen, hyphen) and the case
/// of a word's first letter do not count, so "Eingliederungs·hilfe", "Eingliederungshilfe" and
/// "eingliederungs-hilfe" are one word.
public enum Glossary {
    /// The form words are compared in: no Mediopunkt, soft hyphen or hyphen; each word's first letter lower case.
    public static func comparable(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).map { word -> String in
            let plain = word.filter { $0 != "·" && $0 != "\u{AD}" && $0 != "-" && $0 != "\u{2027}" }
            guard let first = plain.first else { return "" }
            return first.lowercased() + plain.dropFirst()
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Comparable form → entry, for every form of every entry (the first entry wins; duplicates are load errors).
    public static func index(_ entries: [GlossarEntry]) -> [String: GlossarEntry] {
        var result: [String: GlossarEntry] = [:]
        for entry in entries {
            for form in entry.forms where result[comparable(form)] == nil { result[comparable(form)] = entry }
        }
        return result
    }

    /// The A–Z letter a word is filed under: umlauts under their vowel, anything else under "#".
    public static func letter(_ wort: String) -> String {
        guard let first = wort.first else { return "#" }
        let folded = String(first).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).uppercased()
        guard let c = folded.first, c.isASCII, c.isLetter else { return "#" }
        return String(c)
    }

    /// Sort key A–Z: umlauts as their vowel, ß as ss, splitting marks ignored.
    public static func sortKey(_ wort: String) -> String {
        comparable(wort).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).replacingOccurrences(of: "ß", with: "ss")
    }
}
