/// Texts of `teilhabe import oparl` (contract section 11): server errors, conflicts, progress, the summary.
extension Message {
    public static func oparlHTTPStatus(_ url: String, _ status: Int) -> Message {
        Message(de: "der OParl-Server antwortet auf \(url) mit HTTP-Status \(status)",
                en: "the OParl server answers \(url) with HTTP status \(status)")
    }

    public static func oparlNotJSON(_ url: String) -> Message {
        Message(de: "\(url) liefert kein OParl-Objekt (kein JSON-Objekt)", en: "\(url) does not return an OParl object (no JSON object)")
    }

    public static func oparlURLNotHTTP(_ url: String) -> Message {
        Message(de: "'\(url)' ist keine http- oder https-Adresse – nur solche werden abgerufen",
                en: "'\(url)' is no http or https address – only those are fetched")
    }

    public static func oparlTimeout(_ url: String) -> Message {
        Message(de: "\(url) antwortet auch nach mehreren Versuchen nicht rechtzeitig", en: "\(url) does not answer in time, even after several attempts")
    }

    public static func oparlNoConnection(_ url: String, _ reason: String) -> Message {
        Message(de: "\(url) ist nicht erreichbar (\(reason))", en: "\(url) cannot be reached (\(reason))")
    }

    public static func oparlTooLarge(_ url: String, _ limit: Int) -> Message {
        Message(de: "\(url) ist größer als \(limit >> 20) MB und wird nicht geladen", en: "\(url) is larger than \(limit >> 20) MB and is not fetched")
    }

    public static func oparlRedirectRefused(_ url: String, _ to: String) -> Message {
        Message(de: "\(url) leitet auf '\(to)' um – nur http und https sind erlaubt",
                en: "\(url) redirects to '\(to)' – only http and https are allowed")
    }

    public static func oparlNotSystemOrBody(_ url: String) -> Message {
        Message(de: "\(url) ist weder ein OParl-System noch eine Körperschaft (Body) – bitte die System- oder Body-URL angeben",
                en: "\(url) is neither an OParl System nor a Body – please give the System or Body URL")
    }

    public static func oparlChooseBody(_ url: String, _ bodies: [String]) -> Message {
        Message(de: "\(url) hat \(bodies.count) Körperschaften – bitte eine mit --body wählen: \(bodies.joined(separator: ", "))",
                en: "\(url) has \(bodies.count) bodies – please choose one with --body: \(bodies.joined(separator: ", "))")
    }

    public static func oparlBodyUnknown(_ wanted: String, _ bodies: [String]) -> Message {
        Message(de: "--body '\(wanted)' gibt es auf diesem Server nicht (vorhanden: \(bodies.joined(separator: ", ")))",
                en: "--body '\(wanted)' does not exist on this server (available: \(bodies.joined(separator: ", ")))")
    }

    public static func oparlListProgress(_ url: String, page: Int, objects: Int) -> Message {
        Message(de: "lade \(url) – Seite \(page), \(objects) Objekte", en: "fetching \(url) – page \(page), \(objects) objects")
    }

    public static func oparlMeetingSkipped(_ id: String) -> Message {
        Message(de: "Sitzung \(id) ohne Gremium oder Beginn wird nicht übernommen", en: "meeting \(id) without committee or start is not imported")
    }

    public static func oparlPDFLayoutLost(_ path: String) -> Message {
        Message(de: "Text aus der PDF-Hauptdatei übernommen – Überschriften, Tabellen und Hervorhebungen gehen dabei verloren; bitte \(path) prüfen",
                en: "text taken from the main PDF file – headings, tables and emphasis are lost; please check \(path)")
    }

    public static let oparlAttachmentSkipped = Message(de: " – die Anlage wird ausgelassen", en: " – the attachment is left out")

    public static let oparlConflict = Message(
        de: "seit dem letzten Import von Hand geändert – nicht überschrieben (Konflikt); löschen Sie die Datei, um die Fassung des Servers zu übernehmen",
        en: "edited by hand since the last import – not overwritten (conflict); delete the file to take the server's version")

    public static let oparlConflictRemoved = Message(
        de: "auf dem Server gelöscht, aber seit dem letzten Import von Hand geändert – bleibt stehen (Konflikt)",
        en: "deleted on the server, but edited by hand since the last import – kept (conflict)")

    public static func oparlUnsafePath(_ path: String) -> Message {
        Message(de: "'\(path)' läge außerhalb des Inhaltsordners oder hinter einer Verknüpfung – nicht geschrieben",
                en: "'\(path)' would lie outside the content folder or behind a link – not written")
    }

    public static func oparlCannotWrite(_ reason: String) -> Message {
        Message(de: "kann nicht geschrieben werden (\(reason))", en: "cannot be written (\(reason))")
    }

    /// The body of a paper whose text the import could not take over (German: it is page content).
    public static func oparlPaperLinkPage(file: (titel: String, url: String?)?, web: String?) -> Message {
        func md(_ s: String) -> String { s.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]") }
        var de: [String] = [], en: [String] = []
        if let file, let url = file.url {
            de.append("Den vollständigen Text dieser Vorlage finden Sie im Ratsinformationssystem: [\(md(file.titel))](<\(url)>).")
            en.append("The full text of this paper is in the council information system: [\(md(file.titel))](<\(url)>).")
        } else if let file {
            de.append("Den vollständigen Text dieser Vorlage enthält die Anlage „\(md(file.titel))“.")
            en.append("The full text of this paper is in the attachment “\(md(file.titel))”.")
        }
        if let web {
            de.append("[Diese Vorlage im Ratsinformationssystem](<\(web)>)")
            en.append("[This paper in the council information system](<\(web)>)")
        }
        if de.isEmpty {
            de.append("Diese Vorlage wurde aus dem Ratsinformationssystem übernommen; ihr Text liegt dort.")
            en.append("This paper was taken from the council information system; its text is kept there.")
        }
        return Message(de: de.joined(separator: "\n\n"), en: en.joined(separator: "\n\n"))
    }

    public static func oparlSummary(gremien: Int, sitzungen: Int, vorlagen: Int, anlagen: Int, created: Int, changed: Int,
                                    removed: Int, unchanged: Int, conflicts: Int, dryRun: Bool) -> Message {
        let would = dryRun ? Message(de: " (Probelauf, nichts geschrieben)", en: " (dry run, nothing written)") : .empty
        return Message(
            de: "teilhabe: \(gremien) Gremien, \(sitzungen) Sitzungen, \(vorlagen) Vorlagen, \(anlagen) Anlagen übernommen – "
                + "\(created) neu, \(changed) geändert, \(removed) entfernt, \(unchanged) unverändert, \(conflicts) Konflikte",
            en: "teilhabe: \(gremien) committees, \(sitzungen) meetings, \(vorlagen) papers, \(anlagen) attachments imported – "
                + "\(created) new, \(changed) changed, \(removed) removed, \(unchanged) unchanged, \(conflicts) conflicts") + would
    }

    public static func oparlPlanned(_ kind: String, _ path: String) -> Message {
        let de = ["neu": "neu", "geaendert": "geändert", "entfernt": "entfernt", "konflikt": "Konflikt"][kind] ?? kind
        let en = ["neu": "new", "geaendert": "changed", "entfernt": "removed", "konflikt": "conflict"][kind] ?? kind
        return Message(de: "  \(de): \(path)", en: "  \(en): \(path)")
    }

    public static func oparlSince(_ stamp: String) -> Message {
        Message(de: "teilhabe: nur Änderungen seit \(stamp) (modified_since)", en: "teilhabe: only changes since \(stamp) (modified_since)")
    }

    public static func oparlConflictsWarning(_ count: Int) -> Message {
        Message(de: "teilhabe: \(count) von Hand geänderte Dateien wurden nicht überschrieben (siehe oben)",
                en: "teilhabe: \(count) files edited by hand were not overwritten (see above)")
    }

    public static func oparlMissingTwins(_ paths: [String]) -> Message {
        Message(de: "Leichte Sprache ist Pflicht (site.yaml): diese öffentlichen Vorlagen brauchen noch eine Fassung <slug>.leicht.md, "
                    + "sonst scheitert der Build:\n" + paths.map { "  \($0)" }.joined(separator: "\n"),
                en: "Leichte Sprache is required (site.yaml): these public papers still need a <slug>.leicht.md version, "
                    + "or the build fails:\n" + paths.map { "  \($0)" }.joined(separator: "\n"))
    }
}

extension Message {
    public static func quelleNotHTTP(_ url: String) -> Message {
        Message(de: "quelle.oparl '\(url)' ist keine http- oder https-Adresse", en: "quelle.oparl '\(url)' is no http or https address")
    }
}

/// Comment lines at the top of the files the import writes (German: the files are the office's content).
extension Message {
    public static let oparlFileHeader = Message(
        de: "# Von teilhabe import oparl geschrieben. Wer diese Datei von Hand ändert, behält seine Fassung:\n"
            + "# der nächste Import meldet sie als Konflikt und überschreibt sie nicht.\n",
        en: "# Written by teilhabe import oparl. Whoever edits this file by hand keeps their version:\n"
            + "# the next import reports it as a conflict and does not overwrite it.\n")
    public static let oparlSiteHeader = Message(
        de: "# Von teilhabe import oparl angelegt. Alle Schlüssel: docs/inhaltsmodell.md\n",
        en: "# Created by teilhabe import oparl. All keys: docs/inhaltsmodell.md\n")
    public static let oparlManifestHeader = Message(
        de: "# teilhabe import oparl: was zuletzt übernommen wurde. Nicht von Hand ändern.\n",
        en: "# teilhabe import oparl: what was imported last. Do not edit by hand.\n")
}
