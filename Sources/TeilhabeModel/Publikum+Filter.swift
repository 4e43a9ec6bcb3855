import TeilhabeSupport
extension Projekt {
    /// The part of the project that a build for `publikum` may show. For the public, every
    /// non-public paper, report and page disappears with its twin and the attachments only it
    /// names; agenda items that point to it (or are non-public themselves) keep only their TOP number.
    /// Drafts (`entwurf`) disappear the same way from every build, the committee's too; only the
    /// `serve` preview asks for them (`drafts`).
    public func visible(for publikum: Publikum, drafts: Bool = false) -> Projekt {
        func shows(_ status: Status) -> Bool { status.visible(for: publikum, drafts: drafts) }
        // Most often all are shown: then the project stays as it is, not copied paper by paper.
        guard !vorlagen.allSatisfy({ shows($0.status) }) || !texts.allSatisfy({ shows($0.status) })
                || publikum == .oeffentlich else { return self }
        var view = self
        if !vorlagen.allSatisfy({ shows($0.status) }) { view.vorlagen = vorlagen.filter { shows($0.status) } }
        if !texts.allSatisfy({ shows($0.status) }) { view.texts = texts.filter { shows($0.status) } }
        let visibleAnlagen = Set((view.vorlagen.flatMap(\.anlagen) + view.texts.flatMap(\.anlagen))
            .compactMap { Paths.resolve($0.filePath) })
        let hidden = Set((vorlagen.filter { !shows($0.status) }.flatMap(\.anlagen)
            + texts.filter { !shows($0.status) }.flatMap(\.anlagen)).compactMap { Paths.resolve($0.filePath) })
            .subtracting(visibleAnlagen)
        view.anlagen = anlagen.filter { !hidden.contains($0.key) }
        view.sitzungen = visibleSitzungen(for: publikum, numbers: Set(view.vorlagen.map(\.nummer)))
        return view
    }

    /// The meetings with what their agenda may show: for the public, an item that is non-public or
    /// points to a paper this build leaves out keeps only its TOP number; for the committees, such an
    /// item loses only the reference to the left-out paper (a draft), so not even its number is shown.
    private func visibleSitzungen(for publikum: Publikum, numbers visible: Set<String>) -> [Sitzung] {
        sitzungen.map { sitzung in
            var s = sitzung
            s.tagesordnung = sitzung.tagesordnung.map { top in
                let withoutPaper = top.vorlage.map { !visible.contains($0) } == true
                if publikum == .gremium {
                    guard withoutPaper else { return top }
                    return Tagesordnungspunkt(top: top.top, titel: top.titel, vorlage: nil, status: top.status,
                                              location: top.location)
                }
                guard top.status != .oeffentlich || withoutPaper else { return top }
                return Tagesordnungspunkt(top: top.top, titel: nil, vorlage: nil, status: .nichtoeffentlich,
                                          location: top.location)
            }
            return s
        }
    }
}
