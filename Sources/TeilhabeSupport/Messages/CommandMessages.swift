/// Texts the `teilhabe` command prints itself: options, progress, summaries (build, check, serve, plan, audit).
extension Message {
    public static func unknownLanguage(_ value: String) -> Message {
        Message(de: "--sprache '\(value)' ist nicht bekannt (erlaubt: de, en)",
                en: "--sprache '\(value)' is not known (allowed: de, en)")
    }

    public static func pagesProgress(_ done: Int, _ total: Int) -> Message {
        Message(de: "Seiten: \(done) von \(total)", en: "pages: \(done) of \(total)")
    }

    public static func buildFailed(errors: Int, output: String, incomplete: Bool) -> Message {
        let stand = incomplete
            ? Message(de: "\(output)/ ist unvollständig – bitte den Build wiederholen", en: "\(output)/ is incomplete – please run the build again")
            : Message(de: "\(output)/ ist unverändert", en: "\(output)/ is unchanged")
        return Message(de: "teilhabe: Build fehlgeschlagen mit ", en: "teilhabe: build failed with ") + errorCount(errors)
            + .verbatim("; ") + stand
    }

    public static func buildDone(pages: Int, files: Int, output: String, written: Int, unchanged: Int, removed: Int,
                                 searchIndex: String, warnings: Int, milliseconds: Int) -> Message {
        let auditedPages = count(pages, de: ("Seite", "Seiten"), en: ("page", "pages"))
        let fileList = fileCount(files)
        return Message(
            de: "teilhabe: \(auditedPages.de), \(fileList.de) in \(output)/ (\(written) geschrieben, \(unchanged) unverändert, "
                + "\(removed) entfernt), Suchindex \(searchIndex), \(warningCount(warnings).de), \(milliseconds) ms",
            en: "teilhabe: \(auditedPages.en), \(fileList.en) in \(output)/ (\(written) written, \(unchanged) unchanged, "
                + "\(removed) removed), search index \(searchIndex), \(warningCount(warnings).en), \(milliseconds) ms")
    }

    public static func easyLanguageSummary(_ summary: Message, hasFindings: Bool) -> Message {
        Message(de: "Leichte Sprache: ", en: "Easy Language: ") + summary
            + (hasFindings ? Message(de: " (Einzelheiten: teilhabe check)", en: " (details: teilhabe check)") : .empty)
    }

    public static func checkSummary(_ summary: Message) -> Message { .verbatim("teilhabe check: ") + summary }

    public static func checkReportWritten(_ summary: Message, path: String) -> Message {
        .verbatim("teilhabe check: ") + summary + Message(de: "; Bericht in \(path)", en: "; report in \(path)")
    }

    public static let htmlNeedsOutput = Message(de: "--format html braucht --output DATEI", en: "--format html needs --output FILE")

    public static func serveRebuilt(milliseconds: Int) -> Message {
        Message(de: "teilhabe serve: neu gebaut in \(milliseconds) ms", en: "teilhabe serve: rebuilt in \(milliseconds) ms")
    }

    public static let serveBuildFailed = Message(de: "teilhabe serve: Build fehlgeschlagen; der Browser zeigt die Fehler",
                                                 en: "teilhabe serve: build failed; the browser shows the errors")

    public static func serveListening(port: UInt16) -> Message {
        Message(de: "teilhabe serve: http://127.0.0.1:\(port)/ (Strg-C beendet)", en: "teilhabe serve: http://127.0.0.1:\(port)/ (Ctrl-C stops)")
    }

    public static func serveOpenPagesRemade(_ n: Int, milliseconds: Int) -> Message {
        Message(de: n == 1 ? "teilhabe serve: 1 offene Seite neu gemacht in \(milliseconds) ms"
                           : "teilhabe serve: \(n) offene Seiten neu gemacht in \(milliseconds) ms",
                en: n == 1 ? "teilhabe serve: 1 open page remade in \(milliseconds) ms"
                           : "teilhabe serve: \(n) open pages remade in \(milliseconds) ms")
    }

    public static func auditProgress(_ done: Int, _ total: Int) -> Message {
        Message(de: "axe \(done) von \(total)", en: "axe \(done) of \(total)")
    }
}

/// `teilhabe plan vorlage`.
extension Message {
    public static func planNoFortschreibung(edition: String?) -> Message {
        guard let edition else {
            return Message(de: "für eine Fortschreibung braucht der Inklusionsplan mindestens zwei Fassungen in content/inklusionsplan/",
                           en: "the inclusion plan needs at least two editions in content/inklusionsplan/ for a Fortschreibung")
        }
        return Message(de: "die Fassung '\(edition)' hat keine frühere Fassung zum Vergleich (oder gibt es nicht)",
                       en: "edition '\(edition)' has no earlier edition to compare with (or does not exist)")
    }
}

/// The page `teilhabe serve` shows while the last build failed.
extension Message {
    public static let serveErrorPageTitle = Message(de: "Build fehlgeschlagen – teilhabe serve", en: "Build failed – teilhabe serve")
    public static let serveErrorPageHeading = Message(de: "Der Build ist fehlgeschlagen", en: "The build failed")
    public static let serveErrorPageReload = Message(de: "Die Seite lädt neu, sobald die Fehler behoben sind.",
                                                     en: "The page reloads as soon as the errors are fixed.")
}

extension Message {
    public static func serveCannotStart(port: UInt16, reason: String) -> Message {
        Message(de: "teilhabe serve: error: kann nicht auf 127.0.0.1:\(port) lauschen (\(reason))",
                en: "teilhabe serve: error: cannot listen on 127.0.0.1:\(port) (\(reason))")
    }
}
