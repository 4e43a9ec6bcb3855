import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

extension Fields {
    /// `status` of a Vorlage, Bericht, Page or agenda item. Absent, it is `oeffentlich` (the contract's
    /// default); present, it must name a status: `status: ~`, `status: ""` or a misspelling is an error
    /// at the key, and the item counts as `nichtoeffentlich` – a mistake never publishes anything.
    /// `entwurf` is a status of pages only (`drafts`); an agenda item has no draft of its own.
    func status(_ key: String = "status", drafts: Bool = true) -> Status {
        guard let value = self[key] else { return .oeffentlich }
        let allowed = Status.allCases.filter { drafts || $0 != .entwurf }.map(\.rawValue)
        guard let scalar = value.scalar else {
            log.error("SCHEMA-TYPE", .statusNotAWord(key, in: what, allowed: allowed),
                      at: keyLocation(key), suggestion: Status.nichtoeffentlich.rawValue)
            return .nichtoeffentlich
        }
        let text = scalar.string.trimmed(lineEndings: true)
        if let status = Status(rawValue: text), allowed.contains(text), !isNull(value) { return status }
        if text.isEmpty || isNull(value) {
            log.error("SCHEMA-VALUE", .statusEmpty(key, in: what, allowed: allowed), at: keyLocation(key), suggestion: Status.nichtoeffentlich.rawValue)
        } else {
            // A word far from every status gets the safe one as hint.
            let suggestion = Suggest.closest(to: text, in: allowed) ?? Status.nichtoeffentlich.rawValue
            log.error("SCHEMA-VALUE", .invalidValue(text, key: key, allowed: allowed, suggestion: suggestion), at: keyLocation(key), suggestion: suggestion)
        }
        return .nichtoeffentlich
    }

    /// Where a key itself stands (not its value, which may be empty and have no place of its own).
    func keyLocation(_ key: String) -> SourceLocation {
        mapping.keys.first { $0.string == key }.map(location(of:)) ?? location
    }
}
