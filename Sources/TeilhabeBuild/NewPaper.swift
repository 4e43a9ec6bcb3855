import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender

/// `teilhabe neu` and `teilhabe plan vorlage` (contract section 10): a new Vorlage, Bericht or Seite
/// written into the content folder as a draft with its easy twin. A Vorlage gets the next free
/// number of the year (`vorlagen/2026-0007-<slug>.md`, `nummer: "2026/0007"`). Nothing is ever
/// overwritten: a file that exists stops the command, and the twin is only written beside a new paper.
public enum NewPaper {
    public enum Kind: Sendable {
        case vorlage(art: String, betreff: String, federfuehrend: String?)
        case bericht(titel: String)
        case webPage(titel: String)
    }

    /// Rule id of the command's errors.
    package static let rule = "NEU"
    /// The longest slug taken from a title: file names and addresses stay readable.
    static let slugLimit = 60

    /// Writes the new file and its twin; returns both paths (as reached from the working directory),
    /// or nil after logging why not. `heute` is the day in the front matter and the numbering year.
    public static func write(_ kind: Kind, content: String, today: CalendarDay, log: DiagnosticLog) -> [String]? {
        guard let site = site(content, log: log) else { return nil }
        switch kind {
        case let .vorlage(artText, betreff, federfuehrend):
            guard let art = art(artText, log: log), let slug = slug(betreff, option: "--betreff", content, log: log),
                  let (number, filePath) = numbered(content: content, year: today.year, slug: slug, log: log) else { return nil }
            let text = PaperSkeleton.vorlage(art: art, number: number, betreff: betreff.trimmed(), date: today,
                                             federfuehrend: federfuehrend?.trimmed() ?? site.amt ?? site.traeger,
                                             pflichtabschnitte: site.pflichtabschnitte)
            return files(content, "vorlagen/" + filePath, text, PaperSkeleton.twin(), log: log)
        case let .bericht(titel), let .webPage(titel):
            let art: Textseite.Art = if case .bericht = kind { .bericht } else { .webPage }
            guard let slug = slug(titel, option: "--titel", content, log: log) else { return nil }
            let text = PaperSkeleton.textseite(titel: titel.trimmed(), date: today, art: art)
            return files(content, "\(art.rawValue)/\(slug).md", text, PaperSkeleton.twin(), log: log)
        }
    }

    /// The Mitteilungsvorlage on the Fortschreibung of the inclusion plan, numbered like every new paper.
    public static func planVorlage(_ project: Projekt, edition: String?, content: String, today: CalendarDay,
                                   log: DiagnosticLog) -> [String]? {
        // The slug comes with the draft; the number is found first, so the draft is made twice only in name.
        guard let probe = try? PlanVorlage.entwurf(project, edition: edition, today: today, number: "") else {
            log.error("PLAN", PlanVorlage.Failure.noFortschreibung(edition).message, at: SourceLocation(file: content))
            return nil
        }
        guard let (number, filePath) = numbered(content: content, year: today.year, slug: probe.slug, log: log),
              let entwurf = try? PlanVorlage.entwurf(project, edition: edition, today: today, number: number) else { return nil }
        return files(content, "vorlagen/" + filePath, entwurf.markdown, entwurf.leicht, log: log)
    }

    /// site.yaml (for the required sections and the office); the project's other files may have errors.
    private static func site(_ content: String, log: DiagnosticLog) -> Site? {
        let loadFile = DiagnosticLog()
        guard let project = ProjektLoader.load(contentRoot: content, log: loadFile) else {
            for d in loadFile.all where d.severity == .error { log.report(d) }
            return nil
        }
        return project.site
    }

    /// `--art` as a Vorlagenart, or an error with the closest one.
    private static func art(_ text: String, log: DiagnosticLog) -> Vorlage.Art? {
        let word = text.trimmed()
        if let art = Vorlage.Art(rawValue: word) ?? Vorlage.Art.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() }) {
            return art
        }
        let permitted = Vorlage.Art.allCases.map(\.rawValue)
        let suggested = Suggest.closest(to: word, in: permitted)
        log.error(rule, .newUnknownArt(word, permitted, suggestion: suggested), at: SourceLocation(file: "--art"), suggestion: suggested)
        return nil
    }

    /// The file name part made from a title, at most `slugLimit` characters, cut at a dash.
    package static func slug(_ titel: String, option: String, _ content: String, log: DiagnosticLog) -> String? {
        let text = titel.trimmed()
        guard !text.isEmpty else {
            log.error(rule, .newEmptyOption(option), at: SourceLocation(file: option))
            return nil
        }
        guard text.contains(where: { $0.isLetter || $0.isNumber }) else {
            log.error(rule, .newNoSlug(text), at: SourceLocation(file: option))
            return nil
        }
        var slug = Slug.make(text)
        if slug.count > slugLimit {
            slug = String(slug.prefix(slugLimit))
            if let dash = slug.lastIndex(of: "-") { slug = String(slug[..<dash]) }
        }
        return slug
    }
}

extension NewPaper {
    /// The next free number of `year` and the paper's file name: `("2026/0007", "2026-0007-<slug>.md")`.
    package static func numbered(content: String, year: Int, slug: String, log: DiagnosticLog) -> (String, String)? {
        let next = (usedNumbers(content: content, year: year).max() ?? 0) + 1
        guard next <= 9999 else {
            log.error(rule, .newNoNumberLeft, at: SourceLocation(file: Paths.join(content, "vorlagen")))
            return nil
        }
        let nnnn = String(repeating: "0", count: 4 - String(next).count) + String(next)
        return ("\(year)/\(nnnn)", "\(year)-\(nnnn)-\(slug).md")
    }

    /// The numbers of `year` taken in vorlagen/: by file names (`2026-0007-…`) and by `nummer` in the
    /// front matter (`"2026/0007"`), so that neither a renamed file nor a paper with an odd name gets its number twice.
    static func usedNumbers(content: String, year: Int) -> [Int] {
        let folderPath = Paths.join(content, "vorlagen")
        let pathPrefix = "\(year)-"
        var numbers: [Int] = []
        for filePath in FileIO.disk.listFiles(folderPath) where filePath.hasSuffix(".md") {
            let name = Paths.lastComponent(filePath)
            if name.hasPrefix(pathPrefix), let n = Int(name.dropFirst(pathPrefix.count).prefix(4)),
               name.dropFirst(pathPrefix.count + 4).first == "-" { numbers.append(n) }
            guard !name.hasSuffix(".leicht.md"), let payload = try? PosixFile.readFile(Paths.join(folderPath, filePath)) else { continue }
            if let n = frontMatterNumber(String(decoding: payload.prefix(4096), as: UTF8.self), year: year) { numbers.append(n) }
        }
        return numbers
    }

    /// `nummer: "2026/0007"` (quoted or not) in the first lines of a file, when it is of `year`.
    static func frontMatterNumber(_ text: String, year: Int) -> Int? {
        for line in text.split(separator: "\n").prefix(60) where line.hasPrefix("nummer:") {
            let value = line.dropFirst("nummer:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'\r"))
            let parts = value.split(separator: "/")
            guard parts.count == 2, Int(parts[0]) == year else { return nil }
            return Int(parts[1])
        }
        return nil
    }

    /// Writes the paper and then its twin, neither over an existing file; on a failure nothing new stays.
    package static func files(_ content: String, _ relative: String, _ text: String, _ twin: String, log: DiagnosticLog) -> [String]? {
        let path = Paths.join(content, relative)
        let twinPath = String(path.dropLast(".md".count)) + ".leicht.md"
        let present = [path, twinPath].filter { FileManager.default.fileExists(atPath: $0) }
        for filePath in present { log.error(rule, .newFileExists, at: SourceLocation(file: filePath)) }
        guard present.isEmpty else { return nil }
        do {
            try FileManager.default.createDirectory(atPath: Paths.parent(path), withIntermediateDirectories: true)
            // .withoutOverwriting creates exclusively (O_EXCL): a file made meanwhile is not replaced either.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            do {
                try Data(twin.utf8).write(to: URL(fileURLWithPath: twinPath), options: .withoutOverwriting)
            } catch {
                try? FileManager.default.removeItem(atPath: path)
                throw error
            }
        } catch {
            log.error(rule, .newWriteFailed(error.localizedDescription), at: SourceLocation(file: path))
            return nil
        }
        return [path, twinPath]
    }
}
