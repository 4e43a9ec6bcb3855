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
public final class Preview: @unchecked Sendable {
    public let optionen: Build.Options
    /// The model and theme of the last build that succeeded; nil after a failed one, so that an
    /// error stays on screen until a full build has passed again.
    private var stand: (projekt: Projekt, theme: Theme)?
    /// Held for the session: a build alone lets the word lists go, and every saved Leichte-Sprache
    /// text would load them again.
    private var lexikon: Lexicon?

    public init(_ optionen: Build.Options) {
        self.optionen = optionen
    }

    public func bauen(log: DiagnosticLog) -> Build.Outcome? {
        if lexikon == nil { lexikon = Lexicon.standard }
        let ergebnis = Build.run(optionen, log: log)
        stand = ergebnis.map { ($0.projekt, $0.theme) }
        return ergebnis
    }

    /// Makes the `offen` pages (output paths) anew from the changed files and writes those whose bytes
    /// changed; returns them. Nil when the change needs the full build: a file that is not an existing
    /// page's Markdown (YAML, theme, a new or removed file), a file with errors, or PDFs in the build.
    public func vorziehen(_ geaendert: [String], offen: Set<String>) -> Set<String>? {
        guard var projekt = stand?.projekt, let theme = stand?.theme, !optionen.pdf, !geaendert.isEmpty else { return nil }
        for datei in geaendert {
            guard let relativ = relativ(datei), relativ.hasSuffix(".md"),
                  Timing.messen("preview: load", { neuLaden(relativ, in: &projekt) }) else { return nil }
        }
        let seiten = Timing.messen("preview: render") {
            SiteRenderer.einzelne(offen, projekt, publikum: optionen.publikum, stichtag: optionen.stichtag, theme: theme,
                                  drafts: optionen.showDrafts)
        }
        let ausgabe = OutputFolder(optionen.output)
        OutputManifest.vorziehen(Set(seiten.map(\.pfad)), cache: Build.cacheOrdner(content: optionen.content, output: optionen.output), ausgabe: optionen.output)
        var geschrieben = Set<String>()
        for seite in seiten {
            guard case let .daten(daten) = seite.inhalt,
                  (try? ausgabe.schreibeWennNeu(Paths.join(optionen.output, seite.pfad), daten)) == true else { continue }
            geschrieben.insert(seite.pfad)
        }
        stand?.projekt = projekt
        return geschrieben
    }

    /// The path below the content folder, or nil for a file outside it.
    private func relativ(_ datei: String) -> String? {
        let wurzel = URL(fileURLWithPath: optionen.content).standardizedFileURL.path + "/"
        let voll = URL(fileURLWithPath: datei).standardizedFileURL.path
        return voll.hasPrefix(wurzel) ? String(voll.dropFirst(wurzel.count)) : nil
    }

    /// Loads one page file again into the model; false when it is no known page or has errors.
    private func neuLaden(_ relativ: String, in projekt: inout Projekt) -> Bool {
        let ordner = ContentFolder(root: optionen.content, io: .disk, log: DiagnosticLog())
        return ersetzen(relativ, in: &projekt.vorlagen, body: \.body, zwilling: \.leicht, ordner) {
            VorlageLoader.load(relativ, slug: $0.slug, in: ordner)
        } ?? ersetzen(relativ, in: &projekt.texte, body: \.body, zwilling: \.leicht, ordner) {
            TextseiteLoader.load(relativ, art: $0.art, slug: $0.slug, in: ordner)
        } ?? false
    }

    /// Replaces the page (or its twin) that `relativ` is the file of, loaded anew: nil when no page
    /// of `seiten` has this file, false when it does not load without errors.
    private func ersetzen<P>(_ relativ: String, in seiten: inout [P], body: KeyPath<P, MarkdownQuelle>,
                             zwilling: WritableKeyPath<P, LeichteFassung?>, _ ordner: ContentFolder,
                             laden: (P) -> P?) -> Bool? {
        guard let i = seiten.firstIndex(where: { $0[keyPath: body].pfad == relativ || $0[keyPath: zwilling]?.body.pfad == relativ })
        else { return nil }
        if relativ.hasSuffix(".leicht.md") {
            guard let twin = TextseiteLoader.loadLeicht(relativ, in: ordner), !ordner.log.hasErrors else { return false }
            seiten[i][keyPath: zwilling] = twin
        } else {
            guard var neu = laden(seiten[i]), !ordner.log.hasErrors else { return false }
            neu[keyPath: zwilling] = seiten[i][keyPath: zwilling]
            seiten[i] = neu
        }
        return true
    }
}
