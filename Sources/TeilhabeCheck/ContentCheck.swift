import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Accessibility and structure of all Markdown content: images need alternative text, links need
/// meaningful text, headings must not skip levels, tables need a header row; every public page needs
/// its easy twin, and the twin should cover the page's sections.
enum ContentCheck {
    static let ruleSet = ContentRuleIds.allItems
    static let emptyLinkTexts: Set<String> = ["hier", "mehr", "weiter", "link", "klicken sie hier", "hier klicken",
                                               "mehr erfahren", "weiterlesen", "details", "mehr dazu", "diese seite"]

    static func run(_ project: Projekt, _ g: Outlines, log: DiagnosticLog) {
        var pairs: [(MarkdownSource, LeichteFassung?, Status, String)] = []
        let vorlagen = project.vorlagen, texts = project.texts   // by index: a loop would copy each whole
        for i in vorlagen.indices { pairs.append((vorlagen[i].body, vorlagen[i].leicht, vorlagen[i].status, vorlagen[i].pfad)) }
        for i in texts.indices { pairs.append((texts[i].body, texts[i].leicht, texts[i].status, texts[i].pfad)) }
        // Papers that did not load: their text is checked in the same run (no twin, no status to go by).
        for broken in project.broken.vorlageBodies { structure(broken.body, g[broken.body], log: log) }
        for (body, leicht, status, path) in pairs {
            let standard = g[body]
            structure(body, standard, log: log)
            if let leicht {
                let easy = g[leicht.body]
                structure(leicht.body, easy, log: log)
                let parts = standard.headings.filter { $0.level == 2 }.count
                let easyParts = easy.headings.filter { $0.level == 2 }.count
                if parts >= 3, easyParts * 2 < parts {
                    log.report(Diagnostic(.warning, "LS-ABSCHNITTE",
                                          .easySectionsMissing(parts, easy: easyParts),
                                          at: SourceLocation(file: leicht.body.file, line: leicht.body.firstLine, column: 1)))
                }
            } else if status == .oeffentlich, path.hasPrefix("seiten/") {
                log.report(Diagnostic(.warning, "LS-PARITAET", .noEasyVersion(path),
                                      at: SourceLocation(file: body.file, line: 1, column: 1)))
            }
        }
    }

    private static func structure(_ body: MarkdownSource, _ outline: Outline, log: DiagnosticLog) {
        for link in outline.links {
            let at = body.location(line: link.line, column: link.column)
            let text = link.text.trimmed()
            if link.isImage, text.isEmpty {
                log.report(Diagnostic(.error, "A11Y-ALT", .imageWithoutAlt(link.destination),
                                      at: at, match: link.destination))
            } else if !link.isImage, text.utf8.count <= 48,   // longer than any listed phrase with its punctuation
                      emptyLinkTexts.contains(text.lowercased().trimmingCharacters(in: .punctuationCharacters)) {
                log.report(Diagnostic(.warning, "LINK-TEXT", .emptyLinkText(text),
                                      at: at, match: text))
            }
        }
        // The page title is the h1; the body starts at h2 and goes down one level at a time.
        var before = 1
        for h in outline.headings {
            if h.level > before + 1 || h.level == 1 {
                let expectedMarks = h.level == 1 ? nil : String(repeating: "#", count: before + 1)
                log.report(Diagnostic(.error, "UEBERSCHRIFT-EBENE", .headingLevelSkipped(expected: expectedMarks),
                                      at: body.location(line: h.line, column: h.column), match: h.text))
            }
            before = h.level
        }
        for table in outline.tables where table.head.allSatisfy({ $0.trimmed().isEmpty }) {
            log.report(Diagnostic(.error, "TABELLE-KOPF", .tableWithoutHeader,
                                  at: body.location(line: table.line)))
        }
    }
}
