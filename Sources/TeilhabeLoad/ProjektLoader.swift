import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// Files → typed model. Every problem found on the way goes to the log; loading never stops
/// at the first one, so that a run reports all of them.
public enum ProjektLoader {
    public static func load(contentRoot: String, io: FileIO = .disk, buildCache: BuildCache = .disabled, log: DiagnosticLog) -> Projekt? {
        let folder = ContentFolder(root: contentRoot, io: io, log: log)
        guard io.isDirectory(contentRoot) else {
            log.error("IO", .contentFolderNotFound, at: SourceLocation(file: contentRoot))
            return nil
        }
        let site = SiteLoader.load(folder)
        // The meetings file is the largest YAML file of an office with many years of meetings: read
        // beside the pages.
        let sitzungenWork = BackgroundTask {
            Timing.measure("load: sitzungen") {
                folder.loaded("sitzungen.yaml", art: "sitzungen", buildCache: buildCache) { GremienLoader.sitzungen(in: $0) } ?? []
            }
        }
        let vorlagen = Timing.measure("load: vorlagen") {
            pages(in: "vorlagen", folder: folder, buildCache: buildCache, twin: \.leicht) { rel, slug, f in VorlageLoader.load(rel, slug: slug, in: f) }
        }
        var texts: [Textseite] = []
        for art in Textseite.Art.allCases {
            texts += pages(in: art.rawValue, folder: folder, buildCache: buildCache, twin: \.leicht) { rel, slug, f in
                TextseiteLoader.load(rel, art: art, slug: slug, in: f)
            }
        }
        var anlagen: [String: Int] = [:]
        for file in folder.files(in: "anlagen") where !isHidden(file) {
            checkAttachmentName(file, folder: folder)
            anlagen[file] = folder.size(file) ?? 0
        }
        let gremien = GremienLoader.gremien(in: folder)
        let sitzungen = sitzungenWork.value
        var project = Projekt(site: site ?? placeholderSite(folder), gremien: gremien,
                              sitzungen: sitzungen, vorlagen: vorlagen, texts: texts,
                              anlagen: anlagen, contentRoot: contentRoot)
        project.indikatoren = IndikatorLoader.allItems(in: folder)
        project.inklusionsplaene = InklusionsplanLoader.allItems(in: folder)
        project.glossar = GlossarLoader.load(in: folder)
        project.sozialraeume = GeoJSONLoader.attach(to: SozialraumLoader.allItems(in: folder), in: folder)
        project.angebote = AngebotLoader.allItems(in: folder)
        project.akteure = AkteurLoader.allItems(in: folder)
        project.befragungen = BefragungLoader.allItems(in: folder)
        project.easyFields = folder.easyFields.allItems
        project.filesWithErrors = filesWithErrors(folder)
        project.broken = folder.broken.all
        // A site.yaml that cannot be used is an error of its own; the other files are still loaded and
        // checked, so that one run lists every mistake (the build stops at the errors before it renders).
        return project
    }

    /// The content files (relative) that the log holds an error for.
    private static func filesWithErrors(_ folder: ContentFolder) -> Set<String> {
        let prefix = String(folder.display("x").dropLast())
        return Set(folder.log.all.filter { $0.severity == .error && $0.location.file.hasPrefix(prefix) }
            .map { String($0.location.file.dropFirst(prefix.count)) })
    }

    /// A file or folder whose name starts with a dot (on bytes: it runs for every file).
    private static func isHidden(_ path: String) -> Bool {
        var before: UInt8 = 0x2F
        for byte in path.utf8 {
            if byte == 0x2E, before == 0x2F { return true }
            before = byte
        }
        return false
    }

    /// Loads every `<slug>.md` of a folder with its `<slug>.leicht.md` twin (set at `twin`).
    private static func pages<P: Sendable & Codable>(in kind: String, folder: ContentFolder, buildCache: BuildCache,
                                                     twin twinPath: WritableKeyPath<P, LeichteFassung?> & Sendable,
                                                     load: @escaping @Sendable (String, String, ContentFolder) -> P?) -> [P] {
        let files = folder.files(in: kind).filter { !isHidden($0) }
        var twins: [String: String] = [:]
        var standard: [(String, String)] = []
        for file in files {
            let inner = String(file.dropFirst(kind.count + 1))
            if inner.hasSuffix(".leicht.md") {
                twins[String(inner.dropLast(".leicht.md".count))] = file
            } else if inner.hasSuffix(".md") {
                standard.append((file, String(inner.dropLast(3))))
            } else {
                folder.log.warning("CONTENT", .onlyMarkdownBelongs(kind),
                                   at: SourceLocation(file: folder.display(file)))
            }
        }
        let slugs = Set(standard.map(\.1))
        for slug in twins.keys.sorted() where !slugs.contains(slug) {
            // The standard page it most likely belongs to, as for every other kind of reference.
            let suggestion = Suggest.closest(to: slug, in: Array(slugs)).map { "\(kind)/\($0).leicht.md" }
            folder.log.error("REF", .twinWithoutStandard("\(kind)/\(slug).md") + .didYouMean(suggestion),
                             at: SourceLocation(file: folder.display(twins[slug]!)), suggestion: suggestion)
        }
        // Files load independently: in parallel, results in file order.
        let list = standard, twinFiles = twins
        return Parallel.map(list.count) { i -> P? in
            let (file, slug) = list[i]
            guard checkSlug(slug, file: file, folder: folder) else { return nil }
            guard var page = folder.loaded(file, art: kind, buildCache: buildCache, { load(file, slug, $0) }) else { return nil }
            page[keyPath: twinPath] = twinFiles[slug].flatMap { twin in
                folder.loaded(twin, art: "leicht", buildCache: buildCache) { TextseiteLoader.loadLeicht(twin, in: $0) }
            }
            return page
        }.compactMap { $0 }
    }

    /// Slugs become URLs: each part between slashes starts and ends with a–z or 0–9, and holds only
    /// those, '-', '_' and '.' (no '..'). Reported at the file's first line, so that editors open it.
    /// Returns false for a name that is not UTF-8: such a file cannot be opened by its name at all.
    private static func checkSlug(_ slug: String, file: String, folder: ContentFolder) -> Bool {
        let at = SourceLocation(file: folder.display(file), line: 1, column: 1)
        if slug.unicodeScalars.contains("\u{FFFD}") {
            folder.log.error("SLUG", .fileNameNotUTF8, at: SourceLocation(file: folder.display(file)))
            return false
        }
        guard !slug.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(isSlugPart) else { return true }
        let suggested = slug.split(separator: "/").map { Slug.make(String($0)) }.joined(separator: "/")
        folder.log.error("SLUG", .fileNameNotSlug(slug, example: suggested),
                         at: at, suggestion: suggested)
        return true
    }

    /// An attachment keeps its path in the site (`anlagen/x.pdf`): the slug rule holds for its name too,
    /// else a space or an umlaut makes an address that pages, feeds, OParl and Markdown links spell
    /// differently. The suggestion keeps the extension.
    private static func checkAttachmentName(_ file: String, folder: ContentFolder) {
        guard !file.split(separator: "/", omittingEmptySubsequences: false).allSatisfy(isSlugPart) else { return }
        let suggested = file.split(separator: "/").map { part -> String in
            let name = String(part), point = name.lastIndex(of: ".")
            guard let point, point != name.startIndex else { return Slug.make(name) }
            return Slug.make(String(name[..<point])) + "." + Slug.make(String(name[name.index(after: point)...]))
        }.joined(separator: "/")
        folder.log.error("SLUG", .attachmentNameNotSlug(file, example: suggested), at: SourceLocation(file: folder.display(file)),
                         suggestion: suggested)
    }

    /// One part of a slug, checked on bytes (it runs for every file).
    static func isSlugPart(_ part: Substring) -> Bool {
        let bytes = Array(part.utf8)
        func alnum(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }
        guard let first = bytes.first, let last = bytes.last, alnum(first), alnum(last) else { return false }
        var before: UInt8 = 0
        for b in bytes {
            guard alnum(b) || b == 0x2D || b == 0x5F || b == 0x2E, !(b == 0x2E && before == 0x2E) else { return false }
            before = b
        }
        return true
    }

    /// Stands in for a site.yaml with errors, for the checks only: the content folder names the report.
    private static func placeholderSite(_ folder: ContentFolder) -> Site {
        Site(titel: folder.root, titelLeicht: "", traeger: "", amt: nil, basisURL: nil, kontakt: .init(),
             barrierefreiheit: .init(konformitaet: .nicht, stand: nil, method: nil, maengel: [], schlichtungsstelle: nil),
             leichteSprache: .init(pflicht: false, delimiter: "·"), pflichtabschnitte: [],
             location: SourceLocation(file: folder.display("site.yaml")))
    }
}
