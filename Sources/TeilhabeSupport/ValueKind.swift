/// The exact types of the plain values that template contexts, JSON and OParl objects are made of,
/// for telling a value's kind before any cast: casting a list or dictionary to `[Any]` or
/// `[String: Any]` makes a new one of every element first, and a cast to the wrong kind does that
/// before it fails.
package enum ValueKind {
    package static let text = ObjectIdentifier(String.self)
    package static let number = ObjectIdentifier(Int.self)
    package static let boolean = ObjectIdentifier(Bool.self)
    package static let object = ObjectIdentifier([String: Any].self)
    package static let textObject = ObjectIdentifier([String: String].self)
    package static let list = ObjectIdentifier([Any].self)
    package static let texts = ObjectIdentifier([String].self)
    package static let objects = ObjectIdentifier([[String: Any]].self)
    package static let textObjects = ObjectIdentifier([[String: String]].self)
}
