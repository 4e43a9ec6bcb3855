import TeilhabeSupport
/// When things were created and last changed, taken from the content only (front matter
/// `datum` and `geaendert`, meeting dates) – never from the clock – so exports stay reproducible.
package struct Timestamp: Sendable {
    package var erstellt: Zeitpunkt
    package var geaendert: Zeitpunkt

    package init(_ erstellt: Tag, _ geaendert: Tag?) {
        self.erstellt = Zeitpunkt(tag: erstellt)
        self.geaendert = Zeitpunkt(tag: max(erstellt, geaendert ?? erstellt))
    }

    package init(erstellt: Zeitpunkt, geaendert: Zeitpunkt) {
        self.erstellt = erstellt
        self.geaendert = max(erstellt, geaendert)
    }

    package static func vorlage(_ v: Vorlage) -> Timestamp { Timestamp(v.datum, v.geaendert) }

    /// The whole project: its earliest and latest date.
    package static func projekt(_ projekt: Projekt) -> Timestamp {
        var tage = projekt.vorlagen.flatMap { [$0.datum] + ($0.geaendert.map { [$0] } ?? []) }
        tage += projekt.texte.flatMap { ($0.datum.map { [$0] } ?? []) + ($0.geaendert.map { [$0] } ?? []) }
        tage += projekt.sitzungen.map(\.beginn.tag)
        if let stand = projekt.site.barrierefreiheit.stand { tage.append(stand) }
        guard let erstes = tage.min(), let letztes = tage.max() else {
            let null = Tag(tageSeit1970: 0)
            return Timestamp(null, null)
        }
        return Timestamp(erstes, letztes)
    }
}
