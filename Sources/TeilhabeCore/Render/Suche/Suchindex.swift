import Foundation

/// The search index written at build time (`suche/index.json`): the documents, and for every
/// word the documents that hold it. The page script reads it; no server is needed.
enum Suchindex {
    struct Dokument {
        var titel: String
        /// Output folder below the site root.
        var ordner: String
        var art: String
        var datum: Tag?
        var text: String
    }

    static func dokumente(_ u: Umgebung) -> [Dokument] {
        var koerper: [MarkdownQuelle] = []
        for v in u.projekt.vorlagen { koerper.append(v.body); v.leicht.map { koerper.append($0.body) } }
        for t in u.projekt.texte { koerper.append(t.body); t.leicht.map { koerper.append($0.body) } }
        let texte = Dictionary(zip(koerper.map(\.file), klartexte(koerper, vorrat: u.vorrat)), uniquingKeysWith: { a, _ in a })
        func klartext(_ q: MarkdownQuelle) -> String { texte[q.file] ?? "" }
        var docs: [Dokument] = []
        for v in u.projekt.vorlagen {
            docs.append(Dokument(titel: "\(v.nummer): \(v.betreff)", ordner: Adressen.seite(v.pfad), art: v.art.rawValue,
                                 datum: v.datum, text: "\(v.nummer) \(v.federfuehrend) " + klartext(v.body)))
            if let l = v.leicht {
                docs.append(Dokument(titel: l.titel, ordner: Adressen.seite(v.pfad, leicht: true), art: "Leichte Sprache",
                                     datum: v.datum, text: klartext(l.body)))
            }
        }
        for t in u.projekt.texte {
            docs.append(Dokument(titel: t.titel, ordner: Adressen.seite(t.pfad), art: t.art == .bericht ? "Bericht" : "Seite",
                                 datum: t.datum, text: (t.beschreibung ?? "") + " " + klartext(t.body)))
            if let l = t.leicht {
                docs.append(Dokument(titel: l.titel, ordner: Adressen.seite(t.pfad, leicht: true), art: "Leichte Sprache",
                                     datum: t.datum, text: klartext(l.body)))
            }
        }
        for s in u.projekt.sitzungen {
            docs.append(Dokument(titel: "\(u.gremiumName(s.gremium)): Sitzung am \(Formatierung.datum(s.beginn.tag))",
                                 ordner: Adressen.sitzung(s.id), art: "Sitzung", datum: s.beginn.tag,
                                 text: s.tagesordnung.compactMap(\.titel).joined(separator: " ")))
        }
        for i in u.projekt.indikatoren {
            docs.append(Dokument(titel: i.titel, ordner: Adressen.seite(i.pfad), art: "Indikator", datum: i.stichtag,
                                 text: [i.beschreibung ?? "", i.quelle, i.einheit, i.raumebene ?? ""].joined(separator: " ")
                                     + " " + i.tabelle.zeilen.map(\.raum).joined(separator: " ")))
        }
        for g in u.projekt.gremien {
            docs.append(Dokument(titel: g.name, ordner: Adressen.gremium(g.id), art: "Gremium", datum: nil,
                                 text: (g.kurzname ?? "") + " " + (g.beschreibung ?? "")))
        }
        return docs.sorted { $0.ordner < $1.ordner }
    }

    /// The plain text of many bodies at once (parsing is serialised; the rest runs in parallel).
    static func klartexte(_ quellen: [MarkdownQuelle], vorrat: Vorrat = .keiner) -> [String] {
        Parallel.map(quellen.count) { i in
            vorrat.wert("klartext", .von(quellen[i].text)) { MarkdownDocument(quellen[i].text).plainText() }
        }
    }

    /// `{"dokumente": [[titel, ordner, art, datum], …], "woerter": {"wort": [index, …], …}}`
    static func json(_ docs: [Dokument], vorrat: Vorrat = .keiner) -> Data {
        var woerter: [String: [Int]] = [:]
        let jeDokument = Parallel.map(docs.count) { i in
            let text = docs[i].titel + " " + docs[i].art + " " + docs[i].text
            return vorrat.wert("suchwoerter", .von(text)) { Set(woerterListe(text)).sorted() }
        }
        for (index, menge) in jeDokument.enumerated() {
            for wort in menge { woerter[wort, default: []].append(index) }
        }
        let liste = docs.map { [$0.titel, $0.ordner, $0.art, $0.datum?.description ?? ""] }
        let objekt: [String: Any] = ["dokumente": liste, "woerter": woerter]
        return JSONText.data(objekt, eingerueckt: false)
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
