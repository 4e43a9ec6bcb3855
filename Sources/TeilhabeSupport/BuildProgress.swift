import Foundation

/// Counts finished pages across threads and reports at most ten times a second.
public final class BuildProgress: @unchecked Sendable {
    private let lock = Lock()
    private var erledigt = 0
    private var zuletzt = DispatchTime.now().uptimeNanoseconds
    private let melden: @Sendable (Int, Int) -> Void
    package var gesamt = 0

    public init(melden: @escaping @Sendable (Int, Int) -> Void) { self.melden = melden }

    package func eins() {
        lock.lock()
        erledigt += 1
        let jetzt = DispatchTime.now().uptimeNanoseconds
        let faellig = jetzt - zuletzt > 100_000_000 || erledigt == gesamt
        if faellig { zuletzt = jetzt }
        let (e, g) = (erledigt, gesamt)
        lock.unlock()
        if faellig { melden(e, g) }
    }
}
