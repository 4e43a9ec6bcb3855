import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The static OParl 1.1 export under `oparl/v1.1/`: System, Body, every object at its own
/// address, and the Body's lists, paginated as `…/page/2` (no query strings).
enum OParlExport {
    static let seitengroesse = 50

    /// One object at its own address, made only when needed; `quellen` nil: depends on everything.
    struct Entry {
        var id: String
        var quellen: [Fingerprint?]?
        var objekt: @Sendable () -> any Encodable & Sendable
    }

    static func dateien(_ u: RenderContext, _ basis: SiteBase, seitengroesse: Int = seitengroesse) -> [OutputFile] {
        auftraege(u, basis, seitengroesse: seitengroesse).map { $0.machen() }
    }

    /// What the objects' closures need, shared by reference: a closure that captured the structs
    /// themselves carried 1.2 KB of copies (60,000 objects at 20,000 pages: 75 MB).
    private typealias Quelle = Shared<(o: OParlObjects, vorlagen: [Vorlage], sitzungen: [Sitzung])>

    static func auftraege(_ u: RenderContext, _ basis: SiteBase, seitengroesse: Int = seitengroesse) -> [RenderJob] {
        let o = OParlObjects(u, basis)
        let a = o.a
        let sitzungen = u.projekt.sitzungen.sorted { ($0.beginn, $0.id) < ($1.beginn, $1.id) }
        let vorlagen = u.projekt.vorlagen.sorted { ($0.datum, $0.nummer) < ($1.datum, $1.nummer) }
        let q = Quelle((o, vorlagen, sitzungen))
        func fertig<F>(_ objekte: [OParlSchema.Object<F>]) -> [Entry] {
            objekte.map { objekt in Entry(id: objekt.id, quellen: nil) { objekt } }
        }
        let tops = sitzungen.indices.flatMap { k in
            sitzungen[k].tagesordnung.enumerated().map { n, top in
                Entry(id: a.top(sitzungen[k].id, top.top), quellen: u.quellen(sitzungen[k])) {
                    q.wert.o.tagesordnungspunkt(q.wert.sitzungen[k], n, eingebettet: false)
                }
            }
        }
        let beratungen = vorlagen.indices.flatMap { k in
            vorlagen[k].beratungsfolge.enumerated().compactMap { n, b -> Entry? in
                guard u.sitzung(b.sitzung) != nil else { return nil }
                let id = a.beratung(vorlagen[k].slug, n + 1)
                return Entry(id: id, quellen: u.koepfe(vorlagen[k])) {
                    q.wert.o.beratung(q.wert.vorlagen[k], n, eingebettet: false)!
                }
            }
        }
        let orte = sitzungen.indices.filter { sitzungen[$0].ort != nil }.map { k in
            Entry(id: a.ort(sitzungen[k].id), quellen: u.quellen(sitzungen[k])) {
                q.wert.o.ort(q.wert.sitzungen[k], eingebettet: false)
            }
        }
        let listen: [(String, [Entry])] = [
            ("organizations", fertig(o.organisationen)), ("persons", []),
            ("meetings", sitzungen.indices.map { k in
                Entry(id: a.sitzung(sitzungen[k].id), quellen: u.quellen(sitzungen[k])) { q.wert.o.sitzung(q.wert.sitzungen[k]) }
            }),
            ("papers", vorlagen.indices.map { k in
                Entry(id: a.vorlage(vorlagen[k].slug), quellen: u.koepfe(vorlagen[k])) { q.wert.o.vorlage(q.wert.vorlagen[k]) }
            }),
            ("agendaItems", tops), ("consultations", beratungen), ("files", dateien(q, u)), ("memberships", []),
            ("locations", orte), ("legislativeTerms", fertig(o.wahlperioden)),
        ]
        let system = o.system, body = o.body
        let systemPfad = a.datei(fuer: a.system), bodyPfad = a.datei(fuer: a.bodyID)
        var ausgabe: [RenderJob] = [
            RenderJob(pfad: systemPfad, schluessel: u.uebersicht(systemPfad)) { json(systemPfad, system) },
            RenderJob(pfad: bodyPfad, schluessel: u.uebersicht(bodyPfad)) { json(bodyPfad, body) },
        ]
        ausgabe += seiten(liste: a.id("bodies"), [Entry(id: a.bodyID, quellen: nil) { body }], seitengroesse, a, u)
        for (name, eintraege) in listen {
            ausgabe += seiten(liste: a.liste(name), eintraege, seitengroesse, a, u)
            ausgabe += eintraege.map { e in
                let pfad = a.datei(fuer: e.id)
                return RenderJob(pfad: pfad, schluessel: schluessel(e.quellen, "oparl " + e.id, u)) { json(pfad, e.objekt()) }
            }
        }
        return ausgabe
    }

    /// One file object an attachment, even when several papers name it: their back-references are merged.
    private static func dateien(_ q: Quelle, _ u: RenderContext) -> [Entry] {
        let o = q.wert.o
        // By id: the papers naming it, each with which of its files it is.
        var nachID: [String: [(vorlage: Int, datei: OParlObjects.DateiID)]] = [:]
        for (k, v) in q.wert.vorlagen.enumerated() {
            for datei in o.dateiIDs(v) {
                let id = o.id(v, datei)
                if nachID[id]?.last?.vorlage != k { nachID[id, default: []].append((k, datei)) }
            }
        }
        return nachID.keys.sorted().map { id in
            let papiere = nachID[id]!
            return Entry(id: id, quellen: papiere.flatMap { u.koepfe(q.wert.vorlagen[$0.vorlage]) }) {
                var datei = q.wert.o.datei(q.wert.vorlagen[papiere[0].vorlage], papiere[0].datei, eingebettet: false)
                for (k, art) in papiere.dropFirst() {
                    let teil = q.wert.o.datei(q.wert.vorlagen[k], art, eingebettet: false)
                    datei.fields.paper = ((datei.fields.paper ?? []) + (teil.fields.paper ?? [])).sorted()
                }
                return datei
            }
        }
    }

    /// Keyed on its sources; an object that depends on everything, on all that lists show.
    private static func schluessel(_ quellen: [Fingerprint?]?, _ art: String, _ u: RenderContext) -> Fingerprint? {
        quellen.map { u.schluessel(art, $0) } ?? u.uebersicht(art)
    }

    /// A list as pages: the first at the list's own address, the others at `…/page/N`. A page is
    /// keyed on its members, its number and the list's length (which its links show).
    private static func seiten(liste: String, _ eintraege: [Entry], _ groesse: Int, _ a: OParlAddresses,
                               _ u: RenderContext) -> [RenderJob] {
        let anzahl = max(1, (eintraege.count + groesse - 1) / groesse)
        @Sendable func url(_ n: Int) -> String { n == 1 ? liste : "\(liste)/page/\(n)" }
        return (1...anzahl).map { n in
            let teil = Array(eintraege.dropFirst((n - 1) * groesse).prefix(groesse))
            var quellen: [Fingerprint?]? = [Fingerprint(a: UInt64(n), b: UInt64(eintraege.count))]
            for e in teil {
                guard let q = e.quellen, quellen != nil else { quellen = nil; break }
                quellen! += [Fingerprint.von(Array(e.id.utf8))] + q
            }
            let pfad = a.datei(fuer: url(n))
            return RenderJob(pfad: pfad, schluessel: schluessel(quellen, "oparl-liste \(liste) \(n)", u)) {
                let links = OParlSchema.Links(first: url(1), this: url(n), last: url(anzahl),
                                              prev: n > 1 ? url(n - 1) : nil, next: n < anzahl ? url(n + 1) : nil)
                let seite = OParlSchema.Page(
                    data: teil.map { $0.objekt() },
                    pagination: OParlSchema.Pagination(totalElements: eintraege.count, elementsPerPage: groesse,
                                                       currentPage: n, totalPages: anzahl),
                    links: links)
                return json(pfad, seite)
            }
        }
    }

    static func json(_ pfad: String, _ objekt: some Encodable) -> OutputFile {
        OutputFile(pfad: pfad, inhalt: .daten(JSONText.data(objekt)))
    }
}
