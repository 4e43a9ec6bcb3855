import TeilhabeSupport
/// What changed from one edition of the plan to the next, measure by measure (matched by id).
public struct Fortschreibung: Sendable {
    public struct Change: Sendable {
        public var field: Handlungsfeld
        public var massnahme: Massnahme
        public var before: String
        public var after: String

        /// Memberwise, for the other modules of the package (the implicit one is internal).
        package init(field: Handlungsfeld, massnahme: Massnahme, before: String, after: String) {
            self.field = field
            self.massnahme = massnahme
            self.before = before
            self.after = after
        }
    }

    public var older: Inklusionsplan
    public var newer: Inklusionsplan
    public var added: [(field: Handlungsfeld, massnahme: Massnahme)]
    public var dropped: [(field: Handlungsfeld, massnahme: Massnahme)]
    public var status: [Change]
    public var zustaendigkeit: [Change]
    public var zeitraum: [Change]
    public var fieldChange: [Change]

    public init(older: Inklusionsplan, newer: Inklusionsplan) {
        self.older = older
        self.newer = newer
        let before = Dictionary(older.massnahmen.map { ($0.massnahme.id, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(newer.massnahmen.map { ($0.massnahme.id, $0) }, uniquingKeysWith: { a, _ in a })
        added = newer.massnahmen.filter { before[$0.massnahme.id] == nil }
        dropped = older.massnahmen.filter { after[$0.massnahme.id] == nil }
        var status: [Change] = [], zustaendigkeit: [Change] = [], zeitraum: [Change] = [], fieldChange: [Change] = []
        for (field, m) in newer.massnahmen {
            guard let (oldField, a) = before[m.id] else { continue }
            if a.status != m.status { status.append(Change(field: field, massnahme: m, before: a.status.text, after: m.status.text)) }
            if a.zustaendig != m.zustaendig {
                zustaendigkeit.append(Change(field: field, massnahme: m, before: a.zustaendig ?? "–", after: m.zustaendig ?? "–"))
            }
            if a.zeitraum != m.zeitraum {
                zeitraum.append(Change(field: field, massnahme: m, before: a.zeitraum ?? "–", after: m.zeitraum ?? "–"))
            }
            if oldField.id != field.id {
                fieldChange.append(Change(field: field, massnahme: m, before: oldField.titel, after: field.titel))
            }
        }
        self.status = status
        self.zustaendigkeit = zustaendigkeit
        self.zeitraum = zeitraum
        self.fieldChange = fieldChange
    }

    /// The status of a measure in the old edition, for "von geplant zu umgesetzt".
    public func oldStatus(_ id: String) -> Massnahme.Status? {
        older.massnahmen.first { $0.massnahme.id == id }?.massnahme.status
    }
}

extension Projekt {
    /// Editions sorted by `stand`, oldest first; the last is the current plan.
    public var planEditions: [Inklusionsplan] { inklusionsplaene.sorted { ($0.stand, $0.edition) < ($1.stand, $1.edition) } }
    public var currentPlan: Inklusionsplan? { planEditions.last }

    /// The newest edition against the one before it (or against `edition` and its predecessor).
    public func fortschreibung(edition: String? = nil) -> Fortschreibung? {
        let row = planEditions
        let index: Int?
        if let edition { index = row.firstIndex { $0.edition == edition } } else { index = row.isEmpty ? nil : row.count - 1 }
        guard let n = index, n > 0 else { return nil }
        return Fortschreibung(older: row[n - 1], newer: row[n])
    }
}
