import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// Model → every output file of a site, in memory, sorted by path. Nothing is written here.
/// Pages are independent jobs that run on every core; the result does not depend on their order.
public enum SiteRenderer {
    /// With a `schreiber`, pages go to disk as they are rendered and only their paths are kept;
    /// every other file is returned.
    package static func render(_ project: Projekt, publikum: Publikum, stichtag: CalendarDay, theme: Theme,
                              print: PDFRenderer? = nil, log: DiagnosticLog = DiagnosticLog(),
                              progress: BuildProgress? = nil, writer: (any PageSink)? = nil,
                              fingerprints: BuildFingerprints? = nil, plan: (any OutputPlan)? = nil, buildCache: BuildCache = .disabled,
                              drafts: Bool = false) -> [OutputFile] {
        let view = Timing.measure("render: visible") { project.visible(for: publikum, drafts: drafts) }
        var environment = Timing.measure("render: context") {
            RenderContext(project: view, publikum: publikum, stichtag: stichtag, drafts: drafts)
        }
        environment.fingerprints = fingerprints
        environment.buildCache = buildCache
        var fileList: [OutputFile] = []
        if let print {
            let (pdfs, info) = Timing.measure("render: PDF") {
                renderPrintVersions(environment, print: print, theme: theme, contentRoot: project.contentRoot, log: log, plan: plan)
            }
            fileList += pdfs
            environment.print = info
        }
        let u = environment
        let frame = Timing.measure("render: frame") { PageFrame(u) }
        @Sendable func job(_ v: TrackedPage) -> RenderJob {
            RenderJob(path: v.filePath, cacheKey: u.cacheKey("seite", v.sources)) { webPage(v.buildSite(), frame: frame, theme: theme) }
        }
        // A Markdown file's own pages show its body; every other output shows front matter only.
        let own = Timing.measure("render: jobs") { (VorlagenPages.tracked(u) + TextPages.tracked(u)).map(job) }
        // The index holds every page's text: it is made again when any file changed. It is the first
        // job, so that it runs beside the pages.
        let index = RenderJob(path: SearchIndex.filePath, cacheKey: u.total(SearchIndex.filePath)) {
            Timing.measure("render: search index") {
                OutputFile(path: SearchIndex.filePath, contents: .payload(SearchIndex.json(SearchIndex.documents(u), buildCache: buildCache, publikum: u.publikum, drafts: u.drafts)))
            }
        }
        // Whether the outputs without bodies can be kept (a look at each of their files) is found out
        // beside the pages.
        let groupName = u.overview("ohne Textkörper")
        var groupCheck: BackgroundTask<(fileList: Int, auditedPages: Int)?>?
        if writer != nil, let plan, let groupName {
            groupCheck = BackgroundTask { Timing.measure("render: keep") { plan.groupName(groupName) } }
        }
        progress?.total = 1 + own.count
        fileList += Timing.measure("render: pages") { execute([index] + own, plan: plan, writer: writer, progress: progress) }
        MemoryRelease.handBack()
        let keep = groupCheck?.value ?? nil
        let remaining = keep != nil ? [] : Timing.measure("render: jobs") {
            largeLists(u).map { filePath, buildSite in
                RenderJob(path: filePath, cacheKey: u.overview("seite")) { webPage(buildSite(), frame: frame, theme: theme) }
            }
                + allPages(u).map { buildSite in
                    RenderJob.webPage(u.overview("seite")) { let s = buildSite(); return (s.filePath, { webPage(s, frame: frame, theme: theme) }) }
                }
                + (SitzungenPages.tracked(u) + GremienPages.tracked(u)).map(job)
        }
        progress?.total = 1 + own.count + remaining.count
        fileList += Timing.measure("render: lists") {
            execute(remaining, plan: plan, writer: writer, progress: progress, groupName: groupName)
        }
        MemoryRelease.handBack()
        fileList += IndikatorPages.fileList(u)
        fileList += AngebotePages.fileList(u) + BefragungPages.fileList(u)
        if let keep, let writer {
            // Every page's front matter as in the last build: lists, meetings, feeds and OParl stay as they are.
            writer.keepGroup(fileList: keep.fileList, auditedPages: keep.auditedPages)
        } else if let base = SiteBase(view.site) {
            let pagePaths = fileList.map(\.path)
            fileList += Timing.measure("render: open data") {
                execute(OpenData.jobs(u, base, auditedPages: pagePaths), plan: plan, writer: writer, progress: nil,
                           groupName: groupName)
            }
        }
        MemoryRelease.handBack()
        for (name, data) in theme.assets { fileList.append(OutputFile(path: name, contents: .payload(data))) }
        for path in view.anlagen.keys {
            fileList.append(OutputFile(path: path, contents: .copy(Paths.join(project.contentRoot, path))))
        }
        return fileList.sorted { $0.path < $1.path }
    }

    /// Only the given pages (output paths) of those made from one file each – paper, text, meeting
    /// and committee pages –, for a preview that shows them before the full build has run.
    package static func single(_ paths: Set<String>, _ project: Projekt, publikum: Publikum, stichtag: CalendarDay,
                         theme: Theme, drafts: Bool = false) -> [OutputFile] {
        guard !paths.isEmpty else { return [] }
        let u = RenderContext(project: project.visible(for: publikum, drafts: drafts), publikum: publikum, stichtag: stichtag,
                              drafts: drafts)
        let frame = PageFrame(u)
        return trackedPages(u).filter { paths.contains($0.filePath) }.map { webPage($0.buildSite(), frame: frame, theme: theme) }
    }

    /// Runs jobs on every core. A job the plan knows as unchanged is skipped (its file stays);
    /// with a `schreiber`, files go to disk as they are made and only their paths are kept.
    /// Files of a `gruppe` are noted in the plan as such, to be kept as a whole by a later build.
    /// The files come in no particular order (the caller sorts them).
    static func execute(_ jobs: [RenderJob], plan: (any OutputPlan)?, writer: (any PageSink)?,
                           progress: BuildProgress?, groupName: Fingerprint? = nil) -> [OutputFile] {
        let order = interleaved(jobs.count)
        return Parallel.map(jobs.count) { k -> OutputFile in
            defer { progress?.one() }
            let job = jobs[order[k]]
            var path = job.path, produce: () -> OutputFile = job.produce
            if let prepare = job.prepare { (path, produce) = prepare() }
            if let path, let plan, let writer, plan.unchanged(path, job.cacheKey) {
                if let groupName { plan.addMember(path, groupName: groupName) }
                writer.keep(path)
                return OutputFile(path: path, contents: .written)
            }
            let filePath = produce()
            if let groupName { plan?.addMember(filePath.path, groupName: groupName) }
            guard let writer else { return filePath }
            writer.writeFile(filePath)
            return OutputFile(path: filePath.path, contents: .written)
        }
    }

    /// 0, n/2, 1, n/2 + 1, …: jobs lie in the list by folder, and the cores take the next job each.
    /// Taken alternately from the two halves, they mostly create files in different folders; in one
    /// folder, creating a file takes the folder's lock in the kernel, and two threads meeting there
    /// spun and switched for about 1.5 % of a clean build.
    static func interleaved(_ n: Int) -> [Int] {
        let half = (n + 1) / 2
        return (0..<n).map { k in k % 2 == 0 ? k / 2 : half + k / 2 }
    }

    /// Pages made from known files: for the preview, which makes single ones.
    static func trackedPages(_ u: RenderContext) -> [TrackedPage] {
        VorlagenPages.tracked(u) + TextPages.tracked(u) + SitzungenPages.tracked(u) + GremienPages.tracked(u)
    }

    /// Pages that show every page, with their file known up front: an unchanged one is not even
    /// gathered (its context runs over all papers).
    static func largeLists(_ u: RenderContext) -> [(filePath: String, buildSite: PageJob)] {
        [("index.html", { StartPages.start(u) }), ("vorlagen/index.html", { VorlagenPages.list(u) }),
         ("suche/index.html", { SearchPage.webPage(u) })]
    }

    /// The other pages that show many pages; their file is known once they are gathered.
    static func allPages(_ u: RenderContext) -> [PageJob] {
        StartPages.allItems(u) + TextPages.allItems(u) + GremienPages.allItems(u) + SitzungenPages.allItems(u)
            + IndikatorPages.allItems(u) + PlanPages.allItems(u) + GlossaryPage.allItems(u)
            + SozialraumPages.allItems(u)
            + AngebotePages.allItems(u) + NetzwerkPages.allItems(u) + BefragungPages.allItems(u)
    }

    /// A page through its template and the layout.
    static func webPage(_ webPage: Page, frame: PageFrame, theme: Theme) -> OutputFile {
        var context = frame.context(webPage).merging(webPage.context)
        // The 404 page is served at any address: it carries its styles so that it never depends on a path.
        if webPage.filePath == "404.html", let css = theme.assets["assets/teilhabe.css"] {
            context["inline_css"] = InlineStyles.withoutFeatureQueries(String(decoding: css, as: UTF8.self))
        }
        let contents = theme.render(webPage.template, context)
        // Leichte Sprache does not hyphenate; everywhere else long compounds in headings may break.
        context["inhalt"] = webPage.leicht ? EasyFrame.body(contents, webPage, frame) : SoftHyphen.headings(contents)
        return OutputFile.text(webPage.filePath, theme.render("layout", context))
    }

    /// A PDF of every Vorlage page, and for each page its file name and size. A PDF the plan knows
    /// as unchanged stays in the output folder; its size is read from there.
    private static func renderPrintVersions(_ u: RenderContext, print: PDFRenderer, theme: Theme, contentRoot: String,
                                log: DiagnosticLog, plan: (any OutputPlan)?) -> ([OutputFile], [String: (name: String, byteSize: String)]) {
        let frame = PageFrame(u)
        let base = SiteBase(u.project.site)
        var fileList: [OutputFile] = [], info: [String: (name: String, byteSize: String)] = [:]
        var isOpen: [Vorlage] = []
        for v in u.project.vorlagen {
            let folderPath = Addresses.webPage(v.pfad), name = PrintVersion.fileName(v.nummer)
            if let plan, plan.unchanged(folderPath + name, u.cacheKey("pdf", u.sources(v))),
               let byteSize = plan.byteSize(folderPath + name) {
                info[folderPath] = (name, Formatting.byteSize(byteSize))
                fileList.append(OutputFile(path: folderPath + name, contents: .keep))
            } else {
                isOpen.append(v)
            }
        }
        let vorlagen = isOpen
        // Images in a print version come only from the files the site publishes.
        let permitted = PrintFiles(contentRoot: contentRoot, published: Set(u.project.anlagen.keys))
        let jobs = Parallel.map(vorlagen.count) { i -> PDFRenderer.RenderJob in
            let webPage = VorlagenPages.webPage(vorlagen[i], u)
            return PrintVersion.job(vorlagen[i], webPage, context: frame.context(webPage).merging(webPage.context), theme: theme,
                                        base: base, fileList: permitted)
        }
        let (pdfs, _) = print.generate(jobs, log: log)   // it logs what failed or was left out
        for v in vorlagen {
            let folderPath = Addresses.webPage(v.pfad)
            guard let pdf = pdfs[Addresses.filePath(folderPath)] else { continue }
            let name = PrintVersion.fileName(v.nummer)
            info[folderPath] = (name, Formatting.byteSize(pdf.count))
            fileList.append(OutputFile(path: folderPath + name, contents: .payload(pdf)))
        }
        return (fileList, info)
    }
}
