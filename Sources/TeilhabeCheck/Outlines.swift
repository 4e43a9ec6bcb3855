import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad

/// The outline of every Markdown body, parsed once (in parallel) and shared by all checks.
final class Outlines: Sendable {
    /// By the fingerprint of the text (the same text has the same outline): hashing 16 bytes, not a path.
    private let nachText: [Fingerprint: Outline]

    init(_ projekt: Projekt, vorrat: BuildCache = .keiner) {
        var koerper: [MarkdownQuelle] = []
        let vorlagen = projekt.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { koerper.append(vorlagen[i].body); vorlagen[i].leicht.map { koerper.append($0.body) } }
        for t in projekt.texte { koerper.append(t.body); t.leicht.map { koerper.append($0.body) } }
        let alle = koerper
        // An outline depends on the text alone: kept in the cache by the text's fingerprint.
        let outlines = Parallel.map(alle.count) { i in vorrat.wert("gliederung", alle[i].inhalt) { Outline(alle[i].text) } }
        nachText = Dictionary(zip(alle.map(\.inhalt), outlines), uniquingKeysWith: { a, _ in a })
    }

    subscript(_ body: MarkdownQuelle) -> Outline { nachText[body.inhalt] ?? Outline(body.text) }
}
