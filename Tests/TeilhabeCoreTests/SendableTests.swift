import Foundation
import Synchronization
import XCTest
@testable import TeilhabeSupport

/// Shared state that threads change together (issue 20 item 4).
final class SendableTests: XCTestCase {
    /// The render raises the progress total while the page workers count (a list's jobs are added
    /// after the pages'). The total used to be set without the lock the workers read it under: a data
    /// race (reported by `swift test --sanitize=thread`). Now it is set under that lock, so the
    /// last page counted is reported against the raised total.
    func testProgressTotalRaisedWhileWorkersCountIsReportedAtTheEnd() {
        final class Reports: Sendable { let liste = Mutex<[(erledigt: Int, gesamt: Int)]>([]) }
        let reports = Reports()
        let fortschritt = BuildProgress { e, g in reports.liste.withLock { $0.append((e, g)) } }
        fortschritt.gesamt = 50
        DispatchQueue.concurrentPerform(iterations: 100) { i in
            if i == 50 { fortschritt.gesamt = 100 }
            fortschritt.eins()
        }
        let liste = reports.liste.withLock { $0 }
        XCTAssertTrue(liste.contains { $0 == (100, 100) }, "\(liste)")
        XCTAssertTrue(liste.allSatisfy { $0.erledigt <= 100 && [50, 100].contains($0.gesamt) }, "\(liste)")
        XCTAssertEqual(fortschritt.gesamt, 100)
    }
}
