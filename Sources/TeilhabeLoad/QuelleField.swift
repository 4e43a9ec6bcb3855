import TeilhabeSupport
import TeilhabeModel

/// `quelle: {oparl: URL, geaendert: DATE}` (contract section 11): where an imported Vorlage, Gremium or
/// Sitzung came from. Read and checked here; only a Vorlage keeps it (see `Vorlage.quelle`).
enum QuelleField {
    static let keys = ["oparl", "geaendert"]

    /// The OParl URL, or nil where the key is absent or wrong (the error is reported).
    @discardableResult
    static func read(_ f: Fields) -> String? {
        guard let q = f.nested("quelle", known: keys, what: "quelle"), let url = q.string("oparl", required: true) else { return nil }
        _ = q.string("geaendert")
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            q.log.error("SCHEMA-VALUE", .quelleNotHTTP(url), at: q.location("oparl"))
            return nil
        }
        return url
    }
}
