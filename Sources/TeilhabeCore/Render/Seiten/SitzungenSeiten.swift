/// Meeting pages with their agendas, and the list of all meetings.
enum SitzungenSeiten {
    static func alle(_ u: Umgebung) -> [Seite] {
        [liste(u)] + u.projekt.sitzungen.map { seite($0, u) }
    }

    /// One meeting as a row or list entry.
    static func zeile(_ s: Sitzung, _ linker: Linker, _ u: Umgebung) -> Kontext {
        var k: Kontext = ["href": linker.to(Adressen.sitzung(s.id)), "datum": Formatierung.datumMitWochentag(s.beginn.tag),
                          "datum_iso": s.beginn.tag.description, "uhrzeit": Formatierung.zeitraum(s.beginn, s.ende),
                          "gremium": u.gremiumName(s.gremium),
                          "titel": "\(u.gremiumName(s.gremium)): Sitzung am \(Formatierung.datum(s.beginn.tag))"]
        k["ort"] = s.ort ?? false
        return k
    }

    static func liste(_ u: Umgebung) -> Seite {
        var seite = Seite(datei: "sitzungen/index.html", template: "sitzungen", titel: "Sitzungen", bereich: "sitzungen")
        seite.brotkrumen = [("Sitzungen", nil)]
        let sitzungen = u.projekt.sitzungen.sorted { ($0.beginn, $0.id) > ($1.beginn, $1.id) }
        seite.kontext = ["titel": "Sitzungen", "sitzungen": sitzungen.map { zeile($0, seite.linker, u) },
                         "hat_sitzungen": !sitzungen.isEmpty, "anzahl": sitzungen.count,
                         "ics_href": u.offeneDaten ? seite.linker.to("kalender.ics") : false]
        return seite
    }

    static func seite(_ s: Sitzung, _ u: Umgebung) -> Seite {
        let gremium = u.gremiumName(s.gremium)
        let titel = "\(gremium): Sitzung am \(Formatierung.datum(s.beginn.tag))"
        var seite = Seite(datei: Adressen.datei(Adressen.sitzung(s.id)), template: "sitzung", titel: titel,
                          bereich: "sitzungen")
        seite.brotkrumen = [("Sitzungen", "sitzungen/"), (Formatierung.kurzdatum(s.beginn.tag), nil)]
        let linker = seite.linker
        let tops: [Kontext] = s.tagesordnung.map { top in
            guard top.status == .oeffentlich || u.intern else {
                return ["top": top.top, "titel": "Nichtöffentlicher Teil", "nummer": "", "ergebnis": "", "vorlage_href": false]
            }
            guard let nummer = top.vorlage, let vorlage = u.projekt.vorlage(nummer: nummer) else {
                return ["top": top.top, "titel": top.titel ?? "", "nummer": "", "ergebnis": "", "vorlage_href": false]
            }
            let ergebnis = vorlage.beratungsfolge.first { $0.sitzung == s.id }?.ergebnis
            let zusatz = vorlage.status == .nichtoeffentlich ? " (nichtöffentlich)" : ""
            return ["top": top.top, "titel": (top.titel ?? vorlage.betreff) + zusatz, "nummer": nummer,
                    "vorlage_href": linker.to(Adressen.seite(vorlage.pfad)), "ergebnis": ergebnis ?? ""]
        }
        seite.kontext = zeile(s, linker, u).merging([
            "titel": titel, "gremium_href": linker.to(Adressen.gremium(s.gremium)),
            "tops": tops, "hat_tops": !tops.isEmpty,
            "ics_href": u.offeneDaten ? linker.to(Adressen.sitzung(s.id) + "sitzung.ics") : false,
        ])
        return seite
    }
}
