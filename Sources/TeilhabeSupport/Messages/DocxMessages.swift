/// Texts of `teilhabe import docx` and `teilhabe export docx` (contract section 11).
extension Message {
    // MARK: reading a Word file

    public static let docxEncrypted = Message(
        de: "die Datei ist verschlüsselt oder mit Kennwort geschützt (oder ein altes .doc): speichern Sie sie in Word "
            + "ohne Kennwort als „Word-Dokument (*.docx)“ und importieren Sie sie dann",
        en: "the file is encrypted or password-protected (or an old .doc): save it in Word without a password "
            + "as “Word Document (*.docx)” and import it then")

    public static func docxCorrupt(_ reason: Message) -> Message {
        Message(de: "die Datei ist keine lesbare Word-Datei (.docx): \(reason.de)",
                en: "the file is no readable Word file (.docx): \(reason.en)")
    }

    public static let docxIncompleteXML = Message(de: "unvollständig", en: "incomplete")

    /// A reason the tool does not know in both languages (from the ZIP or XML library).
    public static func docxLibraryReason(_ text: String) -> Message { Message(de: text, en: text) }

    public static let docxNotZip = Message(de: "kein ZIP-Archiv – beschädigt oder gar keine .docx-Datei",
                                           en: "not a ZIP archive – damaged or no .docx file at all")
    public static let docxNoDocument = Message(de: "word/document.xml fehlt", en: "word/document.xml is missing")

    public static func docxTooLarge(_ entry: String, limit: Int) -> Message {
        Message(de: "„\(entry)“ ist entpackt größer als \(limit / 1_048_576) MB – das wird nicht gelesen",
                en: "“\(entry)” is larger than \(limit / 1_048_576) MB unpacked – it is not read")
    }

    public static func docxTooManyEntries(_ count: Int) -> Message {
        Message(de: "das Archiv hat mehr als \(count) Einträge – das wird nicht gelesen",
                en: "the archive has more than \(count) entries – it is not read")
    }

    public static func docxBadXML(_ part: String, _ reason: Message) -> Message {
        Message(de: "„\(part)“ ist kein gültiges XML (\(reason.de))", en: "“\(part)” is no valid XML (\(reason.en))")
    }

    public static func docxDoctype(_ part: String) -> Message {
        Message(de: "„\(part)“ enthält eine DTD (<!DOCTYPE): Word schreibt keine, die Datei wird nicht gelesen",
                en: "“\(part)” holds a DTD (<!DOCTYPE): Word writes none, the file is not read")
    }

    public static func docxUnreadable(_ reason: String) -> Message {
        Message(de: "kann die Datei nicht lesen: \(reason)", en: "cannot read the file: \(reason)")
    }

    // MARK: warnings while reading

    public static func docxMergedCells(_ table: Int) -> Message {
        Message(de: "Tabelle \(table) hat verbundene Zellen: sie sind aufgeteilt (der Inhalt steht in der ersten Zelle) – bitte prüfen",
                en: "table \(table) has merged cells: they are split (the content stands in the first cell) – please check")
    }

    public static func docxImageWithoutAltText(_ name: String) -> Message {
        Message(de: "Bild „\(name)“ hat keinen Alternativtext: ergänzen Sie ihn in ![…](…), bevor Sie veröffentlichen",
                en: "image “\(name)” has no alternative text: add it in ![…](…) before publishing")
    }

    public static func docxTrackedChanges(_ count: Int) -> Message {
        Message(de: "\(count) nachverfolgte Änderung(en) sind angenommen übernommen – bitte prüfen",
                en: "\(count) tracked change(s) taken over as accepted – please check")
    }

    public static func docxCommentsDropped(_ count: Int) -> Message {
        Message(de: "\(count) Kommentar(e) sind nicht übernommen", en: "\(count) comment(s) are not taken over")
    }

    public static func docxImageSkipped(_ name: String) -> Message {
        Message(de: "Bild „\(name)“ ist übersprungen: nur PNG, JPEG, GIF und WebP lassen sich im Web zeigen – "
                    + "speichern Sie es als PNG und fügen Sie es selbst ein",
                en: "image “\(name)” skipped: only PNG, JPEG, GIF and WebP can be shown on the web – "
                    + "save it as PNG and insert it yourself")
    }

    public static let docxBeratungsfolgeDropped = Message(
        de: "die Tabelle „Beratungsfolge“ ist nicht übernommen: tragen Sie die Sitzungen unter beratungsfolge: ein "
            + "(mit den ids aus sitzungen.yaml)",
        en: "the “Beratungsfolge” table is not taken over: enter the meetings under beratungsfolge: "
            + "(with the ids from sitzungen.yaml)")

    public static func docxAssumed(_ field: String, _ value: String) -> Message {
        Message(de: "„\(field)“ steht nicht in der Datei: „\(value)“ eingetragen – bitte prüfen",
                en: "“\(field)” is not in the file: “\(value)” entered – please check")
    }

    public static func docxUnknownArt(_ art: String, _ used: String) -> Message {
        Message(de: "„\(art)“ ist keine Vorlagenart: „\(used)“ eingetragen – bitte prüfen (oder --art angeben)",
                en: "“\(art)” is no kind of paper: “\(used)” entered – please check (or give --art)")
    }

    public static func docxMissingSection(_ name: String) -> Message {
        Message(de: "der Pflichtabschnitt „## \(name)“ fehlte: am Ende mit Platzhalter angefügt – bitte ausfüllen",
                en: "the required section “## \(name)” was missing: added at the end with a placeholder – please fill it in")
    }

    public static func docxImported(_ path: String, warnings: Int) -> Message {
        Message(de: "übernommen als Entwurf: \(path)" + (warnings > 0 ? " (\(warnings) Warnung(en) – bitte prüfen)" : ""),
                en: "imported as a draft: \(path)" + (warnings > 0 ? " (\(warnings) warning(s) – please check)" : ""))
    }

    public static func docxImageWritten(_ path: String) -> Message {
        Message(de: "Bild geschrieben: \(path)", en: "image written: \(path)")
    }

    public static let docxNextSteps = Message(
        de: "Nächste Schritte: Text prüfen, Fassung in Leichter Sprache (.leicht.md) schreiben, dann „status: oeffentlich“ setzen.",
        en: "Next steps: check the text, write the easy-language version (.leicht.md), then set “status: oeffentlich”.")

    // MARK: export

    public static func docxNoSuchPage(_ path: String, suggestion: String?) -> Message {
        Message(de: "„\(path)“ ist keine Vorlage, kein Bericht und keine Seite des Inhaltsordners"
                    + (suggestion.map { "; meinten Sie „\($0)“?" } ?? ""),
                en: "“\(path)” is no paper, report or page of the content folder" + (suggestion.map { "; did you mean “\($0)”?" } ?? ""))
    }

    public static func docxImageMissing(_ path: String) -> Message {
        Message(de: "das Bild „\(path)“ liegt nicht im Inhaltsordner: es fehlt in der Word-Datei",
                en: "the image “\(path)” is not in the content folder: it is missing from the Word file")
    }

    public static func docxExported(_ path: String) -> Message {
        Message(de: "Word-Datei geschrieben: \(path)", en: "Word file written: \(path)")
    }

    public static func docxWriteFailed(_ reason: String) -> Message {
        Message(de: "kann die Word-Datei nicht schreiben: \(reason)", en: "cannot write the Word file: \(reason)")
    }

    /// Fixed words of the exported file (German: it is uploaded to a German council system).
    public static let docxGrunddaten = Message(de: "Grunddaten", en: "Grunddaten")
}
