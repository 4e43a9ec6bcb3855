import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Everything for readers outside the site that needs absolute addresses: calendars, feed,
/// sitemap and the OParl export.
enum OpenData {
    static func auftraege(_ u: RenderContext, _ basis: SiteBase, seiten: [String]) -> [RenderJob] {
        let site = u.projekt.site
        // They show every meeting and page, but no page's body.
        func ueberall(_ pfad: String, _ machen: @escaping @Sendable () -> String) -> RenderJob {
            RenderJob(pfad: pfad, schluessel: u.uebersicht(pfad)) { .text(pfad, machen()) }
        }
        var auftraege: [RenderJob] = [
            ueberall("kalender.ics") { ICS.kalender(name: "\(site.titel): Sitzungen", sitzungen: u.projekt.sitzungen, u, basis) },
            ueberall("feed.xml") { Atom.feed(u, basis) },
            ueberall("sitemap.xml") { Sitemap.xml(seiten: seiten.filter { $0 != "404.html" }, basis) },
        ]
        for sitzung in u.projekt.sitzungen {
            let pfad = Addresses.sitzung(sitzung.id) + "sitzung.ics"
            auftraege.append(RenderJob(pfad: pfad, schluessel: u.schluessel("ics", u.quellen(sitzung))) {
                .text(pfad, ICS.kalender(name: "Sitzung: \(u.gremiumName(sitzung.gremium))", sitzungen: [sitzung], u, basis))
            })
        }
        for gremium in u.projekt.gremien {
            auftraege.append(ueberall(Addresses.gremium(gremium.id) + "sitzungen.ics") {
                ICS.kalender(name: "Sitzungen: \(gremium.name)", sitzungen: u.projekt.sitzungen.filter { $0.gremium == gremium.id }, u, basis)
            })
        }
        return auftraege + OParlExport.auftraege(u, basis)
    }
}
