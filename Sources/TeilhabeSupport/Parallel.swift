import Foundation
import Synchronization

/// Runs independent work on every core and keeps the results in input order, so that output
/// stays deterministic however the work is scheduled.
package enum Parallel {
    package static func map<T>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(work) }
        // Each slot is initialised by exactly one iteration, in place: no lock, and no copy of the
        // results afterwards (a paper is a large value; copying thousands of them showed in edit builds).
        return Array(unsafeUninitializedCapacity: count) { chunk, done in
            // Safe: iteration i writes slot i only, and concurrentPerform returns after the last one.
            nonisolated(unsafe) let p = chunk.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { i in (p + i).initialize(to: work(i)) }
            done = count
        }
    }
}

/// Work started at once on another thread; `wert` waits for its result. For stages of a build that
/// need nothing of each other (the theme, the output plan, the PDF tool) and so run beside loading.
package final class BackgroundTask<T: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let resultValue = Mutex<T?>(nil)

    package init(_ work: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async { [self] in
            let value = work()
            resultValue.withLock { $0 = value }
            done.leave()
        }
    }

    /// The result, once the work is done.
    package var value: T {
        done.wait()
        return resultValue.withLock { $0! }
    }

    /// The result, which this object then no longer holds (for large data only one step needs);
    /// `wert` must not be asked after it.
    package func submit() -> T {
        done.wait()
        return resultValue.withLock { e in
            defer { e = nil }
            return e!
        }
    }
}
