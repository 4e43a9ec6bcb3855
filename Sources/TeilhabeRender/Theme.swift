import Foundation
import Mustache
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The default theme ships inside the binary (DefaultTheme+Dateien.swift, made from themes/default/).
enum DefaultTheme {}

/// Templates and assets of one build: the built-in theme, overridden file by file by a theme folder.
public struct Theme: Sendable {
    let library: MustacheLibrary
    /// Files copied to the output as they are, by path below the theme (`assets/teilhabe.css`).
    let assets: [String: Data]
    /// Hash input: every template and asset, so caches notice a changed theme.
    public let fingerprint: [String: Data]
    /// Renders repeated context shapes from a PrecompiledTemplate (nil: every page through swift-mustache).
    let templates: TemplateCache?

    /// Loads the built-in theme and lays `overrideFolder` (if any) over it.
    public static func load(overrideFolder: String?, io: FileIO = .disk, templates: Bool = true, log: DiagnosticLog) -> Theme? {
        var files = DefaultTheme.fileList.mapValues { Data($0.utf8) }
        var origin = Dictionary(uniqueKeysWithValues: DefaultTheme.fileList.keys.map { ($0, "built-in theme: \($0)") })
        if let overrideFolder {
            for relative in io.listFiles(overrideFolder) where !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let path = Paths.join(overrideFolder, relative)
                guard let data = try? io.read(path) else {
                    log.error("THEME", .themeFileUnreadable, at: SourceLocation(file: path))
                    continue
                }
                files[relative] = data
                origin[relative] = path
            }
        }
        _ = FastHTML.registered
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        var ok = true
        var broken = Set<String>(), texts: [String: String] = [:]
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            guard name.hasSuffix(".mustache") else { assets[name] = data; continue }
            let file = origin[name] ?? name, vorlage = String(name.dropLast(".mustache".count))
            broken.insert(vorlage)
            guard let text = String(data: data, encoding: .utf8) else {
                log.error("THEME", .templateNotUTF8, at: SourceLocation(file: file))
                ok = false
                continue
            }
            texts[vorlage] = text
            do {
                library.register(try MustacheTemplate(string: FastHTML.pragma + text), named: vorlage)
                broken.remove(vorlage)
            } catch let error as MustacheTemplate.ParserError {
                let sourceLine = error.context.lineNumber - 1   // the pragma line is not the user's
                log.error("THEME", .templateError("\(error.error)"),
                          at: SourceLocation(file: file, line: sourceLine, column: error.context.columnNumber))
                ok = false
            } catch {
                log.error("THEME", .templateError("\(error)"), at: SourceLocation(file: file))
                ok = false
            }
        }
        for required in Theme.requiredTemplates where library.getTemplate(named: required) == nil && !broken.contains(required) {
            log.error("THEME", .themeLacksTemplate(required), at: SourceLocation(file: overrideFolder ?? "theme"))
            ok = false
        }
        return ok ? Theme(library: library, assets: assets, fingerprint: files,
                          templates: templates ? TemplateCache(vorlagen: texts) : nil) : nil
    }

    static let requiredTemplates = ["layout", "vorlage", "textseite", "leicht", "start", "leichte-sprache",
                                    "barrierefreiheit", "liste", "vorlagen", "gremium", "gremien", "sitzung",
                                    "sitzungen", "404", "suche", "gremium-leicht", "sitzung-leicht", "vorlage-druck", "indikator", "indikator-leicht", "indikatoren",
                                    "plan", "plan-leicht", "handlungsfeld", "handlungsfeld-leicht", "fortschreibung",
                                    "fortschreibung-leicht"]

    func render(_ template: String, _ context: [String: Any]) -> String {
        templates?.render(template, context, library: library) ?? library.render(context, withTemplate: template) ?? ""
    }
}
