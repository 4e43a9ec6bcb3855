import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The static OParl 1.1 export under `oparl/v1.1/`: System, Body, every object at its own
/// address, and the Body's lists, paginated as `…/page/2` (no query strings).
enum OParlExport {
    static let pageSize = 50

    /// One object at its own address, made only when needed; `quellen` nil: depends on everything.
    struct Entry {
        var id: String
        var sources: [Fingerprint?]?
        /// Read by its own file and by its list's page.
        var object: SharedObject

        init(id: String, sources: [Fingerprint?]?, _ object: @escaping @Sendable () -> any Encodable & Sendable) {
            self.id = id
            self.sources = sources
            self.object = SharedObject(object)
        }
    }

    static func fileList(_ u: RenderContext, _ base: SiteBase, pageSize: Int = pageSize) -> [OutputFile] {
        jobs(u, base, pageSize: pageSize).map { $0.produce() }
    }

    /// What the objects' closures need, shared by reference: a closure that captured the structs
    /// themselves carried 1.2 KB of copies (60,000 objects at 20,000 pages: 75 MB).
    private typealias Quelle = Shared<(o: OParlObjects, vorlagen: [Vorlage], sitzungen: [Sitzung])>

    static func jobs(_ u: RenderContext, _ base: SiteBase, pageSize: Int = pageSize) -> [RenderJob] {
        let o = OParlObjects(u, base)
        let a = o.a
        let sitzungen = u.project.sitzungen.sorted { ($0.begin, $0.id) < ($1.begin, $1.id) }
        let vorlagen = u.project.vorlagen.sorted { ($0.datum, $0.nummer) < ($1.datum, $1.nummer) }
        let q = Quelle((o, vorlagen, sitzungen))
        func done<F>(_ objects: [OParlSchema.Object<F>]) -> [Entry] {
            objects.map { object in Entry(id: object.id, sources: nil) { object } }
        }
        let tops = sitzungen.indices.flatMap { k in
            sitzungen[k].tagesordnung.enumerated().map { n, top in
                Entry(id: a.top(sitzungen[k].id, top.top), sources: u.sources(sitzungen[k])) {
                    q.value.o.tagesordnungspunkt(q.value.sitzungen[k], n, embedded: false)
                }
            }
        }
        let beratungen = vorlagen.indices.flatMap { k in
            vorlagen[k].beratungsfolge.enumerated().compactMap { n, b -> Entry? in
                guard u.sitzung(b.sitzung) != nil else { return nil }
                let id = a.beratung(vorlagen[k].slug, n + 1)
                return Entry(id: id, sources: u.heads(vorlagen[k])) {
                    q.value.o.beratung(q.value.vorlagen[k], n, embedded: false)!
                }
            }
        }
        let places = sitzungen.indices.filter { sitzungen[$0].ort != nil }.map { k in
            Entry(id: a.ort(sitzungen[k].id), sources: u.sources(sitzungen[k])) {
                q.value.o.ort(q.value.sitzungen[k], embedded: false)
            }
        }
        let lists: [(String, [Entry])] = [
            ("organizations", done(o.organizations)), ("persons", []),
            ("meetings", sitzungen.indices.map { k in
                Entry(id: a.sitzung(sitzungen[k].id), sources: u.sources(sitzungen[k])) { q.value.o.sitzung(q.value.sitzungen[k]) }
            }),
            ("papers", vorlagen.indices.map { k in
                Entry(id: a.vorlage(vorlagen[k].slug), sources: u.heads(vorlagen[k])) { q.value.o.vorlage(q.value.vorlagen[k]) }
            }),
            ("agendaItems", tops), ("consultations", beratungen), ("files", fileList(q, u)), ("memberships", []),
            ("locations", places), ("legislativeTerms", done(o.wahlperioden)),
        ]
        let system = o.system, body = o.body
        let systemPath = a.filePath(for: a.system), bodyPath = a.filePath(for: a.bodyID)
        var outputPath: [RenderJob] = [
            RenderJob(path: systemPath, cacheKey: u.overview(systemPath)) { json(systemPath, system) },
            RenderJob(path: bodyPath, cacheKey: u.overview(bodyPath)) { json(bodyPath, body) },
        ]
        outputPath += auditedPages(list: a.id("bodies"), [Entry(id: a.bodyID, sources: nil) { body }], pageSize, a, u)
        for (name, entries) in lists {
            outputPath += auditedPages(list: a.list(name), entries, pageSize, a, u)
            outputPath += entries.map { e in
                let path = a.filePath(for: e.id)
                return RenderJob(path: path, cacheKey: cacheKey(e.sources, "oparl " + e.id, u)) {
                    OutputFile(path: path, contents: .payload(JSONText.indent(e.object.ownFileJSON())))
                }
            }
        }
        return outputPath
    }

    /// One file object an attachment, even when several papers name it: their back-references are merged.
    private static func fileList(_ q: Quelle, _ u: RenderContext) -> [Entry] {
        let o = q.value.o
        // By id: the papers naming it, each with which of its files it is.
        var byID: [String: [(vorlage: Int, filePath: OParlObjects.FileID)]] = [:]
        for (k, v) in q.value.vorlagen.enumerated() {
            for filePath in o.fileIDs(v) {
                let id = o.id(v, filePath)
                if byID[id]?.last?.vorlage != k { byID[id, default: []].append((k, filePath)) }
            }
        }
        return byID.keys.sorted().map { id in
            let papers = byID[id]!
            return Entry(id: id, sources: papers.flatMap { u.heads(q.value.vorlagen[$0.vorlage]) }) {
                var filePath = q.value.o.filePath(q.value.vorlagen[papers[0].vorlage], papers[0].filePath, embedded: false)
                for (k, art) in papers.dropFirst() {
                    let part = q.value.o.filePath(q.value.vorlagen[k], art, embedded: false)
                    filePath.fields.paper = ((filePath.fields.paper ?? []) + (part.fields.paper ?? [])).sorted()
                }
                return filePath
            }
        }
    }

    /// Keyed on its sources; an object that depends on everything, on all that lists show.
    private static func cacheKey(_ sources: [Fingerprint?]?, _ art: String, _ u: RenderContext) -> Fingerprint? {
        sources.map { u.cacheKey(art, $0) } ?? u.overview(art)
    }

    /// A list as pages: the first at the list's own address, the others at `…/page/N`. A page is
    /// keyed on its members, its number and the list's length (which its links show).
    private static func auditedPages(list: String, _ entries: [Entry], _ pageSize: Int, _ a: OParlAddresses,
                               _ u: RenderContext) -> [RenderJob] {
        let count = max(1, (entries.count + pageSize - 1) / pageSize)
        @Sendable func url(_ n: Int) -> String { n == 1 ? list : "\(list)/page/\(n)" }
        return (1...count).map { n in
            let part = Array(entries.dropFirst((n - 1) * pageSize).prefix(pageSize))
            var sources: [Fingerprint?]? = [Fingerprint(a: UInt64(n), b: UInt64(entries.count))]
            for e in part {
                guard let q = e.sources, sources != nil else { sources = nil; break }
                sources! += [Fingerprint.of(Array(e.id.utf8))] + q
            }
            let path = a.filePath(for: url(n))
            return RenderJob(path: path, cacheKey: cacheKey(sources, "oparl-liste \(list) \(n)", u)) {
                let links = OParlSchema.Links(first: url(1), this: url(n), last: url(count),
                                              prev: n > 1 ? url(n - 1) : nil, next: n < count ? url(n + 1) : nil)
                let webPage = OParlSchema.Page(
                    data: part.map { $0.object.forPage() },
                    pagination: OParlSchema.Pagination(totalElements: entries.count, elementsPerPage: pageSize,
                                                       currentPage: n, totalPages: count),
                    links: links)
                let compact = JSONText.data(webPage, indented: false)
                let members = JSONText.arrayElements(compact, after: Array(#"{"data":["#.utf8))
                for (k, e) in part.enumerated() {
                    e.object.pageWritten(members.flatMap { $0.count == part.count ? compact.subdata(in: $0[k]) : nil })
                }
                return OutputFile(path: path, contents: .payload(JSONText.indent(compact)))
            }
        }
    }

    static func json(_ path: String, _ object: some Encodable) -> OutputFile {
        OutputFile(path: path, contents: .payload(JSONText.data(object)))
    }
}
