import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Everything for readers outside the site that needs absolute addresses: calendars, feed,
/// sitemap and the OParl export.
enum OpenData {
    static func jobs(_ u: RenderContext, _ base: SiteBase, auditedPages: [String]) -> [RenderJob] {
        let site = u.project.site
        // They show every meeting and page, but no page's body.
        func everywhere(_ path: String, _ produce: @escaping @Sendable () -> String) -> RenderJob {
            RenderJob(path: path, cacheKey: u.overview(path)) { .text(path, produce()) }
        }
        var jobs: [RenderJob] = [
            everywhere("kalender.ics") { ICS.calendar(name: "\(site.titel): Sitzungen", sitzungen: u.project.sitzungen, u, base) },
            everywhere("feed.xml") { Atom.feed(u, base) },
            everywhere("sitemap.xml") { Sitemap.xml(auditedPages: auditedPages.filter { $0 != "404.html" }, base) },
        ]
        for sitzung in u.project.sitzungen {
            let path = Addresses.sitzung(sitzung.id) + "sitzung.ics"
            jobs.append(RenderJob(path: path, cacheKey: u.cacheKey("ics", u.sources(sitzung))) {
                .text(path, ICS.calendar(name: "Sitzung: \(u.gremiumName(sitzung.gremium))", sitzungen: [sitzung], u, base))
            })
        }
        for gremium in u.project.gremien {
            jobs.append(everywhere(Addresses.gremium(gremium.id) + "sitzungen.ics") {
                ICS.calendar(name: "Sitzungen: \(gremium.name)", sitzungen: u.project.sitzungen.filter { $0.gremium == gremium.id }, u, base)
            })
        }
        return jobs + OParlExport.jobs(u, base)
    }
}
