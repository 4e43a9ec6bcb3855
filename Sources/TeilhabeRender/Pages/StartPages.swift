import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The pages every build has: start page, the BITV §4 easy-language start page, the
/// accessibility statement and the 404 page.
enum StartPages {
    static func allItems(_ u: RenderContext) -> [PageJob] {
        [{ leichteSprache(u) }, { barrierefreiheit(u) }, { notFound(u) }]   // the start page is a big list
    }

    static func start(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: "index.html", template: "start", titel: u.project.site.titel, section: "")
        webPage.beschreibung = "\(u.project.site.titel): Vorlagen, Berichte und Sitzungen – auch in Leichter Sprache."
        let linker = webPage.linker
        let new = (u.project.vorlagen.map(VorlagenPages.entry) + u.project.berichte.map(TextPages.entry))
            .sorted(by: Entry.newest).prefix(10)
        let (upcoming, past) = u.upcomingAndPast(u.project.sitzungen)
        let appointments = (upcoming.isEmpty ? past : upcoming).prefix(5)
        webPage.context = Array(new).context(linker).merging([
            "termine": appointments.map { SitzungenPages.sourceLine($0, linker, u) }, "hat_termine": !appointments.isEmpty,
            "termine_titel": upcoming.isEmpty ? "Letzte Sitzungen" : "Nächste Sitzungen",
        ])
        return webPage
    }

    static func leichteSprache(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: "leichte-sprache/index.html", template: "leichte-sprache",
                          titel: "Informationen in Leichter Sprache", leicht: true, section: "leichte-sprache")
        webPage.breadcrumbs = [("Leichte Sprache", nil)]
        webPage.beschreibung = "Informationen in Leichter Sprache: was auf der Internet·seite steht und wie man sie benutzt."
        let linker = webPage.linker
        let b = u.project.site.barrierefreiheit
        let vorlagen = u.project.vorlagen.compactMap { v in
            v.leicht.map { Entry(titel: $0.titel, folderPath: Addresses.webPage(v.pfad, leicht: true), datum: v.datum,
                                   nichtoeffentlich: v.status == .nichtoeffentlich) }
        }
        let texts = u.project.texts.compactMap { t in
            t.leicht.map { Entry(titel: $0.titel, folderPath: Addresses.webPage(t.pfad, leicht: true), datum: t.datum,
                                   nichtoeffentlich: t.status == .nichtoeffentlich) }
        }
        let gremien = u.project.gremien.map {
            Entry(titel: $0.easyName, folderPath: Addresses.gremium($0.id, leicht: true), identifier: "Gremium")
        }
        var ranges: [Entry] = []
        if u.project.currentPlan != nil {
            ranges.append(Entry(titel: "Der Inklusions·plan", folderPath: Addresses.webPage("inklusionsplan", leicht: true), identifier: "Plan"))
        }
        if !u.project.indikatoren.isEmpty {
            ranges.append(Entry(titel: "Zahlen in Leichter Sprache", folderPath: Addresses.webPage("indikatoren", leicht: true), identifier: "Zahlen"))
        }
        if !u.project.glossar.isEmpty {
            ranges.append(Entry(titel: "Schwere Wörter einfach erklärt", folderPath: GlossaryPage.folderPath, identifier: GlossaryPage.titel))
        }
        ranges += OffersEasyEntries.entries(u)
        var k = (ranges + (vorlagen + texts).sorted(by: Entry.newest) + gremien).context(linker)
        k["barrierefreiheit_leicht"] = [
            Site.Konformitaet.vollstaendig: "Wir haben die Internet·seite geprüft. Sie ist barriere·frei.",
            .teilweise: "Wir haben die Internet·seite geprüft. Sie ist zum Teil barriere·frei. Manche Teile haben noch Barrieren.",
            .nicht: "Die Internet·seite hat noch Barrieren. Wir arbeiten daran.",
        ][b.konformitaet]
        k["hat_maengel"] = !b.maengel.isEmpty
        k["anzahl_maengel"] = b.maengel.count
        k["maengel_leicht"] = "Wir kennen \(GermanText.count(b.maengel.count, GermanText.problem)) mit Barrieren."
        k["maengel_wo_leicht"] = b.maengel.count == 1 ? "Das Problem steht in der" : "Die Probleme stehen in der"
        if let position = schlichtungsstelle(b) { k["schlichtungsstelle"] = position }
        webPage.context = k
        return webPage
    }

    static func barrierefreiheit(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: "barrierefreiheit/index.html", template: "barrierefreiheit",
                          titel: "Erklärung zur Barrierefreiheit")
        webPage.breadcrumbs = [("Erklärung zur Barrierefreiheit", nil)]
        webPage.counterpart = ("leichte-sprache/#barrierefreiheit", "Leichte Sprache")
        let b = u.project.site.barrierefreiheit
        var k: TemplateContext = [
            "konformitaet_text": konformitaetText(b),
            "maengel": b.maengel, "hat_maengel": !b.maengel.isEmpty,
            "maengel_einleitung": b.maengel.count == 1 ? "Der folgende Inhalt ist nicht oder nicht vollständig barrierefrei:"
                : "Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:",
            "leichte_sprache_erklaerung": webPage.linker.to("leichte-sprache/") + "#barrierefreiheit",
        ]
        if let stand = b.stand { k["stand"] = Formatting.date(stand); k["stand_iso"] = stand.description }
        if let method = b.method { k["methode"] = method }
        if let position = schlichtungsstelle(b) { k["schlichtungsstelle"] = position }
        webPage.context = k
        return webPage
    }

    /// The claim and what follows from it: the list below (singular or plural), or, with no
    /// maengel given, that none are known (or, for a site not yet conformant, not yet listed) –
    /// never a pointer to a list that is not there.
    static func konformitaetText(_ b: Site.Barrierefreiheit) -> String {
        let n = b.maengel.count
        switch b.konformitaet {
        case .vollstaendig:
            return "Diese Internetseite ist mit den Anforderungen der BITV 2.0 vollständig vereinbar."
        case .teilweise, .nicht:
            let degrees = b.konformitaet == .teilweise ? "teilweise" : "noch nicht"
            let none = b.konformitaet == .teilweise ? "Einzelne nicht barrierefreie Inhalte sind uns derzeit nicht bekannt."
                : "Die nicht barrierefreien Inhalte sind noch nicht im Einzelnen erfasst."
            let following = n == 0 ? none
                : "\(n == 1 ? "Der unten genannte" : "Die unten genannten") \(GermanText.contents.form(n)) "
                    + "\(GermanText.be(n)) nicht barrierefrei."
            return "Diese Internetseite ist mit den Anforderungen der BITV 2.0 \(degrees) vereinbar. " + following
        }
    }

    private static func schlichtungsstelle(_ b: Site.Barrierefreiheit) -> TemplateContext? {
        b.schlichtungsstelle.map { s in
            var k: TemplateContext = ["name": s.name]
            if let url = s.url { k["url"] = url }
            return k
        }
    }

    /// Served for any missing address, so its links start from the site's root path when known.
    static func notFound(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: "404.html", template: "404", titel: "Seite nicht gefunden")
        webPage.context = [:]
        return webPage
    }
}
