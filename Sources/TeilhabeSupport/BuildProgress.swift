import Foundation
import Synchronization

/// Counts finished pages across threads and reports at most ten times a second.
public final class BuildProgress: Sendable {
    private struct State {
        var completed = 0
        var lastReported = DispatchTime.now().uptimeNanoseconds
        var total = 0
    }

    private let state = Mutex(State())
    private let reportFinding: @Sendable (Int, Int) -> Void

    public init(reportFinding: @escaping @Sendable (Int, Int) -> Void) { self.reportFinding = reportFinding }

    /// The number of pages to make; raised while workers count (under the same lock they count under).
    package var total: Int {
        get { state.withLock { $0.total } }
        set { state.withLock { $0.total = newValue } }
    }

    package func one() {
        let (due, e, g) = state.withLock { s in
            s.completed += 1
            let currentTime = DispatchTime.now().uptimeNanoseconds
            let due = currentTime - s.lastReported > 100_000_000 || s.completed == s.total
            if due { s.lastReported = currentTime }
            return (due, s.completed, s.total)
        }
        if due { reportFinding(e, g) }
    }
}
