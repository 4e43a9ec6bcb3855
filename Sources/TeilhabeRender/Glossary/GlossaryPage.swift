import Foundation
import TeilhabeSupport
import TeilhabeModel
/// `leichte-sprache/woerterbuch/`: the glossary A–Z with a letter index, each word with its anchor.
/// An easy page only: it has no standard-language twin.
enum GlossaryPage {
    static let folderPath = "leichte-sprache/woerterbuch/"
    static let titel = "Wörter·buch"

    static func allItems(_ u: RenderContext) -> [PageJob] {
        u.project.glossar.isEmpty ? [] : [{ webPage(u) }]
    }

    static func webPage(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: Addresses.filePath(folderPath), template: "woerterbuch-leicht", titel: titel, leicht: true,
                           section: "leichte-sprache")
        webPage.breadcrumbs = [("Leichte Sprache", "leichte-sprache/"), (titel, nil)]
        webPage.beschreibung = "Das Wörter·buch erklärt schwere Wörter in Leichter Sprache."
        let groups = letterGroups(u.project.glossar)
        webPage.context = [
            "titel": titel,
            "buchstaben": groups.map { ["buchstabe": $0.letter, "id": letterID($0.letter)] as TemplateContext },
            "gruppen": groups.map { g -> TemplateContext in
                ["buchstabe": g.letter, "id": letterID(g.letter), "eintraege": g.entries.map(entryContext)]
            },
        ]
        return webPage
    }

    /// Entries by letter, A–Z, and within a letter by word (umlauts as their vowel, splitting marks ignored).
    static func letterGroups(_ entries: [GlossarEntry]) -> [(letter: String, entries: [GlossarEntry])] {
        let sorted = entries.sorted { (Glossary.sortKey($0.wort), $0.wort) < (Glossary.sortKey($1.wort), $1.wort) }
        var groups: [(letter: String, entries: [GlossarEntry])] = []
        for entry in sorted {
            let letter = Glossary.letter(entry.wort)
            if groups.last?.letter == letter { groups[groups.count - 1].entries.append(entry) } else { groups.append((letter, [entry])) }
        }
        // "#" (words that start with a digit or sign) after Z.
        return groups.filter { $0.letter != "#" } + groups.filter { $0.letter == "#" }
    }

    static func letterID(_ letter: String) -> String { letter == "#" ? "buchstabe-andere" : "buchstabe-" + letter.lowercased() }

    private static func entryContext(_ e: GlossarEntry) -> TemplateContext {
        let lines = sentences(e.erklaerung)
        return ["wort": e.wort, "id": e.anchor,
                "saetze": lines.enumerated().map { ["text": $1, "weiter": $0 < lines.count - 1] as TemplateContext }]
    }

    /// The explanation one sentence per line, as Leichte Sprache is set.
    static func sentences(_ text: String) -> [String] {
        var result: [String] = [], current = ""
        let characters = Array(text)
        for (n, c) in characters.enumerated() {
            if c == "\n" { result.append(current); current = ""; continue }
            current.append(c)
            let next = n + 1 < characters.count ? characters[n + 1] : nil
            if ".!?".contains(c), next == " ", endsSentence(characters, at: n) { result.append(current); current = "" }
        }
        result.append(current)
        return result.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A sentence ends at the mark at `n` when a capital letter follows and the mark does not close a
    /// number ("12. März") or a one-letter abbreviation ("z. B.").
    private static func endsSentence(_ c: [Character], at n: Int) -> Bool {
        guard n + 2 < c.count, c[n + 2].isUppercase else { return false }
        guard c[n] == "." else { return true }
        return n >= 2 && c[n - 1].isLetter && c[n - 2].isLetter
    }
}
