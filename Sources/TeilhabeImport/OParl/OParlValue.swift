import Foundation

/// A JSON value of an OParl server, kept as it came (objects are stored between runs in
/// `.teilhabe-import-objekte.json`). Accessors smooth over what servers get wrong: "N/A" and
/// empty strings are no value, and a single object stands for a list of one (CC e-gov).
package enum OParlValue: Sendable, Hashable, Codable {
    case string(String), number(Double), bool(Bool), null
    case array([OParlValue]), object([String: OParlValue])

    package init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let n = try? c.decode(Double.self) { self = .number(n) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([OParlValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: OParlValue].self)) }
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .string(s): try c.encode(s)
        case let .number(n): try c.encode(n)
        case let .bool(b): try c.encode(b)
        case .null: try c.encodeNil()
        case let .array(a): try c.encode(a)
        case let .object(o): try c.encode(o)
        }
    }

    package static func parse(_ data: Data) -> OParlValue? { try? JSONDecoder().decode(OParlValue.self, from: data) }

    package subscript(_ key: String) -> OParlValue? {
        if case let .object(o) = self { return o[key] }
        return nil
    }

    package var dictionary: [String: OParlValue]? {
        if case let .object(o) = self { return o }
        return nil
    }

    /// A text value; "N/A", "-" and blank strings are none. An integral number reads as its digits
    /// (some servers send an agenda item's `number` as a number).
    package var text: String? {
        switch self {
        case let .string(s):
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty || ["n/a", "-", "null"].contains(t.lowercased()) ? nil : t
        case let .number(n) where n == n.rounded() && abs(n) < 1e15: return String(Int(n))
        default: return nil
        }
    }

    package var number: Double? {
        switch self {
        case let .number(n): return n
        case let .string(s): return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    package var bool: Bool? {
        switch self {
        case let .bool(b): return b
        case let .string(s): return ["true", "1", "ja"].contains(s.lowercased()) ? true : ["false", "0", "nein"].contains(s.lowercased()) ? false : nil
        default: return nil
        }
    }

    package func text(_ key: String) -> String? { self[key]?.text }

    /// The members of a list property: an array as it is, one value alone as a list of one.
    package func items(_ key: String) -> [OParlValue] {
        switch self[key] {
        case let .array(a)?: return a.filter { if case .null = $0 { return false }; return true }
        case nil, .null?: return []
        case let v?: return v.text == nil && v.dictionary == nil ? [] : [v]
        }
    }

    package var id: String? { text("id") }

    /// The object's type without the schema prefix: "Paper" for `https://schema.oparl.org/1.1/Paper`.
    package var typeName: String? { text("type")?.split(separator: "/").last.map(String.init) }

    package var isDeleted: Bool { self["deleted"]?.bool == true }

    /// Ids an item stands for: a URL string, or an embedded object's id.
    package var reference: String? { dictionary != nil ? id : text }
}
