/// German presentation of dates, times and sizes, done in Swift so templates only print text.
public enum Formatting {
    package static let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                         "September", "Oktober", "November", "Dezember"]
    package static let wochentage = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]

    /// `10. September 2019`
    package static func datum(_ tag: Tag) -> String { "\(tag.day). \(months[tag.month - 1]) \(tag.year)" }

    /// `Mittwoch, 22. September 2021`
    package static func dateWithWeekday(_ tag: Tag) -> String { "\(wochentage[tag.weekday]), \(datum(tag))" }

    /// `10.09.2019`, for compact tables.
    package static func kurzdatum(_ tag: Tag) -> String { "\(Tag.pad(tag.day)).\(Tag.pad(tag.month)).\(tag.year)" }

    /// `17:00 Uhr`
    package static func uhrzeit(_ time: Zeitpunkt) -> String { "\(Tag.pad(time.hour)):\(Tag.pad(time.minute)) Uhr" }

    /// `17:00 bis 19:00 Uhr`, or only the start.
    package static func zeitraum(_ begin: Zeitpunkt, _ ende: Zeitpunkt?) -> String {
        guard let ende, ende.tag == begin.tag else { return uhrzeit(begin) }
        return "\(Tag.pad(begin.hour)):\(Tag.pad(begin.minute)) bis \(uhrzeit(ende))"
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
