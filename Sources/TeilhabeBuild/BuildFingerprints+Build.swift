import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
extension Build {
    /// The fingerprints a build keys its output files on. The global one covers every input the
    /// loader read except the Markdown pages (which pages track one by one), the theme, the
    /// options, and what every page shows of all the others (paths, status, titles of Seiten).
    static func fingerprints(_ project: Projekt, _ inputLog: InputLog, theme: Theme, print: PDFRenderer?,
                          settings: Options) -> BuildFingerprints {
        let pagesFolder = ["vorlagen", "berichte", "seiten"].map { Paths.join(project.contentRoot, $0) + "/" }
        func webPage(_ path: String) -> Bool { path.hasSuffix(".md") && pagesFolder.contains { path.hasPrefix($0) } }
        var g = FingerprintHasher()
        g.text(CacheFile.formatVersion)
        g.inputFingerprint(inputLog.inputFingerprint(except: webPage))
        for (name, bytes) in theme.fingerprint.sorted(by: { $0.key < $1.key }) { g.text(name); g.bytes(bytes) }
        g.text(settings.publikum.rawValue); g.text(settings.showDrafts ? "mit Entwürfen" : "ohne Entwürfe"); g.text(print?.version ?? "ohne PDF"); g.text(project.contentRoot)
        // Sorted as small tuples: sorting the papers themselves would copy every one.
        for (path, status) in project.vorlagen.map({ ($0.pfad, $0.status) }).sorted(by: { $0.0 < $1.0 }) {
            g.text(path); g.text(status.rawValue)
        }
        for (path, status, titel) in project.texts.map({ ($0.pfad, $0.status, $0.titel) }).sorted(by: { $0.0 < $1.0 }) {
            g.text(path); g.text(status.rawValue); g.text(titel)
        }
        var fileList: [String: Fingerprint] = [:]
        let vorlagen = project.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices {
            for q in [vorlagen[i].body, vorlagen[i].leicht?.body].compactMap({ $0 }) { fileList[q.file] = own(q.file, inputLog) }
        }
        for t in project.texts { for q in [t.body, t.leicht?.body].compactMap({ $0 }) { fileList[q.file] = own(q.file, inputLog) } }
        // What lists, feeds and OParl show of all pages: their front matter, and the reference day;
        // and with every file's whole bytes, what the search index shows.
        var u = FingerprintHasher(), everything = FingerprintHasher(), vollstaendig = true
        u.inputFingerprint(g.resultValue); u.text(settings.stichtag.description)
        let auditedPages = project.vorlagen.map { ($0.pfad, $0.body, $0.leicht?.body) } + project.texts.map { ($0.pfad, $0.body, $0.leicht?.body) }
        for (_, body, leicht) in auditedPages.sorted(by: { $0.0 < $1.0 }) {
            u.inputFingerprint(body.head); u.inputFingerprint(leicht?.head ?? Fingerprint.without)
            for q in [body, leicht].compactMap({ $0 }) {
                guard let inputFingerprint = fileList[q.file] ?? nil else { vollstaendig = false; continue }
                everything.text(q.file); everything.inputFingerprint(inputFingerprint)
            }
        }
        let overview = u.resultValue
        everything.inputFingerprint(overview)
        return BuildFingerprints(global: g.resultValue, overview: overview, everything: vollstaendig ? everything.resultValue : nil,
                         fileList: fileList.compactMapValues { $0 })
    }

    /// A page file's own fingerprint: its path and its bytes.
    private static func own(_ filePath: String, _ inputLog: InputLog) -> Fingerprint? {
        guard let bytes = inputLog.alreadyRead(filePath) else { return nil }
        var s = FingerprintHasher()
        s.text(filePath); s.inputFingerprint(bytes)
        return s.resultValue
    }
}
