import Synchronization

/// A value shared by reference. Closures that wait in large numbers (one per page or OParl object)
/// capture this instead of copying big structs into each closure's context.
package final class Shared<T: Sendable>: Sendable {
    package let wert: T
    package init(_ wert: T) { self.wert = wert }
}

/// One instance for everyone who asks while any of them holds it; made again (by `machen`) once all
/// have let it go. For large data a build needs only for a while, as the Leichte-Sprache word lists.
package final class WeakShared<T: AnyObject & Sendable>: Sendable {
    private struct Held { weak var wert: T? }

    private let gehalten = Mutex(Held())
    private let machen: @Sendable () -> T

    package init(_ machen: @escaping @Sendable () -> T) { self.machen = machen }

    package var wert: T {
        gehalten.withLock { h in
            if let w = h.wert { return w }
            let w = machen()
            h.wert = w
            return w
        }
    }
}
