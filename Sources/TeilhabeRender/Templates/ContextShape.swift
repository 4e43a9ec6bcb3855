import Mustache
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// Stands for the text numbered `nummer` while a PrecompiledTemplate is rendered. Like a String it is never
/// empty for a section and has no children.
private struct Placeholder: MustacheCustomRenderable, MustacheParent {
    let nummer: Int
    var renderText: String { "\u{E000}\(nummer)&\u{E001}" }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
}

/// The shape of a context and its texts, in one fixed order (dictionary keys sorted). Keys the
/// template never names are left out of both (see TemplateNames).
struct ContextShape {
    /// The names the template can look up; nil: every key.
    let namen: Set<String>?
    /// The longest shape kept, in bytes: pages with long lists are one of a kind anyway.
    static let grenze = 16_384

    private func genannt<V>(_ d: [String: V]) -> [String] {
        guard let namen else { return d.keys.sorted() }
        return d.keys.filter(namen.contains).sorted()
    }

    /// Appends the shape of `wert` to `form` and its texts to `werte`; false for a value whose type
    /// is not one of the context's plain kinds (it might render in its own way).
    func erfassen(_ wert: Any, in form: inout [UInt8], werte: inout [String]) -> Bool {
        // Told by exact type (ValueKind), without a cast that copies.
        switch ObjectIdentifier(type(of: wert)) {
        case ValueKind.text: form.append(0x53); werte.append(wert as! String)
        case ValueKind.zahl: form.append(0x53); werte.append(String(wert as! Int))
        case ValueKind.ja: form.append(wert as! Bool ? 0x54 : 0x46)
        case ValueKind.objekt: return erfassen(objekt: wert as! [String: Any], in: &form, werte: &werte)
        case ValueKind.textObjekt: return erfassen(objekt: wert as! [String: String], in: &form, werte: &werte)
        case ValueKind.liste: return erfassen(liste: wert as! [Any], in: &form, werte: &werte)
        case ValueKind.objekte: return erfassen(liste: wert as! [[String: Any]], in: &form, werte: &werte)
        case ValueKind.textObjekte: return erfassen(liste: wert as! [[String: String]], in: &form, werte: &werte)
        case ValueKind.texte: return erfassen(liste: wert as! [String], in: &form, werte: &werte)
        default: return false
        }
        return true
    }

    private func erfassen<V>(objekt d: [String: V], in form: inout [UInt8], werte: inout [String]) -> Bool {
        form.append(0x7B)
        for schluessel in genannt(d) {
            form.append(contentsOf: schluessel.utf8); form.append(0x3A)
            guard erfassen(d[schluessel]!, in: &form, werte: &werte) else { return false }
        }
        form.append(0x7D)
        return true
    }

    private func erfassen<E>(liste: [E], in form: inout [UInt8], werte: inout [String]) -> Bool {
        form.append(0x5B)
        for element in liste {
            // A shape past the limit is not kept: a long list stops the walk early.
            guard form.count <= ContextShape.grenze, erfassen(element, in: &form, werte: &werte) else { return false }
        }
        form.append(0x5D)
        return true
    }

    /// The same context with every text replaced by its numbered placeholder, in `erfassen`'s order.
    func platzhalter(_ wert: Any, _ nummer: inout Int) -> Any {
        if type(of: wert) == String.self || type(of: wert) == Int.self {
            nummer += 1
            return Placeholder(nummer: nummer - 1)
        }
        if let d = wert as? [String: Any] {
            var neu: [String: Any] = [:]
            for schluessel in genannt(d) { neu[schluessel] = platzhalter(d[schluessel]!, &nummer) }
            return neu
        }
        if type(of: wert) != Bool.self, let liste = wert as? [Any] { return liste.map { platzhalter($0, &nummer) } }
        return wert
    }
}

