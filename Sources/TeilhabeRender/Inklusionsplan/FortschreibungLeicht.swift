import TeilhabeSupport
import TeilhabeModel
/// The easy Fortschreibung sorts each status change by what it means: a measure that got further
/// (progress), one that went back (setback), and one put off for later (postponement). A measure taken
/// up again after it was put off counts as progress.
enum FortschreibungLeicht {
    enum Kind { case progress, setback, postponed }

    /// How far a measure is: planned, under way, done, a permanent task.
    static func rank(_ s: Massnahme.Status) -> Int? {
        switch s {
        case .geplant: return 0
        case .inUmsetzung: return 1
        case .umgesetzt: return 2
        case .dauerhaft: return 3
        case .zurueckgestellt: return nil
        }
    }

    static func kind(from old: Massnahme.Status, to new: Massnahme.Status) -> Kind {
        if new == .zurueckgestellt { return .postponed }
        guard let a = rank(old), let b = rank(new) else { return .progress }   // taken up again
        return b > a ? .progress : .setback
    }

    /// The status changes of an update by kind, in the order of the plan.
    static func sorted(_ f: Fortschreibung) -> [Kind: [Fortschreibung.Change]] {
        var result: [Kind: [Fortschreibung.Change]] = [.progress: [], .setback: [], .postponed: []]
        for a in f.status {
            guard let old = f.oldStatus(a.massnahme.id) else { continue }
            result[kind(from: old, to: a.massnahme.status), default: []].append(a)
        }
        return result
    }

    /// The summary lines: number, noun and verb agree, and zero says "keine".
    static func summary(_ f: Fortschreibung) -> [String] {
        let byKind = sorted(f)
        let addedCount = f.added.count, gone = f.dropped.count
        let onward = byKind[.progress]?.count ?? 0, back = byKind[.setback]?.count ?? 0, later = byKind[.postponed]?.count ?? 0
        var lines = [
            addedCount == 0 ? "Keine neuen Aufgaben" : GermanText.count(addedCount, GermanText.newTask),
            gone == 0 ? "Keine Aufgabe fällt weg"
                : "\(GermanText.count(gone, GermanText.task)) \(GermanText.verb(gone, singular: "fällt", plural: "fallen")) weg",
            onward == 0 ? "Bei keiner Aufgabe sind wir weiter·gekommen"
                : "Bei \(GermanText.count(onward, GermanText.task)) sind wir weiter·gekommen",
        ]
        if back > 0 { lines.append("Bei \(GermanText.count(back, GermanText.task)) sind wir einen Schritt zurück") }
        if later > 0 {
            lines.append("\(GermanText.count(later, GermanText.task)) machen wir später")
        }
        return lines
    }
}
