import Foundation
import Synchronization

/// Counts finished pages across threads and reports at most ten times a second.
public final class BuildProgress: Sendable {
    private struct State {
        var erledigt = 0
        var zuletzt = DispatchTime.now().uptimeNanoseconds
        var gesamt = 0
    }

    private let state = Mutex(State())
    private let melden: @Sendable (Int, Int) -> Void

    public init(melden: @escaping @Sendable (Int, Int) -> Void) { self.melden = melden }

    /// The number of pages to make; raised while workers count (under the same lock they count under).
    package var gesamt: Int {
        get { state.withLock { $0.gesamt } }
        set { state.withLock { $0.gesamt = newValue } }
    }

    package func eins() {
        let (faellig, e, g) = state.withLock { s in
            s.erledigt += 1
            let jetzt = DispatchTime.now().uptimeNanoseconds
            let faellig = jetzt - s.zuletzt > 100_000_000 || s.erledigt == s.gesamt
            if faellig { s.zuletzt = jetzt }
            return (faellig, s.erledigt, s.gesamt)
        }
        if faellig { melden(e, g) }
    }
}
