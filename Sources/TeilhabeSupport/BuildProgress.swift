import Foundation
import Synchronization

/// Counts finished pages across threads and reports at most ten times a second.
public final class BuildProgress: Sendable {
    private struct State {
        var erledigt = 0
        var zuletzt = DispatchTime.now().uptimeNanoseconds
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
            s.erledigt += 1
            let currentTime = DispatchTime.now().uptimeNanoseconds
            let due = currentTime - s.zuletzt > 100_000_000 || s.erledigt == s.total
            if due { s.zuletzt = currentTime }
            return (due, s.erledigt, s.total)
        }
        if due { reportFinding(e, g) }
    }
}
