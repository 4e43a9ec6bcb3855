import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Drafts (`status: entwurf`, contract section 10). A placeholder `[Bitte ergänzen …]`, as
/// `teilhabe neu` and `plan vorlage` write them, marks text not written yet: only a draft may hold
/// one, so a page is never published half-written. And what is not a draft must not lean on one:
/// a draft is in no build, the committees' neither.
enum DraftCheck {
    /// A page's files and what they say, with the status that decides.
    private struct Page {
        var status: Status
        var bodies: [MarkdownSource]
        /// Front-matter values by key (the twin's as `leicht.<key>`), and where the file starts.
        var fields: [(key: String, value: String?)]
        var location: SourceLocation
    }

    static func run(_ project: Projekt, _ g: Outlines, buildCache: BuildCache = .disabled, log: DiagnosticLog) {
        placeholders(pages(project).filter { $0.status != .entwurf }, buildCache: buildCache, log: log)
        links(project, g, log: log)
        agendas(project, log: log)
    }

    private static func pages(_ project: Projekt) -> [Page] {
        var pages: [Page] = []
        let vorlagen = project.vorlagen   // by index: a loop would copy each whole
        for i in vorlagen.indices {
            let v = vorlagen[i]
            pages.append(Page(status: v.status, bodies: [v.body] + (v.leicht.map { [$0.body] } ?? []),
                              fields: [("nummer", v.nummer), ("betreff", v.betreff), ("federfuehrend", v.federfuehrend),
                                       ("antragstellend", v.antragstellend), ("unterzeichnet", v.unterzeichnet)]
                                  + twinFields(v.leicht),
                              location: v.location))
        }
        for t in project.texts {
            pages.append(Page(status: t.status, bodies: [t.body] + (t.leicht.map { [$0.body] } ?? []),
                              fields: [("titel", t.titel), ("beschreibung", t.beschreibung)] + twinFields(t.leicht),
                              location: t.location))
        }
        return pages
    }

    private static func twinFields(_ leicht: LeichteFassung?) -> [(key: String, value: String?)] {
        guard let leicht else { return [] }
        return [("leicht: titel", leicht.titel), ("leicht: beschreibung", leicht.beschreibung)]
    }

    /// Every placeholder of the pages that are no drafts, at its line and column (front matter at the
    /// file). A text's places are kept in the cache by its fingerprint: an edit build need not read
    /// the bodies of unchanged files for them.
    private static func placeholders(_ pages: [Page], buildCache: BuildCache, log: DiagnosticLog) {
        let bodies = pages.flatMap { page in page.bodies.map { (body: $0, status: page.status) } }
        let places = Parallel.map(bodies.count) { i -> [Int] in
            buildCache.value("platzhalter", bodies[i].body.bodyFingerprint) { placeholderPositions(bodies[i].body.text).flatMap { [$0.line, $0.column] } }
        }
        for (i, (body, status)) in bodies.enumerated() {
            for k in stride(from: 0, to: places[i].count - 1, by: 2) {
                log.error(ContentRuleIds.placeholder, .placeholderOutsideDraft(status.rawValue),
                          at: body.location(line: places[i][k], column: places[i][k + 1]))
            }
        }
        for page in pages {
            for (key, value) in page.fields {
                guard let value, !placeholderPositions(value).isEmpty else { continue }
                log.error(ContentRuleIds.placeholder, .placeholderInField(key, page.status.rawValue), at: page.location)
            }
        }
    }

    /// Where `[Bitte ergänzen` starts (any case, "ae" for "ä" too): 1-based line and column in characters.
    static func placeholderPositions(_ text: String) -> [(line: Int, column: Int)] {
        // Byte searches first: Foundation's `contains` and the regex bridge every text to NSString
        // (250 ms of a clean 4,000-page build, when almost no text holds a placeholder).
        guard text.containsText("["), mayHoldPlaceholder(text) else { return [] }
        var found: [(Int, Int)] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.utf8.contains(UInt8(ascii: "[")) {
            var rest = line[...]
            // "ä" precomposed or decomposed (a + U+0308, as some editors save it), or written "ae".
            while let range = rest.range(of: #"\[\s*bitte\s+erg(ä|a\x{0308}|ae|a)nzen"#, options: [.regularExpression, .caseInsensitive]) {
                found.append((n + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1))
                rest = rest[range.upperBound...]
            }
        }
        return found
    }

    /// Whether "itte" stands in the text in any case: every spelling of the placeholder holds it.
    private static func mayHoldPlaceholder(_ text: String) -> Bool {
        let target = Array("itte".utf8)
        var matched = 0
        for byte in text.utf8 {
            let lower = byte | 0x20   // ASCII letters to lower case; other bytes never become "i", "t" or "e" here
            if lower == target[matched] {
                matched += 1
                if matched == target.count { return true }
            } else {
                matched = lower == target[0] ? 1 : 0
            }
        }
        return false
    }

    /// A non-public page may link to what the committees see; not to a draft, nor to an attachment
    /// only drafts name, which their build leaves out (a public page's links to either are refused
    /// by BodyLinkCheck already).
    private static func links(_ project: Projekt, _ g: Outlines, log: DiagnosticLog) {
        guard project.vorlagen.contains(where: { $0.status == .entwurf }) || project.texts.contains(where: { $0.status == .entwurf })
        else { return }
        let index = LinkIndex(project)
        let gremienFiles = Set(project.visible(for: .gremium).anlagen.keys)
        for page in pages(project) where page.status == .nichtoeffentlich {
            for body in page.bodies {
                for link in g[body].links {
                    let message: Message
                    switch index.target(link.destination, from: body.pfad) {
                    case let .webPage(path, _, _) where index.status(of: path) == .entwurf: message = .linkToDraft(path)
                    case let .filePath(path) where !gremienFiles.contains(path): message = .linkToDraftAttachment(path)
                    default: continue
                    }
                    log.error(ContentRuleIds.draftReference, message,
                              at: body.location(line: link.line, column: BodyLinkCheck.characterColumn(link, in: body.text)))
                }
            }
        }
    }

    /// An agenda item that names a draft shows without it in every build: said, not refused.
    private static func agendas(_ project: Projekt, log: DiagnosticLog) {
        let drafts = Set(project.vorlagen.filter { $0.status == .entwurf }.map(\.nummer))
        guard !drafts.isEmpty else { return }
        for sitzung in project.sitzungen {
            for top in sitzung.tagesordnung {
                guard let number = top.vorlage, drafts.contains(number) else { continue }
                log.warning(ContentRuleIds.draftReference, .agendaItemOnDraft(top.top, number), at: top.location)
            }
        }
    }
}
