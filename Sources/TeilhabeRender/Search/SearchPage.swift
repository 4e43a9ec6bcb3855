import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The search page: a form that the script answers from the index, and – for readers without
/// JavaScript – the papers by committee and by year.
enum SearchPage {
    static func seite(_ u: RenderContext) -> Page {
        var seite = Page(datei: "suche/index.html", template: "suche", titel: "Suche", bereich: "suche")
        seite.brotkrumen = [("Suche", nil)]
        let linker = seite.linker
        let nachGremium: [TemplateContext] = u.projekt.gremien.sorted { $0.name < $1.name }.compactMap { g in
            let ids = Set(u.projekt.sitzungen.filter { $0.gremium == g.id }.map(\.id))
            let vorlagen = u.projekt.vorlagen.filter { v in v.beratungsfolge.contains { ids.contains($0.sitzung) } }
            guard !vorlagen.isEmpty else { return nil }
            return vorlagen.map(VorlagenPages.eintrag).sorted(by: Entry.neueste).kontext(linker)
                .merging(["gruppe": g.name, "gruppe_id": "gremium-" + g.id])
        }
        let jahre = Set(u.projekt.vorlagen.map(\.datum.year)).sorted(by: >)
        let nachJahr: [TemplateContext] = jahre.map { jahr in
            u.projekt.vorlagen.filter { $0.datum.year == jahr }.map(VorlagenPages.eintrag).sorted(by: Entry.neueste)
                .kontext(linker).merging(["gruppe": String(jahr), "gruppe_id": "jahr-\(jahr)"])
        }
        seite.kontext = ["nach_gremium": nachGremium, "nach_jahr": nachJahr, "hat_vorlagen": !u.projekt.vorlagen.isEmpty,
                         "index_href": linker.to("suche/index.json"), "script_href": linker.to("assets/suche.js")]
        return seite
    }
}
