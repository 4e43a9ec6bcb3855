import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// feed.xml: Atom 1.0 with the 50 newest public papers and reports.
enum Atom {
    static let count = 50

    static func feed(_ u: RenderContext, _ base: SiteBase) -> String {
        let site = u.project.site
        struct Entry { var titel, folderPath, summary, category: String; var stamp: Timestamp }
        let vorlagen = u.project.vorlagen.map { v in
            Entry(titel: "\(v.nummer): \(v.betreff)", folderPath: Addresses.webPage(v.pfad),
                    summary: "\(v.art.rawValue) \(v.nummer) vom \(Formatting.date(v.datum)), federführend: \(v.federfuehrend)",
                    category: v.art.rawValue, stamp: .vorlage(v))
        }
        let berichte = u.project.berichte.compactMap { b in
            b.datum.map { date in
                Entry(titel: b.titel, folderPath: Addresses.webPage(b.pfad), summary: b.beschreibung ?? b.titel,
                        category: "Bericht", stamp: Timestamp(date, b.changed))
            }
        }
        let newest = (vorlagen + berichte)
            .sorted { ($0.stamp.created, $0.folderPath) > ($1.stamp.created, $1.folderPath) }
            .prefix(count)
        let updated = newest.map(\.stamp.changed).max() ?? Timestamp.project(u.project).changed
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
          <id>\(XML.escape(base.url))</id>
          <title>\(XML.escape(site.titel)): Vorlagen und Berichte</title>
          <updated>\(updated.isoWithOffset)</updated>
          <link rel="self" type="application/atom+xml" href="\(XML.escape(base.absolute("feed.xml")))"/>
          <link rel="alternate" type="text/html" href="\(XML.escape(base.url))"/>
          <author><name>\(XML.escape(site.traeger))</name></author>
          <generator>Teilhabe</generator>

        """
        for e in newest {
            let url = XML.escape(base.absolute(e.folderPath))
            xml += """
              <entry>
                <id>\(url)</id>
                <title>\(XML.escape(e.titel))</title>
                <link rel="alternate" type="text/html" href="\(url)"/>
                <published>\(e.stamp.created.isoWithOffset)</published>
                <updated>\(e.stamp.changed.isoWithOffset)</updated>
                <category term="\(XML.escape(e.category))"/>
                <summary>\(XML.escape(e.summary))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }
}

/// sitemap.xml: every HTML page except the 404 page.
enum Sitemap {
    static func xml(auditedPages: [String], _ base: SiteBase) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for filePath in auditedPages.sorted() where filePath.hasSuffix("index.html") {
            let folderPath = String(filePath.dropLast("index.html".count))
            xml += "  <url><loc>\(XML.escape(base.absolute(folderPath)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
