import Foundation
import Synchronization
import XCTest
import TeilhabeTesting
@testable import TeilhabeSupport

/// Shared state that threads change together (issue 20 item 4).
final class SendableTests: XCTestCase {
    /// The render raises the progress total while the page workers count (a list's jobs are added
    /// after the pages'). The total used to be a plain property set without the lock the workers read
    /// it under: a data race, which `swiftc -sanitize=thread` reports for the old class with these
    /// threads. Now it is set under that lock: the last page counted is reported against the final total.
    func testProgressTotalRaisedWhileWorkersCountIsReportedAtTheEnd() {
        final class Reports: Sendable { let list = Mutex<[(completed: Int, total: Int)]>([]) }
        let reports = Reports()
        let progress = BuildProgress { e, g in reports.list.withLock { $0.append((e, g)) } }
        progress.total = 2_000
        // Real threads, not concurrentPerform: the sanitizer's dispatch_apply hook orders its iterations.
        let threads = (0..<4).map { t in
            Thread {
                for i in 0..<2_500 {
                    if t == 0, i % 500 == 499, i < 2_000 { progress.total += 2_000 }
                    progress.one()
                }
            }
        }
        threads.forEach { $0.start() }
        while threads.contains(where: { !$0.isFinished }) { usleep(1_000) }
        let list = reports.list.withLock { $0 }
        XCTAssertEqual(progress.total, 10_000)
        XCTAssertTrue(list.contains { $0 == (10_000, 10_000) }, "\(list.suffix(5))")
        XCTAssertTrue(list.allSatisfy { $0.completed <= 10_000 && $0.total <= 10_000 }, "\(list.suffix(5))")
    }
}
