import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// A Mitteilungsvorlage draft that reports the Fortschreibung of the inclusion plan to the
/// committees: the standard-language paper with the required sections and its easy twin, as a
/// draft (`status: entwurf`, so no build publishes it before an editor has finished it), dated
/// the day it is written, its request sentence in a closing section of its own.
public enum PlanVorlage {
    public struct Entwurf: Sendable {
        public var slug: String
        public var markdown: String
        public var leicht: String
    }

    public enum Failure: MessageError {
        case noFortschreibung(String?)

        public var message: Message {
            switch self {
            case let .noFortschreibung(edition): return .planNoFortschreibung(edition: edition)
            }
        }
    }

    static let standardSections = ["Sachlage", "Rechtslage", "Personelle und finanzielle Auswirkungen",
                                     "Soziale Auswirkungen", "Auswirkungen auf die Stärkung der Inklusion"]

    /// The sentence that asks the committee to act; it closes the paper under a heading of its own.
    static let requestSentence = "Die Verwaltung bittet um Kenntnisnahme."

    /// The draft for the edition (default: the newest), dated `heute`, with the paper number `nummer`
    /// (`"2026/0007"`, the next free one, which the writer finds).
    public static func entwurf(_ project: Projekt, edition: String? = nil, today: CalendarDay, number: String) throws -> Entwurf {
        guard let f = project.fortschreibung(edition: edition) else { throw Failure.noFortschreibung(edition) }
        let site = project.site
        let slug = "inklusionsplan-fortschreibung-\(Slug.make(f.newer.edition))"
        let sections = site.pflichtabschnitte.isEmpty ? standardSections : site.pflichtabschnitte
        var text = """
        ---
        # Entwurf, erzeugt mit `teilhabe plan vorlage`. Bitte Beratungsfolge und die markierten Stellen ergänzen,
        # dann „status: oeffentlich“ (oder nichtoeffentlich) setzen.
        art: Mitteilungsvorlage
        nummer: "\(number)"
        betreff: "Fortschreibung des Inklusionsplans: Fassung \(f.newer.edition)"
        datum: \(today)
        status: entwurf
        federfuehrend: \(PaperSkeleton.yamlString(site.amt ?? site.traeger))
        ---

        """
        let end = PaperSkeleton.closingSection(art: .Mitteilungsvorlage, pflichtabschnitte: sections)
        for name in sections {
            text += "## \(name)\n\n"
            switch VorlageCheck.normalize(name) {
            case "sachlage": text += situation(f)
            case "auswirkungen auf die stärkung der inklusion":
                text += inclusionSentence(f)
            case VorlageCheck.normalize(end): text += requestSentence + "\n\n"
            default: text += PaperSkeleton.placeholder + "\n\n"
            }
        }
        if !sections.map(VorlageCheck.normalize).contains(VorlageCheck.normalize(end)) {
            text += "## \(end)\n\n\(requestSentence)\n"
        }
        return Entwurf(slug: slug, markdown: text, leicht: leicht(f))
    }

    /// "Mit der Fortschreibung ist 1 Maßnahme umgesetzt worden; 2 neue Maßnahmen setzen die Arbeit fort."
    private static func inclusionSentence(_ f: Fortschreibung) -> String {
        let implementedCount = f.status.filter { $0.after == Massnahme.Status.umgesetzt.text }.count
        let new = f.added.count
        let added = GermanText.Noun(singular: "neue Maßnahme", plural: "neue Maßnahmen")
        return "Mit der Fortschreibung \(GermanText.be(implementedCount)) \(GermanText.count(implementedCount, GermanText.massnahme, zero: "keine Maßnahmen")) "
            + "umgesetzt worden; \(GermanText.count(new, added, zero: "keine neuen Maßnahmen")) "
            + "\(GermanText.verb(new, singular: "setzt", plural: "setzen")) die Arbeit fort. \(PaperSkeleton.placeholder)\n\n"
    }

    private static func situation(_ f: Fortschreibung) -> String {
        func list(_ entries: [String]) -> String { entries.isEmpty ? "- keine\n\n" : entries.map { "- \($0)\n" }.joined() + "\n" }
        var t = "Der Inklusionsplan wurde fortgeschrieben. Die Fassung \(f.newer.edition) (Stand \(Formatting.date(f.newer.stand))) "
            + "ersetzt die Fassung \(f.older.edition) (Stand \(Formatting.date(f.older.stand))). Sie umfasst "
            + "\(GermanText.count(f.newer.massnahmen.count, GermanText.massnahme)) in "
            + "\(GermanText.count(f.newer.handlungsfelder.count, GermanText.handlungsfeld)).\n\n"
        t += "| Änderung | Anzahl |\n|---|--:|\n| neue Maßnahmen | \(f.added.count) |\n| entfallene Maßnahmen | \(f.dropped.count) |\n"
            + "| Statusänderungen | \(f.status.count) |\n| geänderte Zuständigkeiten | \(f.zustaendigkeit.count) |\n"
            + "| geänderte Zeiträume | \(f.zeitraum.count) |\n\n"
        t += "### Neue Maßnahmen\n\n" + list(f.added.map { "\($0.massnahme.titel) (\($0.massnahme.id), \($0.field.titel))" })
        t += "### Entfallene Maßnahmen\n\n" + list(f.dropped.map { "\($0.massnahme.titel) (\($0.massnahme.id))" })
        t += "### Statusänderungen\n\n" + list(f.status.map { "\($0.massnahme.titel) (\($0.massnahme.id)): von \($0.before) zu \($0.after)" })
        t += "### Geänderte Zuständigkeiten und Zeiträume\n\n"
            + list(f.zustaendigkeit.map { "\($0.massnahme.titel) (\($0.massnahme.id)): zuständig bisher \($0.before), jetzt \($0.after)" }
                + f.zeitraum.map { "\($0.massnahme.titel) (\($0.massnahme.id)): Zeitraum bisher \($0.before), jetzt \($0.after)" })
        return t
    }

    private static func leicht(_ f: Fortschreibung) -> String {
        var t = """
        ---
        titel: Der Inklusions·plan ist neu
        ---
        ## Worum geht es?

        Im Inklusions·plan stehen Aufgaben für mehr Inklusion.
        Jetzt gibt es einen neuen Plan.
        Im neuen Plan \(GermanText.verb(f.newer.massnahmen.count, singular: "steht", plural: "stehen")) \(GermanText.count(f.newer.massnahmen.count, GermanText.task, zero: "keine Aufgaben")).

        """
        if !f.added.isEmpty {
            t += "\n## Das ist neu\n\n" + f.added.map { "- \($0.massnahme.leicht ?? $0.massnahme.titel)\n" }.joined()
        }
        let done = f.status.filter { $0.after == Massnahme.Status.umgesetzt.text }
        if !done.isEmpty {
            t += "\n## Das ist fertig\n\n" + done.map { "- \($0.massnahme.leicht ?? $0.massnahme.titel)\n" }.joined()
        }
        t += "\n## Wie geht es weiter?\n\nDie Politik spricht über den neuen Plan.\n"
        return t
    }
}
