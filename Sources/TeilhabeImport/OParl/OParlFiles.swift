import Foundation
import Yams
import TeilhabeSupport
import TeilhabeModel

/// The imported entries as the contract's files, written through Yams (quoting is its business).
/// Same content → same bytes: the order of entries and keys is fixed.
enum OParlFiles {
    static func gremien(_ list: [ImportedContent.Gremium]) -> String {
        header + yaml(.sequence(.init(list.map { g in
            mapping([("id", s(g.id)), ("name", s(g.name)), ("kurzname", g.kurzname.map(s)), ("art", s(g.art.rawValue)),
                     ("quelle", quelle(g.quelle))])
        })))
    }

    static func sitzungen(_ list: [ImportedContent.Sitzung]) -> String {
        header + yaml(.sequence(.init(list.map { x in
            mapping([("id", s(x.id)), ("gremium", s(x.gremium)), ("beginn", s(x.beginn.description)),
                     ("ende", x.ende.map { s($0.description) }), ("ort", x.ort.map(s)),
                     ("tagesordnung", x.tops.isEmpty ? nil : .sequence(.init(x.tops.map(top)))), ("quelle", quelle(x.quelle))])
        })))
    }

    private static func top(_ t: ImportedContent.Top) -> Node {
        mapping([("top", q(t.top)), ("titel", t.titel.map(s)), ("vorlage", t.vorlage.map(q)),
                 ("status", t.oeffentlich ? nil : s("nichtoeffentlich"))], flow: true)
    }

    /// A paper's file: front matter and the body (its text, or the sentence that links the document).
    static func vorlage(_ v: ImportedContent.Vorlage, body: String) -> String {
        let beratung = v.beratungsfolge.map { b in
            mapping([("sitzung", s(b.sitzung)), ("rolle", s(b.rolle.rawValue)), ("ergebnis", b.ergebnis.map(s))])
        }
        let anlagen = v.dateien.filter { !$0.isWebPage }.map { d in mapping([("titel", s(d.titel)), ("datei", s(d.pfad))], flow: true) }
        let front = mapping([
            ("art", s(v.art.rawValue)), ("nummer", q(v.nummer)), ("betreff", s(v.betreff)), ("datum", s(v.datum.description)),
            ("status", s(v.oeffentlich ? "oeffentlich" : "nichtoeffentlich")), ("federfuehrend", s(v.federfuehrend)),
            ("antragstellend", v.antragstellend.map(s)),
            ("beratungsfolge", beratung.isEmpty ? nil : .sequence(.init(beratung))),
            ("anlagen", anlagen.isEmpty ? nil : .sequence(.init(anlagen))), ("quelle", quelle(v.quelle)),
        ])
        return "---\n" + yaml(front) + "---\n" + body + (body.hasSuffix("\n") ? "" : "\n")
    }

    /// A minimal site.yaml for a folder that has none: the body's name as title and Träger, its e-mail
    /// address as contact (the build asks for the rest).
    static func site(bodyName: String, email: String?) -> String {
        Message.oparlSiteHeader.de + yaml(mapping([("titel", s(bodyName)), ("traeger", s(bodyName)),
                            ("kontakt", email.map { mapping([("email", s($0))], flow: true) })]))
    }

    static let header = Message.oparlFileHeader.de

    private static func quelle(_ x: ImportedContent.Quelle) -> Node {
        mapping([("oparl", s(x.oparl)), ("geaendert", x.geaendert.map(s))], flow: true)
    }

    private static func s(_ text: String) -> Node { Node(text) }
    private static func q(_ text: String) -> Node { Node(text, Yams.Tag(.str), .doubleQuoted) }

    private static func mapping(_ pairs: [(String, Node?)], flow: Bool = false) -> Node {
        .mapping(.init(pairs.compactMap { k, v in v.map { (Node(k), $0) } }, Yams.Tag(.map), flow ? .flow : .block))
    }

    static func yaml(_ node: Node) -> String {
        (try? Yams.serialize(node: node, width: -1, allowUnicode: true, sortKeys: false)) ?? ""
    }
}
