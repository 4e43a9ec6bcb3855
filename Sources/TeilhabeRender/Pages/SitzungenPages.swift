import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Meeting pages with their agendas and easy twins, and the calendar page of all meetings.
enum SitzungenPages {
    static func allItems(_ u: RenderContext) -> [PageJob] { [{ list(u) }] }

    static func tracked(_ u: RenderContext) -> [TrackedPage] {
        u.project.sitzungen.flatMap { s -> [TrackedPage] in
            let sources = u.sources(s)
            return [TrackedPage(filePath: Addresses.filePath(Addresses.sitzung(s.id)), sources: sources) { webPage(s, u) },
                    TrackedPage(filePath: Addresses.filePath(Addresses.sitzung(s.id, leicht: true)), sources: sources) { leicht(s, u) }]
        }
    }

    /// One meeting as a row or list entry.
    static func sourceLine(_ s: Sitzung, _ linker: Linker, _ u: RenderContext) -> TemplateContext {
        ["href": linker.to(Addresses.sitzung(s.id)), "datum": Formatting.dateWithWeekday(s.begin.calendarDay),
         "datum_iso": s.begin.calendarDay.description, "uhrzeit": Formatting.period(s.begin, s.ende),
         "gremium": u.gremiumName(s.gremium), "ort": s.ort ?? false,
         "titel": "\(u.gremiumName(s.gremium)): Sitzung am \(Formatting.date(s.begin.calendarDay))"]
    }

    static func list(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: "sitzungen/index.html", template: "sitzungen", titel: "Sitzungskalender", section: "sitzungen")
        webPage.breadcrumbs = [("Sitzungen", nil)]
        let (upcoming, past) = u.upcomingAndPast(u.project.sitzungen)
        func table(_ titel: String, _ s: [Sitzung]) -> Any {
            s.isEmpty ? false : ["tabellentitel": "\(titel) (\(s.count))", "zeilen": s.map { sourceLine($0, webPage.linker, u) }] as TemplateContext
        }
        webPage.context = ["titel": "Sitzungskalender", "kommende_tabelle": table("Kommende Sitzungen", upcoming),
                         "vergangene_tabelle": table("Vergangene Sitzungen", past),
                         "ics_href": u.openData ? webPage.linker.to("kalender.ics") : false]
        return webPage
    }

    /// The agenda with what a reader of this build may see.
    static func tops(_ s: Sitzung, _ linker: Linker, leicht: Bool, _ u: RenderContext) -> [TemplateContext] {
        s.tagesordnung.map { top in
            guard top.status == .oeffentlich || u.isInternal else {
                return ["top": top.top, "titel": "Nichtöffentlicher Teil", "nummer": "", "ergebnis": "",
                        "vorlage_href": false, "geschlossen": true]
            }
            guard let number = top.vorlage, let vorlage = u.vorlage(number: number) else {
                return ["top": top.top, "titel": top.titel ?? "", "nummer": "", "ergebnis": "", "vorlage_href": false,
                        "geschlossen": false]
            }
            let resultValue = vorlage.beratungsfolge.first { $0.sitzung == s.id }?.resultValue
            let extra = vorlage.status == .nichtoeffentlich ? (leicht ? " (geheim)" : " (nichtöffentlich)") : ""
            let easy = leicht ? vorlage.leicht : nil
            return ["top": top.top, "titel": (easy?.titel ?? top.titel ?? vorlage.betreff) + extra, "nummer": number,
                    "vorlage_href": linker.to(Addresses.webPage(vorlage.pfad, leicht: easy != nil)),
                    "ergebnis": resultValue ?? "", "geschlossen": false]
        }
    }

    static func webPage(_ s: Sitzung, _ u: RenderContext) -> Page {
        let gremium = u.gremiumName(s.gremium)
        let titel = "\(gremium): Sitzung am \(Formatting.date(s.begin.calendarDay))"
        var webPage = Page(filePath: Addresses.filePath(Addresses.sitzung(s.id)), template: "sitzung", titel: titel,
                          section: "sitzungen")
        webPage.breadcrumbs = [("Sitzungen", "sitzungen/"), (Formatting.shortDate(s.begin.calendarDay), nil)]
        webPage.counterpart = (Addresses.sitzung(s.id, leicht: true), "Leichte Sprache")
        let linker = webPage.linker
        let tops = tops(s, linker, leicht: false, u)
        webPage.context = sourceLine(s, linker, u).merging([
            "titel": titel, "gremium_href": linker.to(Addresses.gremium(s.gremium)),
            "tops": tops, "hat_tops": !tops.isEmpty,
            "ics_href": u.openData ? linker.to(Addresses.sitzung(s.id) + "sitzung.ics") : false,
        ])
        return webPage
    }

    static func leicht(_ s: Sitzung, _ u: RenderContext) -> Page {
        let titel = "Treffen am \(Formatting.date(s.begin.calendarDay))"
        var webPage = Page(filePath: Addresses.filePath(Addresses.sitzung(s.id, leicht: true)), template: "sitzung-leicht",
                          titel: titel, leicht: true, section: "leichte-sprache")
        webPage.breadcrumbs = [("Leichte Sprache", "leichte-sprache/"), (titel, nil)]
        webPage.counterpart = Page.standardCounterpart("sitzungen/\(s.id)")
        let linker = webPage.linker
        let allItems = tops(s, linker, leicht: true, u)
        let isOpen = allItems.filter { $0["geschlossen"] as? Bool != true }
        let time = s.ende.map { "Von \(Formatting.clockTime(s.begin)) bis \(Formatting.clockTime($0))." }
            ?? "Beginn: \(Formatting.clockTime(s.begin))."
        webPage.context = [
            "titel": titel, "gremium": u.directory.gremien[s.gremium]?.easyName ?? s.gremium,
            "gremium_href": linker.to(Addresses.gremium(s.gremium, leicht: true)),
            "datum": Formatting.dateWithWeekday(s.begin.calendarDay), "uhrzeit": time, "ort": s.ort ?? false,
            "themen": isOpen, "hat_themen": !isOpen.isEmpty,
            "hat_geschlossen": allItems.count > isOpen.count,
            "geschlossen_text": closedEasy(allItems.count - isOpen.count),
        ]
        return webPage
    }

    /// "Über 1 Thema … Dieses Thema ist geheim." / "Über 2 Themen … Diese Themen sind geheim."
    static func closedEasy(_ n: Int) -> String {
        "Über \(GermanText.count(n, GermanText.topic)) sprechen sie ohne Besucher. "
            + "\(n == 1 ? "Dieses" : "Diese") \(GermanText.topic.form(n)) \(GermanText.be(n)) geheim."
    }
}
