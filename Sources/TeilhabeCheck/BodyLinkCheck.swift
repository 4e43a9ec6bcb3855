import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Links and images in Markdown bodies: every target in the content must exist, a public page may
/// point only to what the public build publishes (a link names its target, even where the target is
/// left out), and raw HTML (which is never published) is pointed out.
enum BodyLinkCheck {
    /// Schemes a body may link to as they are; anything else (`javascript:`, `file:`, `data:` …) is an error.
    static let schemes: Set<String> = ["http", "https", "mailto", "tel"]

    static func run(_ project: Projekt, _ g: Outlines, log: DiagnosticLog) {
        let index = LinkIndex(project)
        // What the public build publishes: a public page's links must stay inside it.
        let publicFiles = Set(project.visible(for: .oeffentlich).anlagen.keys)
        for (body, status) in bodies(project) {
            let outline = g[body]
            for link in outline.links {
                guard let problem = problem(link.destination, in: body, public: status == .oeffentlich, index: index,
                                            publicFiles: publicFiles, project: project) else { continue }
                log.error("REF", .badLinkTarget(image: link.isImage, link.destination, problem.message),
                          at: body.location(line: link.line, column: characterColumn(link, in: body.text)),
                          suggestion: problem.suggestion)
            }
            for line in outline.rawHTMLLines {
                log.warning("RAW-HTML", .rawHTML, at: body.location(line: line))
            }
        }
    }

    /// Every body with the status of its page (an easy twin has its standard page's).
    private static func bodies(_ project: Projekt) -> [(MarkdownSource, Status)] {
        var bodies: [(MarkdownSource, Status)] = []
        let vorlagen = project.vorlagen, texts = project.texts   // by index: a loop would copy each whole
        for i in vorlagen.indices {
            bodies.append((vorlagen[i].body, vorlagen[i].status))
            vorlagen[i].leicht.map { bodies.append(($0.body, vorlagen[i].status)) }
        }
        for i in texts.indices {
            bodies.append((texts[i].body, texts[i].status))
            texts[i].leicht.map { bodies.append(($0.body, texts[i].status)) }
        }
        // A paper that did not load still has its links checked in the same run; its status is unknown, so
        // the rules for public pages wait until it loads (the build stops at its error anyway).
        for broken in project.broken.vorlageBodies { bodies.append((broken.body, .nichtoeffentlich)) }
        return bodies
    }

    /// cmark counts columns in bytes; messages count characters ("Grüße [x]" has the link at 7, not 9).
    static func characterColumn(_ link: Outline.Link, in text: String) -> Int {
        var line = 1, start = text.utf8.startIndex
        for index in text.utf8.indices where line < link.line && text.utf8[index] == 0x0A {
            line += 1
            start = text.utf8.index(after: index)
        }
        guard line == link.line, link.column > 1,
              let end = text.utf8.index(start, offsetBy: link.column - 1, limitedBy: text.utf8.endIndex) else { return link.column }
        return String(decoding: text.utf8[start..<end], as: UTF8.self).count + 1
    }

    private struct Problem {
        var message: Message
        var suggestion: String?
    }

    /// What is wrong with one link target, or nil.
    private static func problem(_ destination: String, in body: MarkdownSource, public oeffentlich: Bool,
                                index: LinkIndex, publicFiles: Set<String>, project: Projekt) -> Problem? {
        if let scheme = LinkIndex.scheme(destination), !destination.hasPrefix("//") {
            return schemes.contains(scheme) ? nil
                : Problem(message: .linkSchemeNotAllowed(scheme))
        }
        guard let (candidates, _) = index.paths(destination, from: body.pfad) else { return nil }
        guard !candidates.isEmpty else { return Problem(message: .linkLeavesContent) }
        // A target whose own file has errors was reported there; the build fails either way.
        if candidates.contains(where: { project.filesWithErrors.contains($0) }) { return nil }
        switch index.target(destination, from: body.pfad) {
        case .missing:
            let suggestion = Suggest.closest(to: candidates[0], in: index.allTargets)
            return Problem(message: .linkTargetMissing(suggestion: suggestion), suggestion: suggestion)
        case let .webPage(path, _, _) where oeffentlich && index.status(of: path) != .oeffentlich:
            return Problem(message: .publicLinksNonPublicPage(path))
        case let .filePath(path) where oeffentlich && !publicFiles.contains(path):
            return Problem(message: .publicLinksNonPublicFile(path))
        default:
            return nil
        }
    }
}
