import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The search index written at build time (`suche/index.json`): the documents, and for every
/// word the documents that hold it. The page script reads it; no server is needed.
package enum SearchIndex {
    package static let datei = "suche/index.json"

    struct SearchDocument: Sendable {
        var titel: String
        /// Output folder below the site root.
        var ordner: String
        var art: String
        var datum: Tag?
        /// The fingerprint of the file the document is made from: its words are cached under it.
        var quelle: Fingerprint?
        /// The searchable text; asked for only when the words are not cached.
        var text: @Sendable () -> String
    }

    static func dokumente(_ u: RenderContext) -> [SearchDocument] {
        func datei(_ q: MarkdownQuelle) -> Fingerprint? { u.abdruecke?.dateien[q.file] }
        var docs: [SearchDocument] = []
        let vorlagen = u.projekt.vorlagen
        // By index: a loop over the papers (and closures holding one each) would copy every paper whole.
        for i in vorlagen.indices {
            let body = vorlagen[i].body, kopfzeile = "\(vorlagen[i].nummer) \(vorlagen[i].federfuehrend) "
            docs.append(SearchDocument(titel: "\(vorlagen[i].nummer): \(vorlagen[i].betreff)", ordner: Addresses.seite(vorlagen[i].pfad),
                                 art: vorlagen[i].art.rawValue, datum: vorlagen[i].datum, quelle: datei(body)) { kopfzeile + klartext(body) })
            if let l = vorlagen[i].leicht {
                docs.append(SearchDocument(titel: l.titel, ordner: Addresses.seite(vorlagen[i].pfad, leicht: true), art: "Leichte Sprache",
                                     datum: vorlagen[i].datum, quelle: datei(l.body)) { klartext(l.body) })
            }
        }
        for t in u.projekt.texte {
            docs.append(SearchDocument(titel: t.titel, ordner: Addresses.seite(t.pfad), art: t.art == .bericht ? "Bericht" : "Seite",
                                 datum: t.datum, quelle: datei(t.body)) { (t.beschreibung ?? "") + " " + klartext(t.body) })
            if let l = t.leicht {
                docs.append(SearchDocument(titel: l.titel, ordner: Addresses.seite(t.pfad, leicht: true), art: "Leichte Sprache",
                                     datum: t.datum, quelle: datei(l.body)) { klartext(l.body) })
            }
        }
        for s in u.projekt.sitzungen {
            let text = s.tagesordnung.compactMap(\.titel).joined(separator: " ")
            docs.append(SearchDocument(titel: "\(u.gremiumName(s.gremium)): Sitzung am \(Formatting.datum(s.beginn.tag))",
                                 ordner: Addresses.sitzung(s.id), art: "Sitzung", datum: s.beginn.tag, quelle: nil) { text })
        }
        for i in u.projekt.indikatoren {
            let text = [i.beschreibung ?? "", i.quelle, i.einheit, i.raumebene ?? ""].joined(separator: " ")
                + " " + i.tabelle.zeilen.map(\.raum).joined(separator: " ")
            docs.append(SearchDocument(titel: i.titel, ordner: Addresses.seite(i.pfad), art: "Indikator", datum: i.stichtag, quelle: nil) { text })
        }
        for g in u.projekt.gremien {
            let text = (g.kurzname ?? "") + " " + (g.beschreibung ?? "")
            docs.append(SearchDocument(titel: g.name, ordner: Addresses.gremium(g.id), art: "Gremium", datum: nil, quelle: nil) { text })
        }
        return docs.indices.sorted { docs[$0].ordner < docs[$1].ordner }.map { docs[$0] }
    }

    @Sendable static func klartext(_ q: MarkdownQuelle) -> String { MarkdownDocument(q.text).plainText() }

    /// `{"dokumente": [[titel, ordner, art, datum], …], "woerter": {"wort": [index, …], …}}`, keys sorted,
    /// the bytes JSONEncoder (.sortedKeys, .withoutEscapingSlashes) would write. Written directly, not
    /// through Codable: it is the largest file of a site and made again on every edit, and encoding it
    /// through JSONEncoder (50,000 word keys as Strings) took "render: search index" on an edit build
    /// of the 4,000-page corpus from 60 to 129 ms (release, TEILHABE_ZEITEN, 2026-12-06) – a fifth of
    /// the whole edit build. JsonOutputTests pins these bytes against the Codable encoding.
    static func json(_ docs: [SearchDocument], vorrat: BuildCache = .keiner, publikum: Publikum = .oeffentlich,
                     drafts: Bool = false) -> Data {
        let stand = woerterIndex(docs, vorrat: vorrat, publikum: publikum, drafts: drafts)
        var p: [UInt8] = []
        p.reserveCapacity(docs.count * 400)
        p += Array(#"{"dokumente":["#.utf8)
        for (n, d) in docs.enumerated() {
            if n > 0 { p.append(0x2C) }
            p.append(0x5B)
            for (k, feld) in [d.titel, d.ordner, d.art, d.datum?.description ?? ""].enumerated() {
                if k > 0 { p.append(0x2C) }
                JSONString.append(feld, to: &p)
            }
            p.append(0x5D)
        }
        p += Array(#"],"woerter":{"#.utf8)
        for n in 0..<stand.anzahl {
            if n > 0 { p.append(0x2C) }
            stand.wort(n).withUnsafeBufferPointer { JSONString.append($0, to: &p) }
            p += [0x3A, 0x5B]
            for (k, dokument) in stand.stellen(n).enumerated() {
                if k > 0 { p.append(0x2C) }
                p += Array(String(dokument).utf8)
            }
            p.append(0x5D)
        }
        p += [0x7D, 0x7D]
        return Data(p)
    }

    /// Every word and the documents holding it: the last build's index moved on by the changed
    /// documents where it is known, else merged from every document's (cached) word list.
    static func woerterIndex(_ docs: [SearchDocument], vorrat: BuildCache, publikum: Publikum = .oeffentlich,
                             drafts: Bool = false) -> SearchIndexState {
        // A document's words, one per line; a file's are cached under its fingerprint (which covers its title).
        @Sendable func woerter(_ d: SearchDocument) -> String {
            woerterZeilen(d.titel + " " + d.art + " " + d.text())
        }
        var berechnet: [Int: String] = [:]
        let schluessel = docs.indices.map { i -> Fingerprint in
            guard let quelle = docs[i].quelle else {
                let w = woerter(docs[i])
                berechnet[i] = w
                return .von(w)
            }
            var s = FingerprintHasher()
            s.abdruck(quelle); s.text(docs[i].art); s.text(docs[i].ordner)
            return s.ergebnis
        }
        let eigene = berechnet   // meetings, indicators, committees: their words are their key
        @Sendable func neue(_ i: Int) -> String {
            if let w = eigene[i] { vorrat.ablegen("suchwoerter", schluessel[i], w); return w }
            return vorrat.wert("suchwoerter", schluessel[i]) { woerter(docs[i]) }
        }
        // Kept apart per audience, and the preview's (with drafts) apart from every build's.
        let ablage = Fingerprint.von("suchindex " + publikum.rawValue + (drafts ? " mit Entwürfen" : ""))
        if let alt: SearchIndexState = vorrat.lesen("suchindex", ablage),
           let stand = alt.fortgeschrieben(schluessel, alteWoerter: { vorrat.lesen("suchwoerter", $0) }, neueWoerter: neue) {
            // The unchanged pages' words were not looked up, but a later full merge needs them.
            vorrat.behalten("suchwoerter", schluessel)
            vorrat.replace("suchindex", ablage, stand)
            return stand
        }
        let stand = SearchIndexState(schluessel: schluessel, jeDokument: Parallel.map(docs.count, neue))
        vorrat.replace("suchindex", ablage, stand)
        return stand
    }

    static let stoppwoerter: Set<String> = [
        "der", "die", "das", "und", "oder", "mit", "von", "fuer", "auf", "den", "dem", "des", "ein", "eine", "einer",
        "eines", "einem", "einen", "ist", "sind", "wird", "werden", "im", "in", "zu", "zur", "zum", "bei", "als", "auch",
        "nicht", "sich", "es", "an", "am", "aus", "dass", "wie", "so", "sie", "er", "wir", "hat", "haben", "kann",
    ]

    /// Lower case, umlauts folded (ä → ae), the Mediopunkt dropped (Sozial·raum → sozialraum); words of 2+ letters.
    /// The page script (assets/suche.js) normalises queries the same way.
    /// Runs over every word of every page: ASCII is handled byte by byte, other scalars by their properties.
    static func woerterListe(_ text: String) -> [String] {
        var woerter: [String] = []
        var wort: [UInt8] = []
        var laenge = 0   // in scalars, after folding
        func fertig() {
            if laenge >= 2 {
                let fertig = String(decoding: wort, as: UTF8.self)
                if !stoppwoerter.contains(fertig) { woerter.append(fertig) }
            }
            wort.removeAll(keepingCapacity: true)
            laenge = 0
        }
        for scalar in text.unicodeScalars {
            switch faltung(scalar.value) {
            case let .ein(b): wort.append(b); laenge += 1
            case let .zwei(a, b): wort.append(a); wort.append(b); laenge += 2
            case .ende: fertig()
            case .weg: continue
            case .sonst:
                for klein in scalar.properties.lowercaseMapping.unicodeScalars {
                    let p = klein.properties
                    if p.isAlphabetic || p.numericType != nil { wort.append(contentsOf: String(klein).utf8); laenge += 1 } else { fertig() }
                }
            }
        }
        fertig()
        return woerter
    }

    /// What folding makes of a scalar: ASCII letters and digits (lower case), the German letters as two
    /// ASCII letters, nothing for the Mediopunkt and soft hyphen, a word's end for other ASCII; any
    /// other scalar (`sonst`) is decided by its Unicode properties. Both word lists fold through this.
    enum Folding { case ein(UInt8), zwei(UInt8, UInt8), weg, ende, sonst }

    static func faltung(_ v: UInt32) -> Folding {
        switch v {
        case 0x41...0x5A: return .ein(UInt8(v + 0x20))
        case 0x61...0x7A, 0x30...0x39: return .ein(UInt8(v))
        case 0..<0x80: return .ende
        case 0xE4, 0xC4: return .zwei(0x61, 0x65)   // ä Ä
        case 0xF6, 0xD6: return .zwei(0x6F, 0x65)   // ö Ö
        case 0xFC, 0xDC: return .zwei(0x75, 0x65)   // ü Ü
        case 0xDF, 0x1E9E: return .zwei(0x73, 0x73) // ß ẞ
        case 0xB7, 0xAD: return .weg                // Mediopunkt, soft hyphen
        default: return .sonst
        }
    }

    /// A document's distinct words, sorted, one per line.
    static func woerterZeilen(_ text: String) -> String {
        WordLines.ascii(text) ?? woerterZeilenAllgemein(text)
    }

    /// `woerterZeilen` through Strings, for any text.
    static func woerterZeilenAllgemein(_ text: String) -> String {
        var liste = woerterListe(text)
        liste.sort()
        var zeilen = ""
        var vorher: String?
        for wort in liste where wort != vorher {
            if vorher != nil { zeilen.append("\n") }
            zeilen.append(wort)
            vorher = wort
        }
        return zeilen
    }
}
