import XCTest
@testable import TeilhabeModel

/// The content model's own rules, without any file: calendar days, times and who sees what.
final class CalendarTests: XCTestCase {
    func testDaysAreReadOnlyWhenTheyExist() {
        XCTAssertEqual(CalendarDay("2024-02-29")?.description, "2024-02-29")
        XCTAssertNil(CalendarDay("2023-02-29"), "2023 is no leap year")
        XCTAssertNil(CalendarDay("1900-02-29"), "a full century is a leap year only every 400 years")
        XCTAssertNotNil(CalendarDay("2000-02-29"))
        XCTAssertNil(CalendarDay("2026-04-31"))
        XCTAssertNil(CalendarDay("2026-13-01"))
        XCTAssertNil(CalendarDay("26-01-01"), "the year has four digits")
        XCTAssertNil(CalendarDay("2026-1-01"), "month and day have two digits")
        XCTAssertNil(CalendarDay(""))
    }

    func testWeekdaysOfKnownDates() {
        // 2026-12-06 is a Sunday, 2024-02-29 a Thursday, 2000-01-01 a Saturday.
        XCTAssertEqual(CalendarDay("2026-12-06")?.weekday, 0)
        XCTAssertEqual(CalendarDay("2024-02-29")?.weekday, 4)
        XCTAssertEqual(CalendarDay("2000-01-01")?.weekday, 6)
    }

    func testMeetingTimesTakeHoursAndMinutesOnly() {
        XCTAssertEqual(WallClockTime("2026-03-10T17:00")?.description, "2026-03-10T17:00")
        XCTAssertEqual(WallClockTime("2026-03-10 09:30:00")?.description, "2026-03-10T09:30")
        XCTAssertNil(WallClockTime("2026-03-10T24:00"))
        XCTAssertNil(WallClockTime("2026-03-10T17:60"))
        XCTAssertNil(WallClockTime("2026-03-10T17:00:30"), "seconds other than 00 are refused, not dropped")
        XCTAssertNil(WallClockTime("2026-03-10"))
        XCTAssertLessThan(WallClockTime("2026-03-10T09:00")!, WallClockTime("2026-03-10T17:00")!)
    }

    /// Every status against every audience: drafts reach no build, non-public papers only the committee's.
    func testWhoSeesWhichStatus() {
        let table: [(Status, Publikum, Bool, Bool)] = [
            (.oeffentlich, .oeffentlich, false, true), (.oeffentlich, .gremium, false, true),
            (.nichtoeffentlich, .oeffentlich, false, false), (.nichtoeffentlich, .gremium, false, true),
            (.entwurf, .oeffentlich, false, false), (.entwurf, .gremium, false, false),
            (.entwurf, .oeffentlich, true, true), (.nichtoeffentlich, .oeffentlich, true, false),
        ]
        for (status, publikum, drafts, expected) in table {
            XCTAssertEqual(status.visible(for: publikum, drafts: drafts), expected, "\(status) for \(publikum), drafts \(drafts)")
        }
        XCTAssertEqual(Status.allCases.count, 3, "a new status must be added to this table")
    }
}
