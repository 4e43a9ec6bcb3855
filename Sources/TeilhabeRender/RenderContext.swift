import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// What every page builder needs: the visible project, who the build is for, and link helpers.
struct RenderContext: Sendable {
    let project: Projekt
    let publikum: Publikum
    /// The `serve` preview: drafts are part of the site, each page with its banner.
    let drafts: Bool
    let linkIndex: LinkIndex
    let directory: SiteIndex
    /// Every indicator as it may be published (disclosure control applied once).
    let tables: [String: PublishedTable]

    let stichtag: CalendarDay
    /// PDF versions made for Vorlage pages: output folder → (file name, size text).
    var print: [String: (name: String, byteSize: String)] = [:]
    /// Fingerprints of the inputs, for skipping unchanged files; nil builds every file.
    var fingerprints: BuildFingerprints?
    /// Results of earlier builds (plain texts, word lists).
    var buildCache = BuildCache.disabled

    init(project: Projekt, publikum: Publikum, stichtag: CalendarDay, drafts: Bool = false) {
        self.project = project
        self.publikum = publikum
        self.drafts = drafts
        self.stichtag = stichtag
        // One after the other: both take a few milliseconds, and a background task queued behind the
        // Leichte-Sprache check (which keeps the worker threads busy) held the start of rendering up
        // by up to 280 ms on 2 cores.
        self.linkIndex = LinkIndex(project)
        self.directory = SiteIndex(project)
        self.tables = Dictionary(project.indikatoren.map { ($0.id, Geheimhaltung.apply($0)) }, uniquingKeysWith: { a, _ in a })
    }

    var isInternal: Bool { publikum == .gremium }

    /// Calendars, feed and OParl exist only with a basis_url.
    var openData: Bool { project.site.basisURL != nil }

    /// Markdown → HTML for the page at `datei`, with content links made relative to it.
    func html(_ source: MarkdownSource, for filePath: String, leicht: Bool) -> (html: String, headings: [MarkdownHTML.Heading]) {
        let linker = Linker(from: filePath)
        var renderer = MarkdownHTML()
        renderer.hardBreaks = leicht   // Leichte Sprache: one sentence per line, as written
        renderer.resolveLink = { destination in
            switch linkIndex.target(destination, from: source.pfad) {
            case let .webPage(path, easyTarget, fragment):
                // From an easy page, a page with an easy twin is linked as the twin (its headings differ: no fragment).
                if leicht, !easyTarget, linkIndex.auditedPages[path]?.leicht == true { return linker.to(Addresses.webPage(path, leicht: true)) }
                return linker.to(Addresses.webPage(path, leicht: easyTarget)) + (fragment.map { "#" + $0 } ?? "")
            case let .filePath(path):
                return linker.to(path)
            case .unchanged, .missing:
                return nil
            }
        }
        renderer.replaceBlock = { info, contents in
            info == "indikator" ? IndikatorPages.block(contents, linker, leicht: leicht, self) : nil
        }
        return renderer.render(source.text)
    }

    /// `sections` (second-level headings) for the table of contents partial.
    func sections(_ headings: [MarkdownHTML.Heading]) -> TemplateContext {
        let second = headings.filter { $0.level == 2 }
        return ["abschnitte": second.map { ["id": $0.id, "text": $0.text] }, "hat_abschnitte": second.count > 1]
    }

    /// The attachments list, with type and size of each file.
    func anlagen(_ anlagen: [Anlage], _ linker: Linker) -> TemplateContext {
        let entries: [TemplateContext] = anlagen.compactMap { anlage in
            guard let path = Paths.resolve(anlage.filePath), let bytes = project.anlagen[path] else { return nil }
            return ["titel": anlage.titel, "href": linker.to(path), "typ": Formatting.fileType(path),
                    "groesse": Formatting.byteSize(bytes)]
        }
        return ["anlagen": entries, "hat_anlagen": !entries.isEmpty]
    }

    /// Meetings on or after the reference day, soonest first; and the earlier ones, latest first.
    func upcomingAndPast(_ sitzungen: [Sitzung]) -> (upcoming: [Sitzung], past: [Sitzung]) {
        (sitzungen.filter { $0.begin.calendarDay >= stichtag }.sorted { ($0.begin, $0.id) < ($1.begin, $1.id) },
         sitzungen.filter { $0.begin.calendarDay < stichtag }.sorted { ($0.begin, $0.id) > ($1.begin, $1.id) })
    }

    func table(_ i: Indikator) -> PublishedTable { tables[i.id] ?? Geheimhaltung.apply(i) }

    func gremiumName(_ id: String) -> String { directory.gremien[id]?.name ?? id }
    func sitzung(_ id: String) -> Sitzung? { directory.sitzungen[id] }
    func vorlage(number: String) -> Vorlage? { directory.vorlage(number: number) }

    /// A meeting exists from its earliest paper's date (or its own day) and changes with its papers.
    func stamp(_ s: Sitzung) -> Timestamp {
        directory.sitzungTimestamps[s.id] ?? Timestamp(s.begin.calendarDay, nil)
    }
}
