/// The exact types of the plain values that template contexts, JSON and OParl objects are made of,
/// for telling a value's kind before any cast: casting a list or dictionary to `[Any]` or
/// `[String: Any]` makes a new one of every element first, and a cast to the wrong kind does that
/// before it fails.
package enum ValueKind {
    package static let text = ObjectIdentifier(String.self)
    package static let zahl = ObjectIdentifier(Int.self)
    package static let ja = ObjectIdentifier(Bool.self)
    package static let objekt = ObjectIdentifier([String: Any].self)
    package static let textObjekt = ObjectIdentifier([String: String].self)
    package static let liste = ObjectIdentifier([Any].self)
    package static let texte = ObjectIdentifier([String].self)
    package static let objekte = ObjectIdentifier([[String: Any]].self)
    package static let textObjekte = ObjectIdentifier([[String: String]].self)
}
