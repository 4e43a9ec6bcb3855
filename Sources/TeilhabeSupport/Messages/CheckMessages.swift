/// The checks across the content: references, links, identities, accessibility of the Markdown, indicators, plan.
extension Message {
    public static func attachmentOutside(_ path: String) -> Message {
        Message(de: "der Pfad der Anlage '\(path)' muss im Inhaltsordner bleiben",
                en: "attachment path '\(path)' must stay inside the content folder")
    }
    public static func attachmentNotFound(_ path: String, suggestion: String?) -> Message {
        Message(de: "die Anlage '\(path)' gibt es nicht (Anlagen gehören nach anlagen/)",
                en: "attachment file '\(path)' not found (attachments belong in anlagen/)") + didYouMean(suggestion)
    }

    /// A link's or an image's target and what is wrong with it.
    public static func badLinkTarget(image: Bool, _ destination: String, _ problem: Message) -> Message {
        Message(de: image ? "Bildquelle '\(destination)': " : "Linkziel '\(destination)': ",
                en: image ? "image source '\(destination)': " : "link target '\(destination)': ") + problem
    }
    public static func linkSchemeNotAllowed(_ scheme: String) -> Message {
        Message(de: "Links mit '\(scheme):' sind nicht erlaubt (nur http, https, mailto und tel)",
                en: "links with '\(scheme):' are not allowed (only http, https, mailto and tel)")
    }
    public static let linkLeavesContent = Message(de: "führt aus dem Inhaltsordner hinaus", en: "leads out of the content folder")
    public static func linkTargetMissing(suggestion: String?) -> Message {
        Message(de: "gibt es im Inhaltsordner nicht", en: "does not exist in the content folder") + didYouMean(suggestion)
    }
    public static func publicLinksNonPublicPage(_ path: String) -> Message {
        Message(de: "eine öffentliche Seite verlinkt die nichtöffentliche Seite \(path)",
                en: "a public page links to the non-public page \(path)")
    }
    public static func publicLinksNonPublicFile(_ path: String) -> Message {
        Message(de: "eine öffentliche Seite verlinkt die Anlage \(path), die nur nichtöffentliche Seiten nennen: ihr Name würde veröffentlicht",
                en: "a public page links to the attachment \(path), which only non-public pages name: its name would be published")
    }
    public static let rawHTML = Message(de: "rohes HTML wird nicht veröffentlicht; schreiben Sie es als Markdown",
                                        en: "raw HTML is not published; write it as Markdown")

    public static let noBasisURL = Message(
        de: "keine basis_url: feed.xml, sitemap.xml, die .ics-Kalender und der OParl-Export entfallen",
        en: "no basis_url: feed.xml, sitemap.xml, the .ics calendars and the OParl export are skipped")

    public static func topNotInBeratungsfolge(number: String, top: String, sitzung: String, place: String) -> Message {
        Message(de: "Vorlage \(number) steht als TOP \(top) auf der Tagesordnung von '\(sitzung)', aber ihre Beratungsfolge "
                    + "(\(place)) nennt diese Sitzung nicht; ergänzen Sie dort '- sitzung: \(sitzung)' oder nehmen Sie den TOP heraus",
                en: "Vorlage \(number) is TOP \(top) on the agenda of '\(sitzung)', but its Beratungsfolge (\(place)) does not "
                    + "name this Sitzung; add '- sitzung: \(sitzung)' there or take the TOP out")
    }
    public static func beratungNotOnAgenda(sitzung: String, place: String, number: String) -> Message {
        Message(de: "die Beratungsfolge nennt die Sitzung '\(sitzung)', aber deren Tagesordnung (\(place)) führt Vorlage "
                    + "\(number) nicht; ergänzen Sie dort einen TOP mit 'vorlage: \"\(number)\"' oder nehmen Sie die Sitzung "
                    + "aus der Beratungsfolge",
                en: "the Beratungsfolge names the Sitzung '\(sitzung)', but its agenda (\(place)) does not list Vorlage "
                    + "\(number); add a TOP with 'vorlage: \"\(number)\"' there or take the Sitzung out of the Beratungsfolge")
    }

    public static func easySectionsMissing(_ sections: Int, easy: Int) -> Message {
        Message(de: "die Seite hat \(sections) Abschnitte, ihre Fassung in Leichter Sprache \(easy): jeder Hauptpunkt "
                    + "gehört auch in die leichte Fassung",
                en: "the page has \(sections) sections, its easy version \(easy): every main point belongs into the easy version too")
    }
    public static func noEasyVersion(_ path: String) -> Message {
        Message(de: "die öffentliche Seite hat keine Fassung in Leichter Sprache: legen Sie \(path).leicht.md an",
                en: "public page has no Leichte-Sprache version: add \(path).leicht.md")
    }
    public static func imageWithoutAlt(_ destination: String) -> Message {
        Message(de: "Bild ohne Alternativtext: schreiben Sie in ![…](\(destination)), was es zeigt",
                en: "image without alternative text: write what it shows in ![…](\(destination))")
    }
    public static func emptyLinkText(_ text: String) -> Message {
        Message(de: "der Linktext '\(text)' sagt ohne Zusammenhang nichts: nennen Sie das Ziel",
                en: "link text '\(text)' says nothing out of context: name the target")
    }
    /// `expected` nil: a `#` in the body, where `##` belongs (the page title is the only `#`).
    public static func headingLevelSkipped(expected: String?) -> Message {
        guard let expected else {
            return Message(de: "Überschriftenebene übersprungen: nehmen Sie ## (der Seitentitel ist die einzige #)",
                           en: "heading level skipped: use ## (the page title is the only #)")
        }
        return Message(de: "Überschriftenebene übersprungen: nehmen Sie \(expected)", en: "heading level skipped: use \(expected)")
    }
    public static let tableWithoutHeader = Message(
        de: "Tabelle ohne Kopfzeile: benennen Sie jede Spalte in der ersten Zeile",
        en: "table without a header row: name each column in the first row")

    public static func idNotSlug(_ id: String, example: String) -> Message {
        Message(de: "die id '\(id)' wird Teil der Webadresse: nur a–z, 0–9 und '-' (zum Beispiel '\(example)')",
                en: "id '\(id)' becomes a web address: use only a–z, 0–9 and '-' (e.g. '\(example)')")
    }
    public static func fileNameIdNotSlug(_ id: String, example: String) -> Message {
        Message(de: "der Dateiname '\(id)' wird Teil der Webadresse: nur a–z, 0–9 und '-' (zum Beispiel '\(example)')",
                en: "file name '\(id)' becomes a web address: use only a–z, 0–9 and '-' (e.g. '\(example)')")
    }
    public static func usedTwice(_ what: Message, _ key: String, first: String) -> Message {
        Message(de: "\(what.de) '\(key)' kommt doppelt vor (zuerst in \(first))", en: "\(what.en) '\(key)' is used twice (first at \(first))")
    }
    public static let vorlageNumber = Message(de: "Vorlagennummer", en: "Vorlage number")
    public static let gremiumId = Message(de: "Gremium-id", en: "Gremium id")
    public static let sitzungId = Message(de: "Sitzungs-id", en: "Sitzung id")
    public static func topNumber(in sitzung: String) -> Message {
        Message(de: "TOP-Nummer in \(sitzung)", en: "TOP number in \(sitzung)")
    }

    public static func notFound(_ what: String, _ id: String, in file: String, suggestion: String?) -> Message {
        Message(de: "\(what) '\(id)' gibt es nicht in \(file)", en: "\(what) '\(id)' not found in \(file)") + didYouMean(suggestion)
    }
    public static let indikatorBlockEmpty = Message(de: "der ```indikator-Block nennt keine Indikator-id",
                                                    en: "```indikator block names no indicator id")
    public static func geheimhaltungUnprotected(area: String, column: String) -> Message {
        Message(de: "geheimhaltung: der Wert von '\(area)' in Spalte '\(column)' ließe sich aus den Summen errechnen und durch "
                    + "keine weitere Zelle schützen; tragen Sie die fehlenden Summen ein oder lassen Sie den Wert weg",
                en: "geheimhaltung: the value of '\(area)' in column '\(column)' could be worked out from the totals and no "
                    + "other cell can protect it; add the missing totals or leave the value out")
    }
    public static func rowNotTotal(row: String, column: String, value: String, computed: String) -> Message {
        Message(de: "Zeile '\(row)': die Spalte '\(column)' (\(value)) ist nicht die Summe der anderen Spalten (\(computed))",
                en: "row '\(row)': the column '\(column)' (\(value)) is not the total of the other columns (\(computed))")
    }
    public static func columnNotTotal(column: String, row: String, value: String, computed: String) -> Message {
        Message(de: "Spalte \(column): die Zeile '\(row)' (\(value)) ist nicht die Summe der anderen Zeilen (\(computed))",
                en: "column \(column): the row '\(row)' (\(value)) is not the total of the other rows (\(computed))")
    }

    public static func editionsSameStand(_ a: String, _ b: String) -> Message {
        Message(de: "die Fassungen \(a) und \(b) haben denselben stand; welcher Plan gilt, wäre nicht eindeutig",
                en: "editions \(a) and \(b) have the same stand; the current plan would be ambiguous")
    }
    public static func handlungsfeldTwice(_ id: String, firstLine: Int) -> Message {
        Message(de: "Handlungsfeld '\(id)' kommt doppelt vor (zuerst in Zeile \(firstLine))",
                en: "Handlungsfeld '\(id)' is used twice (first at line \(firstLine))")
    }
    public static func handlungsfeldNotSlug(_ id: String) -> Message {
        Message(de: "die id des Handlungsfelds '\(id)' wird Teil der Webadresse: nur a–z, 0–9 und '-', und nicht 'fortschreibung'",
                en: "Handlungsfeld id '\(id)' becomes a web address: use a–z, 0–9 and '-', and not 'fortschreibung'")
    }
    public static func massnahmeTwice(_ id: String, firstLine: Int) -> Message {
        Message(de: "Massnahme '\(id)' kommt in dieser Fassung doppelt vor (zuerst in Zeile \(firstLine))",
                en: "Massnahme '\(id)' is used twice in this edition (first at line \(firstLine))")
    }

    public static func oparlIdClash(_ owner: Message, _ first: Message, place: String) -> Message {
        Message(de: "\(owner.de.prefix(1).uppercased() + owner.de.dropFirst()) ergibt dieselbe OParl-Kennung wie \(first.de) "
                    + "(\(place)): benennen Sie eins von beiden eindeutig",
                en: "\(owner.en.prefix(1).uppercased() + owner.en.dropFirst()) gives the same OParl id as \(first.en) "
                    + "(\(place)): name one of them unambiguously")
    }
    public static func oparlOwnerAmt(_ name: String) -> Message { Message(de: "das Amt '\(name)'", en: "the office '\(name)'") }
    public static func oparlOwnerGremium(_ id: String) -> Message { Message(de: "das Gremium '\(id)'", en: "the Gremium '\(id)'") }
    public static func oparlOwnerTop(_ top: String, sitzung: String) -> Message {
        Message(de: "TOP '\(top)' der Sitzung \(sitzung)", en: "TOP '\(top)' of the Sitzung \(sitzung)")
    }
    public static func oparlOwnerPage(_ path: String) -> Message { Message(de: "die Seite \(path)", en: "the page \(path)") }
    public static func oparlOwnerEasyPage(_ path: String) -> Message {
        Message(de: "die Leichte-Sprache-Seite \(path)", en: "the Leichte-Sprache page \(path)")
    }
    public static func oparlOwnerAttachment(_ path: String) -> Message { Message(de: "die Anlage \(path)", en: "the attachment \(path)") }

    public static func vorlageSectionMissing(art: String, number: String, section: String) -> Message {
        Message(de: "\(art) \(number): der Pflichtabschnitt '## \(section)' fehlt", en: "\(art) \(number) lacks the required section '## \(section)'")
    }
}
