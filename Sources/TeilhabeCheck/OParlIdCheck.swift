import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// OParl ids made from names a person writes must not coincide: TOP `6a` and `6A`, or `7ä` and `7ae`,
/// of one meeting, or the attachments `anlagen/a/b.pdf` and `anlagen/a-b.pdf`, would give two objects
/// one id, and one would silently replace the other in the export. Reported at the second item.
enum OParlIdCheck {
    /// Who holds an id first: what it is called in messages and where it stands.
    private struct Owner {
        var name: Message
        var location: SourceLocation
    }

    static func run(_ project: Projekt, log: DiagnosticLog) {
        var ids: [String: Owner] = [:]
        func claim(_ id: String, _ owner: Owner, same: (Owner) -> Bool = { _ in false }) {
            guard let first = ids[id] else { ids[id] = owner; return }
            guard !same(first) else { return }
            log.error("OPARL-ID", .oparlIdClash(owner.name, first.name, place: "\(first.location.file):\(first.location.line ?? 1)"),
                      at: owner.location)
        }
        // Offices are named as written in `federfuehrend`; names with one id are one office (the export
        // merges them). First, so that a committee whose id is taken is reported at its own line.
        for v in project.vorlagen {
            claim(OParlAddresses.amt(v.federfuehrend), Owner(name: .oparlOwnerAmt(v.federfuehrend), location: v.location),
                  same: { $0.name.de.hasPrefix("das Amt ") })
        }
        for g in project.gremien {
            claim(OParlAddresses.organization(g.id), Owner(name: .oparlOwnerGremium(g.id), location: g.location))
        }
        for s in project.sitzungen { tops(s, claim: claim) }
        for v in project.vorlagen { fileList(v, project, claim: claim) }
    }

    /// Agenda items; one number twice in a meeting is IdentityCheck's DUPLIKAT error already.
    private static func tops(_ s: Sitzung, claim: (String, Owner, (Owner) -> Bool) -> Void) {
        for top in s.tagesordnung {
            let name = Message.oparlOwnerTop(top.top, sitzung: s.id)
            claim(OParlAddresses.top(s.id, top.top), Owner(name: name, location: top.location), { $0.name == name })
        }
    }

    /// A paper's page, its easy twin and its attachments; an attachment named by several papers is one file.
    private static func fileList(_ v: Vorlage, _ project: Projekt, claim: (String, Owner, (Owner) -> Bool) -> Void) {
        let webPage = Owner(name: .oparlOwnerPage(v.pfad), location: v.location)
        claim(OParlAddresses.pageFile(v.slug), webPage, { _ in false })
        if let leicht = v.leicht {
            claim(OParlAddresses.easyFile(v.slug), Owner(name: .oparlOwnerEasyPage(v.pfad),
                                                            location: leicht.location), { _ in false })
        }
        for anlage in v.anlagen {
            guard let path = Paths.resolve(anlage.filePath), project.anlagen[path] != nil else { continue }
            let name = Message.oparlOwnerAttachment(path)
            claim(OParlAddresses.anlageFile(path), Owner(name: name, location: anlage.location), { $0.name == name })
        }
    }
}
