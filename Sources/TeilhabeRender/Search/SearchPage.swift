import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The search page: a form that the script answers from the index, and – for readers without
/// JavaScript – the papers by committee and by year.
enum SearchPage {
    static func webPage(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: "suche/index.html", template: "suche", titel: "Suche", section: "suche")
        webPage.breadcrumbs = [("Suche", nil)]
        let linker = webPage.linker
        let byCommittee: [TemplateContext] = u.project.gremien.sorted { $0.name < $1.name }.compactMap { g in
            let vorlagen = VorlagenPages.entries(ofGremium: g.id, u)
            guard !vorlagen.isEmpty else { return nil }
            return vorlagen.sorted(by: Entry.newest).context(linker)
                .merging(["gruppe": g.name, "gruppe_id": "gremium-" + g.id])
        }
        let years = Set(u.project.vorlagen.map(\.datum.year)).sorted(by: >)
        let byYear: [TemplateContext] = years.map { year in
            u.project.vorlagen.indices.filter { u.project.vorlagen[$0].datum.year == year }.map { VorlagenPages.entry(u.project.vorlagen[$0]) }
                .sorted(by: Entry.newest)
                .context(linker).merging(["gruppe": String(year), "gruppe_id": "jahr-\(year)"])
        }
        webPage.context = ["nach_gremium": byCommittee, "nach_jahr": byYear, "hat_vorlagen": !u.project.vorlagen.isEmpty,
                         "index_href": linker.to("suche/index.json"), "script_href": linker.to("assets/suche.js")]
        return webPage
    }
}
