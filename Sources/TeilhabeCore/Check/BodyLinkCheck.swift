/// Links and images in Markdown bodies: relative targets must exist, public pages must not
/// point to non-public ones, and raw HTML (which is never published) is pointed out.
enum BodyLinkCheck {
    static func run(_ projekt: Projekt, _ g: Gliederungen, log: DiagnosticLog) {
        let index = Linkindex(projekt)
        var bodies: [(MarkdownQuelle, Status)] = []
        let vorlagen = projekt.vorlagen, texte = projekt.texte   // by index: a loop would copy each whole
        for i in vorlagen.indices {
            bodies.append((vorlagen[i].body, vorlagen[i].status))
            vorlagen[i].leicht.map { bodies.append(($0.body, vorlagen[i].status)) }
        }
        for i in texte.indices {
            bodies.append((texte[i].body, texte[i].status))
            texte[i].leicht.map { bodies.append(($0.body, texte[i].status)) }
        }
        for (body, status) in bodies {
            let outline = g[body]
            for link in outline.links {
                let at = body.location(line: link.line, column: link.column)
                switch index.ziel(link.destination, from: body.pfad) {
                case .fehlt:
                    log.error("REF", "\(link.isImage ? "image" : "link") target '\(link.destination)' not found in the content folder", at: at)
                case let .seite(pfad, _, _) where status == .oeffentlich && index.status(of: pfad) == .nichtoeffentlich:
                    log.error("REF", "a public page links to the non-public page \(pfad)", at: at)
                default:
                    break
                }
            }
            for line in outline.rawHTMLLines {
                log.warning("RAW-HTML", "raw HTML is not published; write it as Markdown", at: body.location(line: line))
            }
        }
    }
}
