import Foundation
import TeilhabeSupport

/// The day that separates past from upcoming meetings. Taken from SOURCE_DATE_EPOCH where set
/// (the reproducible-builds convention), else today in Berlin; nothing else in the output
/// depends on the date, and no page prints it.
public enum Stichtag {
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> CalendarDay {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
        let utc = CalendarDay(daysSince1970: Int((Double(seconds) / 86_400).rounded(.down)))
        let hour = (seconds % 86_400) / 3600
        // Berlin is one or two hours ahead: late evening UTC may already be tomorrow there.
        let offset = WallClockTime(calendarDay: utc, hour: hour).berlinOffset
        return hour + offset >= 24 ? utc.plus(days: 1) : utc
    }
}
