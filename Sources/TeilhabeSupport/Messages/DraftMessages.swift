/// Texts of drafts (`status: entwurf`), the placeholder rule and `teilhabe neu` (contract section 10).
extension Message {
    /// The banner above every draft's page in the `serve` preview.
    public static let draftBannerTitle = Message(de: "Entwurf – nicht veröffentlicht", en: "Draft – not published")
    public static let draftBannerText = Message(
        de: "Diese Seite hat „status: entwurf“. Sie erscheint nur in dieser Vorschau, in keinem Build der Website – "
            + "auch nicht in der Fassung für die Gremien.",
        en: "This page has “status: entwurf”. It appears only in this preview, in no build of the website – "
            + "not even in the committees' edition.")
    /// The status in a draft paper's Grunddaten.
    public static let draftStatus = Message(de: "Entwurf", en: "draft")

    public static func placeholderOutsideDraft(_ status: String) -> Message {
        Message(de: "Platzhalter „[Bitte ergänzen …]“ in einer Datei mit status: \(status): ergänzen Sie den Text "
                    + "oder setzen Sie „status: entwurf“ – ein Platzhalter wird nie veröffentlicht",
                en: "placeholder “[Bitte ergänzen …]” in a file with status: \(status): fill in the text "
                    + "or set “status: entwurf” – a placeholder is never published")
    }

    public static func placeholderInField(_ field: String, _ status: String) -> Message {
        Message(de: "Platzhalter „[Bitte ergänzen …]“ im Feld '\(field)' einer Datei mit status: \(status): ergänzen Sie "
                    + "den Wert oder setzen Sie „status: entwurf“",
                en: "placeholder “[Bitte ergänzen …]” in the field '\(field)' of a file with status: \(status): fill in "
                    + "the value or set “status: entwurf”")
    }

    public static func linkToDraft(_ target: String) -> Message {
        Message(de: "eine nichtöffentliche Seite verlinkt den Entwurf \(target): er erscheint in keinem Build, "
                    + "auch nicht für die Gremien",
                en: "a non-public page links to the draft \(target): it appears in no build, not even the committees'")
    }

    public static func linkToDraftAttachment(_ file: String) -> Message {
        Message(de: "eine nichtöffentliche Seite verlinkt die Anlage \(file), die nur Entwürfe nennen: sie erscheint "
                    + "in keinem Build, auch nicht für die Gremien",
                en: "a non-public page links to the attachment \(file), which only drafts name: it appears in no build, "
                    + "not even the committees'")
    }

    public static func agendaItemOnDraft(_ top: String, _ number: String) -> Message {
        Message(de: "TOP \(top) nennt die Vorlage \(number), die ein Entwurf ist: der TOP erscheint ohne sie, "
                    + "bis sie nicht mehr „status: entwurf“ hat",
                en: "agenda item \(top) names the paper \(number), which is a draft: the item appears without it "
                    + "until it no longer has “status: entwurf”")
    }

    // MARK: teilhabe neu

    public static func newUnknownArt(_ art: String, _ allowed: [String], suggestion: String?) -> Message {
        let permitted = allowed.joined(separator: ", ")
        return Message(de: "'\(art)' ist keine Vorlagenart (erlaubt: \(permitted))" + (suggestion.map { "; meinten Sie '\($0)'?" } ?? ""),
                       en: "'\(art)' is no kind of paper (allowed: \(permitted))" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
    }

    public static func newEmptyOption(_ option: String) -> Message {
        Message(de: "\(option) ist leer: der Titel der neuen Datei fehlt", en: "\(option) is empty: the new file needs a title")
    }

    public static func newNoSlug(_ title: String) -> Message {
        Message(de: "aus „\(title)“ lässt sich kein Dateiname bilden: der Titel braucht Buchstaben oder Ziffern",
                en: "“\(title)” gives no file name: the title needs letters or digits")
    }

    public static let newFileExists = Message(
        de: "die Datei gibt es schon; sie wird nie überschrieben (benennen Sie sie um oder löschen Sie sie zuerst)",
        en: "the file exists already; it is never overwritten (rename or delete it first)")

    public static func newWriteFailed(_ reason: String) -> Message {
        Message(de: "kann die Datei nicht schreiben: \(reason)", en: "cannot write the file: \(reason)")
    }

    public static let newNoNumberLeft = Message(
        de: "alle Nummern des Jahres (bis 9999) sind vergeben", en: "every number of the year (up to 9999) is taken")

    public static func written(_ path: String) -> Message {
        Message(de: "geschrieben: \(path)", en: "written: \(path)")
    }
}
