import Foundation

/// The static OParl 1.1 export under `oparl/v1.1/`: System, Body, every object at its own
/// address, and the Body's lists, paginated as `…/page/2` (no query strings).
enum OParlExport {
    static let seitengroesse = 50

    static func dateien(_ u: Umgebung, _ basis: Basis, seitengroesse: Int = seitengroesse) -> [Ausgabedatei] {
        let o = OParlObjekte(u, basis)
        let a = o.a
        let sitzungen = u.projekt.sitzungen.sorted { ($0.beginn, $0.id) < ($1.beginn, $1.id) }
        let vorlagen = u.projekt.vorlagen.sorted { ($0.datum, $0.nummer) < ($1.datum, $1.nummer) }
        let tops = sitzungen.flatMap { o.tagesordnung($0, eingebettet: false) }
        let beratungen = vorlagen.flatMap { o.beratungen($0, eingebettet: false) }
        let orte = sitzungen.filter { $0.ort != nil }.map { o.ort($0, eingebettet: false) }
        let dateien = zusammengefasst(vorlagen.flatMap { o.dateien($0, eingebettet: false) })
        let listen: [(String, [[String: Any]])] = [
            ("organizations", o.organisationen), ("persons", []), ("meetings", sitzungen.map(o.sitzung)),
            ("papers", vorlagen.map(o.vorlage)), ("agendaItems", tops), ("consultations", beratungen),
            ("files", dateien), ("memberships", []), ("locations", orte), ("legislativeTerms", o.wahlperioden),
        ]
        var ausgabe = [json(a.datei(fuer: a.system), o.system),
                       json(a.datei(fuer: a.bodyID), o.body)]
        ausgabe += seiten(liste: a.id("bodies"), [o.body], seitengroesse, a)
        for (name, objekte) in listen {
            ausgabe += seiten(liste: a.liste(name), objekte, seitengroesse, a)
            ausgabe += objekte.map { json(a.datei(fuer: $0["id"] as! String), $0) }
        }
        return ausgabe
    }

    /// One file an attachment, even when several papers name it: their back-references are merged.
    private static func zusammengefasst(_ dateien: [[String: Any]]) -> [[String: Any]] {
        var nachID: [String: [String: Any]] = [:]
        for datei in dateien {
            let id = datei["id"] as! String
            if var frueher = nachID[id] {
                frueher["paper"] = ((frueher["paper"] as? [String] ?? []) + (datei["paper"] as? [String] ?? [])).sorted()
                nachID[id] = frueher
            } else {
                nachID[id] = datei
            }
        }
        return nachID.keys.sorted().map { nachID[$0]! }
    }

    /// A list as pages: the first at the list's own address, the others at `…/page/N`.
    private static func seiten(liste: String, _ objekte: [[String: Any]], _ groesse: Int, _ a: OParlAdressen) -> [Ausgabedatei] {
        let anzahl = max(1, (objekte.count + groesse - 1) / groesse)
        func url(_ n: Int) -> String { n == 1 ? liste : "\(liste)/page/\(n)" }
        return (1...anzahl).map { n in
            var links: [String: Any] = ["first": url(1), "self": url(n), "last": url(anzahl)]
            if n > 1 { links["prev"] = url(n - 1) }
            if n < anzahl { links["next"] = url(n + 1) }
            let seite: [String: Any] = [
                "data": Array(objekte.dropFirst((n - 1) * groesse).prefix(groesse)),
                "pagination": ["totalElements": objekte.count, "elementsPerPage": groesse, "currentPage": n,
                               "totalPages": anzahl],
                "links": links,
            ]
            return json(a.datei(fuer: url(n)), seite)
        }
    }

    static func json(_ pfad: String, _ objekt: [String: Any]) -> Ausgabedatei {
        Ausgabedatei(pfad: pfad, inhalt: .daten(JSONText.data(objekt)))
    }
}
