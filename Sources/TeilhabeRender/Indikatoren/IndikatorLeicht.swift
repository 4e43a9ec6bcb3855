import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Easy-language sentences about an indicator, one per line: no decimal numbers, no percent signs.
enum IndikatorLeicht {
    static func saetze(_ i: Indikator, _ t: VeroeffentlichteTabelle) -> [String] {
        var s = ["Auf dieser Seite steht: \(i.titelLeicht)."]
        if let stichtag = i.stichtag { s.append("Die Zahlen sind vom \(Formatting.datum(stichtag)).") }
        if let spalte = t.spalten.indices.last(where: { c in t.details.contains { $0.zellen[c].wert != nil } }) {
            let werte = t.details.compactMap { z in z.zellen[spalte].wert.map { (z.raum, $0) } }
            if let hoch = werte.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }),
               let tief = werte.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), hoch.1 != tief.1 {
                s.append("In \(hoch.0) ist die Zahl am größten.")
                s.append("In \(tief.0) ist die Zahl am kleinsten.")
            }
        }
        if t.summeSpalte == nil, let reihe = t.summe ?? (t.details.count == 1 ? t.details.first : nil) {
            let punkte = reihe.zellen.enumerated().compactMap { c, z in z.wert.map { (c, $0) } }
            if let erster = punkte.first, let letzter = punkte.last, erster.0 != letzter.0 {
                let wort = letzter.1 > erster.1 * 1.01 ? "größer geworden" : letzter.1 < erster.1 * 0.99 ? "kleiner geworden" : "fast gleich geblieben"
                s.append("Von \(t.spalten[erster.0]) bis \(t.spalten[letzter.0]) ist die Zahl \(wort).")
            }
        }
        if t.hatGeheime {
            s += ["Manche Zahlen sind geheim.", "Dort steht ein Punkt.", "So schützen wir die Menschen."]
        }
        if t.details.count >= 2 {
            s += ["Das Bild zeigt die Zahlen als Balken.", "Ein langer Balken heißt: Die Zahl ist groß."]
        }
        if i.beispieldaten { s += ["Achtung: Die Zahlen sind ausgedacht.", "Sie sind nur ein Beispiel."] }
        return s
    }
}
