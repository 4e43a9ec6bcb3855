import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Meeting pages with their agendas and easy twins, and the calendar page of all meetings.
enum SitzungenPages {
    static func alle(_ u: RenderContext) -> [PageJob] { [{ liste(u) }] }

    static func verfolgt(_ u: RenderContext) -> [TrackedPage] {
        u.projekt.sitzungen.flatMap { s -> [TrackedPage] in
            let quellen = u.quellen(s)
            return [TrackedPage(datei: Addresses.datei(Addresses.sitzung(s.id)), quellen: quellen) { seite(s, u) },
                    TrackedPage(datei: Addresses.datei(Addresses.sitzung(s.id, leicht: true)), quellen: quellen) { leicht(s, u) }]
        }
    }

    /// One meeting as a row or list entry.
    static func zeile(_ s: Sitzung, _ linker: Linker, _ u: RenderContext) -> TemplateContext {
        ["href": linker.to(Addresses.sitzung(s.id)), "datum": Formatting.datumMitWochentag(s.beginn.tag),
         "datum_iso": s.beginn.tag.description, "uhrzeit": Formatting.zeitraum(s.beginn, s.ende),
         "gremium": u.gremiumName(s.gremium), "ort": s.ort ?? false,
         "titel": "\(u.gremiumName(s.gremium)): Sitzung am \(Formatting.datum(s.beginn.tag))"]
    }

    static func liste(_ u: RenderContext) -> Page {
        var seite = Page(datei: "sitzungen/index.html", template: "sitzungen", titel: "Sitzungskalender", bereich: "sitzungen")
        seite.brotkrumen = [("Sitzungen", nil)]
        let (kommend, vergangen) = u.kommendeUndVergangene(u.projekt.sitzungen)
        func tabelle(_ titel: String, _ s: [Sitzung]) -> Any {
            s.isEmpty ? false : ["tabellentitel": "\(titel) (\(s.count))", "zeilen": s.map { zeile($0, seite.linker, u) }] as TemplateContext
        }
        seite.kontext = ["titel": "Sitzungskalender", "kommende_tabelle": tabelle("Kommende Sitzungen", kommend),
                         "vergangene_tabelle": tabelle("Vergangene Sitzungen", vergangen),
                         "ics_href": u.offeneDaten ? seite.linker.to("kalender.ics") : false]
        return seite
    }

    /// The agenda with what a reader of this build may see.
    static func tops(_ s: Sitzung, _ linker: Linker, leicht: Bool, _ u: RenderContext) -> [TemplateContext] {
        s.tagesordnung.map { top in
            guard top.status == .oeffentlich || u.intern else {
                return ["top": top.top, "titel": "Nichtöffentlicher Teil", "nummer": "", "ergebnis": "",
                        "vorlage_href": false, "geschlossen": true]
            }
            guard let nummer = top.vorlage, let vorlage = u.vorlage(nummer: nummer) else {
                return ["top": top.top, "titel": top.titel ?? "", "nummer": "", "ergebnis": "", "vorlage_href": false,
                        "geschlossen": false]
            }
            let ergebnis = vorlage.beratungsfolge.first { $0.sitzung == s.id }?.ergebnis
            let zusatz = vorlage.status == .nichtoeffentlich ? " (nichtöffentlich)" : ""
            let easy = leicht ? vorlage.leicht : nil
            return ["top": top.top, "titel": (easy?.titel ?? top.titel ?? vorlage.betreff) + zusatz, "nummer": nummer,
                    "vorlage_href": linker.to(Addresses.seite(vorlage.pfad, leicht: easy != nil)),
                    "ergebnis": ergebnis ?? "", "geschlossen": false]
        }
    }

    static func seite(_ s: Sitzung, _ u: RenderContext) -> Page {
        let gremium = u.gremiumName(s.gremium)
        let titel = "\(gremium): Sitzung am \(Formatting.datum(s.beginn.tag))"
        var seite = Page(datei: Addresses.datei(Addresses.sitzung(s.id)), template: "sitzung", titel: titel,
                          bereich: "sitzungen")
        seite.brotkrumen = [("Sitzungen", "sitzungen/"), (Formatting.kurzdatum(s.beginn.tag), nil)]
        seite.gegenstueck = (Addresses.sitzung(s.id, leicht: true), "Leichte Sprache")
        let linker = seite.linker
        let tops = tops(s, linker, leicht: false, u)
        seite.kontext = zeile(s, linker, u).merging([
            "titel": titel, "gremium_href": linker.to(Addresses.gremium(s.gremium)),
            "tops": tops, "hat_tops": !tops.isEmpty,
            "ics_href": u.offeneDaten ? linker.to(Addresses.sitzung(s.id) + "sitzung.ics") : false,
        ])
        return seite
    }

    static func leicht(_ s: Sitzung, _ u: RenderContext) -> Page {
        let titel = "Treffen am \(Formatting.datum(s.beginn.tag))"
        var seite = Page(datei: Addresses.datei(Addresses.sitzung(s.id, leicht: true)), template: "sitzung-leicht",
                          titel: titel, leicht: true, bereich: "leichte-sprache")
        seite.brotkrumen = [("Leichte Sprache", "leichte-sprache/"), (titel, nil)]
        seite.gegenstueck = Page.gegenstueckZuAlltag("sitzungen/\(s.id)")
        let linker = seite.linker
        let alle = tops(s, linker, leicht: true, u)
        let offen = alle.filter { $0["geschlossen"] as? Bool != true }
        let zeit = s.ende.map { "Von \(Formatting.uhrzeit(s.beginn)) bis \(Formatting.uhrzeit($0))." }
            ?? "Beginn: \(Formatting.uhrzeit(s.beginn))."
        seite.kontext = [
            "titel": titel, "gremium": u.gremiumName(s.gremium),
            "gremium_href": linker.to(Addresses.gremium(s.gremium, leicht: true)),
            "datum": Formatting.datumMitWochentag(s.beginn.tag), "uhrzeit": zeit, "ort": s.ort ?? false,
            "themen": offen, "hat_themen": !offen.isEmpty,
            "hat_geschlossen": alle.count > offen.count,
            "geschlossen_text": geschlossenLeicht(alle.count - offen.count),
        ]
        return seite
    }

    /// "Über 1 Thema … Dieses Thema ist geheim." / "Über 2 Themen … Diese Themen sind geheim."
    static func geschlossenLeicht(_ n: Int) -> String {
        "Über \(GermanText.count(n, GermanText.thema)) sprechen sie ohne Besucher. "
            + "\(n == 1 ? "Dieses" : "Diese") \(GermanText.thema.form(n)) \(GermanText.sein(n)) geheim."
    }
}
