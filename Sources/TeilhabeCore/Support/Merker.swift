/// A flag set from any thread.
public final class Merker: @unchecked Sendable {
    private let lock = Sperre()
    private var wert = false

    public init() {}

    @Sendable public func setzen() { lock.lock(); wert = true; lock.unlock() }
    public var gesetzt: Bool { lock.lock(); defer { lock.unlock() }; return wert }
}
