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
    let optionen: Build.Options
    let log: DiagnosticLog
    let ziel: Build.Destination
    /// `.teilhabe-cache/` (the lock, the plan, the PDFs), used or not.
    let ablage: String
    /// The cache, or none (`--ohne-cache`, or a build into memory).
    let vorrat: BuildCache
    private let io: FileIO
    private let protokoll = InputLog()
    private var sperre: BuildLock?

    private var themeArbeit: BackgroundTask<Theme?>?
    private var druckArbeit: BackgroundTask<PDFRenderer?>?
    private var planArbeit: BackgroundTask<OutputManifest>?
    private var woerter: BackgroundTask<Lexicon>?
    private var abdrueckeArbeit: BackgroundTask<BuildFingerprints?>?
    private var leichteSprache: BackgroundTask<[Diagnostic]>?
    private let abbruch = CancellationFlag()
    /// The output folder's writer, once opened.
    private(set) var writer: OutputFolder.Schreiber?

    init(_ optionen: Build.Options, io: FileIO, ziel: Build.Destination, log: DiagnosticLog) {
        self.optionen = optionen
        self.log = log
        self.ziel = ziel
        self.io = io
        ablage = Build.cacheOrdner(content: optionen.content, output: optionen.output)
        vorrat = BuildCache(ordner: optionen.cache && ziel == .ordner ? ablage : nil)
    }

    private var aufDisk: Bool { ziel == .ordner }

    /// Content and output apart, no input behind a link that leads out, the output folder usable,
    /// and this build the only one writing it.
    func prepare() -> Bool {
        guard aufDisk else { return true }
        guard Build.ordnerGetrennt(optionen, log: log), Build.eingabenUmschlossen(optionen, log: log) else { return false }
        do {
            _ = try OutputFolder(optionen.output).validate()
            sperre = try BuildLock(cache: ablage, output: optionen.output, waiting: optionen.wartet)
        } catch {
            Build.melden(error, optionen, log: log)
            return false
        }
        return true
    }

    /// Stops what still runs beside the pipeline (a build that failed stops its check) and lets go of the lock.
    func finish() {
        abbruch.setzen()
        _ = leichteSprache?.wert
        _ = abdrueckeArbeit?.wert
        _ = themeArbeit?.wert   // a theme's errors are reported also when the content failed to load
        sperre?.release()
    }

    /// The theme, the PDF tool and the last build's plan do not depend on the content: read while it
    /// loads. Even a build without the cache reads (and later removes) the plan: it may change files
    /// the plan vouches for. A build without cached findings reads the word lists (0.2 s) meanwhile.
    func startIndependentWork() {
        let o = optionen, log = log, ablage = ablage, mitPlan = vorrat.ordner != nil, aufDisk = aufDisk, io = io
        vorrat.vorladen(["dateistand", "laden", "gliederung"])
        themeArbeit = BackgroundTask {
            Timing.messen("theme") {
                let ordner = Build.themeOrdner(o.theme, io: io)
                return Theme.load(overrideFolder: ordner, io: ordner.map { io.confined(to: $0) } ?? io,
                                  schablonen: o.schablonen, log: log)
            }
        }
        druckArbeit = BackgroundTask { o.pdf && aufDisk ? PDFRenderer.finden(cache: ablage + "/pdf") : nil }
        if aufDisk {
            planArbeit = BackgroundTask {
                Timing.messen("plan: read") { OutputManifest(cache: ablage, ausgabe: o.output, nutzen: mitPlan) }
            }
        }
        if o.leichteSprache && !vorrat.hatTabelle("leichte-sprache") { woerter = BackgroundTask { Lexicon.standard } }
    }

    /// Files → model, every file read recorded for the fingerprints.
    func load() -> Projekt? {
        let io = self.io.confined(to: optionen.content).protokolliert(protokoll, staende: FileStatusCache(vorrat))
        let projekt = Timing.messen("load") {
            ProjektLoader.load(contentRoot: optionen.content, io: io, vorrat: vorrat, log: log)
        }
        // Tables the render needs, read while the check runs (not earlier: the loader's come first).
        if projekt != nil { vorrat.vorladen(["leichte-sprache", "suchindex", "suchwoerter"]) }
        return projekt
    }

    /// The Leichte-Sprache check needs only the loaded content; its findings do not stop a build.
    func startEasyLanguageCheck(_ projekt: Projekt) {
        guard optionen.leichteSprache else { return }
        let woerter = self.woerter, vorrat = vorrat, abbruch = abbruch
        self.woerter = nil
        leichteSprache = BackgroundTask {
            let gehalten = woerter?.abgeben()   // held until the check has taken its own reference
            return withExtendedLifetime(gehalten) {
                let ls = DiagnosticLog()
                Timing.messen("check: Leichte Sprache") { LeichteSpracheCheck.run(projekt, log: ls, vorrat: vorrat, abbruch: abbruch) }
                return ls.all
            }
        }
    }

    /// The fingerprints need the loaded files and the theme, not the check: made beside it.
    func startFingerprints(_ projekt: Projekt) {
        guard vorrat.ordner != nil, let themeArbeit, let druckArbeit else { return }
        let protokoll = protokoll, o = optionen
        abdrueckeArbeit = BackgroundTask {
            guard let theme = themeArbeit.wert else { return nil }
            return Timing.messen("fingerprints") { Build.abdruecke(projekt, protokoll, theme: theme, druck: druckArbeit.wert, optionen: o) }
        }
    }

    /// The model's diagnostics; false when any error was logged (then nothing is written).
    func check(_ projekt: Projekt) -> Bool {
        Timing.messen("check") { Checker.check(projekt, vorrat: vorrat, log: log) }
        return !log.hasErrors
    }

    /// The loaded theme (its errors are in the log), once the check passed.
    func theme() -> Theme? {
        guard let theme = themeArbeit?.wert, !log.hasErrors else { return nil }
        if optionen.pdf, aufDisk, druckArbeit?.wert == nil {
            log.warning("PDF", .weasyprintNotOnPath,
                        at: SourceLocation(file: optionen.content))
        }
        return theme
    }

    /// Opens the output folder's writer (none for a build into memory: the render then returns every
    /// file). From here on the last plan no longer vouches for the folder: it is removed before the first write.
    func openWriter() -> Bool {
        guard aufDisk, let plan = planArbeit?.wert else { return true }
        do {
            let schreiber = try OutputFolder.Schreiber(OutputFolder(optionen.output), plan: plan,
                                                       quelle: Containment.realPath(optionen.content),
                                                       fault: optionen.schreibFehler)
            plan.verwerfen()
            writer = schreiber
            return true
        } catch {
            Build.melden(error, optionen, log: log)
            return false
        }
    }

    /// Model → files; pages stream into the writer's staging folder while they are rendered.
    func render(_ projekt: Projekt, theme: Theme) -> [OutputFile] {
        let writer = writer
        let o = optionen, plan = vorrat.ordner == nil ? nil : planArbeit?.wert
        return Timing.messen("render") {
            SiteRenderer.render(projekt, publikum: o.publikum, stichtag: o.stichtag, theme: theme, druck: druckArbeit?.wert,
                                log: log, fortschritt: o.fortschritt, schreiber: writer, abdruecke: abdrueckeArbeit?.wert,
                                plan: plan, vorrat: vorrat, drafts: o.showDrafts)
        }
    }

    /// The rest of the files, then the commit: the folder holds the new site, or the old one.
    func write(_ dateien: [OutputFile]) -> OutputFolder.Tally? {
        guard let writer else { return OutputFolder.Tally(geschrieben: dateien.count) }
        do {
            return try Timing.messen("write") {
                for datei in dateien { writer.schreiben(datei) }
                return try writer.abschliessen()
            }
        } catch {
            Build.melden(error, optionen, log: log)
            return nil
        }
    }

    /// The plan and the cache's tables, once everything is written and the check has finished.
    func saveCache() {
        _ = leichteSprache?.wert
        let plan = vorrat.ordner == nil ? nil : planArbeit?.wert
        Timing.messen("cache: save") {
            let planGespeichert = BackgroundTask { plan?.speichern() }
            vorrat.speichern()
            planGespeichert.wert
        }
    }

    func result(_ projekt: Projekt, theme: Theme, dateien: [OutputFile], bilanz: OutputFolder.Tally) -> Build.Outcome {
        let gruppe = writer?.behalteneGruppe ?? (dateien: 0, seiten: 0)
        var ergebnis = Build.Outcome(seiten: dateien.filter { $0.pfad.hasSuffix(".html") }.count + gruppe.seiten,
                                      dateien: dateien.count + gruppe.dateien, bilanz: bilanz,
                                      suchindex: OutputFolder(optionen.output).groesse(SearchIndex.datei) ?? 0,
                                      leichteSprache: leichteSprache?.wert ?? [], geaendert: writer?.geaendert ?? [],
                                      projekt: projekt, theme: theme)
        if writer == nil {
            ergebnis.imSpeicher = imSpeicher(dateien)
            ergebnis.suchindex = ergebnis.imSpeicher?[SearchIndex.datei]?.count ?? 0
        }
        return ergebnis
    }

    /// The files of a build into memory by path; copies are read through the build's file access.
    private func imSpeicher(_ dateien: [OutputFile]) -> [String: Data] {
        var alle: [String: Data] = [:]
        let io = io.confined(to: optionen.content)
        for datei in dateien {
            switch datei.inhalt {
            case let .daten(d): alle[datei.pfad] = d
            case let .kopie(quelle): alle[datei.pfad] = try? io.read(quelle)
            case .geschrieben, .behalten: break
            }
        }
        return alle
    }
}
