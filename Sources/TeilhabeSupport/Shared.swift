import Synchronization

/// A value shared by reference. Closures that wait in large numbers (one per page or OParl object)
/// capture this instead of copying big structs into each closure's context.
package final class Shared<T: Sendable>: Sendable {
    package let value: T
    package init(_ value: T) { self.value = value }
}

/// One instance for everyone who asks while any of them holds it; made again (by `machen`) once all
/// have let it go. For large data a build needs only for a while, as the Leichte-Sprache word lists.
package final class WeakShared<T: AnyObject & Sendable>: Sendable {
    private struct HeldValue { weak var value: T? }

    private let held = Mutex(HeldValue())
    private let produce: @Sendable () -> T

    package init(_ produce: @escaping @Sendable () -> T) { self.produce = produce }

    package var value: T {
        held.withLock { h in
            if let w = h.value { return w }
            let w = produce()
            h.value = w
            return w
        }
    }
}
