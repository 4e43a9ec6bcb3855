import Synchronization

/// A flag set from any thread.
public final class CancellationFlag: Sendable {
    private let storedValue = Atomic(false)

    public init() {}

    @Sendable public func assign() { storedValue.store(true, ordering: .releasing) }
    public var gesetzt: Bool { storedValue.load(ordering: .acquiring) }
}
