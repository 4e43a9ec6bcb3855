import Foundation

/// Runs independent work on every core and keeps the results in input order, so that output
/// stays deterministic however the work is scheduled.
enum Parallel {
    private final class Ergebnisse<T>: @unchecked Sendable {
        var werte: [T?]
        init(_ n: Int) { werte = Array(repeating: nil, count: n) }
    }

    static func map<T>(_ anzahl: Int, _ arbeit: @Sendable (Int) -> T) -> [T] {
        guard anzahl > 1 else { return (0..<anzahl).map(arbeit) }
        let ergebnisse = Ergebnisse<T>(anzahl)
        // Each index is written by exactly one iteration, so the slots need no lock.
        ergebnisse.werte.withUnsafeMutableBufferPointer { puffer in
            nonisolated(unsafe) let p = puffer
            DispatchQueue.concurrentPerform(iterations: anzahl) { i in p[i] = arbeit(i) }
        }
        return ergebnisse.werte.map { $0! }
    }
}

/// Work started at once on another thread; `wert` waits for its result. For stages of a build that
/// need nothing of each other (the theme, the output plan, the PDF tool) and so run beside loading.
final class Nebenher<T>: @unchecked Sendable {
    private let fertig = DispatchGroup()
    private var ergebnis: T?

    init(_ arbeit: @escaping @Sendable () -> T) {
        fertig.enter()
        DispatchQueue.global().async { [self] in
            ergebnis = arbeit()
            fertig.leave()
        }
    }

    /// The result; the group's wait orders the write above before this read.
    var wert: T {
        fertig.wait()
        return ergebnis!
    }
}
