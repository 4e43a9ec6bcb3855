/// Everything for readers outside the site that needs absolute addresses: calendars, feed,
/// sitemap and the OParl export.
enum OffeneDaten {
    static func dateien(_ u: Umgebung, _ basis: Basis, seiten: [String]) -> [Ausgabedatei] {
        let site = u.projekt.site
        var dateien = [
            Ausgabedatei.text("kalender.ics", ICS.kalender(name: "\(site.titel): Sitzungen", sitzungen: u.projekt.sitzungen, u, basis)),
            Ausgabedatei.text("feed.xml", Atom.feed(u, basis)),
            Ausgabedatei.text("sitemap.xml", Sitemap.xml(seiten: seiten.filter { $0 != "404.html" }, basis)),
        ]
        for sitzung in u.projekt.sitzungen {
            dateien.append(.text(Adressen.sitzung(sitzung.id) + "sitzung.ics",
                                 ICS.kalender(name: "Sitzung: \(u.gremiumName(sitzung.gremium))", sitzungen: [sitzung], u, basis)))
        }
        for gremium in u.projekt.gremien {
            dateien.append(.text(Adressen.gremium(gremium.id) + "sitzungen.ics",
                                 ICS.kalender(name: "Sitzungen: \(gremium.name)",
                                              sitzungen: u.projekt.sitzungen.filter { $0.gremium == gremium.id }, u, basis)))
        }
        return dateien + OParlExport.dateien(u, basis)
    }
}
