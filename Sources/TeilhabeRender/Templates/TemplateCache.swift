import Mustache
import Synchronization
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// Renders a template once per *shape* of its context and fills in each page's text afterwards.
///
/// swift-mustache looks every name up through dynamic casts and a dictionary walk; the layout alone
/// cost about 0.35 ms a page, a third of a clean build's CPU. But what a template makes of a context
/// depends only on its shape – which keys there are, the Bools, the lengths of lists – while its
/// text values are copied through (escaped or not). So a shape seen a second time is rendered once
/// with numbered placeholders instead of the texts (the *PrecompiledTemplate*), and every later page with that
/// shape is the PrecompiledTemplate with its texts put in. Templates using anything that could look into a
/// text (transforms, dynamic partials, indented partials, other delimiters) are always rendered as
/// they are; tests build the example sites both ways and compare them byte for byte.
final class TemplateCache: Sendable {
    private struct State {
        /// By shape: the PrecompiledTemplate, or nil where it could not be made (then that shape renders as is).
        var done: [ShapeKey: PrecompiledTemplate?] = [:]
        /// Shapes seen once, by their digest (a collision would only make a PrecompiledTemplate one page early):
        /// a page whose shape is unique (a long list) is rendered directly, not twice.
        var seenOnce: Set<Fingerprint> = []
    }

    private let state = Mutex(State())

    /// By template: the names it can look up (TemplateNames).
    private let names: [String: Set<String>]

    /// Nil when a template could make a text's output depend on more than the text itself.
    /// `vorlagen`: template name → text.
    init?(vorlagen: [String: String]) {
        for text in vorlagen.values where TemplateCache.unsafe(text) { return nil }
        names = TemplateNames.perVorlage(vorlagen)
    }

    func render(_ template: String, _ context: [String: Any], library: MustacheLibrary) -> String? {
        let shapes = ContextShape(names: names[template])
        var form: [UInt8] = Array(template.utf8) + [0], valueList: [String] = []
        guard shapes.record(context, in: &form, valueList: &valueList), form.count <= ContextShape.limit else { return nil }
        let cacheKey = ShapeKey(bytes: form)
        let known = state.withLock { $0.done[cacheKey] }
        var secondTime = false
        if known == nil {
            let inputFingerprint = Fingerprint.of(form)
            secondTime = state.withLock { s in
                let secondTime = s.seenOnce.remove(inputFingerprint) != nil
                if !secondTime && s.seenOnce.count < 16_384 { s.seenOnce.insert(inputFingerprint) }
                return secondTime
            }
        }
        if let known { return known?.fill(valueList) }
        guard secondTime else { return nil }
        var number = 0
        let filled = library.render(shapes.placeholder(context, &number), withTemplate: template).flatMap(PrecompiledTemplate.init)
        state.withLock { s in if s.done.count < 4_096 { s.done[cacheKey] = filled } }
        return filled?.fill(valueList)
    }

    /// Mustache features under which a placeholder would not stand for its text one to one.
    /// Byte search: Foundation's `contains` took 155 M instructions for the 51 templates of a build
    /// (callgrind, 3 % of a clean 400-page build); the markers are ASCII or private-use characters.
    static func unsafe(_ text: String) -> Bool {
        ["{{=", "{{>*", "{{> *", "{{<", "{{$", "\u{E000}", "\u{E001}"].contains { text.containsText($0) }
            || text.split(separator: "\n").contains { sourceLine in
                // An indented standalone partial indents the lines of what it renders.
                sourceLine.first == " " || sourceLine.first == "\t" ? sourceLine.drop { $0 == " " || $0 == "\t" }.hasPrefix("{{>") : false
            }
            || tagNames(text).contains { $0.contains("(") }
    }

    private static func tagNames(_ text: String) -> [Substring] {
        text.split(separator: "{{", omittingEmptySubsequences: false).dropFirst().map { $0.prefix { $0 != "}" } }
    }
}

/// A shape as a dictionary key, hashed in one pass over its bytes (an array of bytes hashes each
/// byte on its own).
private struct ShapeKey: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
