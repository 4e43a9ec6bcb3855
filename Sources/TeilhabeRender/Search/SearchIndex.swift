import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The search index written at build time (`suche/index.json`): the documents, and for every
/// word the documents that hold it. The page script reads it; no server is needed.
package enum SearchIndex {
    package static let filePath = "suche/index.json"

    struct SearchDocument: Sendable {
        var titel: String
        /// Output folder below the site root.
        var folderPath: String
        var art: String
        var datum: CalendarDay?
        /// The fingerprint of the file the document is made from: its words are cached under it.
        var quelle: Fingerprint?
        /// The searchable text; asked for only when the words are not cached.
        var text: @Sendable () -> String
    }

    static func documents(_ u: RenderContext) -> [SearchDocument] {
        func filePath(_ q: MarkdownSource) -> Fingerprint? { u.fingerprints?.fileList[q.file] }
        var docs: [SearchDocument] = []
        let vorlagen = u.project.vorlagen
        // By index: a loop over the papers (and closures holding one each) would copy every paper whole.
        for i in vorlagen.indices {
            let body = vorlagen[i].body, headline = "\(vorlagen[i].nummer) \(vorlagen[i].federfuehrend) "
            docs.append(SearchDocument(titel: "\(vorlagen[i].nummer): \(vorlagen[i].betreff)", folderPath: Addresses.webPage(vorlagen[i].pfad),
                                 art: vorlagen[i].art.rawValue, datum: vorlagen[i].datum, quelle: filePath(body)) { headline + bodyText(body) })
            if let l = vorlagen[i].leicht {
                docs.append(SearchDocument(titel: l.titel, folderPath: Addresses.webPage(vorlagen[i].pfad, leicht: true), art: "Leichte Sprache",
                                     datum: vorlagen[i].datum, quelle: filePath(l.body)) { bodyText(l.body) })
            }
        }
        for t in u.project.texts {
            docs.append(SearchDocument(titel: t.titel, folderPath: Addresses.webPage(t.pfad), art: t.art == .bericht ? "Bericht" : "Seite",
                                 datum: t.datum, quelle: filePath(t.body)) { (t.beschreibung ?? "") + " " + bodyText(t.body) })
            if let l = t.leicht {
                docs.append(SearchDocument(titel: l.titel, folderPath: Addresses.webPage(t.pfad, leicht: true), art: "Leichte Sprache",
                                     datum: t.datum, quelle: filePath(l.body)) { bodyText(l.body) })
            }
        }
        for s in u.project.sitzungen {
            let text = s.tagesordnung.compactMap(\.titel).joined(separator: " ")
            docs.append(SearchDocument(titel: "\(u.gremiumName(s.gremium)): Sitzung am \(Formatting.date(s.begin.calendarDay))",
                                 folderPath: Addresses.sitzung(s.id), art: "Sitzung", datum: s.begin.calendarDay, quelle: nil) { text })
        }
        for i in u.project.indikatoren {
            let text = [i.beschreibung ?? "", i.quelle, i.einheit, i.raumebene ?? ""].joined(separator: " ")
                + " " + i.table.lines.map(\.raum).joined(separator: " ")
            docs.append(SearchDocument(titel: i.titel, folderPath: Addresses.webPage(i.pfad), art: "Indikator", datum: i.stichtag, quelle: nil) { text })
        }
        for a in u.project.sozialraeume {
            let text = [a.kommune, a.beschreibung ?? ""].joined(separator: " ")
            docs.append(SearchDocument(titel: a.name, folderPath: Addresses.webPage(a.pfad), art: "Sozialraum", datum: nil, quelle: nil) { text })
        }
        docs += OffersSearch.documents(u)
        for g in u.project.gremien {
            let text = (g.kurzname ?? "") + " " + (g.beschreibung ?? "")
            docs.append(SearchDocument(titel: g.name, folderPath: Addresses.gremium(g.id), art: "Gremium", datum: nil, quelle: nil) { text })
        }
        if !u.project.glossar.isEmpty {
            let text = u.project.glossar.map { $0.forms.joined(separator: " ") + " " + $0.erklaerung }.joined(separator: " ")
            docs.append(SearchDocument(titel: GlossaryPage.titel, folderPath: GlossaryPage.folderPath, art: "Leichte Sprache", datum: nil,
                                       quelle: nil) { text })
        }
        return docs.indices.sorted { docs[$0].folderPath < docs[$1].folderPath }.map { docs[$0] }
    }

    @Sendable static func bodyText(_ q: MarkdownSource) -> String { MarkdownDocument.plainText(q.text) }

    /// `{"dokumente": [[titel, ordner, art, datum], …], "woerter": {"wort": [index, …], …}}`, keys sorted,
    /// the bytes JSONEncoder (.sortedKeys, .withoutEscapingSlashes) would write. Written directly, not
    /// through Codable: it is the largest file of a site and made again on every edit, and encoding it
    /// through JSONEncoder (50,000 word keys as Strings) took "render: search index" on an edit build
    /// of the 4,000-page corpus from 60 to 129 ms (release, TEILHABE_ZEITEN, 2026-12-06) – a fifth of
    /// the whole edit build. JsonOutputTests pins these bytes against the Codable encoding.
    static func json(_ docs: [SearchDocument], buildCache: BuildCache = .disabled, publikum: Publikum = .oeffentlich,
                     drafts: Bool = false) -> Data {
        let state = wordIndex(docs, buildCache: buildCache, publikum: publikum, drafts: drafts)
        var p: [UInt8] = []
        p.reserveCapacity(docs.count * 400)
        p += Array(#"{"dokumente":["#.utf8)
        for (n, d) in docs.enumerated() {
            if n > 0 { p.append(0x2C) }
            p.append(0x5B)
            for (k, field) in [d.titel, d.folderPath, d.art, d.datum?.description ?? ""].enumerated() {
                if k > 0 { p.append(0x2C) }
                JSONString.append(field, to: &p)
            }
            p.append(0x5D)
        }
        p += Array(#"],"woerter":{"#.utf8)
        for n in 0..<state.wordCount {
            if n > 0 { p.append(0x2C) }
            state.word(n).withUnsafeBufferPointer { JSONString.append($0, to: &p) }
            p += [0x3A, 0x5B]
            for (k, document) in state.positions(n).enumerated() {
                if k > 0 { p.append(0x2C) }
                p += Array(String(document).utf8)
            }
            p.append(0x5D)
        }
        p += [0x7D, 0x7D]
        return Data(p)
    }

    /// Every word and the documents holding it: the last build's index moved on by the changed
    /// documents where it is known, else merged from every document's (cached) word list.
    static func wordIndex(_ docs: [SearchDocument], buildCache: BuildCache, publikum: Publikum = .oeffentlich,
                             drafts: Bool = false) -> SearchIndexState {
        // A document's words, one per line; a file's are cached under its fingerprint (which covers its title).
        @Sendable func words(_ d: SearchDocument) -> String {
            wordLines(d.titel + " " + d.art + " " + d.text())
        }
        var computed: [Int: String] = [:]
        let cacheKey = docs.indices.map { i -> Fingerprint in
            guard let quelle = docs[i].quelle else {
                let w = words(docs[i])
                computed[i] = w
                return .of(w)
            }
            var s = FingerprintHasher()
            s.inputFingerprint(quelle); s.text(docs[i].art); s.text(docs[i].folderPath)
            return s.resultValue
        }
        let own = computed   // meetings, indicators, committees: their words are their key
        @Sendable func new(_ i: Int) -> String {
            if let w = own[i] { buildCache.storeEntry("suchwoerter", cacheKey[i], w); return w }
            return buildCache.value("suchwoerter", cacheKey[i]) { words(docs[i]) }
        }
        // Kept apart per audience, and the preview's (with drafts) apart from every build's.
        let store = Fingerprint.of("suchindex " + publikum.rawValue + (drafts ? " mit Entwürfen" : ""))
        if let old: SearchIndexState = buildCache.cached("suchindex", store),
           let state = old.updated(cacheKey, oldWords: { buildCache.cached("suchwoerter", $0) }, newWords: new) {
            // The unchanged pages' words were not looked up, but a later full merge needs them.
            buildCache.keep("suchwoerter", cacheKey)
            buildCache.replace("suchindex", store, state)
            return state
        }
        let state = SearchIndexState(cacheKey: cacheKey, perDocument: Parallel.map(docs.count, new))
        buildCache.replace("suchindex", store, state)
        return state
    }

    static let stopWords: Set<String> = [
        "der", "die", "das", "und", "oder", "mit", "von", "fuer", "auf", "den", "dem", "des", "ein", "eine", "einer",
        "eines", "einem", "einen", "ist", "sind", "wird", "werden", "im", "in", "zu", "zur", "zum", "bei", "als", "auch",
        "nicht", "sich", "es", "an", "am", "aus", "dass", "wie", "so", "sie", "er", "wir", "hat", "haben", "kann",
    ]

    /// Lower case, umlauts folded (ä → ae), the Mediopunkt dropped (Sozial·raum → sozialraum); words of 2+ letters.
    /// The page script (assets/suche.js) normalises queries the same way.
    /// Runs over every word of every page: ASCII is handled byte by byte, other scalars by their properties.
    static func wordList(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var length = 0   // in scalars, after folding
        func done() {
            if length >= 2 {
                let done = String(decoding: word, as: UTF8.self)
                if !stopWords.contains(done) { words.append(done) }
            }
            word.removeAll(keepingCapacity: true)
            length = 0
        }
        for scalar in text.unicodeScalars {
            switch folding(scalar.value) {
            case let .one(b): word.append(b); length += 1
            case let .two(a, b): word.append(a); word.append(b); length += 2
            case .end: done()
            case .dropped: continue
            case .other:
                for small in scalar.properties.lowercaseMapping.unicodeScalars {
                    let p = small.properties
                    if p.isAlphabetic || p.numericType != nil { word.append(contentsOf: String(small).utf8); length += 1 } else { done() }
                }
            }
        }
        done()
        return words
    }

    /// What folding makes of a scalar: ASCII letters and digits (lower case), the German letters as two
    /// ASCII letters, nothing for the Mediopunkt and soft hyphen, a word's end for other ASCII; any
    /// other scalar (`sonst`) is decided by its Unicode properties. Both word lists fold through this.
    enum Folding { case one(UInt8), two(UInt8, UInt8), dropped, end, other }

    static func folding(_ v: UInt32) -> Folding {
        switch v {
        case 0x41...0x5A: return .one(UInt8(v + 0x20))
        case 0x61...0x7A, 0x30...0x39: return .one(UInt8(v))
        case 0..<0x80: return .end
        case 0xE4, 0xC4: return .two(0x61, 0x65)   // ä Ä
        case 0xF6, 0xD6: return .two(0x6F, 0x65)   // ö Ö
        case 0xFC, 0xDC: return .two(0x75, 0x65)   // ü Ü
        case 0xDF, 0x1E9E: return .two(0x73, 0x73) // ß ẞ
        case 0xB7, 0xAD: return .dropped                // Mediopunkt, soft hyphen
        default: return .other
        }
    }

    /// A document's distinct words, sorted, one per line.
    static func wordLines(_ text: String) -> String {
        WordLines.ascii(text) ?? generalWordLines(text)
    }

    /// `woerterZeilen` through Strings, for any text.
    static func generalWordLines(_ text: String) -> String {
        var list = wordList(text)
        list.sort()
        var lines = ""
        var before: String?
        for word in list where word != before {
            if before != nil { lines.append("\n") }
            lines.append(word)
            before = word
        }
        return lines
    }
}
