import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Pages of Berichte and Seiten with their easy twins, and the list of all Berichte.
enum TextPages {
    static func alle(_ u: RenderContext) -> [PageJob] { [{ liste(u) }] }

    static func verfolgt(_ u: RenderContext) -> [TrackedPage] {
        var seiten: [TrackedPage] = []
        for text in u.projekt.texte {
            let quellen = u.quellen(text)
            seiten.append(TrackedPage(datei: Addresses.datei(Addresses.seite(text.pfad)), quellen: quellen) { seite(text, u) })
            if let leicht = text.leicht {
                seiten.append(TrackedPage(datei: Addresses.datei(Addresses.seite(text.pfad, leicht: true)), quellen: quellen) {
                    LeichteSeite.seite(leicht, pfad: text.pfad, kennung: nil, nichtoeffentlich: text.status == .nichtoeffentlich,
                                       entwurf: text.status == .entwurf, u)
                })
            }
        }
        return seiten
    }

    static func bereich(_ t: Textseite) -> String? { t.art == .bericht ? "berichte" : nil }

    static func eintrag(_ t: Textseite) -> Entry {
        Entry(titel: t.titel, ordner: Addresses.seite(t.pfad), kennung: t.art == .bericht ? "Bericht" : nil,
                datum: t.datum, nichtoeffentlich: t.status == .nichtoeffentlich)
    }

    static func liste(_ u: RenderContext) -> Page {
        var seite = Page(datei: "berichte/index.html", template: "liste", titel: "Berichte", bereich: "berichte")
        seite.brotkrumen = [("Berichte", nil)]
        seite.kontext = u.projekt.berichte.map(eintrag).sorted(by: Entry.neueste).kontext(seite.linker)
            .merging(["titel": "Berichte", "leer": "Es sind noch keine Berichte veröffentlicht.",
                      "einleitung": "Berichte der Sozialberichterstattung und zur Inklusion, die neuesten zuerst."])
        return seite
    }

    static func seite(_ t: Textseite, _ u: RenderContext) -> Page {
        var seite = Page(datei: Addresses.datei(Addresses.seite(t.pfad)), template: "textseite", titel: t.titel,
                          bereich: bereich(t))
        seite.brotkrumen = t.art == .bericht ? [("Berichte", "berichte/"), (t.titel, nil)] : [(t.titel, nil)]
        seite.beschreibung = t.beschreibung
        seite.entwurf = t.status == .entwurf
        if t.leicht != nil { seite.gegenstueck = Page.gegenstueckZuLeicht(t.pfad) }
        let (html, headings) = u.html(t.body, fuer: seite.datei, leicht: false)
        var k: TemplateContext = ["titel": t.titel, "text": html, "nichtoeffentlich": t.status == .nichtoeffentlich]
        if t.art == .bericht { k["kennung"] = "Bericht" }
        if let d = t.datum { k["datum"] = Formatting.datum(d); k["datum_iso"] = d.description }
        if let b = t.beschreibung { k["beschreibung"] = b }
        seite.kontext = k.merging(u.abschnitte(headings)).merging(u.anlagen(t.anlagen, seite.linker))
        return seite
    }
}
