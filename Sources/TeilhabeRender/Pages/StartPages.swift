import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The pages every build has: start page, the BITV §4 easy-language start page, the
/// accessibility statement and the 404 page.
enum StartPages {
    static func alle(_ u: RenderContext) -> [PageJob] {
        [{ leichteSprache(u) }, { barrierefreiheit(u) }, { nichtGefunden(u) }]   // the start page is a big list
    }

    static func start(_ u: RenderContext) -> Page {
        var seite = Page(datei: "index.html", template: "start", titel: u.projekt.site.titel, bereich: "")
        seite.beschreibung = "\(u.projekt.site.titel): Vorlagen, Berichte und Sitzungen – auch in Leichter Sprache."
        let linker = seite.linker
        let neu = (u.projekt.vorlagen.map(VorlagenPages.eintrag) + u.projekt.berichte.map(TextPages.eintrag))
            .sorted(by: Entry.neueste).prefix(10)
        let (kommend, vergangen) = u.kommendeUndVergangene(u.projekt.sitzungen)
        let termine = (kommend.isEmpty ? vergangen : kommend).prefix(5)
        seite.kontext = Array(neu).kontext(linker).merging([
            "termine": termine.map { SitzungenPages.zeile($0, linker, u) }, "hat_termine": !termine.isEmpty,
            "termine_titel": kommend.isEmpty ? "Letzte Sitzungen" : "Nächste Sitzungen",
        ])
        return seite
    }

    static func leichteSprache(_ u: RenderContext) -> Page {
        var seite = Page(datei: "leichte-sprache/index.html", template: "leichte-sprache",
                          titel: "Informationen in Leichter Sprache", leicht: true, bereich: "leichte-sprache")
        seite.brotkrumen = [("Leichte Sprache", nil)]
        seite.beschreibung = "Informationen in Leichter Sprache: was auf der Internet·seite steht und wie man sie benutzt."
        let linker = seite.linker
        let b = u.projekt.site.barrierefreiheit
        let vorlagen = u.projekt.vorlagen.compactMap { v in
            v.leicht.map { Entry(titel: $0.titel, ordner: Addresses.seite(v.pfad, leicht: true), datum: v.datum,
                                   nichtoeffentlich: v.status == .nichtoeffentlich) }
        }
        let texte = u.projekt.texte.compactMap { t in
            t.leicht.map { Entry(titel: $0.titel, ordner: Addresses.seite(t.pfad, leicht: true), datum: t.datum,
                                   nichtoeffentlich: t.status == .nichtoeffentlich) }
        }
        let gremien = u.projekt.gremien.map {
            Entry(titel: $0.kurzname ?? $0.name, ordner: Addresses.gremium($0.id, leicht: true), kennung: "Gremium")
        }
        var bereiche: [Entry] = []
        if u.projekt.aktuellerPlan != nil {
            bereiche.append(Entry(titel: "Der Inklusions·plan", ordner: Addresses.seite("inklusionsplan", leicht: true), kennung: "Plan"))
        }
        if !u.projekt.indikatoren.isEmpty {
            bereiche.append(Entry(titel: "Zahlen in Leichter Sprache", ordner: Addresses.seite("indikatoren", leicht: true), kennung: "Zahlen"))
        }
        var k = (bereiche + (vorlagen + texte).sorted(by: Entry.neueste) + gremien).kontext(linker)
        k["barrierefreiheit_leicht"] = [
            Site.Konformitaet.vollstaendig: "Wir haben die Internet·seite geprüft. Sie ist barriere·frei.",
            .teilweise: "Wir haben die Internet·seite geprüft. Sie ist zum Teil barriere·frei. Manche Teile haben noch Barrieren.",
            .nicht: "Die Internet·seite hat noch Barrieren. Wir arbeiten daran.",
        ][b.konformitaet]
        k["hat_maengel"] = !b.maengel.isEmpty
        k["anzahl_maengel"] = b.maengel.count
        k["maengel_leicht"] = "Wir kennen \(GermanText.count(b.maengel.count, GermanText.problem)) mit Barrieren."
        k["maengel_wo_leicht"] = b.maengel.count == 1 ? "Das Problem steht in der" : "Die Probleme stehen in der"
        if let stelle = schlichtungsstelle(b) { k["schlichtungsstelle"] = stelle }
        seite.kontext = k
        return seite
    }

    static func barrierefreiheit(_ u: RenderContext) -> Page {
        var seite = Page(datei: "barrierefreiheit/index.html", template: "barrierefreiheit",
                          titel: "Erklärung zur Barrierefreiheit")
        seite.brotkrumen = [("Erklärung zur Barrierefreiheit", nil)]
        seite.gegenstueck = ("leichte-sprache/#barrierefreiheit", "Leichte Sprache")
        let b = u.projekt.site.barrierefreiheit
        var k: TemplateContext = [
            "konformitaet_text": konformitaetText(b),
            "maengel": b.maengel, "hat_maengel": !b.maengel.isEmpty,
            "maengel_einleitung": b.maengel.count == 1 ? "Der folgende Inhalt ist nicht oder nicht vollständig barrierefrei:"
                : "Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:",
            "leichte_sprache_erklaerung": seite.linker.to("leichte-sprache/") + "#barrierefreiheit",
        ]
        if let stand = b.stand { k["stand"] = Formatting.datum(stand); k["stand_iso"] = stand.description }
        if let methode = b.methode { k["methode"] = methode }
        if let stelle = schlichtungsstelle(b) { k["schlichtungsstelle"] = stelle }
        seite.kontext = k
        return seite
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
            let grad = b.konformitaet == .teilweise ? "teilweise" : "noch nicht"
            let keine = b.konformitaet == .teilweise ? "Einzelne nicht barrierefreie Inhalte sind uns derzeit nicht bekannt."
                : "Die nicht barrierefreien Inhalte sind noch nicht im Einzelnen erfasst."
            let folge = n == 0 ? keine
                : "\(n == 1 ? "Der unten genannte" : "Die unten genannten") \(GermanText.inhalt.form(n)) "
                    + "\(GermanText.sein(n)) nicht barrierefrei."
            return "Diese Internetseite ist mit den Anforderungen der BITV 2.0 \(grad) vereinbar. " + folge
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
    static func nichtGefunden(_ u: RenderContext) -> Page {
        var seite = Page(datei: "404.html", template: "404", titel: "Seite nicht gefunden")
        seite.kontext = [:]
        return seite
    }
}
