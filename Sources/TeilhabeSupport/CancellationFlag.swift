import Synchronization

/// A flag set from any thread.
public final class CancellationFlag: Sendable {
    private let wert = Atomic(false)

    public init() {}

    @Sendable public func setzen() { wert.store(true, ordering: .releasing) }
    public var gesetzt: Bool { wert.load(ordering: .acquiring) }
}
