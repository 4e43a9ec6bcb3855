import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Pages of Berichte and Seiten with their easy twins, and the list of all Berichte.
enum TextPages {
    static func allItems(_ u: RenderContext) -> [PageJob] { [{ list(u) }] }

    static func tracked(_ u: RenderContext) -> [TrackedPage] {
        var auditedPages: [TrackedPage] = []
        for text in u.project.texts {
            let sources = u.sources(text)
            auditedPages.append(TrackedPage(filePath: Addresses.filePath(Addresses.webPage(text.pfad)), sources: sources) { webPage(text, u) })
            if let leicht = text.leicht {
                auditedPages.append(TrackedPage(filePath: Addresses.filePath(Addresses.webPage(text.pfad, leicht: true)), sources: sources) {
                    LeichteSeite.webPage(leicht, path: text.pfad, identifier: nil, nichtoeffentlich: text.status == .nichtoeffentlich,
                                       entwurf: text.status == .entwurf, u)
                })
            }
        }
        return auditedPages
    }

    static func section(_ t: Textseite) -> String? { t.art == .bericht ? "berichte" : nil }

    static func entry(_ t: Textseite) -> Entry {
        Entry(titel: t.titel, folderPath: Addresses.webPage(t.pfad), identifier: t.art == .bericht ? "Bericht" : nil,
                datum: t.datum, nichtoeffentlich: t.status == .nichtoeffentlich)
    }

    static func list(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: "berichte/index.html", template: "liste", titel: "Berichte", section: "berichte")
        webPage.breadcrumbs = [("Berichte", nil)]
        webPage.context = u.project.berichte.map(entry).sorted(by: Entry.newest).context(webPage.linker)
            .merging(["titel": "Berichte", "leer": "Es sind noch keine Berichte veröffentlicht.",
                      "einleitung": "Berichte der Sozialberichterstattung und zur Inklusion, die neuesten zuerst."])
        return webPage
    }

    static func webPage(_ t: Textseite, _ u: RenderContext) -> Page {
        var webPage = Page(filePath: Addresses.filePath(Addresses.webPage(t.pfad)), template: "textseite", titel: t.titel,
                          section: section(t))
        webPage.breadcrumbs = t.art == .bericht ? [("Berichte", "berichte/"), (t.titel, nil)] : [(t.titel, nil)]
        webPage.beschreibung = t.beschreibung
        webPage.entwurf = t.status == .entwurf
        if t.leicht != nil { webPage.counterpart = Page.easyCounterpart(t.pfad) }
        let (html, headings) = u.html(t.body, for: webPage.filePath, leicht: false)
        var k: TemplateContext = ["titel": t.titel, "text": html, "nichtoeffentlich": t.status == .nichtoeffentlich]
        if t.art == .bericht { k["kennung"] = "Bericht" }
        if let d = t.datum { k["datum"] = Formatting.date(d); k["datum_iso"] = d.description }
        if let b = t.beschreibung { k["beschreibung"] = b }
        webPage.context = k.merging(u.sections(headings)).merging(u.anlagen(t.anlagen, webPage.linker))
        return webPage
    }
}
