import TeilhabeSupport
extension Projekt {
    /// The part of the project that a build for `publikum` may show. For the public, every
    /// non-public paper, report and page disappears with its twin and the attachments only it
    /// names; agenda items that point to it (or are non-public themselves) keep only their TOP number.
    public func sichtbar(fuer publikum: Publikum) -> Projekt {
        guard publikum == .oeffentlich else { return self }
        var sicht = self
        // Most often all are public: then the lists stay as they are, not copied paper by paper.
        if !vorlagen.allSatisfy({ $0.status == .oeffentlich }) { sicht.vorlagen = vorlagen.filter { $0.status == .oeffentlich } }
        if !texte.allSatisfy({ $0.status == .oeffentlich }) { sicht.texte = texte.filter { $0.status == .oeffentlich } }
        let oeffentlicheAnlagen = Set((sicht.vorlagen.flatMap(\.anlagen) + sicht.texte.flatMap(\.anlagen))
            .compactMap { Paths.resolve($0.datei) })
        let verborgen = Set((vorlagen.filter { $0.status == .nichtoeffentlich }.flatMap(\.anlagen)
            + texte.filter { $0.status == .nichtoeffentlich }.flatMap(\.anlagen)).compactMap { Paths.resolve($0.datei) })
            .subtracting(oeffentlicheAnlagen)
        sicht.anlagen = anlagen.filter { !verborgen.contains($0.key) }
        let oeffentlicheNummern = Set(sicht.vorlagen.map(\.nummer))
        sicht.sitzungen = sitzungen.map { sitzung in
            var s = sitzung
            s.tagesordnung = sitzung.tagesordnung.map { top in
                let hidden = top.status == .nichtoeffentlich
                    || top.vorlage.map { !oeffentlicheNummern.contains($0) } == true
                guard hidden else { return top }
                return Tagesordnungspunkt(top: top.top, titel: nil, vorlage: nil, status: .nichtoeffentlich,
                                          location: top.location)
            }
            return s
        }
        return sicht
    }
}
