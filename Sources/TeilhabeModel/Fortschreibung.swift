import TeilhabeSupport
/// What changed from one edition of the plan to the next, measure by measure (matched by id).
public struct Fortschreibung: Sendable {
    public struct Aenderung: Sendable {
        public var feld: Handlungsfeld
        public var massnahme: Massnahme
        public var vorher: String
        public var nachher: String

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(feld: Handlungsfeld, massnahme: Massnahme, vorher: String, nachher: String) {
            self.feld = feld
            self.massnahme = massnahme
            self.vorher = vorher
            self.nachher = nachher
        }
    }

    public var alt: Inklusionsplan
    public var neu: Inklusionsplan
    public var hinzu: [(feld: Handlungsfeld, massnahme: Massnahme)]
    public var entfallen: [(feld: Handlungsfeld, massnahme: Massnahme)]
    public var status: [Aenderung]
    public var zustaendigkeit: [Aenderung]
    public var zeitraum: [Aenderung]
    public var feldwechsel: [Aenderung]

    public init(alt: Inklusionsplan, neu: Inklusionsplan) {
        self.alt = alt
        self.neu = neu
        let vorher = Dictionary(alt.massnahmen.map { ($0.massnahme.id, $0) }, uniquingKeysWith: { a, _ in a })
        let nachher = Dictionary(neu.massnahmen.map { ($0.massnahme.id, $0) }, uniquingKeysWith: { a, _ in a })
        hinzu = neu.massnahmen.filter { vorher[$0.massnahme.id] == nil }
        entfallen = alt.massnahmen.filter { nachher[$0.massnahme.id] == nil }
        var status: [Aenderung] = [], zustaendigkeit: [Aenderung] = [], zeitraum: [Aenderung] = [], feldwechsel: [Aenderung] = []
        for (feld, m) in neu.massnahmen {
            guard let (altesFeld, a) = vorher[m.id] else { continue }
            if a.status != m.status { status.append(Aenderung(feld: feld, massnahme: m, vorher: a.status.text, nachher: m.status.text)) }
            if a.zustaendig != m.zustaendig {
                zustaendigkeit.append(Aenderung(feld: feld, massnahme: m, vorher: a.zustaendig ?? "–", nachher: m.zustaendig ?? "–"))
            }
            if a.zeitraum != m.zeitraum {
                zeitraum.append(Aenderung(feld: feld, massnahme: m, vorher: a.zeitraum ?? "–", nachher: m.zeitraum ?? "–"))
            }
            if altesFeld.id != feld.id {
                feldwechsel.append(Aenderung(feld: feld, massnahme: m, vorher: altesFeld.titel, nachher: feld.titel))
            }
        }
        self.status = status
        self.zustaendigkeit = zustaendigkeit
        self.zeitraum = zeitraum
        self.feldwechsel = feldwechsel
    }

    /// The status of a measure in the old edition, for "von geplant zu umgesetzt".
    public func alterStatus(_ id: String) -> Massnahme.Status? {
        alt.massnahmen.first { $0.massnahme.id == id }?.massnahme.status
    }
}

extension Projekt {
    /// Editions sorted by `stand`, oldest first; the last is the current plan.
    public var planEditionen: [Inklusionsplan] { inklusionsplaene.sorted { ($0.stand, $0.edition) < ($1.stand, $1.edition) } }
    public var aktuellerPlan: Inklusionsplan? { planEditionen.last }

    /// The newest edition against the one before it (or against `edition` and its predecessor).
    public func fortschreibung(edition: String? = nil) -> Fortschreibung? {
        let reihe = planEditionen
        let index: Int?
        if let edition { index = reihe.firstIndex { $0.edition == edition } } else { index = reihe.isEmpty ? nil : reihe.count - 1 }
        guard let n = index, n > 0 else { return nil }
        return Fortschreibung(alt: reihe[n - 1], neu: reihe[n])
    }
}
