/// Committee pages and the list of committees.
enum GremienSeiten {
    static func alle(_ u: Umgebung) -> [Seite] {
        [liste(u)] + u.projekt.gremien.map { seite($0, u) }
    }

    static func liste(_ u: Umgebung) -> Seite {
        var seite = Seite(datei: "gremien/index.html", template: "gremien", titel: "Gremien", bereich: "gremien")
        seite.brotkrumen = [("Gremien", nil)]
        let linker = seite.linker
        seite.kontext = ["titel": "Gremien", "gremien": u.projekt.gremien.sorted { $0.name < $1.name }.map {
            ["name": $0.name, "art": $0.art.rawValue, "href": linker.to(Adressen.gremium($0.id))] as Kontext
        }]
        return seite
    }

    static func seite(_ g: Gremium, _ u: Umgebung) -> Seite {
        var seite = Seite(datei: Adressen.datei(Adressen.gremium(g.id)), template: "gremium", titel: g.name,
                          bereich: "gremien")
        seite.brotkrumen = [("Gremien", "gremien/"), (g.anzeigename, nil)]
        let linker = seite.linker
        let sitzungen = u.projekt.sitzungen.filter { $0.gremium == g.id }.sorted { $0.beginn > $1.beginn }
        let ids = Set(sitzungen.map(\.id))
        let vorlagen = u.projekt.vorlagen.filter { v in v.beratungsfolge.contains { ids.contains($0.sitzung) } }
        var k: Kontext = ["name": g.name, "art": g.art.rawValue, "hat_sitzungen": !sitzungen.isEmpty,
                          "ics_href": u.offeneDaten ? linker.to(Adressen.gremium(g.id) + "sitzungen.ics") : false,
                          "sitzungen": sitzungen.map { SitzungenSeiten.zeile($0, linker, u) }]
        if let kurz = g.kurzname { k["kurzname"] = kurz }
        if let b = g.beschreibung { k["beschreibung"] = b }
        seite.kontext = k.merging(vorlagen.map(VorlagenSeiten.eintrag).sorted(by: Eintrag.neueste).kontext(linker))
        return seite
    }
}
