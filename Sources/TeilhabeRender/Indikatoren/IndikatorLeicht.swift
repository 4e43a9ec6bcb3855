import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Easy-language sentences about an indicator, one per line: no decimal numbers, no percent signs.
enum IndikatorLeicht {
    static func sentences(_ i: Indikator, _ t: VeroeffentlichteTabelle) -> [String] {
        var s = ["Auf dieser Seite steht: \(i.titelLeicht)."]
        if let stichtag = i.stichtag { s.append("Die Zahlen sind vom \(Formatting.datum(stichtag)).") }
        if let columnIndex = t.columns.indices.last(where: { c in t.details.contains { $0.cellValues[c].number != nil } }) {
            let valueList = t.details.compactMap { z in z.cellValues[columnIndex].number.map { (z.raum, $0) } }
            if let hoch = valueList.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }),
               let deep = valueList.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), hoch.1 != deep.1 {
                s.append("In \(hoch.0) ist die Zahl am größten.")
                s.append("In \(deep.0) ist die Zahl am kleinsten.")
            }
        }
        if t.summeSpalte == nil, let row = t.summe ?? (t.details.count == 1 ? t.details.first : nil) {
            let points = row.cellValues.enumerated().compactMap { c, z in z.number.map { (c, $0) } }
            if let erster = points.first, let letzter = points.last, erster.0 != letzter.0 {
                let word = letzter.1 > erster.1 * 1.01 ? "größer geworden" : letzter.1 < erster.1 * 0.99 ? "kleiner geworden" : "fast gleich geblieben"
                s.append("Von \(t.columns[erster.0]) bis \(t.columns[letzter.0]) ist die Zahl \(word).")
            }
        }
        if t.hasSuppressed {
            s += ["Manche Zahlen sind geheim.", "Dort steht ein Punkt.", "So schützen wir die Menschen."]
        }
        if t.details.count >= 2 {
            s += ["Das Bild zeigt die Zahlen als Balken.", "Ein langer Balken heißt: Die Zahl ist groß."]
        }
        if i.sampleData { s += ["Achtung: Die Zahlen sind ausgedacht.", "Sie sind nur ein Beispiel."] }
        return s
    }
}
