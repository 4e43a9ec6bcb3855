import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import ZIPFoundation

/// `teilhabe export docx` (contract section 11): a Vorlage, Bericht or Seite as an accessible Word
/// file — title, Grunddaten and Beratungsfolge tables, the sections with real heading styles, tables
/// with header rows, images with alternative text, footnotes, language de-DE, title and subject set.
/// The same page gives the same bytes (fixed entry dates and order).
public enum DocxExport {
    static let rule = "DOCX"

    /// Writes the file; returns its path, or nil after logging why not.
    public static func run(page: String, content: String, output: String?, log: DiagnosticLog) -> String? {
        let loadLog = DiagnosticLog()
        guard let project = ProjektLoader.load(contentRoot: content, log: loadLog) else {
            for d in loadLog.all where d.severity == .error { log.report(d) }
            return nil
        }
        guard let path = pagePath(page, content: content, project: project, log: log) else { return nil }
        guard let data = data(path: path, project: project, log: log) else { return nil }
        let target = output ?? (Paths.lastComponent(path) + ".docx")
        do {
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)   // temp file + rename
        } catch {
            log.error(rule, .docxWriteFailed(error.localizedDescription), at: SourceLocation(file: target))
            return nil
        }
        return target
    }

    /// The content path without extension (`vorlagen/x`) of what the user named, or an error with the closest.
    static func pagePath(_ page: String, content: String, project: Projekt, log: DiagnosticLog) -> String? {
        var text = page.trimmed()
        for prefix in [content.hasSuffix("/") ? content : content + "/", "./"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
        }
        if text.hasSuffix(".md") { text.removeLast(3) }
        let known = project.vorlagen.map(\.pfad) + project.texts.map(\.pfad)
        if known.contains(text) { return text }
        let suggestion = Suggest.closest(to: page, in: known.map { $0 + ".md" })
        log.error(rule, .docxNoSuchPage(page, suggestion: suggestion), at: SourceLocation(file: page), suggestion: suggestion)
        return nil
    }

    /// The Word file's bytes for the page at `pfad`.
    static func data(path: String, project: Projekt, log: DiagnosticLog) -> Data? {
        let links = LinkIndex(project)
        var names: [String: String] = [:]   // content path → file name in the package, unique
        let rootReal = Containment.realPath(project.contentRoot)
        let writer = DocxBodyWriter(images: { destination in
            guard case let .filePath(file) = links.target(destination, from: path + ".md"),
                  DocxConversion.webImageTypes.contains((file.split(separator: ".").last.map(String.init) ?? "").lowercased()),
                  let rootReal, Containment.isInside(Paths.join(project.contentRoot, file), rootReal: rootReal),
                  let bytes = FileManager.default.contents(atPath: Paths.join(project.contentRoot, file)) else { return nil }
            let name = names[file] ?? uniqueName(Paths.lastComponent(file), taken: Set(names.values))
            names[file] = name
            return .init(name: name, data: bytes)
        }, links: { webAddress($0, from: path, links: links, basisURL: project.site.basisURL) })
        let meta: Metadata
        if let vorlage = project.vorlagen.first(where: { $0.pfad == path }) {
            meta = head(vorlage, project: project, writer: writer)
        } else if let textPage = project.texts.first(where: { $0.pfad == path }) {
            meta = head(textPage, writer: writer)
        } else { return nil }
        let document = MarkdownDocument(meta.body, footnotes: true)
        writer.body(document.root)
        let at = SourceLocation(file: meta.file)
        for missing in writer.missingImages { log.warning("DOCX-BILD", .docxImageMissing(missing), at: at) }
        guard let zip = DocxZip.archive(parts(writer, meta), media: writer.media) else {
            log.error(rule, .docxWriteFailed("ZIP"), at: at)
            return nil
        }
        return zip
    }

    struct Metadata { var title: String; var subject: String; var creator: String; var created: String?; var body: String; var file: String }

    private static func parts(_ writer: DocxBodyWriter, _ meta: Metadata) -> [(String, String)] {
        [("[Content_Types].xml", DocxParts.contentTypes(mediaExtensions: writer.media.map { String($0.name.split(separator: ".").last ?? "") })),
         ("_rels/.rels", DocxParts.packageRelationships),
         ("docProps/core.xml", DocxParts.core(title: meta.title, subject: meta.subject, creator: meta.creator, created: meta.created)),
         ("docProps/app.xml", DocxParts.app),
         ("word/document.xml", DocxParts.document(writer.xml)),
         ("word/styles.xml", DocxParts.styles),
         ("word/numbering.xml", DocxParts.numbering(writer.lists)),
         ("word/footnotes.xml", DocxParts.footnotes(writer.footnotes)),
         ("word/settings.xml", DocxParts.settings),
         ("word/_rels/document.xml.rels", DocxParts.documentRelationships(writer.relationships))]
    }

    /// Web links as written; links to public pages and files of the site as their address under
    /// `basis_url` (a Word file has no "relative"); anything else (no basis_url, a draft) stays text.
    static func webAddress(_ destination: String, from path: String, links: LinkIndex, basisURL: String?) -> String? {
        if DocxMarkdown.isSafeLink(destination) { return destination }
        guard let basisURL, DocxMarkdown.isSafeLink(basisURL) else { return nil }
        let base = basisURL.hasSuffix("/") ? basisURL : basisURL + "/"
        switch links.target(destination, from: path + ".md") {
        case let .webPage(target, leicht, fragment):
            guard links.status(of: target) == .oeffentlich else { return nil }
            return base + (leicht ? "leichte-sprache/" : "") + target + "/" + (fragment.map { "#" + $0 } ?? "")
        case let .filePath(file): return base + file
        case .unchanged, .missing: return nil
        }
    }

    static func uniqueName(_ name: String, taken: Set<String>) -> String {
        let safe = name.replacingOccurrences(of: "/", with: "-")
        guard taken.contains(safe) else { return safe }
        let dot = safe.lastIndex(of: ".") ?? safe.endIndex
        var n = 2
        while taken.contains("\(safe[..<dot])-\(n)\(safe[dot...])") { n += 1 }
        return "\(safe[..<dot])-\(n)\(safe[dot...])"
    }
}
