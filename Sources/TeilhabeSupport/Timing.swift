import Foundation

/// Stage timings for profiling, printed to stderr when TEILHABE_ZEITEN=1. Never part of any output file.
package enum Timing {
    package static let active = ProcessInfo.processInfo.environment["TEILHABE_ZEITEN"] == "1"
    /// When the first stage began: each line also says when its stage began, so gaps show.
    private static let beginning = DispatchTime.now().uptimeNanoseconds

    /// Sets the time the stages are measured from (else the first stage's start).
    package static func begin() { _ = beginning }

    @discardableResult
    package static func measure<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        guard active else { return try work() }
        let start = max(DispatchTime.now().uptimeNanoseconds, beginning)
        let resultValue = try work()
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000, sinceStart = Double(start - beginning) / 1_000_000
        FileHandle.standardError.write(Data(String(format: "[zeit] %-28@ %8.1f ms (from %6.1f ms)\n", name as NSString, ms, sinceStart).utf8))
        return resultValue
    }
}
