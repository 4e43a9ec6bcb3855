import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender

/// The whole pipeline: load → check → render → write. The CLI is a thin layer over this.
public enum Build {
    public struct Options: Sendable {
        public var content = "content"
        public var theme: String?
        public var output = "site"
        public var publikum = Publikum.oeffentlich
        /// Drafts (`status: entwurf`) in the site, each page with a banner: for `serve`'s preview only,
        /// never for a site that is published.
        public var showDrafts = false
        /// Separates past from upcoming meetings.
        public var stichtag: CalendarDay
        /// PDF versions of the Vorlagen, made when weasyprint is on the PATH.
        public var pdf = true
        /// Run the Leichte-Sprache check after the build and report a summary.
        public var leichteSprache = true
        /// Reuse the work of earlier builds kept in `.teilhabe-cache/` (`--ohne-cache` turns it off).
        public var cache = true
        /// Render repeated page shapes from a PrecompiledTemplate (Render/TemplateCache/); off only to compare.
        public var templates = true
        /// Told of finished pages (for a progress display).
        public var progress: BuildProgress?
        /// Told when the build must wait for another one that writes the same folder.
        public var isWaiting: @Sendable (String) -> Void = { outputPath in
            FileHandle.standardError.write(Data("teilhabe: ein anderer Build schreibt gerade nach \(outputPath)/ – warte, bis er fertig ist …\n".utf8))
        }
        /// For tests: an errno with which a write or a step of the commit is refused (a full disk, a swapped folder).
        var writeFault: (@Sendable (String) -> Int32?)?

        public init(content: String = "content", theme: String? = nil, output: String = "site",
                    publikum: Publikum = .oeffentlich, stichtag: CalendarDay = Stichtag.today()) {
            self.content = content
            self.theme = theme
            self.output = output
            self.publikum = publikum
            self.stichtag = stichtag
        }
    }

    public struct Outcome: Sendable {
        public var auditedPages: Int
        public var fileList: Int
        public var tally: OutputFolder.Tally
        /// Bytes of suche/index.json.
        public var searchIndex: Int
        /// Findings of the Leichte-Sprache check (they do not stop a build; `teilhabe check` lists them).
        public var leichteSprache: [Diagnostic] = []
        /// Output files this build added, changed or removed.
        public var changed: Set<String> = []
        /// What was built from, for a preview that remakes single pages before the next full build.
        public var project: Projekt
        public var theme: Theme
        /// With `Destination.memory`: every file of the site by path.
        public var inMemory: [String: Data]?
    }

    /// `.teilhabe-cache/` in the project folder, beside the content folder – never in a folder the user
    /// did not name (`--output /tmp/x/site` once put it, with PDFs of non-public papers, into /tmp/x).
    /// An output that lies in a `.teilhabe-cache/` (as `serve`'s preview does) uses that one.
    public static func cacheFolder(content: String, output: String) -> String {
        let parents = Paths.parent(output)
        if Paths.lastComponent(parents) == ".teilhabe-cache" { return parents }
        let project = Paths.parent(URL(fileURLWithPath: content).standardizedFileURL.path)
        let relative = Paths.parent(content)
        // Relative paths stay relative (messages and tests name them as given).
        let folderPath = content.hasPrefix("/") ? project : (relative.isEmpty ? "." : relative)
        return Paths.join(folderPath.isEmpty ? "/" : folderPath, ".teilhabe-cache")
    }

    /// The theme folder to use: the given one, else `themes/default/` where present, else none (built-in only).
    public static func themeFolder(_ given: String?, io: FileIO = .disk) -> String? {
        given ?? (io.isDirectory("themes/default") ? "themes/default" : nil)
    }

    /// Loads and checks a project; nil when any error was logged.
    public static func check(content: String, io: FileIO = .disk, buildCache: BuildCache = .disabled, log: DiagnosticLog) -> Projekt? {
        guard Containment.check(content, what: .contentFolderName, log: log) else { return nil }
        let io = io.confined(to: content)
        guard let project = Timing.measure("load", { ProjektLoader.load(contentRoot: content, io: io, buildCache: buildCache, log: log) })
        else { return nil }
        Timing.measure("check") { Checker.check(project, buildCache: buildCache, log: log) }
        return log.hasErrors ? nil : project
    }

    /// Where a build puts the site: its output folder (locked, staged, committed, with the cache),
    /// or memory (`Outcome.imSpeicher`), for tests that build a whole site without a disk.
    public enum Destination: Sendable { case folderPath, memory }

    /// Runs a build: the stages in order, each named in `BuildRun`. Returns nil after logging
    /// errors; the output folder then holds the old site (or, where even undoing a refused step of
    /// the commit failed, says so in the last error).
    public static func run(_ settings: Options, io: FileIO = .disk, target: Destination = .folderPath, log: DiagnosticLog) -> Outcome? {
        Timing.begin()
        let run = BuildRun(settings, io: io, target: target, log: log)
        guard run.prepare() else { return nil }            // folders apart, no link leads out, the lock
        defer { run.finish() }                             // background work stopped, lock released
        run.startIndependentWork()                         // theme, PDF tool, last plan, word lists
        guard let project = run.load() else { return nil }
        run.startEasyLanguageCheck(project)                // beside the check, the render and the write
        run.startFingerprints(project)
        guard run.check(project), let theme = run.theme() else { return nil }
        guard run.openWriter() else { return nil }
        let fileList = run.render(project, theme: theme)
        guard let tally = run.write(fileList) else { return nil }
        run.saveCache()
        return run.result(project, theme: theme, fileList: fileList, tally: tally)
    }

    /// Logs a write error once, at the file it concerns, saying what the output folder now holds.
    static func reportFinding(_ error: Error, _ o: Options, log: DiagnosticLog) {
        guard let errors = error as? OutputFolder.Failure else {
            log.error("AUSGABE", .outputUnchangedAfter(error.localizedDescription, output: o.output), at: SourceLocation(file: o.output))
            return
        }
        let outputState = errors.keptOld ? Message.outputKeptOld(o.output) : .empty
        log.error(errors.keptOld ? "AUSGABE" : Build.outputIncompleteRule, errors.messageText + outputState,
                  at: SourceLocation(file: errors.pfad))
    }

    /// The rule of the error after which the output folder holds neither the old site nor the new one.
    public static let outputIncompleteRule = "AUSGABE-UNVOLLSTAENDIG"

    /// No input may be read through a symbolic link that leads out of the content (or theme) folder.
    static func inputsConfined(_ o: Options, log: DiagnosticLog) -> Bool {
        let contents = Containment.check(o.content, what: .contentFolderName, log: log)
        let theme = themeFolder(o.theme).map { Containment.check($0, what: .themeFolderName, log: log) } ?? true
        return contents && theme
    }

    /// The output folder must not hold the content folder or lie inside it: stale files are removed from it.
    static func foldersApart(_ o: Options, log: DiagnosticLog) -> Bool {
        func absolute(_ p: String) -> String {
            URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path + "/"
        }
        let content = absolute(o.content), output = absolute(o.output)
        if content.hasPrefix(output) || output.hasPrefix(content) {
            log.error("IO", .outputInsideContent,
                      at: SourceLocation(file: o.output))
            return false
        }
        return true
    }
}
