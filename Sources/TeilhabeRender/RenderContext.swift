import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// What every page builder needs: the visible project, who the build is for, and link helpers.
struct RenderContext: Sendable {
    let projekt: Projekt
    let publikum: Publikum
    /// The `serve` preview: drafts are part of the site, each page with its banner.
    let drafts: Bool
    let linkindex: LinkIndex
    let verzeichnis: SiteIndex
    /// Every indicator as it may be published (disclosure control applied once).
    let tabellen: [String: VeroeffentlichteTabelle]

    let stichtag: Tag
    /// PDF versions made for Vorlage pages: output folder → (file name, size text).
    var druck: [String: (name: String, groesse: String)] = [:]
    /// Fingerprints of the inputs, for skipping unchanged files; nil builds every file.
    var abdruecke: BuildFingerprints?
    /// Results of earlier builds (plain texts, word lists).
    var vorrat = BuildCache.keiner

    init(projekt: Projekt, publikum: Publikum, stichtag: Tag, drafts: Bool = false) {
        self.projekt = projekt
        self.publikum = publikum
        self.drafts = drafts
        self.stichtag = stichtag
        // Independent lookups over all pages: made side by side.
        let linkindex = BackgroundTask { LinkIndex(projekt) }
        self.verzeichnis = SiteIndex(projekt)
        self.linkindex = linkindex.wert
        self.tabellen = Dictionary(projekt.indikatoren.map { ($0.id, Geheimhaltung.anwenden($0)) }, uniquingKeysWith: { a, _ in a })
    }

    var intern: Bool { publikum == .gremium }

    /// Calendars, feed and OParl exist only with a basis_url.
    var offeneDaten: Bool { projekt.site.basisURL != nil }

    /// Markdown → HTML for the page at `datei`, with content links made relative to it.
    func html(_ quelle: MarkdownQuelle, fuer datei: String, leicht: Bool) -> (html: String, headings: [MarkdownHTML.Heading]) {
        let linker = Linker(von: datei)
        var renderer = MarkdownHTML()
        renderer.hardBreaks = leicht   // Leichte Sprache: one sentence per line, as written
        renderer.resolveLink = { destination in
            switch linkindex.ziel(destination, from: quelle.pfad) {
            case let .seite(pfad, zielLeicht, fragment):
                return linker.to(Addresses.seite(pfad, leicht: zielLeicht)) + (fragment.map { "#" + $0 } ?? "")
            case let .datei(pfad):
                return linker.to(pfad)
            case .unveraendert, .fehlt:
                return nil
            }
        }
        renderer.replaceBlock = { info, inhalt in
            info == "indikator" ? IndikatorPages.block(inhalt, linker, leicht: leicht, self) : nil
        }
        return renderer.render(quelle.text)
    }

    /// `abschnitte` (second-level headings) for the table of contents partial.
    func abschnitte(_ headings: [MarkdownHTML.Heading]) -> TemplateContext {
        let zweite = headings.filter { $0.level == 2 }
        return ["abschnitte": zweite.map { ["id": $0.id, "text": $0.text] }, "hat_abschnitte": zweite.count > 1]
    }

    /// The attachments list, with type and size of each file.
    func anlagen(_ anlagen: [Anlage], _ linker: Linker) -> TemplateContext {
        let eintraege: [TemplateContext] = anlagen.compactMap { anlage in
            guard let pfad = Paths.resolve(anlage.datei), let bytes = projekt.anlagen[pfad] else { return nil }
            return ["titel": anlage.titel, "href": linker.to(pfad), "typ": Formatting.dateityp(pfad),
                    "groesse": Formatting.groesse(bytes)]
        }
        return ["anlagen": eintraege, "hat_anlagen": !eintraege.isEmpty]
    }

    /// Meetings on or after the reference day, soonest first; and the earlier ones, latest first.
    func kommendeUndVergangene(_ sitzungen: [Sitzung]) -> (kommend: [Sitzung], vergangen: [Sitzung]) {
        (sitzungen.filter { $0.beginn.tag >= stichtag }.sorted { ($0.beginn, $0.id) < ($1.beginn, $1.id) },
         sitzungen.filter { $0.beginn.tag < stichtag }.sorted { ($0.beginn, $0.id) > ($1.beginn, $1.id) })
    }

    func tabelle(_ i: Indikator) -> VeroeffentlichteTabelle { tabellen[i.id] ?? Geheimhaltung.anwenden(i) }

    func gremiumName(_ id: String) -> String { verzeichnis.gremien[id]?.name ?? id }
    func sitzung(_ id: String) -> Sitzung? { verzeichnis.sitzungen[id] }
    func vorlage(nummer: String) -> Vorlage? { verzeichnis.vorlage(nummer: nummer) }

    /// A meeting exists from its earliest paper's date (or its own day) and changes with its papers.
    func stempel(_ s: Sitzung) -> Timestamp {
        verzeichnis.sitzungsStempel[s.id] ?? Timestamp(s.beginn.tag, nil)
    }
}
