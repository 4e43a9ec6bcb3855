import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// feed.xml: Atom 1.0 with the 50 newest public papers and reports.
enum Atom {
    static let anzahl = 50

    static func feed(_ u: RenderContext, _ basis: SiteBase) -> String {
        let site = u.projekt.site
        struct Entry { var titel, ordner, zusammenfassung, kategorie: String; var stempel: Timestamp }
        let vorlagen = u.projekt.vorlagen.map { v in
            Entry(titel: "\(v.nummer): \(v.betreff)", ordner: Addresses.seite(v.pfad),
                    zusammenfassung: "\(v.art.rawValue) \(v.nummer) vom \(Formatting.datum(v.datum)), federführend: \(v.federfuehrend)",
                    kategorie: v.art.rawValue, stempel: .vorlage(v))
        }
        let berichte = u.projekt.berichte.compactMap { b in
            b.datum.map { datum in
                Entry(titel: b.titel, ordner: Addresses.seite(b.pfad), zusammenfassung: b.beschreibung ?? b.titel,
                        kategorie: "Bericht", stempel: Timestamp(datum, b.geaendert))
            }
        }
        let neueste = (vorlagen + berichte)
            .sorted { ($0.stempel.erstellt, $0.ordner) > ($1.stempel.erstellt, $1.ordner) }
            .prefix(anzahl)
        let aktualisiert = neueste.map(\.stempel.geaendert).max() ?? Timestamp.projekt(u.projekt).geaendert
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
          <id>\(XML.escape(basis.url))</id>
          <title>\(XML.escape(site.titel)): Vorlagen und Berichte</title>
          <updated>\(aktualisiert.isoMitOffset)</updated>
          <link rel="self" type="application/atom+xml" href="\(XML.escape(basis.absolut("feed.xml")))"/>
          <link rel="alternate" type="text/html" href="\(XML.escape(basis.url))"/>
          <author><name>\(XML.escape(site.traeger))</name></author>
          <generator>Teilhabe</generator>

        """
        for e in neueste {
            let url = XML.escape(basis.absolut(e.ordner))
            xml += """
              <entry>
                <id>\(url)</id>
                <title>\(XML.escape(e.titel))</title>
                <link rel="alternate" type="text/html" href="\(url)"/>
                <published>\(e.stempel.erstellt.isoMitOffset)</published>
                <updated>\(e.stempel.geaendert.isoMitOffset)</updated>
                <category term="\(XML.escape(e.kategorie))"/>
                <summary>\(XML.escape(e.zusammenfassung))</summary>
              </entry>

            """
        }
        return xml + "</feed>\n"
    }
}

/// sitemap.xml: every HTML page except the 404 page.
enum Sitemap {
    static func xml(seiten: [String], _ basis: SiteBase) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for datei in seiten.sorted() where datei.hasSuffix("index.html") {
            let ordner = String(datei.dropLast("index.html".count))
            xml += "  <url><loc>\(XML.escape(basis.absolut(ordner)))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
