import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// OParl ids made from names a person writes must not coincide: TOP `6a` and `6A`, or `7ä` and `7ae`,
/// of one meeting, or the attachments `anlagen/a/b.pdf` and `anlagen/a-b.pdf`, would give two objects
/// one id, and one would silently replace the other in the export. Reported at the second item.
enum OParlIdCheck {
    /// Who holds an id first: what kind of thing it is (with the name that makes it one thing) and where
    /// it stands. The message is made only for a clash: making one for each of thousands of items was
    /// most of this check's 35 ms on the 4,000-page corpus.
    private struct Owner {
        enum Kind: Equatable { case amt, gremium, top, page, easyPage, attachment }
        var kind: Kind
        /// The office, committee, path or agenda item as written (for a TOP with its meeting).
        var name: String
        var meeting: String = ""
        var location: SourceLocation

        var message: Message {
            switch kind {
            case .amt: .oparlOwnerAmt(name)
            case .gremium: .oparlOwnerGremium(name)
            case .top: .oparlOwnerTop(name, sitzung: meeting)
            case .page: .oparlOwnerPage(name)
            case .easyPage: .oparlOwnerEasyPage(name)
            case .attachment: .oparlOwnerAttachment(name)
            }
        }

        /// The same thing named twice (one office, one agenda item, one attachment): no clash.
        func isSame(as other: Owner) -> Bool {
            switch kind {
            case .amt: other.kind == .amt
            case .top, .attachment: other.kind == kind && other.name == name && other.meeting == meeting
            case .gremium, .page, .easyPage: false
            }
        }
    }

    static func run(_ project: Projekt, log: DiagnosticLog) {
        var ids: [String: Owner] = [:]
        func claim(_ id: String, _ owner: Owner) {
            guard let first = ids[id] else { ids[id] = owner; return }
            guard !owner.isSame(as: first) else { return }
            log.error("OPARL-ID", .oparlIdClash(owner.message, first.message, place: "\(first.location.file):\(first.location.line ?? 1)"),
                      at: owner.location)
        }
        // Offices are named as written in `federfuehrend`; names with one id are one office (the export
        // merges them). First, so that a committee whose id is taken is reported at its own line.
        var officeIds: [String: String] = [:]   // a few offices name thousands of papers: each slugged once
        for v in project.vorlagen {
            let id = officeIds[v.federfuehrend] ?? OParlAddresses.amt(v.federfuehrend)
            officeIds[v.federfuehrend] = id
            claim(id, Owner(kind: .amt, name: v.federfuehrend, location: v.location))
        }
        for g in project.gremien {
            claim(OParlAddresses.organization(g.id), Owner(kind: .gremium, name: g.id, location: g.location))
        }
        for s in project.sitzungen {
            // One number twice in a meeting is IdentityCheck's DUPLIKAT error already.
            for top in s.tagesordnung {
                claim(OParlAddresses.top(s.id, top.top), Owner(kind: .top, name: top.top, meeting: s.id, location: top.location))
            }
        }
        for v in project.vorlagen { fileList(v, project, claim: claim) }
    }

    /// A paper's page, its easy twin and its attachments; an attachment named by several papers is one file.
    private static func fileList(_ v: Vorlage, _ project: Projekt, claim: (String, Owner) -> Void) {
        claim(OParlAddresses.pageFile(v.slug), Owner(kind: .page, name: v.pfad, location: v.location))
        if let leicht = v.leicht {
            claim(OParlAddresses.easyFile(v.slug), Owner(kind: .easyPage, name: v.pfad, location: leicht.location))
        }
        for anlage in v.anlagen {
            guard let path = Paths.resolve(anlage.filePath), project.anlagen[path] != nil else { continue }
            claim(OParlAddresses.anlageFile(path), Owner(kind: .attachment, name: path, location: anlage.location))
        }
    }
}
