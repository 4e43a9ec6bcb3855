import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender

/// The stages of one build and what they hand each other. `Build.run` calls them in order; work
/// that needs nothing of the stage before it (the theme, the PDF tool, the last output plan, the
/// word lists, the Leichte-Sprache check, the fingerprints) runs beside it as a `BackgroundTask`, the one
/// small executor type of the pipeline, and is stopped and awaited by `finish()` when a stage fails.
final class BuildRun {
    let settings: Build.Options
    let log: DiagnosticLog
    let target: Build.Destination
    /// `.teilhabe-cache/` (the lock, the plan, the PDFs), used or not.
    let store: String
    /// The cache, or none (`--ohne-cache`, or a build into memory).
    let buildCache: BuildCache
    private let io: FileIO
    private let inputLog = InputLog()
    private var lock: BuildLock?

    private var themeWork: BackgroundTask<Theme?>?
    private var printWork: BackgroundTask<PDFRenderer?>?
    private var planWork: BackgroundTask<OutputManifest>?
    private var words: BackgroundTask<Lexicon>?
    private var fingerprintWork: BackgroundTask<BuildFingerprints?>?
    private var leichteSprache: BackgroundTask<[Diagnostic]>?
    private let cancellation = CancellationFlag()
    /// The output folder's writer, once opened.
    private(set) var writer: OutputFolder.Writer?

    init(_ settings: Build.Options, io: FileIO, target: Build.Destination, log: DiagnosticLog) {
        self.settings = settings
        self.log = log
        self.target = target
        self.io = io
        store = Build.cacheFolder(content: settings.content, output: settings.output)
        buildCache = BuildCache(folderPath: settings.cache && target == .folderPath ? store : nil)
    }

    private var onDisk: Bool { target == .folderPath }

    /// Content and output apart, no input behind a link that leads out, the output folder usable,
    /// and this build the only one writing it.
    func prepare() -> Bool {
        guard onDisk else { return true }
        guard Build.foldersApart(settings, log: log), Build.inputsConfined(settings, log: log) else { return false }
        do {
            _ = try OutputFolder(settings.output).validate()
            lock = try BuildLock(cache: store, output: settings.output, waiting: settings.isWaiting)
        } catch {
            Build.reportFinding(error, settings, log: log)
            return false
        }
        return true
    }

    /// Stops what still runs beside the pipeline (a build that failed stops its check) and lets go of the lock.
    func finish() {
        cancellation.assign()
        _ = leichteSprache?.value
        _ = fingerprintWork?.value
        _ = themeWork?.value   // a theme's errors are reported also when the content failed to load
        lock?.release()
    }

    /// The theme, the PDF tool and the last build's plan do not depend on the content: read while it
    /// loads. Even a build without the cache reads (and later removes) the plan: it may change files
    /// the plan vouches for. A build without cached findings reads the word lists (0.2 s) meanwhile.
    func startIndependentWork() {
        let o = settings, log = log, store = store, withPlan = buildCache.folderPath != nil, onDisk = onDisk, io = io
        buildCache.preload(["dateistand", "laden", "gliederung"])
        themeWork = BackgroundTask {
            Timing.measure("theme") {
                let folderPath = Build.themeFolder(o.theme, io: io)
                return Theme.load(overrideFolder: folderPath, io: folderPath.map { io.confined(to: $0) } ?? io,
                                  templates: o.templates, log: log)
            }
        }
        printWork = BackgroundTask { o.pdf && onDisk ? PDFRenderer.find(cache: store + "/pdf") : nil }
        if onDisk {
            planWork = BackgroundTask {
                Timing.measure("plan: read") { OutputManifest(cache: store, outputPath: o.output, reuse: withPlan) }
            }
        }
        if o.leichteSprache && !buildCache.hasTable("leichte-sprache") { words = BackgroundTask { Lexicon.standard } }
    }

    /// Files → model, every file read recorded for the fingerprints.
    func load() -> Projekt? {
        let io = self.io.confined(to: settings.content).logged(inputLog, states: FileStatusCache(buildCache))
        let project = Timing.measure("load") {
            ProjektLoader.load(contentRoot: settings.content, io: io, buildCache: buildCache, log: log)
        }
        // Tables the render needs, read while the check runs (not earlier: the loader's come first).
        if project != nil { buildCache.preload(["leichte-sprache", "suchindex", "suchwoerter"]) }
        return project
    }

    /// The Leichte-Sprache check needs only the loaded content; its findings do not stop a build.
    func startEasyLanguageCheck(_ project: Projekt) {
        guard settings.leichteSprache else { return }
        let words = self.words, buildCache = buildCache, cancellation = cancellation
        self.words = nil
        leichteSprache = BackgroundTask {
            let held = words?.submit()   // held until the check has taken its own reference
            return withExtendedLifetime(held) {
                let ls = DiagnosticLog()
                Timing.measure("check: Leichte Sprache") { LeichteSpracheCheck.run(project, log: ls, buildCache: buildCache, cancellation: cancellation) }
                return ls.all
            }
        }
    }

    /// The fingerprints need the loaded files and the theme, not the check: made beside it.
    func startFingerprints(_ project: Projekt) {
        guard buildCache.folderPath != nil, let themeWork, let printWork else { return }
        let inputLog = inputLog, o = settings
        fingerprintWork = BackgroundTask {
            guard let theme = themeWork.value else { return nil }
            return Timing.measure("fingerprints") { Build.fingerprints(project, inputLog, theme: theme, print: printWork.value, settings: o) }
        }
    }

    /// The model's diagnostics; false when any error was logged (then nothing is written).
    func check(_ project: Projekt) -> Bool {
        Timing.measure("check") { Checker.check(project, buildCache: buildCache, log: log) }
        return !log.hasErrors
    }

    /// The loaded theme (its errors are in the log), once the check passed.
    func theme() -> Theme? {
        guard let theme = themeWork?.value, !log.hasErrors else { return nil }
        if settings.pdf, onDisk, printWork?.value == nil {
            log.warning("PDF", .weasyprintNotOnPath,
                        at: SourceLocation(file: settings.content))
        }
        return theme
    }

    /// Opens the output folder's writer (none for a build into memory: the render then returns every
    /// file). From here on the last plan no longer vouches for the folder: it is removed before the first write.
    func openWriter() -> Bool {
        guard onDisk, let plan = planWork?.value else { return true }
        do {
            let opened = try OutputFolder.Writer(OutputFolder(settings.output), plan: plan,
                                                       quelle: Containment.realPath(settings.content),
                                                       fault: settings.writeFault)
            plan.invalidate()
            writer = opened
            return true
        } catch {
            Build.reportFinding(error, settings, log: log)
            return false
        }
    }

    /// Model → files; pages stream into the writer's staging folder while they are rendered.
    func render(_ project: Projekt, theme: Theme) -> [OutputFile] {
        let writer = writer
        let o = settings, plan = buildCache.folderPath == nil ? nil : planWork?.value
        return Timing.measure("render") {
            SiteRenderer.render(project, publikum: o.publikum, stichtag: o.stichtag, theme: theme, print: printWork?.value,
                                log: log, progress: o.progress, writer: writer, fingerprints: fingerprintWork?.value,
                                plan: plan, buildCache: buildCache, drafts: o.showDrafts)
        }
    }

    /// The rest of the files, then the commit: the folder holds the new site, or the old one.
    func write(_ fileList: [OutputFile]) -> OutputFolder.Tally? {
        guard let writer else { return OutputFolder.Tally(written: fileList.count) }
        do {
            return try Timing.measure("write") {
                for filePath in fileList { writer.writeFile(filePath) }
                return try writer.finishRun()
            }
        } catch {
            Build.reportFinding(error, settings, log: log)
            return nil
        }
    }

    /// The plan and the cache's tables, once everything is written and the check has finished.
    func saveCache() {
        _ = leichteSprache?.value
        let plan = buildCache.folderPath == nil ? nil : planWork?.value
        Timing.measure("cache: save") {
            let planSaved = BackgroundTask { plan?.save() }
            buildCache.save()
            planSaved.value
        }
    }

    func result(_ project: Projekt, theme: Theme, fileList: [OutputFile], tally: OutputFolder.Tally) -> Build.Outcome {
        let groupName = writer?.keptGroup ?? (fileList: 0, auditedPages: 0)
        var resultValue = Build.Outcome(auditedPages: fileList.filter { $0.path.hasSuffix(".html") }.count + groupName.auditedPages,
                                      fileList: fileList.count + groupName.fileList, tally: tally,
                                      searchIndex: OutputFolder(settings.output).byteSize(SearchIndex.filePath) ?? 0,
                                      leichteSprache: leichteSprache?.value ?? [], changed: writer?.changed ?? [],
                                      project: project, theme: theme)
        if writer == nil {
            resultValue.inMemory = inMemory(fileList)
            resultValue.searchIndex = resultValue.inMemory?[SearchIndex.filePath]?.count ?? 0
        }
        return resultValue
    }

    /// The files of a build into memory by path; copies are read through the build's file access.
    private func inMemory(_ fileList: [OutputFile]) -> [String: Data] {
        var allItems: [String: Data] = [:]
        let io = io.confined(to: settings.content)
        for filePath in fileList {
            switch filePath.contents {
            case let .payload(d): allItems[filePath.path] = d
            case let .copy(source): allItems[filePath.path] = try? io.read(source)
            case .written, .keep: break
            }
        }
        return allItems
    }
}
