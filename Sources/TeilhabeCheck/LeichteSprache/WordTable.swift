import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad

/// The lexicon's words as one byte buffer and an open-addressing hash table over it. Building Swift
/// `Set<String>`s of 600,000 words took 0.9 s of every clean build (a String, a lower-casing and a
/// hash per word); this reads the lists as bytes and stores offsets.
struct WordTable {
    /// 16 bytes: 600,000 of them are held while the Leichte-Sprache check runs.
    struct Entry {
        var anfang: Int32
        var laenge: UInt16
        /// In the word list.
        var wort = false
        /// The word list writes it with a capital letter.
        var nomen = false
        /// Zipf frequency, NaN where the frequency list does not have it.
        var zipf: Double = .nan
    }

    private var text: [UInt8] = []
    private(set) var eintraege: [Entry] = []
    /// A place holds the word's hash value (high half) and its index + 1 into `eintraege` (low half);
    /// 0 is a free place. With the hash in the place, a probe passing other words reads nothing else
    /// (building the table was mostly cache misses on the entries and a separate hash array).
    private var plaetze: [UInt64]
    private var maske: Int

    init(erwartet: Int) {
        var groesse = 16
        while groesse < erwartet + erwartet / 2 { groesse <<= 1 }
        plaetze = Array(repeating: 0, count: groesse)
        maske = groesse - 1
        eintraege.reserveCapacity(erwartet)
    }

    private static func index(_ platz: UInt64) -> Int { Int(UInt32(truncatingIfNeeded: platz)) - 1 }

    func suchen(_ wort: String) -> Entry? {
        var wort = wort
        return wort.withUTF8 { bytes in
            let (platz, gefunden) = finden(bytes, WordTable.streuwert(bytes))
            return gefunden ? eintraege[WordTable.index(plaetze[platz])] : nil
        }
    }

    /// Adds the word (or finds it) and lets `aendern` set its properties.
    mutating func eintragen(_ wort: UnsafeBufferPointer<UInt8>, _ aendern: (inout Entry) -> Void) {
        let streuwert = WordTable.streuwert(wort)
        let (platz, gefunden) = finden(wort, streuwert)
        if gefunden { aendern(&eintraege[WordTable.index(plaetze[platz])]); return }
        if (eintraege.count + 1) * 3 > plaetze.count * 2 { wachsen(); eintragen(wort, aendern); return }
        guard wort.count <= Int(UInt16.max) else { return }   // no word is that long; the line is not one
        var neu = Entry(anfang: Int32(text.count), laenge: UInt16(wort.count))
        text.append(contentsOf: wort)
        aendern(&neu)
        eintraege.append(neu)
        plaetze[platz] = UInt64(streuwert) << 32 | UInt64(eintraege.count)
    }

    private func finden(_ wort: UnsafeBufferPointer<UInt8>, _ streuwert: UInt32) -> (Int, Bool) {
        var i = Int(streuwert) & maske
        return text.withUnsafeBufferPointer { text in
            while true {
                let platz = plaetze[i]
                if platz == 0 { return (i, false) }
                if UInt32(platz >> 32) == streuwert {
                    let eintrag = eintraege[WordTable.index(platz)]
                    if Int(eintrag.laenge) == wort.count,
                       wort.isEmpty || memcmp(text.baseAddress! + Int(eintrag.anfang), wort.baseAddress!, wort.count) == 0 {
                        return (i, true)
                    }
                }
                i = (i + 1) & maske
            }
        }
    }

    private mutating func wachsen() {
        let alt = plaetze
        plaetze = Array(repeating: 0, count: alt.count * 2)
        maske = plaetze.count - 1
        for platz in alt where platz != 0 {
            var i = Int(UInt32(platz >> 32)) & maske
            while plaetze[i] != 0 { i = (i + 1) & maske }
            plaetze[i] = platz
        }
    }

    /// FNV-1a: deterministic, and plenty for word lists.
    static func streuwert(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
        return h
    }
}

extension WordTable {
    /// Reads Debian's word list (a word per line) and a `word<TAB>zipf` list into one table.
    /// Words are lower-cased like `String.lowercased()` does for the Latin-1 letters the list uses.
    static func load(wortliste: [UInt8], frequenzen: [UInt8]) -> WordTable {
        let zeilen = wortliste.lazy.filter { $0 == 0x0A }.count + frequenzen.lazy.filter { $0 == 0x0A }.count
        var tabelle = WordTable(erwartet: zeilen + 2)
        tabelle.text.reserveCapacity(wortliste.count + frequenzen.count)
        var klein: [UInt8] = []
        zeilenweise(wortliste) { zeile in
            guard !zeile.isEmpty else { return }
            let gross = istGross(zeile)
            klein.removeAll(keepingCapacity: true)
            var vorher: UInt8 = 0
            for b in zeile {
                if b >= 0x41 && b <= 0x5A { klein.append(b + 0x20) }
                else if vorher == 0xC3, b >= 0x80, b <= 0x9E, b != 0x97 { klein.append(b + 0x20) }
                else { klein.append(b) }
                vorher = b
            }
            klein.withUnsafeBufferPointer { k in
                tabelle.eintragen(k) { $0.wort = true; if gross { $0.nomen = true } }
            }
        }
        zeilenweise(frequenzen) { zeile in
            guard let tab = zeile.firstIndex(of: 0x09), let zipf = zahl(zeile[(tab + 1)...]) else { return }
            tabelle.eintragen(UnsafeBufferPointer(rebasing: zeile[..<tab])) { $0.zipf = zipf }
        }
        return tabelle
    }

    private static func istGross(_ zeile: UnsafeBufferPointer<UInt8>) -> Bool {
        let erstes = zeile[0]
        if erstes >= 0x41 && erstes <= 0x5A { return true }
        return erstes == 0xC3 && zeile.count > 1 && zeile[1] >= 0x80 && zeile[1] <= 0x9E && zeile[1] != 0x97
    }

    private static func zeilenweise(_ bytes: [UInt8], _ zeile: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { alle in
            var anfang = 0
            for i in 0...alle.count where i == alle.count || alle[i] == 0x0A {
                var ende = i
                if ende > anfang, alle[ende - 1] == 0x0D { ende -= 1 }
                zeile(UnsafeBufferPointer(rebasing: alle[anfang..<ende]))
                anfang = i + 1
            }
        }
    }

    /// "7.48" and the like, as exactly as `Double("7.48")` (digits and power of ten are exact, and
    /// one division rounds correctly); anything else goes through `Double`.
    private static func zahl(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var ziffern = 0.0, teiler = 0.0, anzahl = 0
        for b in bytes {
            if b == 0x2E, teiler == 0 { teiler = 1; continue }
            guard b >= 0x30 && b <= 0x39, anzahl < 15 else { return Double(String(decoding: bytes, as: UTF8.self)) }
            ziffern = ziffern * 10 + Double(b - 0x30); anzahl += 1
            if teiler > 0 { teiler *= 10 }
        }
        guard anzahl > 0 else { return nil }
        return teiler > 0 ? ziffern / teiler : ziffern
    }
}
