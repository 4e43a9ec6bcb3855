/// Rendering: the theme's templates and the print versions (PDF via WeasyPrint). The tools' own
/// messages (WeasyPrint's last line, the template parser's error) are quoted as they come.
extension Message {
    public static let themeFileUnreadable = Message(de: "die Theme-Datei lässt sich nicht lesen", en: "cannot read theme file")
    public static let templateNotUTF8 = Message(de: "die Vorlage ist kein UTF-8-Text", en: "template is not UTF-8 text")
    public static func templateError(_ detail: String) -> Message {
        Message(de: "Fehler in der Vorlage: \(detail)", en: "template error: \(detail)")
    }
    public static func themeLacksTemplate(_ name: String) -> Message {
        Message(de: "dem Theme fehlt die Vorlage \(name).mustache", en: "theme lacks the template \(name).mustache")
    }

    public static func noPDFs(_ reason: Message) -> Message {
        Message(de: "keine PDF-Fassungen: ", en: "no PDF versions: ") + reason
    }
    public static func weasyprintNotPython(_ program: String) -> Message {
        Message(de: "\(program) ist kein Python-Programm; ohne Python-Interpreter von WeasyPrint entstehen keine PDFs",
                en: "\(program) is no Python program; without WeasyPrint's Python interpreter no PDFs are made")
    }
    public static func printDriverNotStored(_ cache: String) -> Message {
        Message(de: "das Programm für WeasyPrint lässt sich nicht in \(cache) ablegen",
                en: "the program for WeasyPrint cannot be stored in \(cache)")
    }
    public static func interpreterDoesNotStart(_ python: String) -> Message {
        Message(de: "\(python) startet nicht", en: "\(python) does not start")
    }
    public static func weasyprintNotLoading(_ python: String, reason: Message) -> Message {
        Message(de: "WeasyPrint lässt sich mit \(python) nicht laden: ", en: "WeasyPrint cannot be loaded with \(python): ") + reason
    }
    public static func noPDFForPage(_ reason: Message) -> Message {
        Message(de: "kein PDF für diese Seite: ", en: "no PDF for this page: ") + reason
    }
    public static func printJobNotWritten(_ cache: String) -> Message {
        Message(de: "die Auftragsdateien lassen sich nicht in \(cache) schreiben", en: "the job files cannot be written to \(cache)")
    }
    public static func weasyprintTimeout(seconds: Int) -> Message {
        Message(de: "weasyprint brauchte länger als \(seconds) s und wurde angehalten",
                en: "weasyprint took longer than \(seconds) s and was stopped")
    }
    public static func weasyprintNoPDF(status: Int32) -> Message {
        Message(de: "weasyprint hat kein PDF geliefert (Exit-Status \(status))", en: "weasyprint gave no PDF (exit status \(status))")
    }
    public static let weasyprintDidNotRun = Message(de: "weasyprint ist nicht gelaufen", en: "weasyprint did not run")
    public static func printImageLeftOut(_ source: String) -> Message {
        Message(de: "Bild in der Druckfassung weggelassen: '\(source)' ist keine veröffentlichte Datei aus anlagen/ (nur solche kommen ins PDF)",
                en: "image left out of the print version: '\(source)' is no published file from anlagen/ (only those go into the PDF)")
    }
    public static func printAccessRefused(_ url: String) -> Message {
        Message(de: "Druckfassung: Zugriff auf '\(url)' verweigert (ins PDF kommen nur veröffentlichte Dateien aus anlagen/)",
                en: "print version: access to '\(url)' refused (only published files from anlagen/ go into the PDF)")
    }
    public static let weasyprintNotOnPath = Message(
        de: "weasyprint ist nicht im PATH: die Vorlagen bekommen keine PDF-Fassung (pip install weasyprint)",
        en: "weasyprint is not on the PATH: the papers get no PDF version (pip install weasyprint)")
}
