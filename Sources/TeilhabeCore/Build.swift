import Foundation

/// The whole pipeline: load → check → render → write. The CLI is a thin layer over this.
public enum Build {
    public struct Optionen: Sendable {
        public var content = "content"
        public var theme: String?
        public var output = "site"
        public var publikum = Publikum.oeffentlich
        /// Separates past from upcoming meetings.
        public var stichtag: Tag
        /// PDF versions of the Vorlagen, made when weasyprint is on the PATH.
        public var pdf = true
        /// Run the Leichte-Sprache check after the build and report a summary.
        public var leichteSprache = true
        /// Reuse the work of earlier builds kept in `.teilhabe-cache/` (`--ohne-cache` turns it off).
        public var cache = true
        /// Render repeated page shapes from a Schablone (Render/Schablonen/); off only to compare.
        public var schablonen = true
        /// Told of finished pages (for a progress display).
        public var fortschritt: Fortschritt?
        /// Told when the build must wait for another one that writes the same folder.
        public var wartet: @Sendable (String) -> Void = { ausgabe in
            FileHandle.standardError.write(Data("teilhabe: ein anderer Build schreibt gerade nach \(ausgabe)/ – warte, bis er fertig ist …\n".utf8))
        }
        /// For tests: an errno with which a write or a step of the commit is refused (a full disk, a swapped folder).
        var schreibFehler: (@Sendable (String) -> Int32?)?

        public init(content: String = "content", theme: String? = nil, output: String = "site",
                    publikum: Publikum = .oeffentlich, stichtag: Tag = Stichtag.heute()) {
            self.content = content
            self.theme = theme
            self.output = output
            self.publikum = publikum
            self.stichtag = stichtag
        }
    }

    public struct Ergebnis: Sendable {
        public var seiten: Int
        public var dateien: Int
        public var bilanz: Ausgabeordner.Bilanz
        /// Bytes of suche/index.json.
        public var suchindex: Int
        /// Findings of the Leichte-Sprache check (they do not stop a build; `teilhabe check` lists them).
        public var leichteSprache: [Diagnostic] = []
        /// Output files this build added, changed or removed.
        public var geaendert: Set<String> = []
        /// What was built from, for a preview that remakes single pages before the next full build.
        public var projekt: Projekt
        public var theme: Theme
    }

    /// `.teilhabe-cache/` beside the output folder (or the one the output lies in, as `serve`'s preview does).
    public static func cacheOrdner(output: String) -> String {
        let eltern = (output as NSString).deletingLastPathComponent
        if (eltern as NSString).lastPathComponent == ".teilhabe-cache" { return eltern }
        return Paths.join(eltern.isEmpty ? "." : eltern, ".teilhabe-cache")
    }

    /// The theme folder to use: the given one, else `themes/default/` where present, else none (built-in only).
    public static func themeOrdner(_ given: String?, io: FileIO = .disk) -> String? {
        given ?? (io.isDirectory("themes/default") ? "themes/default" : nil)
    }

    /// Loads and checks a project; nil when any error was logged.
    public static func pruefen(content: String, io: FileIO = .disk, vorrat: Vorrat = .keiner, log: DiagnosticLog) -> Projekt? {
        guard Containment.check(content, what: "Inhaltsordner", log: log) else { return nil }
        let io = io.confined(to: content)
        guard let projekt = Zeitmessung.messen("load", { ProjektLoader.load(contentRoot: content, io: io, vorrat: vorrat, log: log) })
        else { return nil }
        Zeitmessung.messen("check") { Checker.check(projekt, vorrat: vorrat, log: log) }
        return log.hasErrors ? nil : projekt
    }

    /// Runs a build. Returns nil after logging errors; the output folder is then untouched.
    public static func run(_ optionen: Optionen, log: DiagnosticLog) -> Ergebnis? {
        Zeitmessung.beginnen()
        guard ordnerGetrennt(optionen, log: log), eingabenUmschlossen(optionen, log: log) else { return nil }
        do { _ = try Ausgabeordner(optionen.output).pruefen() } catch {
            melden(error, optionen, log: log)
            return nil
        }
        let ablage = cacheOrdner(output: optionen.output)
        let sperre: BuildLock
        do { sperre = try BuildLock(cache: ablage, output: optionen.output, waiting: optionen.wartet) } catch {
            melden(error, optionen, log: log)
            return nil
        }
        defer { sperre.release() }
        let cache = optionen.cache ? ablage : nil
        let vorrat = Vorrat(ordner: cache)
        vorrat.vorladen(["dateistand", "laden", "gliederung"])
        // The theme, the PDF tool and the last build's plan do not depend on the content: they are
        // read while it loads. Even a build without the cache reads (and later removes) the plan: it
        // may change files the plan vouches for.
        let themeArbeit = Nebenher {
            Zeitmessung.messen("theme") {
                let ordner = themeOrdner(optionen.theme)
                return Theme.load(overrideFolder: ordner, io: ordner.map { FileIO.disk.confined(to: $0) } ?? .disk,
                                  schablonen: optionen.schablonen, log: log)
            }
        }
        let druckArbeit = Nebenher { optionen.pdf ? PDFErzeuger.finden(cache: ablage + "/pdf") : nil }
        let planArbeit = Nebenher {
            Zeitmessung.messen("plan: read") { Ausgabeplan(cache: ablage, ausgabe: optionen.output, nutzen: cache != nil) }
        }
        // A build without cached findings checks every easy text: the word lists (0.2 s to read) are
        // read while the content loads.
        let woerter = optionen.leichteSprache && !vorrat.hatTabelle("leichte-sprache") ? Nebenher { Lexikon.standard } : nil
        let protokoll = Eingabeprotokoll()
        let io = FileIO.disk.confined(to: optionen.content).protokolliert(protokoll, staende: Dateistaende(vorrat))
        let geladen = Zeitmessung.messen("load") { ProjektLoader.load(contentRoot: optionen.content, io: io, vorrat: vorrat, log: log) }
        guard let projekt = geladen else { _ = themeArbeit.wert; return nil }   // the theme's errors are reported too
        // Tables the render needs, read while the check runs (not earlier: the loader's come first).
        vorrat.vorladen(["leichte-sprache", "suchindex", "suchwoerter"])
        // The Leichte-Sprache check needs only the loaded content: it runs beside the other checks, the
        // pages and their writing. A build that stops before the render stops it too.
        let ls = DiagnosticLog(), pruefung = DispatchGroup(), abbruch = Merker()
        if optionen.leichteSprache {
            DispatchQueue.global().async(group: pruefung) {
                let gehalten = woerter?.abgeben()   // held until the check has taken its own reference
                withExtendedLifetime(gehalten) {
                    Zeitmessung.messen("check: Leichte Sprache") {
                        LeichteSpracheCheck.run(projekt, log: ls, vorrat: vorrat, abbruch: abbruch)
                    }
                }
            }
        }
        var weiter = false
        defer {
            if !weiter { abbruch.setzen() }
            pruefung.wait()
        }
        // The fingerprints need the loaded files and the theme, not the check: made beside it.
        let abdrueckeArbeit = Nebenher { () -> Abdruecke? in
            guard cache != nil, let theme = themeArbeit.wert else { return nil }
            return Zeitmessung.messen("fingerprints") {
                Build.abdruecke(projekt, protokoll, theme: theme, druck: druckArbeit.wert, optionen: optionen)
            }
        }
        Zeitmessung.messen("check") { Checker.check(projekt, vorrat: vorrat, log: log) }
        guard let theme = themeArbeit.wert, !log.hasErrors else { return nil }
        let druck = druckArbeit.wert
        if optionen.pdf, druck == nil {
            log.warning("PDF", "weasyprint is not on the PATH: the Vorlagen get no PDF version (pip install weasyprint)",
                        at: SourceLocation(file: optionen.content))
        }
        let plan = planArbeit.wert
        let schreiber: Ausgabeordner.Schreiber
        do {
            schreiber = try Ausgabeordner.Schreiber(Ausgabeordner(optionen.output))
            schreiber.plan = plan
            schreiber.quelle = Containment.realPath(optionen.content)
            schreiber.fault = optionen.schreibFehler
        } catch {
            melden(error, optionen, log: log)
            return nil
        }
        weiter = true
        let abdruecke = abdrueckeArbeit.wert
        plan.verwerfen()
        // Pages stream to disk while they are rendered; every input error was found before this point.
        let dateien = Zeitmessung.messen("render") { SiteRenderer.render(projekt, publikum: optionen.publikum, stichtag: optionen.stichtag, theme: theme,
                                                                  druck: druck, log: log, fortschritt: optionen.fortschritt,
                                                                  schreiber: schreiber, abdruecke: abdruecke, plan: cache == nil ? nil : plan,
                                                                  vorrat: vorrat) }
        do {
            let bilanz = try Zeitmessung.messen("write") {
                for datei in dateien { schreiber.schreiben(datei) }
                return try schreiber.abschliessen()
            }
            pruefung.wait()
            Zeitmessung.messen("cache: save") {
                let planGespeichert = Nebenher { if cache != nil { plan.speichern() } }
                vorrat.speichern()
                planGespeichert.wert
            }
            let gruppe = schreiber.behalteneGruppe
            return Ergebnis(seiten: dateien.filter { $0.pfad.hasSuffix(".html") }.count + gruppe.seiten, dateien: dateien.count + gruppe.dateien,
                            bilanz: bilanz, suchindex: Ausgabeordner(optionen.output).groesse(Suchindex.datei) ?? 0,
                            leichteSprache: ls.all, geaendert: schreiber.geaendert, projekt: projekt, theme: theme)
        } catch {
            melden(error, optionen, log: log)
            return nil
        }
    }

    /// Logs a write error once, at the file it concerns, saying what the output folder now holds.
    private static func melden(_ error: Error, _ o: Optionen, log: DiagnosticLog) {
        guard let fehler = error as? Ausgabeordner.Fehler else {
            log.error("AUSGABE", "\(error.localizedDescription); \(o.output)/ ist unverändert", at: SourceLocation(file: o.output))
            return
        }
        let stand = fehler.altErhalten ? "; \(o.output)/ ist unverändert (die bisherige Fassung)" : ""
        log.error(fehler.altErhalten ? "AUSGABE" : Build.ausgabeUnvollstaendig, fehler.meldung + stand,
                  at: SourceLocation(file: fehler.pfad))
    }

    /// The rule of the error after which the output folder holds neither the old site nor the new one.
    public static let ausgabeUnvollstaendig = "AUSGABE-UNVOLLSTAENDIG"

    /// No input may be read through a symbolic link that leads out of the content (or theme) folder.
    private static func eingabenUmschlossen(_ o: Optionen, log: DiagnosticLog) -> Bool {
        let inhalt = Containment.check(o.content, what: "Inhaltsordner", log: log)
        let theme = themeOrdner(o.theme).map { Containment.check($0, what: "Theme-Ordner", log: log) } ?? true
        return inhalt && theme
    }

    /// The output folder must not hold the content folder or lie inside it: stale files are removed from it.
    private static func ordnerGetrennt(_ o: Optionen, log: DiagnosticLog) -> Bool {
        func absolut(_ p: String) -> String {
            URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path + "/"
        }
        let content = absolut(o.content), output = absolut(o.output)
        if content.hasPrefix(output) || output.hasPrefix(content) {
            log.error("IO", "the output folder must lie outside the content folder and not contain it",
                      at: SourceLocation(file: o.output))
            return false
        }
        return true
    }
}
