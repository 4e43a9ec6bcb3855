/// The exact types of the plain values that template contexts, JSON and OParl objects are made of,
/// for telling a value's kind before any cast: casting a list or dictionary to `[Any]` or
/// `[String: Any]` makes a new one of every element first, and a cast to the wrong kind does that
/// before it fails.
enum ValueKind {
    static let text = ObjectIdentifier(String.self)
    static let zahl = ObjectIdentifier(Int.self)
    static let ja = ObjectIdentifier(Bool.self)
    static let objekt = ObjectIdentifier([String: Any].self)
    static let textObjekt = ObjectIdentifier([String: String].self)
    static let liste = ObjectIdentifier([Any].self)
    static let texte = ObjectIdentifier([String].self)
    static let objekte = ObjectIdentifier([[String: Any]].self)
    static let textObjekte = ObjectIdentifier([[String: String]].self)
}
