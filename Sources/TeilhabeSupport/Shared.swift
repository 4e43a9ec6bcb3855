import Foundation

/// A value shared by reference. Closures that wait in large numbers (one per page or OParl object)
/// capture this instead of copying big structs into each closure's context.
package final class Shared<T>: @unchecked Sendable {
    package let wert: T
    package init(_ wert: T) { self.wert = wert }
}

/// One instance for everyone who asks while any of them holds it; made again (by `machen`) once all
/// have let it go. For large data a build needs only for a while, as the Leichte-Sprache word lists.
package final class WeakShared<T: AnyObject>: @unchecked Sendable {
    private let lock = NSLock()
    private weak var gehalten: T?
    private let machen: () -> T

    package init(_ machen: @escaping () -> T) { self.machen = machen }

    package var wert: T {
        lock.lock()
        defer { lock.unlock() }
        if let w = gehalten { return w }
        let w = machen()
        gehalten = w
        return w
    }
}
