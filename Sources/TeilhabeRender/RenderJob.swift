import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// One output file to make. A job whose path and key are known can be skipped when the last build
/// made the same file from the same inputs; a job without a key is always made.
struct RenderJob: Sendable {
    var path: String?
    /// The fingerprint of everything the file follows from; nil: always made.
    var cacheKey: Fingerprint?
    var produce: @Sendable () -> OutputFile
    /// For a page whose path shows only once its content is gathered: gathers it and returns the path
    /// and how to render it (the expensive part, skipped when the plan knows the file unchanged).
    var prepare: (@Sendable () -> (path: String, produce: () -> OutputFile))?

    init(path: String?, cacheKey: Fingerprint?, produce: @escaping @Sendable () -> OutputFile) {
        self.path = path
        self.cacheKey = cacheKey
        self.produce = produce
    }

    /// A page keyed on `schluessel` whose path is known once it is built.
    static func webPage(_ cacheKey: Fingerprint?, _ prepare: @escaping @Sendable () -> (path: String, produce: () -> OutputFile)) -> RenderJob {
        var job = RenderJob(path: nil, cacheKey: cacheKey) { let (_, produce) = prepare(); return produce() }
        job.prepare = prepare
        return job
    }
}

/// A page whose inputs are known: its output file and the fingerprints of the sources it shows.
struct TrackedPage: Sendable {
    var filePath: String
    var sources: [Fingerprint?]
    var buildSite: PageJob
}

/// The fingerprints a build keys its jobs on: one for everything all pages share (settings,
/// theme, YAML data, the list of files, the status of every page) and one per Markdown file.
public struct BuildFingerprints: Sendable {
    let global: Fingerprint
    /// The global one with every page's front matter and the reference day: all that lists show.
    let overview: Fingerprint
    /// That with every page file's bytes: all that the search index shows (nil when a file's is unknown).
    let everything: Fingerprint?
    let fileList: [String: Fingerprint]

    package init(global: Fingerprint, overview: Fingerprint, everything: Fingerprint?, fileList: [String: Fingerprint]) {
        self.global = global
        self.overview = overview
        self.everything = everything
        self.fileList = fileList
    }

    /// The job key for these sources, or nil when one is unknown (then the job always runs).
    func cacheKey(_ art: String, _ sources: [Fingerprint?]) -> Fingerprint? {
        var s = FingerprintHasher()
        s.inputFingerprint(global); s.text(art)
        for q in sources {
            guard let q else { return nil }
            s.inputFingerprint(q)
        }
        return s.resultValue
    }

    func filePath(_ source: MarkdownSource?) -> Fingerprint? {
        guard let source else { return Fingerprint.without }
        return fileList[source.file]
    }
}

extension RenderContext {
    /// The sources of a paper's pages and objects: its file and its twin.
    func sources(_ v: Vorlage) -> [Fingerprint?] {
        guard let a = fingerprints else { return [nil] }
        return [a.filePath(v.body), a.filePath(v.leicht?.body)]
    }

    func sources(_ t: Textseite) -> [Fingerprint?] {
        guard let a = fingerprints else { return [nil] }
        return [a.filePath(t.body), a.filePath(t.leicht?.body)]
    }

    /// What other pages show of a paper: the front matter of its file and its twin.
    func heads(_ v: Vorlage) -> [Fingerprint?] {
        fingerprints == nil ? [nil] : [v.body.head, v.leicht?.body.head ?? Fingerprint.without]
    }

    /// A meeting shows (the front matter of) the papers it consults and the papers on its agenda.
    func sources(_ s: Sitzung) -> [Fingerprint?] {
        directory.mapVorlagen(perSitzung: s.id) { heads($0) }.flatMap { $0 }
    }

    func cacheKey(_ art: String, _ sources: [Fingerprint?]) -> Fingerprint? {
        fingerprints?.cacheKey(art, sources)
    }

    /// The key of a file that shows all pages, but none of their bodies (lists, feed, calendars).
    func overview(_ art: String) -> Fingerprint? { fingerprints?.cacheKey(art, [fingerprints?.overview]) }

    /// The key of a file that shows all pages with their bodies (the search index).
    func total(_ art: String) -> Fingerprint? { fingerprints?.cacheKey(art, [fingerprints?.everything]) }
}
