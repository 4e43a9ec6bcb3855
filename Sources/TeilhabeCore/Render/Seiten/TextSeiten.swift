/// Pages of Berichte and Seiten with their easy twins, and the list of all Berichte.
enum TextSeiten {
    static func alle(_ u: Umgebung) -> [Seitenauftrag] { [{ liste(u) }] }

    static func verfolgt(_ u: Umgebung) -> [VerfolgteSeite] {
        var seiten: [VerfolgteSeite] = []
        for text in u.projekt.texte {
            let quellen = u.quellen(text)
            seiten.append(VerfolgteSeite(datei: Adressen.datei(Adressen.seite(text.pfad)), quellen: quellen) { seite(text, u) })
            if let leicht = text.leicht {
                seiten.append(VerfolgteSeite(datei: Adressen.datei(Adressen.seite(text.pfad, leicht: true)), quellen: quellen) {
                    LeichteSeite.seite(leicht, pfad: text.pfad, kennung: nil, nichtoeffentlich: text.status == .nichtoeffentlich, u)
                })
            }
        }
        return seiten
    }

    static func bereich(_ t: Textseite) -> String? { t.art == .bericht ? "berichte" : nil }

    static func eintrag(_ t: Textseite) -> Eintrag {
        Eintrag(titel: t.titel, ordner: Adressen.seite(t.pfad), kennung: t.art == .bericht ? "Bericht" : nil,
                datum: t.datum, nichtoeffentlich: t.status == .nichtoeffentlich)
    }

    static func liste(_ u: Umgebung) -> Seite {
        var seite = Seite(datei: "berichte/index.html", template: "liste", titel: "Berichte", bereich: "berichte")
        seite.brotkrumen = [("Berichte", nil)]
        seite.kontext = u.projekt.berichte.map(eintrag).sorted(by: Eintrag.neueste).kontext(seite.linker)
            .merging(["titel": "Berichte", "leer": "Es sind noch keine Berichte veröffentlicht.",
                      "einleitung": "Berichte der Sozialberichterstattung und zur Inklusion, die neuesten zuerst."])
        return seite
    }

    static func seite(_ t: Textseite, _ u: Umgebung) -> Seite {
        var seite = Seite(datei: Adressen.datei(Adressen.seite(t.pfad)), template: "textseite", titel: t.titel,
                          bereich: bereich(t))
        seite.brotkrumen = t.art == .bericht ? [("Berichte", "berichte/"), (t.titel, nil)] : [(t.titel, nil)]
        seite.beschreibung = t.beschreibung
        if t.leicht != nil { seite.gegenstueck = Seite.gegenstueckZuLeicht(t.pfad) }
        let (html, headings) = u.html(t.body, fuer: seite.datei, leicht: false)
        var k: Kontext = ["titel": t.titel, "text": html, "nichtoeffentlich": t.status == .nichtoeffentlich]
        if t.art == .bericht { k["kennung"] = "Bericht" }
        if let d = t.datum { k["datum"] = Formatierung.datum(d); k["datum_iso"] = d.description }
        if let b = t.beschreibung { k["beschreibung"] = b }
        seite.kontext = k.merging(u.abschnitte(headings)).merging(u.anlagen(t.anlagen, seite.linker))
        return seite
    }
}
