import TeilhabeSupport
/// Europe/Berlin local time → offset and UTC, by the EU summer-time rule (in force since 1996):
/// summer time from the last Sunday of March, 02:00, to the last Sunday of October, 03:00.
/// Computed here so that output never depends on the machine's time-zone data or clock.
extension CalendarDay {
    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    package var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    package init(daysSince1970 z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    package func plus(days: Int) -> CalendarDay { CalendarDay(daysSince1970: daysSince1970 + days) }

    /// The day of the last Sunday of a month.
    package static func lastSunday(month: Int, year: Int) -> Int {
        let last = CalendarDay(daysSince1970: 0).with(year: year, month: month, day: daysIn(month: month, year: year))
        return last.day - last.weekday
    }

    private func with(year: Int, month: Int, day: Int) -> CalendarDay {
        var t = self
        t.year = year; t.month = month; t.day = day
        return t
    }
}

extension WallClockTime {
    package init(calendarDay: CalendarDay, hour: Int = 0, minute: Int = 0) {
        self.calendarDay = calendarDay
        self.hour = hour
        self.minute = minute
    }

    /// Hours ahead of UTC in Berlin at this local time: 2 in summer, 1 otherwise.
    package var berlinOffset: Int {
        let m = calendarDay.month
        if m > 3 && m < 10 { return 2 }
        if m == 3 {
            let change = CalendarDay.lastSunday(month: 3, year: calendarDay.year)
            return calendarDay.day > change || (calendarDay.day == change && hour >= 2) ? 2 : 1
        }
        if m == 10 {
            let change = CalendarDay.lastSunday(month: 10, year: calendarDay.year)
            return calendarDay.day < change || (calendarDay.day == change && hour < 3) ? 2 : 1
        }
        return 1
    }

    /// `2021-09-22T17:00:00+02:00`, as OParl and Atom want it.
    package var isoWithOffset: String { "\(description):00+0\(berlinOffset):00" }

    /// The same instant in UTC.
    package var utc: WallClockTime {
        var h = hour - berlinOffset, t = calendarDay
        if h < 0 { h += 24; t = t.plus(days: -1) }
        return WallClockTime(calendarDay: t, hour: h, minute: minute)
    }

    /// `20210922T170000` (local form for iCalendar with TZID).
    package var icsLocal: String {
        "\(calendarDay.year)\(CalendarDay.pad(calendarDay.month))\(CalendarDay.pad(calendarDay.day))T\(CalendarDay.pad(hour))\(CalendarDay.pad(minute))00"
    }

    /// `20210922T150000Z`
    package var icsUTC: String { utc.icsLocal + "Z" }
}
