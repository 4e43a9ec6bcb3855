import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
/// Attachments named in front matter must exist inside the content folder.
enum AnlagenCheck {
    static func run(_ project: Projekt, log: DiagnosticLog) {
        let anlagen = project.vorlagen.flatMap(\.anlagen) + project.texts.flatMap(\.anlagen)
        for anlage in anlagen {
            guard let path = Paths.resolve(anlage.filePath), !anlage.filePath.hasPrefix("/") else {
                log.error("ANLAGE", .attachmentOutside(anlage.filePath),
                          at: anlage.location)
                continue
            }
            if project.anlagen[path] == nil {
                let suggestion = Suggest.closest(to: path, in: Array(project.anlagen.keys))
                log.error("ANLAGE", .attachmentNotFound(anlage.filePath, suggestion: suggestion), at: anlage.location,
                          suggestion: suggestion)
            }
        }
    }
}
