import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Offers, the network and surveys in the search index. Surveys are found by title and question only:
/// no count reaches the index, so nothing suppressed can.
enum OffersSearch {
    static func documents(_ u: RenderContext) -> [SearchIndex.SearchDocument] {
        var docs: [SearchIndex.SearchDocument] = []
        for a in u.project.angebote {
            let text = [a.art.rawValue, a.traeger ?? "", AngebotePages.areaName(a.sozialraum, u), a.adresse.line, a.beschreibung ?? "",
                        a.oeffnungszeiten?.inWords.joined(separator: " ") ?? ""].joined(separator: " ")
            docs.append(SearchIndex.SearchDocument(titel: a.name, folderPath: Addresses.webPage(a.pfad), art: "Angebot", datum: nil, quelle: nil) { text })
            if let leicht = a.beschreibungLeicht {
                docs.append(SearchIndex.SearchDocument(titel: a.name, folderPath: Addresses.webPage(a.pfad, leicht: true), art: "Leichte Sprache",
                                                       datum: nil, quelle: nil) { leicht })
            }
        }
        if !u.project.akteure.isEmpty {
            let text = u.project.akteure.map { "\($0.name) \($0.beschreibung ?? "")" }.joined(separator: " ")
            docs.append(SearchIndex.SearchDocument(titel: "Netzwerk", folderPath: "netzwerk/", art: "Netzwerk", datum: nil, quelle: nil) { text })
        }
        for b in u.project.befragungen {
            let text = b.frage + " " + b.antworten.joined(separator: " ")
            docs.append(SearchIndex.SearchDocument(titel: b.titel, folderPath: Addresses.webPage(b.pfad), art: "Befragung", datum: b.stichtag,
                                                   quelle: nil) { text })
        }
        return docs
    }
}
