import Mustache
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// Stands for the text numbered `nummer` while a PrecompiledTemplate is rendered. Like a String it is never
/// empty for a section and has no children.
private struct Placeholder: MustacheCustomRenderable, MustacheParent {
    let number: Int
    var renderText: String { "\u{E000}\(number)&\u{E001}" }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
}

/// The shape of a context and its texts, in one fixed order (dictionary keys sorted). Keys the
/// template never names are left out of both (see TemplateNames).
struct ContextShape {
    /// The names the template can look up; nil: every key.
    let names: Set<String>?
    /// The longest shape kept, in bytes: pages with long lists are one of a kind anyway.
    static let limit = 16_384

    private func namedKeys<V>(_ d: [String: V]) -> [String] {
        guard let names else { return d.keys.sorted() }
        return d.keys.filter(names.contains).sorted()
    }

    /// Appends the shape of `wert` to `form` and its texts to `werte`; false for a value whose type
    /// is not one of the context's plain kinds (it might render in its own way).
    func record(_ value: Any, in form: inout [UInt8], valueList: inout [String]) -> Bool {
        // Told by exact type (ValueKind), without a cast that copies.
        switch ObjectIdentifier(type(of: value)) {
        case ValueKind.text: form.append(0x53); valueList.append(value as! String)
        case ValueKind.number: form.append(0x53); valueList.append(String(value as! Int))
        case ValueKind.boolean: form.append(value as! Bool ? 0x54 : 0x46)
        case ValueKind.object: return record(object: value as! [String: Any], in: &form, valueList: &valueList)
        case ValueKind.textObject: return record(object: value as! [String: String], in: &form, valueList: &valueList)
        case ValueKind.list: return record(list: value as! [Any], in: &form, valueList: &valueList)
        case ValueKind.objects: return record(list: value as! [[String: Any]], in: &form, valueList: &valueList)
        case ValueKind.textObjects: return record(list: value as! [[String: String]], in: &form, valueList: &valueList)
        case ValueKind.texts: return record(list: value as! [String], in: &form, valueList: &valueList)
        default: return false
        }
        return true
    }

    private func record<V>(object d: [String: V], in form: inout [UInt8], valueList: inout [String]) -> Bool {
        form.append(0x7B)
        // Keys with their values, sorted: looking each key up again cost a hash per key and page.
        var named: [(key: String, value: V)] = []
        named.reserveCapacity(d.count)
        for (key, value) in d where names?.contains(key) ?? true { named.append((key, value)) }
        named.sort { $0.key < $1.key }
        for (key, value) in named {
            form.append(contentsOf: key.utf8); form.append(0x3A)
            guard record(value, in: &form, valueList: &valueList) else { return false }
        }
        form.append(0x7D)
        return true
    }

    private func record<E>(list: [E], in form: inout [UInt8], valueList: inout [String]) -> Bool {
        form.append(0x5B)
        for element in list {
            // A shape past the limit is not kept: a long list stops the walk early.
            guard form.count <= ContextShape.limit, record(element, in: &form, valueList: &valueList) else { return false }
        }
        form.append(0x5D)
        return true
    }

    /// The same context with every text replaced by its numbered placeholder, in `erfassen`'s order.
    func placeholder(_ value: Any, _ number: inout Int) -> Any {
        if type(of: value) == String.self || type(of: value) == Int.self {
            number += 1
            return Placeholder(number: number - 1)
        }
        if let d = value as? [String: Any] {
            var new: [String: Any] = [:]
            for cacheKey in namedKeys(d) { new[cacheKey] = placeholder(d[cacheKey]!, &number) }
            return new
        }
        if type(of: value) != Bool.self, let list = value as? [Any] { return list.map { placeholder($0, &number) } }
        return value
    }
}

