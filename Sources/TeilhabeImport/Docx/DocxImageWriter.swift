import Foundation
import TeilhabeSupport

/// Writes the images of an imported file into `content/anlagen/`, each exclusively (O_EXCL): a file of
/// that name with the same bytes is used as it is, one with other bytes gets the next free name.
enum DocxImageWriter {
    /// The paths written, or nil after logging why not (then nothing of this file stays).
    static func write(_ markdown: inout String, _ images: [DocxImage], content: String, log: DiagnosticLog,
                      at: SourceLocation) -> [String]? {
        guard !images.isEmpty else { return [] }
        let folder = Paths.join(content, "anlagen")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            log.error(DocxImport.rule, .newWriteFailed(error.localizedDescription), at: SourceLocation(file: folder))
            return nil
        }
        // anlagen/ may be a link: it must lead to a folder inside the content folder.
        guard let rootReal = Containment.realPath(content), Containment.isInside(folder, rootReal: rootReal) else {
            log.error("LINK", .symlinkLeavesFolder(target: Containment.realPath(folder) ?? "?", folder: .contentFolderName),
                      at: SourceLocation(file: folder))
            return nil
        }
        var written: [String] = []
        for image in images {
            guard let name = place(image, folder: folder, rootReal: rootReal, written: &written, log: log) else {
                remove(written)
                return nil
            }
            if name != image.name { markdown = markdown.replacingOccurrences(of: "](anlagen/\(image.name))", with: "](anlagen/\(name))") }
        }
        return written
    }

    private static func place(_ image: DocxImage, folder: String, rootReal: String, written: inout [String], log: DiagnosticLog) -> String? {
        let dot = image.name.lastIndex(of: ".") ?? image.name.endIndex
        let stem = image.name[..<dot], ext = image.name[dot...]
        for n in 1...999 {
            let name = n == 1 ? image.name : "\(stem)-\(n)\(ext)"
            let path = Paths.join(folder, name)
            if FileManager.default.fileExists(atPath: path) {
                // A link out of the content folder is never read, not even to compare.
                if Containment.isInside(path, rootReal: rootReal), FileManager.default.contents(atPath: path) == image.data { return name }
                continue
            }
            do {
                try image.data.write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
                written.append(path)
                return name
            } catch {
                log.error(DocxImport.rule, .newWriteFailed(error.localizedDescription), at: SourceLocation(file: path))
                return nil
            }
        }
        return nil
    }

    static func remove(_ paths: [String]) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }
}
