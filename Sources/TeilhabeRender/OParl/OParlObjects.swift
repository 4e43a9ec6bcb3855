import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Builds the OParl objects of a project (OParlSchema values).
struct OParlObjects {
    let u: RenderContext
    let a: OParlAddresses
    let stand: Timestamp
    /// The leading offices' organisation ids, made once (every paper names one).
    let offices: [String: String]

    init(_ u: RenderContext, _ base: SiteBase) {
        self.u = u
        a = OParlAddresses(base, traeger: u.project.site.traeger)
        stand = Timestamp.project(u.project)
        var offices: [String: String] = [:]
        for i in u.project.vorlagen.indices where offices[u.project.vorlagen[i].federfuehrend] == nil {
            let amt = u.project.vorlagen[i].federfuehrend
            offices[amt] = a.amt(amt)
        }
        self.offices = offices
    }

    typealias Object = OParlSchema.Object

    private func object<F>(_ valueType: String, _ id: String, _ stamp: Timestamp, _ fields: F) -> Object<F> {
        Object(id: id, type: OParlType.url(valueType), created: stamp.created.isoWithOffset,
               modified: stamp.changed.isoWithOffset, fields: fields)
    }

    var system: Object<OParlSchema.System> {
        let site = u.project.site
        return object("System", a.system, stand, OParlSchema.System(
            oparlVersion: "https://schema.oparl.org/1.1/", body: a.id("bodies"), name: nonEmpty(site.titel),
            contactEmail: nonEmpty(site.kontakt.email), contactName: nonEmpty(site.amt), website: a.base.url, web: a.base.url,
            product: "https://teilhabe.invalid/", vendor: "https://teilhabe.invalid/"))
    }

    var body: Object<OParlSchema.Body> {
        let site = u.project.site
        return object("Body", a.bodyID, stand, OParlSchema.Body(
            system: a.system, name: nonEmpty(site.traeger), website: a.base.url, web: a.base.url,
            contactEmail: nonEmpty(site.kontakt.email), contactName: nonEmpty(site.amt),
            organization: a.list("organizations"), person: a.list("persons"), meeting: a.list("meetings"),
            paper: a.list("papers"), agendaItem: a.list("agendaItems"), consultation: a.list("consultations"),
            file: a.list("files"), membership: a.list("memberships"), locationList: a.list("locations"),
            legislativeTermList: a.list("legislativeTerms"), legislativeTerm: wahlperioden))
    }

    var wahlperioden: [Object<OParlSchema.LegislativeTerm>] {
        u.project.site.wahlperioden.enumerated().map { n, w in
            object("LegislativeTerm", a.wahlperiode(n + 1), Timestamp(w.begin, nil), OParlSchema.LegislativeTerm(
                body: a.bodyID, name: nonEmpty(w.name), startDate: w.begin.description, endDate: w.ende?.description))
        }
    }

    /// Committees, and the offices that lead papers (as `underDirectionOf`).
    var organizations: [Object<OParlSchema.Organization>] {
        let gremien = u.project.gremien.map { g in
            let sitzungen = u.project.sitzungen.filter { $0.gremium == g.id }
            let stamp = sitzungen.map { u.stamp($0) }
            let time = stamp.isEmpty ? stand
                : Timestamp(created: stamp.map(\.created).min()!, changed: stamp.map(\.changed).max()!)
            return object("Organization", a.organization(g.id), time, OParlSchema.Organization(
                body: a.bodyID, name: nonEmpty(g.name), shortName: nonEmpty(g.kurzname), organizationType: "Gremium",
                classification: nonEmpty(g.art.rawValue), web: a.base.absolute(Addresses.gremium(g.id))))
        }
        // Names written differently with one id ("A 58 – Amt", "A 58 - Amt") are one office: one object
        // each id, named as first in sort order, so that no id is given to two objects.
        let names = Dictionary(grouping: offices.keys.sorted(), by: { offices[$0]! })
        let leading = names.keys.sorted(by: { names[$0]![0] < names[$1]![0] }).map { id in
            let groupName = Set(names[id]!)
            let vorlagen = u.project.vorlagen.filter { groupName.contains($0.federfuehrend) }.map(Timestamp.vorlage)
            return object("Organization", id,
                          Timestamp(created: vorlagen.map(\.created).min()!, changed: vorlagen.map(\.changed).max()!),
                          OParlSchema.Organization(body: a.bodyID, name: nonEmpty(names[id]![0]), shortName: nil,
                                                   organizationType: "Verwaltungsbereich", classification: nil, web: nil))
        }
        return gremien + leading
    }

    func sitzung(_ s: Sitzung) -> Object<OParlSchema.Meeting> {
        let stamp = u.stamp(s)
        return object("Meeting", a.sitzung(s.id), stamp, OParlSchema.Meeting(
            name: nonEmpty("Sitzung: \(u.gremiumName(s.gremium))"), start: s.begin.isoWithOffset, end: s.ende?.isoWithOffset,
            organization: [a.organization(s.gremium)], location: s.ort.map { _ in ort(s, embedded: true) },
            agendaItem: nonEmpty(tagesordnung(s, embedded: true)), web: a.base.absolute(Addresses.sitzung(s.id))))
    }

    func ort(_ s: Sitzung, embedded: Bool) -> Object<OParlSchema.Location> {
        object("Location", a.ort(s.id), u.stamp(s), OParlSchema.Location(
            description: nonEmpty(s.ort), meetings: embedded ? nil : [a.sitzung(s.id)]))
    }

    /// Agenda items; standalone ones carry their meeting as back-reference.
    func tagesordnung(_ s: Sitzung, embedded: Bool) -> [Object<OParlSchema.AgendaItem>] {
        s.tagesordnung.indices.map { tagesordnungspunkt(s, $0, embedded: embedded) }
    }

    /// The agenda item at `n` alone: its own file needs no other item of the meeting.
    func tagesordnungspunkt(_ s: Sitzung, _ n: Int, embedded: Bool) -> Object<OParlSchema.AgendaItem> {
        let stamp = u.stamp(s), top = s.tagesordnung[n]
        let oeffentlich = top.status == .oeffentlich
        // What the item needs of its paper, read in place (the paper itself is a large value).
        let paper = top.vorlage.flatMap { nummer in
            u.directory.withVorlage(number: nummer) { v in
                (betreff: v.betreff, beratung: v.beratungsfolge.firstIndex { $0.sitzung == s.id }.map { k in
                    (id: a.beratung(v.slug, k + 1), resultValue: v.beratungsfolge[k].resultValue)
                })
            }
        }
        let name = !oeffentlich && !u.isInternal ? "Nichtöffentlicher Teil" : paper?.betreff ?? top.titel
        return object("AgendaItem", a.top(s.id, top.top), stamp, OParlSchema.AgendaItem(
            meeting: embedded ? nil : a.sitzung(s.id), number: nonEmpty(top.top), order: n + 1, name: nonEmpty(name),
            public: oeffentlich, consultation: paper?.beratung?.id,
            result: nonEmpty(paper?.beratung?.resultValue)))
    }

    /// Consultations of a paper; standalone ones carry the paper as back-reference.
    func beratungen(_ v: Vorlage, embedded: Bool) -> [Object<OParlSchema.Consultation>] {
        v.beratungsfolge.indices.compactMap { beratung(v, $0, embedded: embedded) }
    }

    /// The paper's consultation at `n` alone (nil where its meeting is unknown).
    func beratung(_ v: Vorlage, _ n: Int, embedded: Bool) -> Object<OParlSchema.Consultation>? {
        let b = v.beratungsfolge[n]
        guard let s = u.sitzung(b.sitzung) else { return nil }
        let top = s.tagesordnung.first { $0.vorlage == v.nummer }
        return object("Consultation", a.beratung(v.slug, n + 1), .vorlage(v), OParlSchema.Consultation(
            paper: embedded ? nil : a.vorlage(v.slug), meeting: a.sitzung(s.id),
            agendaItem: top.map { a.top(s.id, $0.top) }, organization: [a.organization(s.gremium)],
            role: b.rolle.rawValue, authoritative: b.rolle == .Entscheidung))
    }

    func vorlage(_ v: Vorlage) -> Object<OParlSchema.Paper> {
        let fileList = fileList(v, embedded: true)
        return object("Paper", a.vorlage(v.slug), .vorlage(v), OParlSchema.Paper(
            body: a.bodyID, name: nonEmpty(v.betreff), reference: nonEmpty(v.nummer), date: v.datum.description,
            paperType: v.art.rawValue, mainFile: fileList.first, auxiliaryFile: nonEmpty(Array(fileList.dropFirst())),
            underDirectionOf: [offices[v.federfuehrend]!],
            consultation: nonEmpty(beratungen(v, embedded: true)), web: a.base.absolute(Addresses.webPage(v.pfad))))
    }

    /// The paper's page (main file), its Leichte-Sprache page and its attachments.
    func fileList(_ v: Vorlage, embedded: Bool) -> [Object<OParlSchema.File>] {
        fileIDs(v).map { filePath(v, $0, embedded: embedded) }
    }

    /// What `dateien` holds, as ids: the page, the Leichte-Sprache page, each attachment the project has.
    enum FileID: Hashable {
        case webPage, leicht
        case anlage(Int)
    }

    func fileIDs(_ v: Vorlage) -> [FileID] {
        var ids: [FileID] = [.webPage]
        if v.leicht != nil { ids.append(.leicht) }
        for (n, anlage) in v.anlagen.enumerated() {
            if let path = Paths.resolve(anlage.filePath), u.project.anlagen[path] != nil { ids.append(.anlage(n)) }
        }
        return ids
    }

    /// The id of one of the paper's files.
    func id(_ v: Vorlage, _ filePath: FileID) -> String {
        switch filePath {
        case .webPage: return a.id(OParlAddresses.pageFile(v.slug))
        case .leicht: return a.id(OParlAddresses.easyFile(v.slug))
        case let .anlage(n): return a.id(OParlAddresses.anlageFile(Paths.resolve(v.anlagen[n].filePath)!))
        }
    }

    /// One of the paper's files alone; standalone ones carry the paper as back-reference.
    func filePath(_ v: Vorlage, _ filePath: FileID, embedded: Bool) -> Object<OParlSchema.File> {
        let back: [String]? = embedded ? nil : [a.vorlage(v.slug)]
        let fields: OParlSchema.File
        switch filePath {
        case .webPage:
            fields = OParlSchema.File(
                name: nonEmpty("\(v.art.rawValue) \(v.nummer)"), fileName: "index.html", mimeType: "text/html",
                date: v.datum.description, accessUrl: a.base.absolute(Addresses.webPage(v.pfad)), paper: back)
        case .leicht:
            fields = OParlSchema.File(
                name: nonEmpty("\(v.leicht?.titel ?? "") (Leichte Sprache)"), fileName: "index.html", mimeType: "text/html",
                date: v.datum.description, accessUrl: a.base.absolute(Addresses.webPage(v.pfad, leicht: true)), paper: back)
        case let .anlage(n):
            let anlage = v.anlagen[n], path = Paths.resolve(anlage.filePath)!
            fields = OParlSchema.File(
                name: nonEmpty(anlage.titel), fileName: nonEmpty(path.split(separator: "/").last.map(String.init)),
                mimeType: OParlObjects.mimeType(path), size: u.project.anlagen[path] ?? 0, date: v.datum.description,
                accessUrl: a.base.absolute(path), downloadUrl: a.base.absolute(path), paper: back)
        }
        return object("File", id(v, filePath), .vorlage(v), fields)
    }

    static func mimeType(_ path: String) -> String {
        switch Formatting.fileType(path) {
        case "PDF": return "application/pdf"
        case "DOCX": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "XLSX": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "ODT": return "application/vnd.oasis.opendocument.text"
        case "PNG": return "image/png"
        case "JPG", "JPEG": return "image/jpeg"
        case "CSV": return "text/csv"
        default: return "application/octet-stream"
        }
    }
}

/// Empty texts and lists are left out of an object, not written empty: they are given as nil.
private func nonEmpty(_ s: String?) -> String? { s?.isEmpty == false ? s : nil }
private func nonEmpty<T>(_ l: [T]) -> [T]? { l.isEmpty ? nil : l }
