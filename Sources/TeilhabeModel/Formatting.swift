/// German presentation of dates, times and sizes, done in Swift so templates only print text.
public enum Formatting {
    package static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                         "September", "Oktober", "November", "Dezember"]
    package static let weekdayNames = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]

    /// `10. September 2019`
    package static func date(_ day: CalendarDay) -> String { "\(day.day). \(months[day.month - 1]) \(day.year)" }

    /// `Mittwoch, 22. September 2021`
    package static func dateWithWeekday(_ day: CalendarDay) -> String { "\(weekdayNames[day.weekday]), \(date(day))" }

    /// `10.09.2019`, for compact tables.
    package static func shortDate(_ day: CalendarDay) -> String { "\(CalendarDay.pad(day.day)).\(CalendarDay.pad(day.month)).\(day.year)" }

    /// `17:00 Uhr`
    package static func clockTime(_ time: WallClockTime) -> String { "\(CalendarDay.pad(time.hour)):\(CalendarDay.pad(time.minute)) Uhr" }

    /// `17:00 bis 19:00 Uhr`, or only the start.
    package static func period(_ begin: WallClockTime, _ end: WallClockTime?) -> String {
        guard let end, end.calendarDay == begin.calendarDay else { return clockTime(begin) }
        return "\(CalendarDay.pad(begin.hour)):\(CalendarDay.pad(begin.minute)) bis \(clockTime(end))"
    }

    /// `94 kB`, `1,1 MB` (decimal units, as file managers show them).
    public static func byteSize(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, (bytes + 500) / 1000)) kB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10) MB"
    }

    /// `PDF`, `DOCX`, … from a file name.
    package static func fileType(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "Datei" }
        return path[path.index(after: dot)...].uppercased()
    }
}
