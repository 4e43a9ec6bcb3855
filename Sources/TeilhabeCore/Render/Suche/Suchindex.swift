import Foundation

/// The search index written at build time (`suche/index.json`): the documents, and for every
/// word the documents that hold it. The page script reads it; no server is needed.
enum Suchindex {
    static let datei = "suche/index.json"

    struct Dokument: Sendable {
        var titel: String
        /// Output folder below the site root.
        var ordner: String
        var art: String
        var datum: Tag?
        /// The fingerprint of the file the document is made from: its words are cached under it.
        var quelle: Fingerabdruck?
        /// The searchable text; asked for only when the words are not cached.
        var text: @Sendable () -> String
    }

    static func dokumente(_ u: Umgebung) -> [Dokument] {
        func datei(_ q: MarkdownQuelle) -> Fingerabdruck? { u.abdruecke?.dateien[q.file] }
        var docs: [Dokument] = []
        for v in u.projekt.vorlagen {
            docs.append(Dokument(titel: "\(v.nummer): \(v.betreff)", ordner: Adressen.seite(v.pfad), art: v.art.rawValue,
                                 datum: v.datum, quelle: datei(v.body)) { "\(v.nummer) \(v.federfuehrend) " + klartext(v.body) })
            if let l = v.leicht {
                docs.append(Dokument(titel: l.titel, ordner: Adressen.seite(v.pfad, leicht: true), art: "Leichte Sprache",
                                     datum: v.datum, quelle: datei(l.body)) { klartext(l.body) })
            }
        }
        for t in u.projekt.texte {
            docs.append(Dokument(titel: t.titel, ordner: Adressen.seite(t.pfad), art: t.art == .bericht ? "Bericht" : "Seite",
                                 datum: t.datum, quelle: datei(t.body)) { (t.beschreibung ?? "") + " " + klartext(t.body) })
            if let l = t.leicht {
                docs.append(Dokument(titel: l.titel, ordner: Adressen.seite(t.pfad, leicht: true), art: "Leichte Sprache",
                                     datum: t.datum, quelle: datei(l.body)) { klartext(l.body) })
            }
        }
        for s in u.projekt.sitzungen {
            let text = s.tagesordnung.compactMap(\.titel).joined(separator: " ")
            docs.append(Dokument(titel: "\(u.gremiumName(s.gremium)): Sitzung am \(Formatierung.datum(s.beginn.tag))",
                                 ordner: Adressen.sitzung(s.id), art: "Sitzung", datum: s.beginn.tag, quelle: nil) { text })
        }
        for i in u.projekt.indikatoren {
            let text = [i.beschreibung ?? "", i.quelle, i.einheit, i.raumebene ?? ""].joined(separator: " ")
                + " " + i.tabelle.zeilen.map(\.raum).joined(separator: " ")
            docs.append(Dokument(titel: i.titel, ordner: Adressen.seite(i.pfad), art: "Indikator", datum: i.stichtag, quelle: nil) { text })
        }
        for g in u.projekt.gremien {
            let text = (g.kurzname ?? "") + " " + (g.beschreibung ?? "")
            docs.append(Dokument(titel: g.name, ordner: Adressen.gremium(g.id), art: "Gremium", datum: nil, quelle: nil) { text })
        }
        return docs.sorted { $0.ordner < $1.ordner }
    }

    @Sendable static func klartext(_ q: MarkdownQuelle) -> String { MarkdownDocument(q.text).plainText() }

    /// `{"dokumente": [[titel, ordner, art, datum], …], "woerter": {"wort": [index, …], …}}`, keys sorted.
    /// Written directly: it is the largest file of a site and made again whenever any text changes.
    static func json(_ docs: [Dokument], vorrat: Vorrat = .keiner) -> Data {
        let stand = woerterIndex(docs, vorrat: vorrat)
        var p: [UInt8] = []
        p.reserveCapacity(docs.count * 400)
        p += Array(#"{"dokumente":["#.utf8)
        for (n, d) in docs.enumerated() {
            if n > 0 { p.append(0x2C) }
            p.append(0x5B)
            JSONText.zeichenkette(d.titel, &p); p.append(0x2C)
            JSONText.zeichenkette(d.ordner, &p); p.append(0x2C)
            JSONText.zeichenkette(d.art, &p); p.append(0x2C)
            JSONText.zeichenkette(d.datum?.description ?? "", &p)
            p.append(0x5D)
        }
        p += Array(#"],"woerter":{"#.utf8)
        for (n, wort) in stand.woerter.enumerated() {
            if n > 0 { p.append(0x2C) }
            JSONText.zeichenkette(wort, &p)
            p += [0x3A, 0x5B]
            for (k, dokument) in stand.stellen[n].enumerated() {
                if k > 0 { p.append(0x2C) }
                ziffern(dokument, &p)
            }
            p.append(0x5D)
        }
        p += [0x7D, 0x7D]
        return Data(p)
    }

    /// A number's decimal digits, without making a String for each of the many thousands.
    private static func ziffern(_ x: UInt32, _ p: inout [UInt8]) {
        var x = x, puffer: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &puffer) { b in
            repeat { b[n] = 0x30 + UInt8(x % 10); x /= 10; n += 1 } while x > 0
            for k in stride(from: n - 1, through: 0, by: -1) { p.append(b[k]) }
        }
    }

    /// Every word and the documents holding it: the last build's index moved on by the changed
    /// documents where it is known, else merged from every document's (cached) word list.
    static func woerterIndex(_ docs: [Dokument], vorrat: Vorrat) -> Suchstand {
        // A document's words, one per line; a file's are cached under its fingerprint (which covers its title).
        @Sendable func woerter(_ d: Dokument) -> String {
            Set(woerterListe(d.titel + " " + d.art + " " + d.text())).sorted().joined(separator: "\n")
        }
        var berechnet: [Int: String] = [:]
        let schluessel = docs.indices.map { i -> Fingerabdruck in
            guard let quelle = docs[i].quelle else {
                let w = woerter(docs[i])
                berechnet[i] = w
                return .von(w)
            }
            var s = Streuwert()
            s.abdruck(quelle); s.text(docs[i].art); s.text(docs[i].ordner)
            return s.ergebnis
        }
        let eigene = berechnet   // meetings, indicators, committees: their words are their key
        @Sendable func neue(_ i: Int) -> String {
            if let w = eigene[i] { vorrat.ablegen("suchwoerter", schluessel[i], w); return w }
            return vorrat.wert("suchwoerter", schluessel[i]) { woerter(docs[i]) }
        }
        let ablage = Fingerabdruck.von("suchindex")
        if let alt = vorrat.roh("suchindex", ablage).flatMap(Suchstand.init(kodiert:)),
           let stand = alt.fortgeschrieben(schluessel, alteWoerter: { vorrat.lesen("suchwoerter", $0) }, neueWoerter: neue) {
            vorrat.rohAblegen("suchindex", ablage, stand.kodiert()[...])
            return stand
        }
        let stand = Suchstand(schluessel: schluessel, jeDokument: Parallel.map(docs.count, neue))
        vorrat.rohAblegen("suchindex", ablage, stand.kodiert()[...])
        return stand
    }

    static let stoppwoerter: Set<String> = [
        "der", "die", "das", "und", "oder", "mit", "von", "fuer", "auf", "den", "dem", "des", "ein", "eine", "einer",
        "eines", "einem", "einen", "ist", "sind", "wird", "werden", "im", "in", "zu", "zur", "zum", "bei", "als", "auch",
        "nicht", "sich", "es", "an", "am", "aus", "dass", "wie", "so", "sie", "er", "wir", "hat", "haben", "kann",
    ]

    /// Lower case, umlauts folded (ä → ae), the Mediopunkt dropped (Sozial·raum → sozialraum); words of 2+ letters.
    /// The page script (assets/suche.js) normalises queries the same way.
    static func woerterListe(_ text: String) -> [String] {
        var woerter: [String] = []
        var wort = String.UnicodeScalarView()
        func fertig() {
            if wort.count >= 2 {
                let fertig = String(wort)
                if !stoppwoerter.contains(fertig) { woerter.append(fertig) }
            }
            wort = String.UnicodeScalarView()
        }
        // Unicode scalars, not Characters: this runs over every word of every page.
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "ä": wort.append("a"); wort.append("e")
            case "ö": wort.append("o"); wort.append("e")
            case "ü": wort.append("u"); wort.append("e")
            case "ß": wort.append("s"); wort.append("s")
            case "·", "\u{00AD}": continue
            default:
                let p = scalar.properties
                if p.isAlphabetic || p.numericType != nil { wort.append(scalar) } else { fertig() }
            }
        }
        fertig()
        return woerter
    }
}
