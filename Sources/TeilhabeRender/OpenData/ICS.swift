import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// iCalendar (RFC 5545) for meetings: one file per meeting, per committee and for all.
enum ICS {
    static func calendar(name: String, sitzungen: [Sitzung], _ u: RenderContext, _ base: SiteBase) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Teilhabe//Teilhabe \(TeilhabeCore.version)//DE",
                      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(name))",
                      "X-WR-TIMEZONE:Europe/Berlin"]
        lines += timeZone
        for sitzung in sitzungen.sorted(by: { ($0.begin, $0.id) < ($1.begin, $1.id) }) {
            lines += event(sitzung, u, base)
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func event(_ s: Sitzung, _ u: RenderContext, _ base: SiteBase) -> [String] {
        let gremium = u.gremiumName(s.gremium)
        let url = base.absolute(Addresses.sitzung(s.id))
        let stamp = u.stamp(s)
        let tops = s.tagesordnung.map { top -> String in
            let titel = top.status == .nichtoeffentlich && !u.isInternal ? "Nichtöffentlicher Teil"
                : top.vorlage.flatMap { u.directory.withVorlage(number: $0) { "\($0.nummer) \($0.betreff)" } } ?? top.titel ?? ""
            return "TOP \(top.top): \(titel)"
        }
        let beschreibung = (tops.isEmpty ? [] : ["Tagesordnung:"] + tops + [""]) + ["Sitzungsseite: \(url)"]
        var lines = ["BEGIN:VEVENT", "UID:sitzung-\(s.id)@\(base.host)", "DTSTAMP:\(stamp.changed.icsUTC)",
                      "DTSTART;TZID=Europe/Berlin:\(s.begin.icsLocal)"]
        if let end = s.ende { lines.append("DTEND;TZID=Europe/Berlin:\(end.icsLocal)") }
        lines.append("SUMMARY:\(escape("Sitzung: \(gremium)"))")
        if let place = s.ort { lines.append("LOCATION:\(escape(place))") }
        lines += ["DESCRIPTION:\(escape(beschreibung.joined(separator: "\n")))", "URL:\(url)",
                   "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
        return lines
    }

    /// Europe/Berlin with the EU rule, so calendar programs need no outside time-zone data.
    static let timeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
    ]

    /// TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        // Most texts hold none of these: they are returned as they are, without a walk by Characters.
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        if let bytes = simpleBytes(text) { return escapeBytes(bytes) }
        return escapeByCharacters(text)
    }

    /// `escape` for any text, Character by Character.
    static func escapeByCharacters(_ text: String) -> String {
        var out = ""
        for char in text {
            switch char {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.append(char)
            }
        }
        return out
    }

    /// The text's bytes where each Character is one Unicode scalar below U+0300 (no combining marks,
    /// no CR LF pair), so that bytes can be handled one by one with the result of the Character walk:
    /// a meeting's description is escaped and folded in every calendar it is in, and the walk by
    /// Characters took 120 M instructions for 75 events (callgrind, 200-paper corpus).
    private static func simpleBytes(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        return bytes.contains(where: { $0 >= 0xCC || $0 == 0x0D }) ? nil : bytes
    }

    private static func escapeBytes(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        for b in bytes {
            switch b {
            case 0x5C, 0x3B, 0x2C: out.append(0x5C); out.append(b)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 character.
    static func fold(_ sourceLine: String) -> String {
        guard sourceLine.utf8.count > 75 else { return sourceLine }
        if let bytes = simpleBytes(sourceLine) { return foldBytes(bytes) }
        return foldByCharacters(sourceLine)
    }

    /// `fold` for any line, Character by Character.
    static func foldByCharacters(_ sourceLine: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for char in sourceLine {
            let length = char.utf8.count
            let limit = parts.isEmpty ? 75 : 74   // continuation lines start with a space
            if octets + length > limit {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.append(char)
            octets += length
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }

    /// `fold` for text whose Characters are single scalars: a break goes before the lead byte of the
    /// character that would pass the limit.
    private static func foldBytes(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 20 + 8)
        var octets = 0, limit = 75, i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            if octets + length > limit {
                out.append(contentsOf: [0x0D, 0x0A, 0x20])
                octets = 0
                limit = 74   // continuation lines start with a space
            }
            out.append(contentsOf: bytes[i..<min(i + length, bytes.count)])
            octets += length
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }
}
