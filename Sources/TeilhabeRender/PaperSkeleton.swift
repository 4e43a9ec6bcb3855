import TeilhabeSupport
import TeilhabeModel
import TeilhabeCheck
/// The text of a new draft as `teilhabe neu` and `plan vorlage` write it (contract section 10):
/// front matter with `status: entwurf` and the day it was made, every required heading with a
/// placeholder, and the skeleton of the easy twin. A placeholder keeps the file a draft: the
/// placeholder rule (PLATZHALTER) refuses it in any other status.
package enum PaperSkeleton {
    /// The placeholder the rule looks for (`[Bitte ergänzen …]`).
    package static let placeholder = "[Bitte ergänzen.]"

    /// The heading under which a paper asks the committee to act: `Beschlussvorschlag` for a
    /// Beschlussvorlage (the check requires it), for other papers one of the site's required sections
    /// that is meant for it where there is one, else `Empfehlung`.
    package static func closingSection(art: Vorlage.Art, pflichtabschnitte: [String]) -> String {
        if art == .Beschlussvorlage { return "Beschlussvorschlag" }
        let closingKeys = ["beschlussvorschlag", "empfehlung", "empfehlung der verwaltung", "kenntnisnahme"]
        return pflichtabschnitte.first { closingKeys.contains(VorlageCheck.normalize($0)) } ?? "Empfehlung"
    }

    /// A new Vorlage: every required section with a placeholder, and for a Beschlussvorlage the
    /// Beschlussvorschlag, which it must have.
    package static func vorlage(art: Vorlage.Art, number: String, betreff: String, date: CalendarDay, federfuehrend: String,
                                pflichtabschnitte: [String]) -> String {
        var text = "---\n# Entwurf, erzeugt mit `teilhabe neu vorlage`. Bitte die markierten Stellen ergänzen,\n"
            + "# dann „status: oeffentlich“ (oder nichtoeffentlich) setzen.\n"
            + "art: \(art.rawValue)\nnummer: \(yamlString(number))\nbetreff: \(yamlString(betreff))\n"
            + "datum: \(date)\nstatus: entwurf\nfederfuehrend: \(yamlString(federfuehrend))\n---\n"
        var sections = pflichtabschnitte
        if art == .Beschlussvorlage, !sections.map(VorlageCheck.normalize).contains("beschlussvorschlag") {
            sections.append("Beschlussvorschlag")
        }
        for name in sections { text += "\n## \(name)\n\n\(placeholder)\n" }
        return text
    }

    /// A new Bericht or Seite: its title, today's date, one placeholder paragraph.
    package static func textseite(titel: String, date: CalendarDay, art: Textseite.Art) -> String {
        "---\n# Entwurf, erzeugt mit `teilhabe neu \(art == .bericht ? "bericht" : "seite")`. Bitte ergänzen, dann "
            + "„status: oeffentlich“ setzen.\ntitel: \(yamlString(titel))\ndatum: \(date)\nstatus: entwurf\n---\n\n"
            + "\(placeholder)\n"
    }

    /// The easy twin's skeleton: a title and the two questions every easy text answers first.
    package static func twin() -> String {
        "---\ntitel: \"[Bitte ergänzen: Titel in Leichter Sprache]\"\n---\n## Worum geht es?\n\n\(placeholder)\n\n"
            + "## Was passiert jetzt?\n\n\(placeholder)\n"
    }

    /// `text` as a YAML double-quoted scalar: whatever a user typed (quotes, colons, `#`) stays text.
    package static func yamlString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
