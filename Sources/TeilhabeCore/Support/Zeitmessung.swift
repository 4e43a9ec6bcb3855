import Foundation

/// Stage timings for profiling, printed to stderr when TEILHABE_ZEITEN=1. Never part of any output file.
enum Zeitmessung {
    static let aktiv = ProcessInfo.processInfo.environment["TEILHABE_ZEITEN"] == "1"

    @discardableResult
    static func messen<T>(_ name: String, _ arbeit: () throws -> T) rethrows -> T {
        guard aktiv else { return try arbeit() }
        let start = DispatchTime.now().uptimeNanoseconds
        let ergebnis = try arbeit()
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        FileHandle.standardError.write(Data(String(format: "[zeit] %-28@ %8.1f ms\n", name as NSString, ms).utf8))
        return ergebnis
    }
}
