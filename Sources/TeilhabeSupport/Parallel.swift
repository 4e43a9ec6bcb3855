import Foundation

/// Runs independent work on every core and keeps the results in input order, so that output
/// stays deterministic however the work is scheduled.
package enum Parallel {
    package static func map<T>(_ anzahl: Int, _ arbeit: @Sendable (Int) -> T) -> [T] {
        guard anzahl > 1 else { return (0..<anzahl).map(arbeit) }
        // Each slot is initialised by exactly one iteration, in place: no lock, and no copy of the
        // results afterwards (a paper is a large value; copying thousands of them showed in edit builds).
        return Array(unsafeUninitializedCapacity: anzahl) { puffer, fertig in
            nonisolated(unsafe) let p = puffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: anzahl) { i in (p + i).initialize(to: arbeit(i)) }
            fertig = anzahl
        }
    }
}

/// Work started at once on another thread; `wert` waits for its result. For stages of a build that
/// need nothing of each other (the theme, the output plan, the PDF tool) and so run beside loading.
package final class BackgroundTask<T>: @unchecked Sendable {
    private let fertig = DispatchGroup()
    private var ergebnis: T?

    package init(_ arbeit: @escaping @Sendable () -> T) {
        fertig.enter()
        DispatchQueue.global().async { [self] in
            ergebnis = arbeit()
            fertig.leave()
        }
    }

    /// The result; the group's wait orders the write above before this read.
    package var wert: T {
        fertig.wait()
        return ergebnis!
    }

    /// The result, which this object then no longer holds (for large data only one step needs);
    /// `wert` must not be asked after it.
    package func abgeben() -> T {
        fertig.wait()
        defer { ergebnis = nil }
        return ergebnis!
    }
}
