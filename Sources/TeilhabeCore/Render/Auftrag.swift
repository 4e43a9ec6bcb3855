/// One output file to make. A job whose path and inputs are known up front can be skipped when
/// the last build made the same file from the same inputs; the others are always made (lists,
/// feeds, indexes: cheap, and they depend on everything).
struct Auftrag: Sendable {
    var pfad: String?
    /// The fingerprint of everything the file follows from; nil: always made.
    var schluessel: Fingerabdruck?
    var machen: @Sendable () -> Ausgabedatei

    static func immer(_ machen: @escaping @Sendable () -> Ausgabedatei) -> Auftrag {
        Auftrag(pfad: nil, schluessel: nil, machen: machen)
    }
}

/// A page whose inputs are known: its output file and the fingerprints of the sources it shows.
struct VerfolgteSeite {
    var datei: String
    var quellen: [Fingerabdruck?]
    var bauen: Seitenauftrag
}

/// The fingerprints a build keys its jobs on: one for everything all pages share (settings,
/// theme, YAML data, the list of files, the status of every page) and one per Markdown file.
public struct Abdruecke: Sendable {
    let global: Fingerabdruck
    let dateien: [String: Fingerabdruck]

    init(global: Fingerabdruck, dateien: [String: Fingerabdruck]) {
        self.global = global
        self.dateien = dateien
    }

    /// The job key for these sources, or nil when one is unknown (then the job always runs).
    func schluessel(_ art: String, _ quellen: [Fingerabdruck?]) -> Fingerabdruck? {
        var s = Streuwert()
        s.abdruck(global); s.text(art)
        for q in quellen {
            guard let q else { return nil }
            s.abdruck(q)
        }
        return s.ergebnis
    }

    func datei(_ quelle: MarkdownQuelle?) -> Fingerabdruck? {
        guard let quelle else { return Fingerabdruck(a: 0, b: 0) }   // no twin: a fixed value
        return dateien[quelle.file]
    }
}

extension Umgebung {
    /// The sources of a paper's pages and objects: its file and its twin.
    func quellen(_ v: Vorlage) -> [Fingerabdruck?] {
        guard let a = abdruecke else { return [nil] }
        return [a.datei(v.body), a.datei(v.leicht?.body)]
    }

    func quellen(_ t: Textseite) -> [Fingerabdruck?] {
        guard let a = abdruecke else { return [nil] }
        return [a.datei(t.body), a.datei(t.leicht?.body)]
    }

    /// A meeting shows the papers it consults and the papers on its agenda.
    func quellen(_ s: Sitzung) -> [Fingerabdruck?] {
        (verzeichnis.vorlagenJeSitzung[s.id] ?? []).flatMap { quellen($0) }
    }

    func schluessel(_ art: String, _ quellen: [Fingerabdruck?]) -> Fingerabdruck? {
        abdruecke?.schluessel(art, quellen)
    }
}
