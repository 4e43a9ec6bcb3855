import Synchronization

/// A flag set from any thread.
public final class CancellationFlag: Sendable {
    private let value = Atomic(false)

    public init() {}

    @Sendable public func assign() { value.store(true, ordering: .releasing) }
    public var isSet: Bool { value.load(ordering: .acquiring) }
}
