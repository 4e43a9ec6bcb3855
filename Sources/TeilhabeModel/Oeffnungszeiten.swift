import TeilhabeSupport
/// Opening hours in a subset of OpenStreetMap's `opening_hours` syntax: `24/7`, rules separated by `;`,
/// each with days (`Mo-Fr`, `Mo,We,Fr`, `PH`) and times (`09:00-12:00,14:00-18:00`) or `off`.
/// Anything outside the subset is an error, never a guess.
public struct Oeffnungszeiten: Sendable, Equatable {
    public enum Weekday: Int, Sendable, CaseIterable {
        case mo, tu, we, th, fr, sa, su

        static let codes = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
        public var code: String { Self.codes[rawValue] }
        public var name: String { ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"][rawValue] }
    }

    /// One day or a range of days (`Fr-Mo` runs over the weekend, as in OSM).
    public struct DayRange: Sendable, Equatable {
        public var from: Weekday
        public var to: Weekday
    }

    /// Minutes since midnight; the end may pass midnight (`22:00-02:00` or `22:00-26:00`).
    public struct TimeSpan: Sendable, Equatable {
        public var from: Int
        public var to: Int
    }

    public struct OpeningRule: Sendable, Equatable {
        /// Empty: every day (unless `feiertage` alone is named).
        public var days: [DayRange] = []
        public var publicHolidays = false
        public var times: [TimeSpan] = []
        public var closed = false
    }

    public var text: String
    public var always: Bool
    public var rules: [OpeningRule]

    /// What went wrong and where (1-based column within the value).
    public struct Problem: Error, Sendable {
        public var message: Message
        public var column: Int
    }

    public static func parse(_ text: String) -> Result<Oeffnungszeiten, Problem> {
        let trimmed = text.trimmed()
        if trimmed == "24/7" { return .success(Oeffnungszeiten(text: trimmed, always: true, rules: [])) }
        var rules: [OpeningRule] = []
        var offset = 0
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            let lead = part.prefix { $0 == " " }.count
            let body = part.trimmed()
            guard !body.isEmpty else { return .failure(Problem(message: .openingHoursEmptyRule, column: offset + 1)) }
            switch rule(Substring(body), column: offset + lead + 1) {
            case let .success(r): rules.append(r)
            case let .failure(p): return .failure(p)
            }
            offset += part.count + 1
        }
        return .success(Oeffnungszeiten(text: trimmed, always: false, rules: rules))
    }

    /// `<days> <times>`, `<days> off`, `<times>`, or `<days>` (open all day is not in the subset: an error).
    private static func rule(_ body: Substring, column: Int) -> Result<OpeningRule, Problem> {
        let words = body.split(separator: " ", omittingEmptySubsequences: true)
        var r = OpeningRule()
        var rest = words[...]
        if let first = rest.first, first.first?.isLetter == true, !["off", "closed"].contains(first) {
            switch days(first, column: column) {
            case let .success((days, ph)): r.days = days; r.publicHolidays = ph
            case let .failure(p): return .failure(p)
            }
            rest = rest.dropFirst()
        }
        let restColumn = column + (rest.first.map { body.distance(from: body.startIndex, to: $0.startIndex) } ?? body.count)
        guard let time = rest.first, rest.count == 1 else {
            return .failure(Problem(message: rest.isEmpty ? .openingHoursNoTime : .openingHoursUnknown(String(rest.dropFirst().first ?? "")),
                                    column: rest.isEmpty ? column + body.count : restColumn + (rest.first?.count ?? 0) + 1))
        }
        if time == "off" || time == "closed" { r.closed = true; return .success(r) }
        switch spans(time, column: restColumn) {
        case let .success(s): r.times = s; return .success(r)
        case let .failure(p): return .failure(p)
        }
    }

    private static func days(_ word: Substring, column: Int) -> Result<([DayRange], Bool), Problem> {
        var days: [DayRange] = [], ph = false, offset = 0
        for item in word.split(separator: ",", omittingEmptySubsequences: false) {
            let at = column + offset
            offset += item.count + 1
            if item == "PH" { ph = true; continue }
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            let found = ends.map { Weekday.codes.firstIndex(of: String($0)).flatMap(Weekday.init(rawValue:)) }
            guard (1...2).contains(ends.count), let from = found.first ?? nil, let to = found.last ?? nil else {
                let bad = ends.first { Weekday.codes.firstIndex(of: String($0)) == nil }.map(String.init) ?? String(item)
                let suggestion = Suggest.closest(to: bad, in: Weekday.codes + ["PH"])
                return .failure(Problem(message: .openingHoursUnknownDay(bad, suggestion: suggestion), column: at))
            }
            days.append(DayRange(from: from, to: to))
        }
        return .success((days, ph))
    }

    private static func spans(_ word: Substring, column: Int) -> Result<[TimeSpan], Problem> {
        var result: [TimeSpan] = [], offset = 0
        for item in word.split(separator: ",", omittingEmptySubsequences: false) {
            let at = column + offset
            offset += item.count + 1
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count == 2, let from = minutes(ends[0], max: 24 * 60), let to = minutes(ends[1], max: 48 * 60), from != to else {
                return .failure(Problem(message: .openingHoursBadTime(String(item)), column: at))
            }
            result.append(TimeSpan(from: from, to: to))
        }
        return .success(result)
    }

    /// `HH:MM` with two-digit minutes below 60.
    private static func minutes(_ s: Substring, max: Int) -> Int? {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let h = Int(parts[0]), let m = Int(parts[1]), h >= 0, (0..<60).contains(m) else { return nil }
        let total = h * 60 + m
        return total <= max ? total : nil
    }
}

extension Oeffnungszeiten {
    /// One sentence part per rule: "Montag bis Freitag 9 bis 12 Uhr", "an Feiertagen geschlossen".
    public var inWords: [String] {
        if always { return ["Täglich rund um die Uhr"] }
        return rules.map { r in
            let when = Self.daysInWords(r)
            let what = r.closed ? "geschlossen" : r.times.map(Self.spanInWords).joined(separator: " und ")
            let line = when + " " + what
            return line.prefix(1).uppercased() + line.dropFirst()
        }
    }

    static func daysInWords(_ r: OpeningRule) -> String {
        var parts = r.days.map { t in t.from == t.to ? t.from.name : "\(t.from.name) bis \(t.to.name)" }
        if r.publicHolidays { parts.append("an Feiertagen") }
        if parts.isEmpty { return "Täglich" }
        if parts.count == 1 { return parts[0] }
        return parts.dropLast().joined(separator: ", ") + " und " + parts.last!
    }

    /// "9 bis 12 Uhr", "9:30 bis 12:15 Uhr", past midnight "22 bis 2 Uhr".
    static func spanInWords(_ s: TimeSpan) -> String {
        func clock(_ m: Int) -> String {
            let h = m == 24 * 60 ? 24 : (m / 60) % 24   // 24:00 is midnight at the end of the day
            return m % 60 == 0 ? "\(h)" : "\(h):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
        }
        return "\(clock(s.from)) bis \(clock(s.to)) Uhr"
    }

    /// schema.org `openingHours` values: the open rules as "Mo-Fr 09:00-12:00" (holidays and closed days have no form there).
    public var schemaOrg: [String] {
        if always { return ["Mo-Su 00:00-24:00"] }
        return rules.filter { !$0.closed && !($0.publicHolidays && $0.days.isEmpty) }.flatMap { r -> [String] in
            let days = r.days.isEmpty ? "Mo-Su" : r.days.map { $0.from == $0.to ? $0.from.code : "\($0.from.code)-\($0.to.code)" }.joined(separator: ",")
            return r.times.map { "\(days) \(Self.hhmm($0.from))-\(Self.hhmm($0.to))" }
        }
    }

    static func hhmm(_ m: Int) -> String {
        let h = m / 60, mm = m % 60
        return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
    }
}
