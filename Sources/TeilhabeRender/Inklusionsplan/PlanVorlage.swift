import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// A Mitteilungsvorlage draft that reports the Fortschreibung of the inclusion plan to the
/// committees: the standard-language paper with the required sections and its easy twin,
/// ready for an editor to finish and for `build` to accept.
public enum PlanVorlage {
    public struct Entwurf: Sendable {
        public var slug: String
        public var markdown: String
        public var leicht: String
    }

    public enum Failure: MessageError {
        case keineFortschreibung(String?)

        public var message: Message {
            switch self {
            case let .keineFortschreibung(edition): return .planNoFortschreibung(edition: edition)
            }
        }
    }

    static let standardAbschnitte = ["Sachlage", "Rechtslage", "Personelle und finanzielle Auswirkungen",
                                     "Soziale Auswirkungen", "Auswirkungen auf die Stärkung der Inklusion"]

    public static func entwurf(_ projekt: Projekt, edition: String? = nil) throws -> Entwurf {
        guard let f = projekt.fortschreibung(edition: edition) else { throw Failure.keineFortschreibung(edition) }
        let site = projekt.site
        let slug = "inklusionsplan-fortschreibung-\(Slug.make(f.neu.edition))"
        let abschnitte = site.pflichtabschnitte.isEmpty ? standardAbschnitte : site.pflichtabschnitte
        var text = """
        ---
        # Entwurf, erzeugt mit `teilhabe plan vorlage`. Bitte Nummer, Beratungsfolge und die markierten Stellen ergänzen.
        art: Mitteilungsvorlage
        nummer: "Entwurf-Inklusionsplan-\(f.neu.edition)"
        betreff: "Fortschreibung des Inklusionsplans: Fassung \(f.neu.edition)"
        datum: \(f.neu.stand)
        status: oeffentlich
        federfuehrend: "\(site.amt ?? site.traeger)"
        ---

        """
        for name in abschnitte {
            text += "## \(name)\n\n"
            switch VorlageCheck.normalize(name) {
            case "sachlage": text += sachlage(f)
            case "auswirkungen auf die stärkung der inklusion":
                text += inklusionSatz(f)
            default: text += "[Bitte ergänzen.]\n\n"
            }
        }
        text += "Die Verwaltung bittet um Kenntnisnahme.\n"
        return Entwurf(slug: slug, markdown: text, leicht: leicht(f))
    }

    /// "Mit der Fortschreibung ist 1 Maßnahme umgesetzt worden; 2 neue Maßnahmen setzen die Arbeit fort."
    private static func inklusionSatz(_ f: Fortschreibung) -> String {
        let umgesetzt = f.status.filter { $0.nachher == Massnahme.Status.umgesetzt.text }.count
        let neu = f.hinzu.count
        let neue = GermanText.Noun(singular: "neue Maßnahme", plural: "neue Maßnahmen")
        return "Mit der Fortschreibung \(GermanText.sein(umgesetzt)) \(GermanText.count(umgesetzt, GermanText.massnahme, zero: "keine Maßnahmen")) "
            + "umgesetzt worden; \(GermanText.count(neu, neue, zero: "keine neuen Maßnahmen")) "
            + "\(GermanText.verb(neu, singular: "setzt", plural: "setzen")) die Arbeit fort. [Bitte ergänzen.]\n\n"
    }

    private static func sachlage(_ f: Fortschreibung) -> String {
        func liste(_ eintraege: [String]) -> String { eintraege.isEmpty ? "- keine\n\n" : eintraege.map { "- \($0)\n" }.joined() + "\n" }
        var t = "Der Inklusionsplan wurde fortgeschrieben. Die Fassung \(f.neu.edition) (Stand \(Formatting.datum(f.neu.stand))) "
            + "ersetzt die Fassung \(f.alt.edition) (Stand \(Formatting.datum(f.alt.stand))). Sie umfasst "
            + "\(GermanText.count(f.neu.massnahmen.count, GermanText.massnahme)) in "
            + "\(GermanText.count(f.neu.handlungsfelder.count, GermanText.handlungsfeld)).\n\n"
        t += "| Änderung | Anzahl |\n|---|--:|\n| neue Maßnahmen | \(f.hinzu.count) |\n| entfallene Maßnahmen | \(f.entfallen.count) |\n"
            + "| Statusänderungen | \(f.status.count) |\n| geänderte Zuständigkeiten | \(f.zustaendigkeit.count) |\n"
            + "| geänderte Zeiträume | \(f.zeitraum.count) |\n\n"
        t += "### Neue Maßnahmen\n\n" + liste(f.hinzu.map { "\($0.massnahme.titel) (\($0.massnahme.id), \($0.feld.titel))" })
        t += "### Entfallene Maßnahmen\n\n" + liste(f.entfallen.map { "\($0.massnahme.titel) (\($0.massnahme.id))" })
        t += "### Statusänderungen\n\n" + liste(f.status.map { "\($0.massnahme.titel) (\($0.massnahme.id)): von \($0.vorher) zu \($0.nachher)" })
        t += "### Geänderte Zuständigkeiten und Zeiträume\n\n"
            + liste(f.zustaendigkeit.map { "\($0.massnahme.titel) (\($0.massnahme.id)): zuständig bisher \($0.vorher), jetzt \($0.nachher)" }
                + f.zeitraum.map { "\($0.massnahme.titel) (\($0.massnahme.id)): Zeitraum bisher \($0.vorher), jetzt \($0.nachher)" })
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
        Im neuen Plan \(GermanText.verb(f.neu.massnahmen.count, singular: "steht", plural: "stehen")) \(GermanText.count(f.neu.massnahmen.count, GermanText.aufgabe, zero: "keine Aufgaben")).

        """
        if !f.hinzu.isEmpty {
            t += "\n## Das ist neu\n\n" + f.hinzu.map { "- \($0.massnahme.leicht ?? $0.massnahme.titel)\n" }.joined()
        }
        let fertig = f.status.filter { $0.nachher == Massnahme.Status.umgesetzt.text }
        if !fertig.isEmpty {
            t += "\n## Das ist fertig\n\n" + fertig.map { "- \($0.massnahme.leicht ?? $0.massnahme.titel)\n" }.joined()
        }
        t += "\n## Wie geht es weiter?\n\nDie Politik spricht über den neuen Plan.\n"
        return t
    }
}

import Foundation

extension PlanVorlage {
    public struct Vorhanden: MessageError {
        public var pfad: String
        public var message: Message { .planDraftExists(pfad) }
    }

    /// Writes the draft and its twin into content/vorlagen/; refuses when either file exists.
    public static func schreiben(_ entwurf: Entwurf, content: String) throws -> [String] {
        let md = Paths.join(content, "vorlagen", entwurf.slug + ".md")
        let leicht = Paths.join(content, "vorlagen", entwurf.slug + ".leicht.md")
        for pfad in [md, leicht] where FileManager.default.fileExists(atPath: pfad) { throw Vorhanden(pfad: pfad) }
        try FileManager.default.createDirectory(atPath: Paths.join(content, "vorlagen"), withIntermediateDirectories: true)
        try Data(entwurf.markdown.utf8).write(to: URL(fileURLWithPath: md), options: .withoutOverwriting)
        try Data(entwurf.leicht.utf8).write(to: URL(fileURLWithPath: leicht), options: .withoutOverwriting)
        return [md, leicht]
    }
}
