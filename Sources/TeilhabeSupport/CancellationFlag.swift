/// A flag set from any thread.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = Lock()
    private var wert = false

    public init() {}

    @Sendable public func setzen() { lock.lock(); wert = true; lock.unlock() }
    public var gesetzt: Bool { lock.lock(); defer { lock.unlock() }; return wert }
}
