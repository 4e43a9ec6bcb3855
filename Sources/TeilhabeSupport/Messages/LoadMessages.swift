/// Reading the content folder: files, encodings, YAML, front matter, keys and values.
extension Message {
    /// "; meinten Sie 'x'?" – or nothing without a candidate.
    public static func didYouMean(_ candidate: String?) -> Message {
        guard let candidate else { return .empty }
        return Message(de: "; meinten Sie '\(candidate)'?", en: "; did you mean '\(candidate)'?")
    }

    public static let contentFolderName = Message(de: "Inhaltsordner", en: "content folder")
    public static let themeFolderName = Message(de: "Theme-Ordner", en: "theme folder")

    public static func symlinkLeavesFolder(target: String, folder: Message) -> Message {
        Message(de: "symbolische Verknüpfung auf „\(target)“ führt aus dem \(folder.de) hinaus (oder ins Leere) und wird "
                    + "nicht gelesen; legen Sie die Datei selbst in den Ordner",
                en: "symbolic link to “\(target)” leads out of the \(folder.en) (or nowhere) and is not read; "
                    + "put the file itself into the folder")
    }

    public static func emptyYAMLFile(_ what: String) -> Message {
        Message(de: "Die Datei ist leer: \(what) braucht Einträge der Form 'schluessel: wert'",
                en: "The file is empty: \(what) needs entries of the form 'key: value'")
    }
    public static let fileUnreadable = Message(de: "Die Datei lässt sich nicht lesen.", en: "The file cannot be read.")
    public static let notUTF8 = Message(de: "Die Datei ist kein UTF-8-Text. Speichern Sie sie als UTF-8.",
                                        en: "The file is no UTF-8 text. Save it as UTF-8.")
    public static func encodedWithBOM(_ encoding: String) -> Message {
        Message(de: "Die Datei ist \(encoding)-kodiert. Speichern Sie sie als UTF-8 (im Editor: „Speichern unter“ → Kodierung „UTF-8“).",
                en: "The file is encoded as \(encoding). Save it as UTF-8 (in the editor: “Save as” → encoding “UTF-8”).")
    }
    public static let nulByte = Message(
        de: "Die Datei enthält ein Null-Byte – sie ist wohl UTF-16-kodiert oder keine Textdatei. Speichern Sie sie als UTF-8.",
        en: "The file holds a NUL byte – it is probably UTF-16 or no text file. Save it as UTF-8.")
    public static func notUTF8Byte(_ hex: String) -> Message {
        Message(de: "Das Byte 0x\(hex) ist kein UTF-8 – die Datei ist wohl in Windows-1252 oder ISO-8859-1 (Latin-1) "
                    + "gespeichert. Speichern Sie sie als UTF-8.",
                en: "The byte 0x\(hex) is no UTF-8 – the file was probably saved as Windows-1252 or ISO-8859-1 (Latin-1). "
                    + "Save it as UTF-8.")
    }

    public static func yamlUnreadable(_ detail: String?) -> Message {
        guard let detail else { return Message(de: "YAML kann nicht gelesen werden", en: "YAML cannot be read") }
        return Message(de: "YAML kann nicht gelesen werden: \(detail)", en: "YAML cannot be read: \(detail)")
    }
    public static func yamlSyntax(_ detail: String) -> Message {
        Message(de: "YAML-Syntaxfehler: \(detail)", en: "YAML syntax error: \(detail)")
    }
    /// The parser's words, then what to change.
    public static func yamlSyntax(_ detail: String, hint: Message) -> Message {
        yamlSyntax(detail) + Message(de: " – ", en: " – ") + hint
    }
    public static func yamlDuplicateKey(_ name: String, firstLine: Int) -> Message {
        Message(de: "Der Schlüssel '\(name)' steht doppelt (zuerst in Zeile \(firstLine)); löschen Sie einen der beiden",
                en: "The key '\(name)' appears twice (first in line \(firstLine)); delete one of them")
    }
    public static func yamlControlCharacter(_ code: String) -> Message {
        Message(de: "unsichtbares Steuerzeichen \(code) ist in YAML nicht erlaubt: löschen Sie es",
                en: "invisible control character \(code) is not allowed in YAML: delete it")
    }

    public static func frontMatterMissing(_ what: String) -> Message {
        Message(de: "\(what) muss mit einem Front-Matter zwischen zwei '---'-Zeilen beginnen",
                en: "\(what) must start with front matter between two '---' lines")
    }
    public static func frontMatterEmpty(_ what: String) -> Message {
        Message(de: "Der Front-Matter ist leer: zwischen den beiden '---'-Zeilen fehlen die Angaben der \(what) "
                    + "(siehe docs/inhaltsmodell.md)",
                en: "The front matter is empty: the details of the \(what) are missing between the two '---' lines "
                    + "(see docs/inhaltsmodell.md)")
    }

    public static func notAMapping(_ what: String) -> Message {
        Message(de: "\(what) muss aus Zeilen der Form 'schluessel: wert' bestehen", en: "\(what) must be a mapping of 'key: value' lines")
    }
    public static func unknownKey(_ name: String, in what: String, suggestion: String?) -> Message {
        Message(de: "unbekannter Schlüssel '\(name)' in \(what)", en: "unknown key '\(name)' in \(what)") + didYouMean(suggestion)
    }
    public static func missingKey(_ key: String, in what: String) -> Message {
        Message(de: "der Pflichtschlüssel '\(key)' fehlt in \(what)", en: "missing required key '\(key)' in \(what)")
    }
    public static func notText(_ key: String, in what: String) -> Message {
        Message(de: "'\(key)' in \(what) muss Text sein, keine Liste und keine Zuordnung",
                en: "'\(key)' in \(what) must be text, not a list or mapping")
    }
    public static func notADate(_ key: String, _ text: String) -> Message {
        Message(de: "'\(key)' muss ein Datum der Form JJJJ-MM-TT sein, nicht '\(text)'",
                en: "'\(key)' must be a date written YYYY-MM-DD, not '\(text)'")
    }
    public static func notADateTime(_ key: String, _ text: String) -> Message {
        Message(de: "'\(key)' muss ein Datum mit Uhrzeit der Form JJJJ-MM-TTTHH:MM sein (Ortszeit), nicht '\(text)'",
                en: "'\(key)' must be a local date and time written YYYY-MM-DDTHH:MM, not '\(text)'")
    }
    public static func notABool(_ key: String, _ text: String) -> Message {
        Message(de: "'\(key)' muss true oder false sein, nicht '\(text)'", en: "'\(key)' must be true or false, not '\(text)'")
    }
    public static func invalidValue(_ text: String, key: String, allowed: [String], suggestion: String?) -> Message {
        let list = allowed.joined(separator: ", ")
        return Message(de: "'\(text)' ist kein gültiger Wert für '\(key)' (erlaubt: \(list))",
                       en: "'\(text)' is not a valid \(key) (allowed: \(list))") + didYouMean(suggestion)
    }
    public static func notAList(_ key: String, in what: String) -> Message {
        Message(de: "'\(key)' in \(what) muss eine Liste sein", en: "'\(key)' in \(what) must be a list")
    }
    public static func listEntryNotText(_ key: String) -> Message {
        Message(de: "jeder Eintrag von '\(key)' muss Text sein", en: "each entry of '\(key)' must be text")
    }
    public static func wholeNumber(_ key: String, from: Int, to: Int) -> Message {
        Message(de: "'\(key)' muss eine ganze Zahl von \(from) bis \(to) sein", en: "'\(key)' must be a whole number from \(from) to \(to)")
    }

    public static func statusNotAWord(_ key: String, in what: String, allowed: [String]) -> Message {
        let list = allowed.joined(separator: ", ")
        return Message(de: "'\(key)' in \(what) muss ein Wort sein, keine Liste (erlaubt: \(list))",
                       en: "'\(key)' in \(what) must be one word, not a list (allowed: \(list))")
    }
    public static func statusEmpty(_ key: String, in what: String, allowed: [String]) -> Message {
        let list = allowed.joined(separator: ", ")
        return Message(de: "'\(key)' in \(what) ist leer (erlaubt: \(list)); ohne die Zeile gilt oeffentlich, leer ist ein Fehler",
                       en: "'\(key)' in \(what) is empty (allowed: \(list)); without the line it is oeffentlich, empty is an error")
    }
}

/// The content folder's structure: folders, file names, site.yaml, committees, the inclusion plan.
extension Message {
    public static let contentFolderNotFound = Message(de: "Inhaltsordner nicht gefunden (angeben mit --content ORDNER)",
                                                      en: "content folder not found (use --content DIR)")
    public static func onlyMarkdownBelongs(_ kind: String) -> Message {
        Message(de: "übergangen: in \(kind)/ gehören nur .md-Dateien (Anlagen gehören nach anlagen/)",
                en: "ignored: only .md files belong in \(kind)/ (attachments go to anlagen/)")
    }
    public static func twinWithoutStandard(_ path: String) -> Message {
        Message(de: "Datei in Leichter Sprache ohne ihre Standardseite \(path)", en: "Leichte-Sprache file without its standard page \(path)")
    }
    public static let fileNameNotUTF8 = Message(
        de: "Der Dateiname ist nicht UTF-8-kodiert: benennen Sie die Datei um (nur a–z, 0–9 und '-')",
        en: "The file name is not UTF-8: rename the file (only a–z, 0–9 and '-')")
    public static func fileNameNotSlug(_ slug: String, example: String) -> Message {
        Message(de: "Der Dateiname '\(slug)' wird Teil der Webadresse: erlaubt sind a–z, 0–9 und '-' (auch '_' und '.' "
                    + "zwischen Buchstaben und Ziffern); zum Beispiel '\(example)'",
                en: "The file name '\(slug)' becomes part of the web address: allowed are a–z, 0–9 and '-' (also '_' and '.' "
                    + "between letters and digits); for example '\(example)'")
    }
    public static func attachmentNameNotSlug(_ file: String, example: String) -> Message {
        Message(de: "Der Name der Anlage '\(file)' wird Teil der Webadresse: erlaubt sind a–z, 0–9 und '-' (auch '_' und '.' "
                    + "zwischen Buchstaben und Ziffern); benennen Sie die Datei um, zum Beispiel in '\(example)', und ändern "
                    + "Sie die Verweise darauf",
                en: "The attachment name '\(file)' becomes part of the web address: allowed are a–z, 0–9 and '-' (also '_' "
                    + "and '.' between letters and digits); rename the file, for example to '\(example)', and change the "
                    + "references to it")
    }

    public static let siteYAMLMissing = Message(
        de: "site.yaml fehlt: jeder Inhaltsordner braucht eine (siehe docs/inhaltsmodell.md)",
        en: "site.yaml is missing: every content folder needs one (see docs/inhaltsmodell.md)")
    public static let basisURLScheme = Message(de: "basis_url muss mit https:// oder http:// beginnen",
                                               en: "basis_url must start with https:// or http://")
    public static let noBarrierefreiheit = Message(
        de: "site.yaml hat keine 'barrierefreiheit': die Erklärung zur Barrierefreiheit sagt dann, dass die Website "
            + "noch nicht bewertet wurde",
        en: "site.yaml has no 'barrierefreiheit': the Erklärung zur Barrierefreiheit will say that the site has not "
            + "been assessed yet")
    public static let trennzeichenValue = Message(de: "trennzeichen muss \"·\" (Mediopunkt) oder \"-\" sein",
                                                  en: "trennzeichen must be \"·\" (Mediopunkt) or \"-\"")
    public static func noSeverity(_ value: String) -> Message {
        Message(de: "'\(value)' ist keine Stufe (erlaubt: fehler, warnung, hinweis, aus)",
                en: "'\(value)' is no severity (allowed: fehler, warnung, hinweis, aus)")
    }

    public static func notAnEntryList(_ name: String) -> Message {
        Message(de: "\(name) muss eine Liste von Einträgen sein, jeder beginnt mit '- id:'",
                en: "\(name) must be a list of entries, each starting with '- id:'")
    }
    public static let endBeforeBeginn = Message(de: "ende liegt vor beginn", en: "ende lies before beginn")
    public static func topNeedsTitel(_ number: String) -> Message {
        Message(de: "Tagesordnungspunkt \(number) braucht einen 'titel' oder eine 'vorlage'",
                en: "Tagesordnungspunkt \(number) needs a 'titel' or a 'vorlage'")
    }
    public static func noUNBRKArticle(_ text: String) -> Message {
        Message(de: "'\(text)' ist kein inhaltlicher Artikel der UN-BRK (1–33)", en: "'\(text)' is no substantive article of the UN-BRK (1–33)")
    }
}

/// Indicators: metadata, CSV tables and their values.
extension Message {
    public static func valuesWithoutMetadata(_ base: String) -> Message {
        Message(de: "Werte ohne Beschreibung: legen Sie \(base).yaml an", en: "values without metadata: add \(base).yaml")
    }
    public static func secrecyOnlyForCounts(_ einheit: String) -> Message {
        Message(de: "geheimhaltung gilt nur für einheit Anzahl (hier: \(einheit)); entfernen Sie geheimhaltung oder geben Sie die Anzahlen an",
                en: "geheimhaltung applies only to einheit Anzahl (here: \(einheit)); remove geheimhaltung or give the counts")
    }
    public static func valuesMissing(_ csv: String) -> Message {
        Message(de: "die Werte fehlen: legen Sie \(csv) an", en: "the values are missing: add \(csv)")
    }
    public static func unknownEinheit(_ text: String, allowed: [String], suggestion: String?) -> Message {
        let list = allowed.joined(separator: ", ")
        return Message(de: "einheit '\(text)' ist nicht bekannt (erlaubt: \(list))", en: "einheit '\(text)' is not known (allowed: \(list))")
            + didYouMean(suggestion)
    }
    public static func summeNoRow(_ summe: String, csv: String, suggestion: String?) -> Message {
        Message(de: "summe '\(summe)' ist keine Zeile von \(csv)", en: "summe '\(summe)' is no row of \(csv)") + didYouMean(suggestion)
    }
    public static func summeSpalteNoColumn(_ name: String, csv: String, columns: [String], suggestion: String?) -> Message {
        let list = columns.joined(separator: ", ")
        return Message(de: "summe_spalte '\(name)' ist keine Wertespalte von \(csv) (Spalten: \(list))",
                       en: "summe_spalte '\(name)' is no column of values of \(csv) (columns: \(list))") + didYouMean(suggestion)
    }
    public static let summeSpalteAlone = Message(de: "summe_spalte braucht mindestens eine weitere Wertespalte, deren Summe sie ist",
                                                 en: "summe_spalte needs at least one more column of values whose total it is")
    public static let csvNeedsHeader = Message(
        de: "es fehlt die Kopfzeile: die Spalte der Gebiete und mindestens eine Spalte mit Werten",
        en: "needs a header row: the area column and at least one column of values")
    public static func csvRowWidth(_ cells: Int, header: Int) -> Message {
        Message(de: "die Zeile hat \(cells) Zellen, die Kopfzeile \(header)", en: "row has \(cells) cells, the header has \(header)")
    }
    public static func csvAreaTwice(_ area: String, firstLine: Int) -> Message {
        Message(de: "das Gebiet '\(area)' kommt doppelt vor (zuerst in Zeile \(firstLine))",
                en: "area '\(area)' appears twice (first in line \(firstLine))")
    }
    public static func csvNotANumber(_ text: String) -> Message {
        Message(de: "'\(text)' ist keine Zahl (schreiben Sie 1.234,5 oder 1234,5; '', '-' oder '.' für keinen Wert)",
                en: "'\(text)' is not a number (write 1.234,5 or 1234,5; '', '-' or '.' for no value)")
    }
    public static func csvTooLarge(_ text: String) -> Message {
        Message(de: "'\(text)' ist zu groß: Werte müssen zwischen −999.999.999.999.999 und 999.999.999.999.999 liegen",
                en: "'\(text)' is too large: values must lie between −999.999.999.999.999 and 999.999.999.999.999")
    }
    public static func csvNotWhole(_ text: String) -> Message {
        Message(de: "'\(text)' ist keine ganze Zahl: bei einheit Anzahl sind nur ganze Zahlen erlaubt",
                en: "'\(text)' is no whole number: einheit Anzahl allows whole numbers only")
    }
    public static func csvNegative(_ text: String) -> Message {
        Message(de: "'\(text)' ist negativ: mit geheimhaltung müssen Anzahlen 0 oder größer sein",
                en: "'\(text)' is negative: with geheimhaltung counts must be 0 or more")
    }
}
