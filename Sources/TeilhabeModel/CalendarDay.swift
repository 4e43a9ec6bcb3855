/// A calendar day as written in the content (`2019-09-10`), free of time zones.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var year: Int, month: Int, day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...CalendarDay.daysIn(month: m, year: y)).contains(d) else { return nil }
        year = y; month = m; day = d
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO form, `2019-09-10`.
    public var description: String {
        "\(year)-\(CalendarDay.pad(month))-\(CalendarDay.pad(day))"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    package static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// 0 = Sunday … 6 = Saturday (Sakamoto's method).
    package var weekday: Int {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7
    }
}

/// A local wall-clock time in Europe/Berlin (`2021-09-22T17:00`), as meetings are announced.
public struct WallClockTime: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var calendarDay: CalendarDay
    public var hour: Int, minute: Int

    public init?(_ text: String) {
        let halves = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard halves.count == 2, let calendarDay = CalendarDay(String(halves[0])) else { return nil }
        let clock = halves[1].split(separator: ":")
        guard clock.count == 2 || clock.count == 3, let h = Int(clock[0]), let m = Int(clock[1]),
              (0...23).contains(h), (0...59).contains(m), clock.count == 2 || clock[2] == "00" else { return nil }
        self.calendarDay = calendarDay; hour = h; minute = m
    }

    public var description: String { "\(calendarDay)T\(CalendarDay.pad(hour)):\(CalendarDay.pad(minute))" }

    public static func < (a: WallClockTime, b: WallClockTime) -> Bool {
        (a.calendarDay, a.hour, a.minute) < (b.calendarDay, b.hour, b.minute)
    }
}

public enum Status: String, Sendable, CaseIterable, Codable {
    /// `entwurf`: a draft (Vorlagen, Berichte, Seiten only) – in no build but the `serve` preview.
    case oeffentlich, nichtoeffentlich, entwurf

    /// Whether a build for `publikum` shows what has this status; drafts only where `drafts` asks for them
    /// (the preview). Every case is named, so a new status must decide here (fail closed).
    public func visible(for publikum: Publikum, drafts: Bool = false) -> Bool {
        switch self {
        case .oeffentlich: return true
        case .nichtoeffentlich: return publikum == .gremium
        case .entwurf: return drafts
        }
    }
}

/// Who a build is for: the public, or the members of the committees (everything).
public enum Publikum: String, Sendable, CaseIterable {
    case oeffentlich, gremium
}
