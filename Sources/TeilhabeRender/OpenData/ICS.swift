import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// iCalendar (RFC 5545) for meetings: one file per meeting, per committee and for all.
enum ICS {
    static func kalender(name: String, sitzungen: [Sitzung], _ u: RenderContext, _ basis: SiteBase) -> String {
        var zeilen = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Teilhabe//Teilhabe \(TeilhabeCore.version)//DE",
                      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:\(escape(name))",
                      "X-WR-TIMEZONE:Europe/Berlin"]
        zeilen += zeitzone
        for sitzung in sitzungen.sorted(by: { ($0.beginn, $0.id) < ($1.beginn, $1.id) }) {
            zeilen += ereignis(sitzung, u, basis)
        }
        zeilen.append("END:VCALENDAR")
        return zeilen.map(falten).joined(separator: "\r\n") + "\r\n"
    }

    static func ereignis(_ s: Sitzung, _ u: RenderContext, _ basis: SiteBase) -> [String] {
        let gremium = u.gremiumName(s.gremium)
        let url = basis.absolut(Addresses.sitzung(s.id))
        let stempel = u.stempel(s)
        let tops = s.tagesordnung.map { top -> String in
            let titel = top.status == .nichtoeffentlich && !u.intern ? "Nichtöffentlicher Teil"
                : top.vorlage.flatMap { u.vorlage(nummer: $0).map { "\($0.nummer) \($0.betreff)" } } ?? top.titel ?? ""
            return "TOP \(top.top): \(titel)"
        }
        let beschreibung = (tops.isEmpty ? [] : ["Tagesordnung:"] + tops + [""]) + ["Sitzungsseite: \(url)"]
        var zeilen = ["BEGIN:VEVENT", "UID:sitzung-\(s.id)@\(basis.host)", "DTSTAMP:\(stempel.geaendert.icsUTC)",
                      "DTSTART;TZID=Europe/Berlin:\(s.beginn.icsLokal)"]
        if let ende = s.ende { zeilen.append("DTEND;TZID=Europe/Berlin:\(ende.icsLokal)") }
        zeilen.append("SUMMARY:\(escape("Sitzung: \(gremium)"))")
        if let ort = s.ort { zeilen.append("LOCATION:\(escape(ort))") }
        zeilen += ["DESCRIPTION:\(escape(beschreibung.joined(separator: "\n")))", "URL:\(url)",
                   "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
        return zeilen
    }

    /// Europe/Berlin with the EU rule, so calendar programs need no outside time-zone data.
    static let zeitzone = [
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

    /// Lines longer than 75 octets are folded: CRLF and one space, never inside a UTF-8 character.
    static func falten(_ zeile: String) -> String {
        guard zeile.utf8.count > 75 else { return zeile }
        var teile: [String] = []
        var aktuell = ""
        var octets = 0
        for char in zeile {
            let laenge = String(char).utf8.count
            let grenze = teile.isEmpty ? 75 : 74   // continuation lines start with a space
            if octets + laenge > grenze {
                teile.append(aktuell)
                aktuell = ""
                octets = 0
            }
            aktuell.append(char)
            octets += laenge
        }
        teile.append(aktuell)
        return teile.joined(separator: "\r\n ")
    }
}
