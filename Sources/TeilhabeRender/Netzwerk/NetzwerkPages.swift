import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The actor network: actors by kind with their ties as lists (the text alternative), and the diagram.
enum NetzwerkPages {
    static func allItems(_ u: RenderContext) -> [PageJob] {
        guard !u.project.akteure.isEmpty else { return [] }
        return [{ webPage(u, leicht: false) }, { webPage(u, leicht: true) }]
    }

    /// Each tie once from each side: the listing actor's words and the other side's.
    struct Tie {
        var text: String
        var other: Akteur
    }

    static func ties(of a: Akteur, _ all: [Akteur]) -> [Tie] {
        let byId = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let outgoing = a.verbindungen.compactMap { v in byId[v.mit].map { Tie(text: v.art.outgoing, other: $0) } }
        let incoming = all.flatMap { b in
            b.verbindungen.filter { $0.mit == a.id && b.id != a.id }.map { Tie(text: $0.art.incoming, other: b) }
        }
        return (outgoing + incoming).sorted { ($0.text, $0.other.name) < ($1.text, $1.other.name) }
    }

    static func webPage(_ u: RenderContext, leicht: Bool) -> Page {
        let titel = leicht ? "Wer arbeitet mit wem?" : "Netzwerk"
        var page = Page(filePath: Addresses.filePath(Addresses.webPage("netzwerk", leicht: leicht)), template: leicht ? "netzwerk-leicht" : "netzwerk",
                        titel: titel, leicht: leicht, section: leicht ? "leichte-sprache" : "angebote")
        page.breadcrumbs = leicht ? [("Leichte Sprache", "leichte-sprache/"), (titel, nil)] : [(titel, nil)]
        page.counterpart = leicht ? Page.standardCounterpart("netzwerk") : Page.easyCounterpart("netzwerk")
        let all = u.project.akteure
        let tieCount = all.reduce(0) { $0 + $1.verbindungen.count }
        page.context = [
            "titel": titel,
            "bild": NetzwerkDiagram.svg(all),
            "legende": NetzwerkDiagram.legend(),
            "satz": "\(all.count) Akteure, \(tieCount) Verbindungen.",
            "gruppen": Akteur.Art.allCases.compactMap { art -> TemplateContext? in
                let list = all.filter { $0.art == art }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
                guard !list.isEmpty else { return nil }
                return ["art": art.plural, "id": "art-\(art.rawValue.lowercased())", "akteure": list.map { actor($0, all, u) }]
            },
        ]
        return page
    }

    static func actor(_ a: Akteur, _ all: [Akteur], _ u: RenderContext) -> TemplateContext {
        let t = ties(of: a, all)
        return ["name": a.name, "id": "akteur-\(a.id)", "beschreibung": a.beschreibung ?? false, "web": a.web ?? false,
                "raeume": a.sozialraeume.isEmpty ? false : a.sozialraeume.map { AngebotePages.areaName($0, u) }.joined(separator: ", "),
                "hat_verbindungen": !t.isEmpty,
                "verbindungen": t.map { ["text": $0.text, "name": $0.other.name, "href": "#akteur-\($0.other.id)"] as TemplateContext }]
    }
}

/// A deterministic drawing: actors on a circle, sorted by kind and id; ties as lines whose dash
/// pattern (not only colour) tells their kind. The lists on the page say the same in words.
enum NetzwerkDiagram {
    static let size = 640.0, radius = 200.0

    static func style(_ art: Akteur.Verbindung.Art) -> (color: String, dash: String, name: String) {
        switch art {
        case .Mitglied: ("#0a4a82", "", "Mitglied (durchgezogen)")
        case .Kooperation: ("#8a3b00", "8 5", "Kooperation (gestrichelt)")
        case .Foerderung: ("#1d6b2f", "2 4", "Förderung (gepunktet)")
        case .Auftrag: ("#6b2d7a", "10 4 2 4", "Auftrag (Strich-Punkt)")
        }
    }

    static func positions(_ all: [Akteur]) -> [(Akteur, Double, Double)] {
        let order = Akteur.Art.allCases
        let sorted = all.sorted { (order.firstIndex(of: $0.art)!, $0.id) < (order.firstIndex(of: $1.art)!, $1.id) }
        return sorted.enumerated().map { i, a in
            let angle = 2 * Double.pi * Double(i) / Double(max(sorted.count, 1)) - Double.pi / 2
            return (a, size / 2 + radius * cos(angle), size / 2 + radius * sin(angle))
        }
    }

    static func svg(_ all: [Akteur]) -> String {
        let placed = positions(all)
        let at = Dictionary(placed.map { ($0.0.id, ($0.1, $0.2)) }, uniquingKeysWith: { x, _ in x })
        var body = ""
        for (a, x1, y1) in placed {
            for v in a.verbindungen {
                guard let (x2, y2) = at[v.mit] else { continue }
                let s = style(v.art)
                body += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(s.color)\" stroke-width=\"2\""
                    + (s.dash.isEmpty ? "" : " stroke-dasharray=\"\(s.dash)\"") + "/>\n"
            }
        }
        for (a, x, y) in placed {
            let dx = x - size / 2, anchor = abs(dx) < 1 ? "middle" : dx > 0 ? "start" : "end"
            let lx = x + (abs(dx) < 1 ? 0 : dx > 0 ? 14 : -14), ly = y + (y < size / 2 ? -14 : 28)
            body += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"10\" fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>\n"
            body += "<text x=\"\(f(lx))\" y=\"\(f(ly))\" text-anchor=\"\(anchor)\" font-size=\"20\" fill=\"#1a1a1a\">\(XML.escape(label(a.name)))</text>\n"
        }
        let ties = all.reduce(0) { $0 + $1.verbindungen.count }
        return """
        <svg class="netzwerk" xmlns="http://www.w3.org/2000/svg" viewBox="-300 0 \(f(size + 600)) \(f(size))" role="img" aria-labelledby="netzwerk-titel netzwerk-text">
        <title id="netzwerk-titel">Netzwerkbild: \(all.count) Akteure und \(ties) Verbindungen</title>
        <desc id="netzwerk-text">Die Akteure stehen im Kreis, nach Art geordnet; Linien zeigen ihre Verbindungen. Alle Verbindungen stehen auch als Liste unter dem Bild.</desc>
        \(body)</svg>
        """
    }

    /// Long names are shortened in the picture; the list below gives them whole.
    static func label(_ name: String) -> String { name.count <= 30 ? name : String(name.prefix(29)).trimmed() + "…" }

    static func legend() -> String {
        var html = "<ul class=\"legende\">\n"
        for art in Akteur.Verbindung.Art.allCases {
            let s = style(art)
            html += "<li><svg width=\"40\" height=\"12\" aria-hidden=\"true\" focusable=\"false\"><line x1=\"0\" y1=\"6\" x2=\"40\" y2=\"6\" stroke=\"\(s.color)\" stroke-width=\"3\""
                + (s.dash.isEmpty ? "" : " stroke-dasharray=\"\(s.dash)\"") + "/></svg> \(XML.escape(s.name))</li>\n"
        }
        return html + "</ul>\n"
    }

    static func f(_ v: Double) -> String { NumberFormat.german(v, places: 1, minus: "-", thousands: "").replacingOccurrences(of: ",", with: ".") }
}
