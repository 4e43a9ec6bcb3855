import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild

/// The builds behind `teilhabe serve`. Every change gets a full incremental build; before it, a
/// saved Markdown page is loaded alone, into the model the last build kept, and the pages open in
/// a browser are made from it at once – so the editor sees the text within milliseconds, and the
/// rest of the site (lists, search index, open data, checks across files) follows.
// @unchecked: only the serve loop's one thread calls it, one build after the other; its two vars
// are never touched by the build's worker threads.
public final class Preview: @unchecked Sendable {
    public let settings: Build.Options
    /// The model and theme of the last build that succeeded; nil after a failed one, so that an
    /// error stays on screen until a full build has passed again.
    private var lastGood: (project: Projekt, theme: Theme)?
    /// Held for the session: a build alone lets the word lists go, and every saved Leichte-Sprache
    /// text would load them again.
    private var lexicon: Lexicon?

    public init(_ settings: Build.Options) {
        self.settings = settings
    }

    public func buildSite(log: DiagnosticLog) -> Build.Outcome? {
        if lexicon == nil { lexicon = Lexicon.standard }
        let resultValue = Build.run(settings, log: log)
        lastGood = resultValue.map { ($0.project, $0.theme) }
        return resultValue
    }

    /// Makes the `offen` pages (output paths) anew from the changed files and writes those whose bytes
    /// changed; returns them. Nil when the change needs the full build: a file that is not an existing
    /// page's Markdown (YAML, theme, a new or removed file), a file with errors, or PDFs in the build.
    public func prefer(_ changed: [String], isOpen: Set<String>) -> Set<String>? {
        guard var project = lastGood?.project, let theme = lastGood?.theme, !settings.pdf, !changed.isEmpty else { return nil }
        for filePath in changed {
            guard let relative = relative(filePath), relative.hasSuffix(".md"),
                  Timing.measure("preview: load", { reloadNow(relative, in: &project) }) else { return nil }
        }
        let auditedPages = Timing.measure("preview: render") {
            SiteRenderer.single(isOpen, project, publikum: settings.publikum, stichtag: settings.stichtag, theme: theme,
                                  drafts: settings.showDrafts)
        }
        let outputPath = OutputFolder(settings.output)
        OutputManifest.prefer(Set(auditedPages.map(\.path)), cache: Build.cacheFolder(content: settings.content, output: settings.output), outputPath: settings.output)
        var written = Set<String>()
        for webPage in auditedPages {
            guard case let .payload(payload) = webPage.contents,
                  (try? outputPath.writeIfChanged(Paths.join(settings.output, webPage.path), payload)) == true else { continue }
            written.insert(webPage.path)
        }
        lastGood?.project = project
        return written
    }

    /// The path below the content folder, or nil for a file outside it.
    private func relative(_ filePath: String) -> String? {
        let rootPath = URL(fileURLWithPath: settings.content).standardizedFileURL.path + "/"
        let full = URL(fileURLWithPath: filePath).standardizedFileURL.path
        return full.hasPrefix(rootPath) ? String(full.dropFirst(rootPath.count)) : nil
    }

    /// Loads one page file again into the model; false when it is no known page or has errors.
    private func reloadNow(_ relative: String, in project: inout Projekt) -> Bool {
        let folderPath = ContentFolder(root: settings.content, io: .disk, log: DiagnosticLog())
        return replace(relative, in: &project.vorlagen, body: \.body, twinPath: \.leicht, folderPath) {
            VorlageLoader.load(relative, slug: $0.slug, in: folderPath)
        } ?? replace(relative, in: &project.texts, body: \.body, twinPath: \.leicht, folderPath) {
            TextseiteLoader.load(relative, art: $0.art, slug: $0.slug, in: folderPath)
        } ?? false
    }

    /// Replaces the page (or its twin) that `relativ` is the file of, loaded anew: nil when no page
    /// of `seiten` has this file, false when it does not load without errors.
    private func replace<P>(_ relative: String, in auditedPages: inout [P], body: KeyPath<P, MarkdownSource>,
                             twinPath: WritableKeyPath<P, LeichteFassung?>, _ folderPath: ContentFolder,
                             loadFile: (P) -> P?) -> Bool? {
        guard let i = auditedPages.firstIndex(where: { $0[keyPath: body].pfad == relative || $0[keyPath: twinPath]?.body.pfad == relative })
        else { return nil }
        if relative.hasSuffix(".leicht.md") {
            guard let twin = TextseiteLoader.loadLeicht(relative, in: folderPath), !folderPath.log.hasErrors else { return false }
            auditedPages[i][keyPath: twinPath] = twin
        } else {
            guard var new = loadFile(auditedPages[i]), !folderPath.log.hasErrors else { return false }
            new[keyPath: twinPath] = auditedPages[i][keyPath: twinPath]
            auditedPages[i] = new
        }
        return true
    }
}
