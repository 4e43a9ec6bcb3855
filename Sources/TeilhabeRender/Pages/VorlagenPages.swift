import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Pages of the committee papers: one per Vorlage, its easy twin, and the list of all.
enum VorlagenPages {
    /// Each paper's page and its twin's; they show only the paper, its twin and the shared data.
    static func verfolgt(_ u: RenderContext) -> [TrackedPage] {
        // Two pages per paper wait for their turn: each closure holds one reference, not copies of
        // the paper and the environment (1.1 KB each). Gathered on every core: an edit build makes
        // the jobs of all pages to find the two that changed.
        let g = Shared(u)
        return Parallel.map(u.projekt.vorlagen.count) { k -> [TrackedPage] in
            let vorlage = g.wert.projekt.vorlagen[k], quellen = g.wert.quellen(vorlage)
            let papier = TrackedPage(datei: Addresses.datei(Addresses.seite(vorlage.pfad)),
                                        quellen: quellen + [g.wert.printFingerprint(vorlage)]) {
                seite(g.wert.projekt.vorlagen[k], g.wert)
            }
            guard vorlage.leicht != nil else { return [papier] }
            return [papier, TrackedPage(datei: Addresses.datei(Addresses.seite(vorlage.pfad, leicht: true)), quellen: quellen) {
                let v = g.wert.projekt.vorlagen[k]
                return LeichteSeite.seite(v.leicht!, pfad: v.pfad, kennung: "\(v.art.rawValue) \(v.nummer)",
                                          nichtoeffentlich: v.status == .nichtoeffentlich, entwurf: v.status == .entwurf, g.wert)
            }]
        }.flatMap { $0 }
    }

    static func eintrag(_ v: Vorlage) -> Entry {
        Entry(titel: v.betreff, ordner: Addresses.seite(v.pfad), kennung: "\(v.art.rawValue) \(v.nummer)",
                datum: v.datum, nichtoeffentlich: v.status == .nichtoeffentlich,
                extra: ["nummer": v.nummer, "art": v.art.rawValue])
    }

    static func liste(_ u: RenderContext) -> Page {
        var seite = Page(datei: "vorlagen/index.html", template: "vorlagen", titel: "Vorlagen", bereich: "vorlagen")
        seite.brotkrumen = [("Vorlagen", nil)]
        seite.kontext = u.projekt.vorlagen.map(eintrag).sorted(by: Entry.neueste).kontext(seite.linker)
            .merging(["titel": "Vorlagen"])
        return seite
    }

    static func seite(_ v: Vorlage, _ u: RenderContext) -> Page {
        var seite = Page(datei: Addresses.datei(Addresses.seite(v.pfad)), template: "vorlage",
                          titel: "\(v.nummer): \(v.betreff)", bereich: "vorlagen")
        seite.brotkrumen = [("Vorlagen", "vorlagen/"), (v.nummer, nil)]
        seite.beschreibung = "\(v.art.rawValue) \(v.nummer) vom \(Formatting.datum(v.datum))"
        seite.entwurf = v.status == .entwurf
        if v.leicht != nil { seite.gegenstueck = Page.gegenstueckZuLeicht(v.pfad) }
        let linker = seite.linker
        let (html, headings) = u.html(v.body, fuer: seite.datei, leicht: false)
        let beratungen: [TemplateContext] = v.beratungsfolge
            .compactMap { b in u.sitzung(b.sitzung).map { (b, $0) } }
            .sorted { $0.1.beginn < $1.1.beginn }
            .map { beratung, sitzung in
                ["href": linker.to(Addresses.sitzung(sitzung.id)), "datum": Formatting.kurzdatum(sitzung.beginn.tag),
                 "datum_iso": sitzung.beginn.tag.description, "gremium": u.gremiumName(sitzung.gremium),
                 "rolle": beratung.rolle.rawValue, "ergebnis": beratung.ergebnis ?? "–"]
            }
        var k: TemplateContext = ["art": v.art.rawValue, "nummer": v.nummer, "betreff": v.betreff,
                          "datum": Formatting.datum(v.datum), "datum_iso": v.datum.description,
                          "status": statusText(v.status),
                          "nichtoeffentlich": v.status == .nichtoeffentlich,
                          "federfuehrend": v.federfuehrend, "beratungen": beratungen,
                          "hat_beratungen": !beratungen.isEmpty, "text": html,
                          "druck": u.druck[Addresses.seite(v.pfad)].map { ["href": $0.name, "groesse": $0.groesse] as TemplateContext } ?? false]
        if let a = v.antragstellend { k["antragstellend"] = a }
        if let u = v.unterzeichnet { k["unterzeichnet"] = u }
        seite.kontext = k.merging(u.abschnitte(headings)).merging(u.anlagen(v.anlagen, linker))
        return seite
    }
}

extension VorlagenPages {
    /// The status as the Grunddaten show it.
    static func statusText(_ status: Status) -> String {
        switch status {
        case .oeffentlich: return "öffentlich"
        case .nichtoeffentlich: return "nichtöffentlich"
        case .entwurf: return Message.draftStatus.de
        }
    }
}

/// The easy-language twin of a Vorlage, Bericht or Page.
enum LeichteSeite {
    static func seite(_ l: LeichteFassung, pfad: String, kennung: String?, nichtoeffentlich: Bool, entwurf: Bool = false,
                      _ u: RenderContext) -> Page {
        var seite = Page(datei: Addresses.datei(Addresses.seite(pfad, leicht: true)), template: "leicht",
                          titel: l.titel, leicht: true, bereich: "leichte-sprache")
        seite.gegenstueck = Page.gegenstueckZuAlltag(pfad)
        seite.entwurf = entwurf
        seite.brotkrumen = [("Leichte Sprache", "leichte-sprache/"), (l.titel, nil)]
        seite.beschreibung = l.beschreibung
        let (html, _) = u.html(l.body, fuer: seite.datei, leicht: true)
        var k: TemplateContext = ["titel": l.titel, "text": html, "nichtoeffentlich": nichtoeffentlich]
        if let b = l.beschreibung { k["beschreibung"] = b }
        if let kennung { k["kennung"] = kennung }
        seite.kontext = k
        return seite
    }
}
