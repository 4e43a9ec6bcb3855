import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild

/// `teilhabe import docx` (contract section 11): each Word file becomes a Vorlage
/// (`vorlagen/<jahr>-<nnnn>-<slug>.md`) or, with `--art Bericht`, a Bericht, always `status: entwurf`
/// with the easy twin's skeleton beside it: an imported paper has no easy version yet, and a draft
/// cannot be published by accident. Images go into `anlagen/`. Nothing existing is overwritten.
public enum DocxImport {
    public struct Options: Sendable {
        public var files: [String]
        public var content: String
        public var art: String?
        public var nummer: String?
        public var today: CalendarDay

        public init(files: [String], content: String, art: String? = nil, nummer: String? = nil, today: CalendarDay) {
            self.files = files
            self.content = content
            self.art = art
            self.nummer = nummer
            self.today = today
        }
    }

    /// What one run wrote, for the summary: each paper with its images.
    public struct Written: Sendable, Equatable {
        public var paper: String
        public var twin: String
        public var images: [String]
    }

    static let rule = "DOCX"
    /// A Word paper larger than this is not read at all.
    static let maxFileSize = 256 * 1_048_576

    /// Imports every file; errors of one file do not stop the others. Returns what was written.
    public static func run(_ options: Options, log: DiagnosticLog) -> [Written] {
        guard let site = site(options.content, log: log) else { return [] }
        var art: Vorlage.Art?, bericht = false
        if let text = options.art {
            if text.trimmed().lowercased() == "bericht" { bericht = true } else {
                guard let found = parseArt(text, option: true, log: log) else { return [] }
                art = found
            }
        }
        var written: [Written] = []
        for file in options.files {
            if let result = importFile(file, site: site, options: options, art: art, bericht: bericht, log: log) {
                written.append(result)
            }
        }
        return written
    }

    private static func importFile(_ file: String, site: Site, options: Options, art: Vorlage.Art?, bericht: Bool,
                                   log: DiagnosticLog) -> Written? {
        let at = SourceLocation(file: file)
        guard let data = readInput(file, log: log) else { return nil }
        let stem = Slug.make(Paths.lastComponent(file).replacingOccurrences(of: ".docx", with: "", options: [.caseInsensitive]))
        let document: DocxDocument
        do {
            document = try DocxReader.markdown(from: data, imagePrefix: stem.isEmpty ? "bild" : String(stem.prefix(40)))
        } catch {
            log.error(rule, error.message, at: at)
            return nil
        }
        for warning in document.warnings { log.warning(warning.rule, warning.message, at: at) }
        var paper = DocxPaper(document: document, stem: stem, site: site, today: options.today)
        paper.resolve(art: art, nummer: options.nummer, bericht: bericht, log: log, at: at)
        if !bericht { paper.addMissingSections(site.pflichtabschnitte, log: log, at: at) }
        guard let relative = paper.relativePath(content: options.content, bericht: bericht, log: log) else { return nil }
        guard let images = DocxImageWriter.write(&paper.markdown, document.images, content: options.content, log: log, at: at) else {
            return nil
        }
        guard let paths = NewPaper.files(options.content, relative, paper.fileText(bericht: bericht), PaperSkeleton.twin(), log: log) else {
            DocxImageWriter.remove(images)
            return nil
        }
        return Written(paper: paths[0], twin: paths[1], images: images)
    }

    /// The Word file's bytes; a missing, unreadable or oversized file is an error naming it.
    private static func readInput(_ file: String, log: DiagnosticLog) -> Data? {
        let at = SourceLocation(file: file)
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        if let size = attributes?[.size] as? Int, size > maxFileSize {
            log.error(rule, .docxCorrupt(.docxTooLarge(Paths.lastComponent(file), limit: maxFileSize)), at: at)
            return nil
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            log.error(rule, .docxUnreadable(error.localizedDescription), at: at)
            return nil
        }
    }

    /// site.yaml (for the office and the required sections); errors in the project's other files do not matter.
    private static func site(_ content: String, log: DiagnosticLog) -> Site? {
        let loadLog = DiagnosticLog()
        guard let project = ProjektLoader.load(contentRoot: content, log: loadLog) else {
            for d in loadLog.all where d.severity == .error { log.report(d) }
            return nil
        }
        return project.site
    }

    /// `--art` or the file's Vorlagenart; an unknown `--art` is an error with the closest one.
    static func parseArt(_ text: String, option: Bool, log: DiagnosticLog) -> Vorlage.Art? {
        let word = DocxMarkdown.oneLine(text)
        if let art = Vorlage.Art.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() }) { return art }
        if option {
            let permitted = Vorlage.Art.allCases.map(\.rawValue)
            let suggested = Suggest.closest(to: word, in: permitted)
            log.error(rule, .newUnknownArt(word, permitted, suggestion: suggested), at: SourceLocation(file: "--art"),
                      suggestion: suggested)
        }
        return nil
    }
}
