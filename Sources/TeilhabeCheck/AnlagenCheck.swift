import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Attachments named in front matter must exist inside the content folder.
enum AnlagenCheck {
    static func run(_ projekt: Projekt, log: DiagnosticLog) {
        let anlagen = projekt.vorlagen.flatMap(\.anlagen) + projekt.texte.flatMap(\.anlagen)
        for anlage in anlagen {
            guard let path = Paths.resolve(anlage.datei), !anlage.datei.hasPrefix("/") else {
                log.error("ANLAGE", .attachmentOutside(anlage.datei),
                          at: anlage.location)
                continue
            }
            if projekt.anlagen[path] == nil {
                let suggestion = Suggest.closest(to: path, in: Array(projekt.anlagen.keys))
                log.error("ANLAGE", .attachmentNotFound(anlage.datei, suggestion: suggestion), at: anlage.location,
                          suggestion: suggestion)
            }
        }
    }
}
