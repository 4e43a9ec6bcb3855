import TeilhabeSupport
/// When things were created and last changed, taken from the content only (front matter
/// `datum` and `geaendert`, meeting dates) – never from the clock – so exports stay reproducible.
package struct Timestamp: Sendable {
    package var created: WallClockTime
    package var changed: WallClockTime

    package init(_ created: CalendarDay, _ changed: CalendarDay?) {
        self.created = WallClockTime(calendarDay: created)
        self.changed = WallClockTime(calendarDay: max(created, changed ?? created))
    }

    package init(created: WallClockTime, changed: WallClockTime) {
        self.created = created
        self.changed = max(created, changed)
    }

    package static func vorlage(_ v: Vorlage) -> Timestamp { Timestamp(v.datum, v.changed) }

    /// The whole project: its earliest and latest date.
    package static func project(_ project: Projekt) -> Timestamp {
        var days = project.vorlagen.flatMap { [$0.datum] + ($0.changed.map { [$0] } ?? []) }
        days += project.texts.flatMap { ($0.datum.map { [$0] } ?? []) + ($0.changed.map { [$0] } ?? []) }
        days += project.sitzungen.map(\.begin.calendarDay)
        if let stand = project.site.barrierefreiheit.stand { days.append(stand) }
        guard let first = days.min(), let lastDay = days.max() else {
            let null = CalendarDay(daysSince1970: 0)
            return Timestamp(null, null)
        }
        return Timestamp(first, lastDay)
    }
}
