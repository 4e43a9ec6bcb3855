import TeilhabeSupport
import TeilhabeModel
/// A hard word the Leichte-Sprache check flags (long compound, rare or foreign word) that the glossary
/// explains: the finding names the glossary word and suggests its spelling there.
package enum GlossarySuggestion {
    /// The rules whose match is one hard word.
    static let hardWordRules: Set<String> = ["LS20", "LS22", "LS23"]

    package static func annotate(_ d: Diagnostic, _ index: [String: GlossarEntry]) -> Diagnostic {
        guard !index.isEmpty, hardWordRules.contains(d.rule), let match = d.match,
              let entry = index[Glossary.comparable(match)] else { return d }
        var annotated = d
        annotated.text = d.text + .glossaryHasWord(entry.wort)
        annotated.suggestion = entry.wort
        return annotated
    }
}
