import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
/// content/vorlagen/<slug>.md → `Vorlage`.
package enum VorlageLoader {
    static let keys = ["art", "nummer", "betreff", "datum", "geaendert", "status", "federfuehrend",
                       "antragstellend", "beratungsfolge", "anlagen", "unterzeichnet", "quelle", "sozialraeume"]
    static let beratungKeys = ["sitzung", "rolle", "ergebnis"]

    package static func load(_ relative: String, slug: String, in folder: ContentFolder) -> Vorlage? {
        guard let file = MarkdownFile(relative, in: folder, known: keys, what: "Vorlage") else {
            recordUnreadable(relative, in: folder)
            return nil
        }
        let f = file.fields
        let art: Vorlage.Art? = f.choice("art", required: true)
        let number = f.string("nummer", required: true)
        let betreff = f.string("betreff", required: true)
        let date = f.day("datum", required: true)
        let federfuehrend = f.string("federfuehrend", required: true)
        let beratungen = f.list("beratungsfolge").compactMap { node -> Beratung? in
            guard let b = f.item(node, known: beratungKeys, what: "Beratung"),
                  let sitzung = b.string("sitzung", required: true),
                  let rolle: Beratung.Rolle = b.choice("rolle", required: true) else { return nil }
            return Beratung(sitzung: sitzung, rolle: rolle, resultValue: b.string("ergebnis"), location: b.location("sitzung"))
        }
        let status = f.status()
        let anlagen = AnlagenField.read(f)
        let changed = f.day("geaendert")
        let source = QuelleField.read(f)
        guard let art, let number, let betreff, let date, let federfuehrend else {
            recordBroken(number: number, art: f["art"]?.scalar?.string, body: file.body, in: folder)
            return nil
        }
        var vorlage = Vorlage(slug: slug, art: art, nummer: number, betreff: betreff, datum: date, changed: changed,
                       status: status, federfuehrend: federfuehrend, antragstellend: f.string("antragstellend"),
                       beratungsfolge: beratungen, anlagen: anlagen, unterzeichnet: f.string("unterzeichnet"),
                       body: file.body, leicht: nil, location: file.location, nummerLocation: f.location("nummer"),
                       quelle: source)
        vorlage.sozialraeume = f.areaReferences()
        return vorlage
    }

    /// A paper that did not load still exists for references: its number as far as it could be read,
    /// and its body for the checks of the text.
    private static func recordBroken(number: String?, art: String?, body: MarkdownSource, in folder: ContentFolder) {
        folder.broken.update { broken in
            if let number { broken.vorlagen.insert(number) } else { broken.unknownVorlage = true }
            broken.vorlageBodies.append(BrokenBody(body: body, art: art, nummer: number))
        }
    }

    /// A paper whose front matter cannot be parsed: its number is looked for line by line.
    private static func recordUnreadable(_ relative: String, in folder: ContentFolder) {
        let numbers = BrokenRecordScan.rawText(relative, in: folder).map { BrokenRecordScan.values(of: "nummer", in: $0) } ?? []
        folder.broken.update { broken in
            if numbers.isEmpty { broken.unknownVorlage = true } else { broken.vorlagen.formUnion(numbers) }
        }
    }
}
