import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad

/// The outline of every Markdown body, parsed once (in parallel) and shared by all checks.
final class Outlines: Sendable {
    /// By the fingerprint of the text (the same text has the same outline): hashing 16 bytes, not a path.
    private let byText: [Fingerprint: Outline]

    init(_ project: Projekt, buildCache: BuildCache = .disabled) {
        var bodyText: [MarkdownSource] = []
        let vorlagen = project.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { bodyText.append(vorlagen[i].body); vorlagen[i].leicht.map { bodyText.append($0.body) } }
        for t in project.texts { bodyText.append(t.body); t.leicht.map { bodyText.append($0.body) } }
        let allItems = bodyText
        // An outline depends on the text alone: kept in the cache by the text's fingerprint.
        let outlines = Parallel.map(allItems.count) { i in buildCache.value("gliederung", allItems[i].bodyFingerprint) { Outline(allItems[i].text) } }
        byText = Dictionary(zip(allItems.map(\.bodyFingerprint), outlines), uniquingKeysWith: { a, _ in a })
    }

    subscript(_ body: MarkdownSource) -> Outline { byText[body.bodyFingerprint] ?? Outline(body.text) }
}
