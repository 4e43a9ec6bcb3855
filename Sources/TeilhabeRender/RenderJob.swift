import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// One output file to make. A job whose path and key are known can be skipped when the last build
/// made the same file from the same inputs; a job without a key is always made.
struct RenderJob: Sendable {
    var pfad: String?
    /// The fingerprint of everything the file follows from; nil: always made.
    var schluessel: Fingerprint?
    var machen: @Sendable () -> OutputFile
    /// For a page whose path shows only once its content is gathered: gathers it and returns the path
    /// and how to render it (the expensive part, skipped when the plan knows the file unchanged).
    var vorbereiten: (@Sendable () -> (pfad: String, machen: () -> OutputFile))?

    init(pfad: String?, schluessel: Fingerprint?, machen: @escaping @Sendable () -> OutputFile) {
        self.pfad = pfad
        self.schluessel = schluessel
        self.machen = machen
    }

    /// A page keyed on `schluessel` whose path is known once it is built.
    static func seite(_ schluessel: Fingerprint?, _ vorbereiten: @escaping @Sendable () -> (pfad: String, machen: () -> OutputFile)) -> RenderJob {
        var auftrag = RenderJob(pfad: nil, schluessel: schluessel) { let (_, machen) = vorbereiten(); return machen() }
        auftrag.vorbereiten = vorbereiten
        return auftrag
    }
}

/// A page whose inputs are known: its output file and the fingerprints of the sources it shows.
struct TrackedPage: Sendable {
    var datei: String
    var quellen: [Fingerprint?]
    var bauen: PageJob
}

/// The fingerprints a build keys its jobs on: one for everything all pages share (settings,
/// theme, YAML data, the list of files, the status of every page) and one per Markdown file.
public struct BuildFingerprints: Sendable {
    let global: Fingerprint
    /// The global one with every page's front matter and the reference day: all that lists show.
    let uebersicht: Fingerprint
    /// That with every page file's bytes: all that the search index shows (nil when a file's is unknown).
    let alles: Fingerprint?
    let dateien: [String: Fingerprint]

    package init(global: Fingerprint, uebersicht: Fingerprint, alles: Fingerprint?, dateien: [String: Fingerprint]) {
        self.global = global
        self.uebersicht = uebersicht
        self.alles = alles
        self.dateien = dateien
    }

    /// The job key for these sources, or nil when one is unknown (then the job always runs).
    func schluessel(_ art: String, _ quellen: [Fingerprint?]) -> Fingerprint? {
        var s = FingerprintHasher()
        s.abdruck(global); s.text(art)
        for q in quellen {
            guard let q else { return nil }
            s.abdruck(q)
        }
        return s.ergebnis
    }

    func datei(_ quelle: MarkdownQuelle?) -> Fingerprint? {
        guard let quelle else { return Fingerprint.ohne }
        return dateien[quelle.file]
    }
}

extension RenderContext {
    /// The sources of a paper's pages and objects: its file and its twin.
    func quellen(_ v: Vorlage) -> [Fingerprint?] {
        guard let a = abdruecke else { return [nil] }
        return [a.datei(v.body), a.datei(v.leicht?.body)]
    }

    func quellen(_ t: Textseite) -> [Fingerprint?] {
        guard let a = abdruecke else { return [nil] }
        return [a.datei(t.body), a.datei(t.leicht?.body)]
    }

    /// What other pages show of a paper: the front matter of its file and its twin.
    func koepfe(_ v: Vorlage) -> [Fingerprint?] {
        abdruecke == nil ? [nil] : [v.body.kopf, v.leicht?.body.kopf ?? Fingerprint.ohne]
    }

    /// A meeting shows (the front matter of) the papers it consults and the papers on its agenda.
    func quellen(_ s: Sitzung) -> [Fingerprint?] {
        verzeichnis.vorlagen(jeSitzung: s.id).flatMap { koepfe($0) }
    }

    func schluessel(_ art: String, _ quellen: [Fingerprint?]) -> Fingerprint? {
        abdruecke?.schluessel(art, quellen)
    }

    /// The key of a file that shows all pages, but none of their bodies (lists, feed, calendars).
    func uebersicht(_ art: String) -> Fingerprint? { abdruecke?.schluessel(art, [abdruecke?.uebersicht]) }

    /// The key of a file that shows all pages with their bodies (the search index).
    func gesamt(_ art: String) -> Fingerprint? { abdruecke?.schluessel(art, [abdruecke?.alles]) }
}
