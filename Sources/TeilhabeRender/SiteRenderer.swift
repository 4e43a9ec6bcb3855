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
    package static func render(_ projekt: Projekt, publikum: Publikum, stichtag: Tag, theme: Theme,
                              druck: PDFRenderer? = nil, log: DiagnosticLog = DiagnosticLog(),
                              fortschritt: BuildProgress? = nil, schreiber: (any PageSink)? = nil,
                              abdruecke: BuildFingerprints? = nil, plan: (any OutputPlan)? = nil, vorrat: BuildCache = .keiner,
                              drafts: Bool = false) -> [OutputFile] {
        let sicht = projekt.sichtbar(fuer: publikum, drafts: drafts)
        var umgebung = RenderContext(projekt: sicht, publikum: publikum, stichtag: stichtag, drafts: drafts)
        umgebung.abdruecke = abdruecke
        umgebung.vorrat = vorrat
        var dateien: [OutputFile] = []
        if let druck {
            let (pdfs, info) = Timing.messen("render: PDF") {
                drucken(umgebung, druck: druck, theme: theme, contentRoot: projekt.contentRoot, log: log, plan: plan)
            }
            dateien += pdfs
            umgebung.druck = info
        }
        let u = umgebung
        let rahmen = PageFrame(u)
        @Sendable func auftrag(_ v: TrackedPage) -> RenderJob {
            RenderJob(pfad: v.datei, schluessel: u.schluessel("seite", v.quellen)) { seite(v.bauen(), rahmen: rahmen, theme: theme) }
        }
        // A Markdown file's own pages show its body; every other output shows front matter only.
        let eigene = Timing.messen("render: jobs") { (VorlagenPages.verfolgt(u) + TextPages.verfolgt(u)).map(auftrag) }
        // The index holds every page's text: it is made again when any file changed. It is the first
        // job, so that it runs beside the pages.
        let index = RenderJob(pfad: SearchIndex.datei, schluessel: u.gesamt(SearchIndex.datei)) {
            Timing.messen("render: search index") {
                OutputFile(pfad: SearchIndex.datei, inhalt: .daten(SearchIndex.json(SearchIndex.dokumente(u), vorrat: vorrat, publikum: u.publikum, drafts: u.drafts)))
            }
        }
        // Whether the outputs without bodies can be kept (a look at each of their files) is found out
        // beside the pages.
        let gruppe = u.uebersicht("ohne Textkörper")
        var gruppenPruefung: BackgroundTask<(dateien: Int, seiten: Int)?>?
        if schreiber != nil, let plan, let gruppe {
            gruppenPruefung = BackgroundTask { Timing.messen("render: keep") { plan.gruppe(gruppe) } }
        }
        fortschritt?.gesamt = 1 + eigene.count
        dateien += Timing.messen("render: pages") { ausfuehren([index] + eigene, plan: plan, schreiber: schreiber, fortschritt: fortschritt) }
        MemoryRelease.zurueckgeben()
        let behalten = gruppenPruefung?.wert ?? nil
        let uebrige = behalten != nil ? [] : Timing.messen("render: jobs") {
            grosseListen(u).map { datei, bauen in
                RenderJob(pfad: datei, schluessel: u.uebersicht("seite")) { seite(bauen(), rahmen: rahmen, theme: theme) }
            }
                + alleSeiten(u).map { bauen in
                    RenderJob.seite(u.uebersicht("seite")) { let s = bauen(); return (s.datei, { seite(s, rahmen: rahmen, theme: theme) }) }
                }
                + (SitzungenPages.verfolgt(u) + GremienPages.verfolgt(u)).map(auftrag)
        }
        fortschritt?.gesamt = 1 + eigene.count + uebrige.count
        dateien += Timing.messen("render: lists") {
            ausfuehren(uebrige, plan: plan, schreiber: schreiber, fortschritt: fortschritt, gruppe: gruppe)
        }
        MemoryRelease.zurueckgeben()
        dateien += IndikatorPages.dateien(u)
        if let behalten, let schreiber {
            // Every page's front matter as in the last build: lists, meetings, feeds and OParl stay as they are.
            schreiber.gruppeBehalten(dateien: behalten.dateien, seiten: behalten.seiten)
        } else if let basis = SiteBase(sicht.site) {
            let seitenpfade = dateien.map(\.pfad)
            dateien += Timing.messen("render: open data") {
                ausfuehren(OpenData.auftraege(u, basis, seiten: seitenpfade), plan: plan, schreiber: schreiber, fortschritt: nil,
                           gruppe: gruppe)
            }
        }
        MemoryRelease.zurueckgeben()
        for (name, data) in theme.assets { dateien.append(OutputFile(pfad: name, inhalt: .daten(data))) }
        for pfad in sicht.anlagen.keys {
            dateien.append(OutputFile(pfad: pfad, inhalt: .kopie(Paths.join(projekt.contentRoot, pfad))))
        }
        return dateien.sorted { $0.pfad < $1.pfad }
    }

    /// Only the given pages (output paths) of those made from one file each – paper, text, meeting
    /// and committee pages –, for a preview that shows them before the full build has run.
    package static func einzelne(_ pfade: Set<String>, _ projekt: Projekt, publikum: Publikum, stichtag: Tag,
                         theme: Theme, drafts: Bool = false) -> [OutputFile] {
        guard !pfade.isEmpty else { return [] }
        let u = RenderContext(projekt: projekt.sichtbar(fuer: publikum, drafts: drafts), publikum: publikum, stichtag: stichtag,
                              drafts: drafts)
        let rahmen = PageFrame(u)
        return verfolgteSeiten(u).filter { pfade.contains($0.datei) }.map { seite($0.bauen(), rahmen: rahmen, theme: theme) }
    }

    /// Runs jobs on every core. A job the plan knows as unchanged is skipped (its file stays);
    /// with a `schreiber`, files go to disk as they are made and only their paths are kept.
    /// Files of a `gruppe` are noted in the plan as such, to be kept as a whole by a later build.
    /// The files come in no particular order (the caller sorts them).
    static func ausfuehren(_ auftraege: [RenderJob], plan: (any OutputPlan)?, schreiber: (any PageSink)?,
                           fortschritt: BuildProgress?, gruppe: Fingerprint? = nil) -> [OutputFile] {
        let reihenfolge = verschraenkt(auftraege.count)
        return Parallel.map(auftraege.count) { k -> OutputFile in
            defer { fortschritt?.eins() }
            let auftrag = auftraege[reihenfolge[k]]
            var pfad = auftrag.pfad, machen: () -> OutputFile = auftrag.machen
            if let vorbereiten = auftrag.vorbereiten { (pfad, machen) = vorbereiten() }
            if let pfad, let plan, let schreiber, plan.unveraendert(pfad, auftrag.schluessel) {
                if let gruppe { plan.mitglied(pfad, gruppe: gruppe) }
                schreiber.behalten(pfad)
                return OutputFile(pfad: pfad, inhalt: .geschrieben)
            }
            let datei = machen()
            if let gruppe { plan?.mitglied(datei.pfad, gruppe: gruppe) }
            guard let schreiber else { return datei }
            schreiber.schreiben(datei)
            return OutputFile(pfad: datei.pfad, inhalt: .geschrieben)
        }
    }

    /// 0, n/2, 1, n/2 + 1, …: jobs lie in the list by folder, and the cores take the next job each.
    /// Taken alternately from the two halves, they mostly create files in different folders; in one
    /// folder, creating a file takes the folder's lock in the kernel, and two threads meeting there
    /// spun and switched for about 1.5 % of a clean build.
    static func verschraenkt(_ n: Int) -> [Int] {
        let haelfte = (n + 1) / 2
        return (0..<n).map { k in k % 2 == 0 ? k / 2 : haelfte + k / 2 }
    }

    /// Pages made from known files: for the preview, which makes single ones.
    static func verfolgteSeiten(_ u: RenderContext) -> [TrackedPage] {
        VorlagenPages.verfolgt(u) + TextPages.verfolgt(u) + SitzungenPages.verfolgt(u) + GremienPages.verfolgt(u)
    }

    /// Pages that show every page, with their file known up front: an unchanged one is not even
    /// gathered (its context runs over all papers).
    static func grosseListen(_ u: RenderContext) -> [(datei: String, bauen: PageJob)] {
        [("index.html", { StartPages.start(u) }), ("vorlagen/index.html", { VorlagenPages.liste(u) }),
         ("suche/index.html", { SearchPage.seite(u) })]
    }

    /// The other pages that show many pages; their file is known once they are gathered.
    static func alleSeiten(_ u: RenderContext) -> [PageJob] {
        StartPages.alle(u) + TextPages.alle(u) + GremienPages.alle(u) + SitzungenPages.alle(u)
            + IndikatorPages.alle(u) + PlanPages.alle(u)
    }

    /// A page through its template and the layout.
    static func seite(_ seite: Page, rahmen: PageFrame, theme: Theme) -> OutputFile {
        var kontext = rahmen.kontext(seite).merging(seite.kontext)
        // The 404 page is served at any address: it carries its styles so that it never depends on a path.
        if seite.datei == "404.html", let css = theme.assets["assets/teilhabe.css"] {
            kontext["inline_css"] = InlineStyles.withoutFeatureQueries(String(decoding: css, as: UTF8.self))
        }
        let inhalt = theme.render(seite.template, kontext)
        // Leichte Sprache does not hyphenate; everywhere else long compounds in headings may break.
        kontext["inhalt"] = seite.leicht ? inhalt : SoftHyphen.headings(inhalt)
        return OutputFile.text(seite.datei, theme.render("layout", kontext))
    }

    /// A PDF of every Vorlage page, and for each page its file name and size. A PDF the plan knows
    /// as unchanged stays in the output folder; its size is read from there.
    private static func drucken(_ u: RenderContext, druck: PDFRenderer, theme: Theme, contentRoot: String,
                                log: DiagnosticLog, plan: (any OutputPlan)?) -> ([OutputFile], [String: (name: String, groesse: String)]) {
        let rahmen = PageFrame(u)
        let basis = SiteBase(u.projekt.site)
        var dateien: [OutputFile] = [], info: [String: (name: String, groesse: String)] = [:]
        var offen: [Vorlage] = []
        for v in u.projekt.vorlagen {
            let ordner = Addresses.seite(v.pfad), name = PrintVersion.dateiname(v.nummer)
            if let plan, plan.unveraendert(ordner + name, u.schluessel("pdf", u.quellen(v))),
               let groesse = plan.groesse(ordner + name) {
                info[ordner] = (name, Formatting.groesse(groesse))
                dateien.append(OutputFile(pfad: ordner + name, inhalt: .behalten))
            } else {
                offen.append(v)
            }
        }
        let vorlagen = offen
        // Images in a print version come only from the files the site publishes.
        let erlaubt = PrintFiles(contentRoot: contentRoot, published: Set(u.projekt.anlagen.keys))
        let auftraege = Parallel.map(vorlagen.count) { i -> PDFRenderer.RenderJob in
            let seite = VorlagenPages.seite(vorlagen[i], u)
            return PrintVersion.auftrag(vorlagen[i], seite, kontext: rahmen.kontext(seite).merging(seite.kontext), theme: theme,
                                        basis: basis, dateien: erlaubt)
        }
        let (pdfs, _) = druck.erzeugen(auftraege, log: log)   // it logs what failed or was left out
        for v in vorlagen {
            let ordner = Addresses.seite(v.pfad)
            guard let pdf = pdfs[Addresses.datei(ordner)] else { continue }
            let name = PrintVersion.dateiname(v.nummer)
            info[ordner] = (name, Formatting.groesse(pdf.count))
            dateien.append(OutputFile(pfad: ordner + name, inhalt: .daten(pdf)))
        }
        return (dateien, info)
    }
}
