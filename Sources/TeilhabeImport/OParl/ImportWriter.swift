import Foundation
import TeilhabeSupport
import TeilhabeModel

/// Writes the imported files into the content folder. A file on disk whose bytes differ from what the
/// last import recorded was edited by someone: it is a conflict and stays as it is. Every write goes
/// through a temp file + rename; nothing is written outside the content folder or through a symlink.
struct ImportWriter {
    let content: String
    let old: ImportManifest?
    let dryRun: Bool
    let log: DiagnosticLog
    var records: [String: ImportManifest.FileRecord] = [:]
    var created: [String] = [], changed: [String] = [], removed: [String] = [], unchanged: [String] = [], conflicts: [String] = []
    var attachmentCount = 0

    init(content: String, old: ImportManifest?, dryRun: Bool, log: DiagnosticLog) {
        self.content = content; self.old = old; self.dryRun = dryRun; self.log = log
    }

    /// Downloads, paper files, the two lists, removals. False after a write error (reported in `log`).
    mutating func writeAll(_ c: ImportedContent, bodyName: String, email: String?, importer: OParlImport) async -> Bool {
        var wanted = Set<String>()
        var ok = true
        if !exists("site.yaml"), !dryRun { ok = put("site.yaml", Data(OParlFiles.site(bodyName: bodyName, email: email).utf8)) && ok }
        for v in c.vorlagen {
            var v = v
            var mainBytes: Data?
            var kept: [ImportedContent.FileRecord] = []
            for d in v.dateien {
                if d.isWebPage { kept.append(d); continue }
                guard let bytes = await attachment(d, importer) else { continue }
                wanted.insert(d.pfad); kept.append(d); attachmentCount += 1
                if d.isMain { mainBytes = bytes }
            }
            v.dateien = kept
            let path = "vorlagen/\(v.slug).md"
            wanted.insert(path)
            let (text, fromPDF) = body(v, mainBytes, importer)
            ok = apply(path, Data(OParlFiles.vorlage(v, body: text).utf8)) && ok
            if fromPDF, created.last == path || changed.last == path {
                log.warning("IMPORT-PDF", .oparlPDFLayoutLost(path), at: SourceLocation(file: display(path)))
            }
        }
        if !c.gremien.isEmpty { wanted.insert("gremien.yaml"); ok = apply("gremien.yaml", Data(OParlFiles.gremien(c.gremien).utf8)) && ok }
        if !c.sitzungen.isEmpty { wanted.insert("sitzungen.yaml"); ok = apply("sitzungen.yaml", Data(OParlFiles.sitzungen(c.sitzungen).utf8)) && ok }
        for path in (old?.dateien.keys.sorted() ?? []) where !wanted.contains(path) { remove(path) }
        return ok
    }

    /// The paper's body: the main file's text (PDF, DOCX), else a sentence that links the document.
    private func body(_ v: ImportedContent.Vorlage, _ main: Data?, _ importer: OParlImport) -> (String, fromPDF: Bool) {
        let file = v.dateien.first { $0.isMain }
        if let file, let main, file.isPDF, let text = importer.paperText.pdf(main) { return (text, true) }
        if let file, let main, file.isDOCX, let convert = importer.paperText.docxToMarkdown, let text = try? convert(main) {
            return (text, false)
        }
        return (Message.oparlPaperLinkPage(file: file.map { (titel: $0.titel, url: $0.isWebPage ? $0.url : nil) }, web: v.web).de + "\n", false)
    }

    /// An attachment's bytes: kept from the last run when neither the server's File nor the local file changed.
    private mutating func attachment(_ d: ImportedContent.FileRecord, _ importer: OParlImport) async -> Data? {
        if let r = old?.dateien[d.pfad], r.oparl == d.oparl, r.geaendert != nil, r.geaendert == d.geaendert,
           let disk = read(d.pfad), SHA256.hex(disk) == r.sha256 {
            records[d.pfad] = r; unchanged.append(d.pfad)
            return disk
        }
        do {
            let bytes = try await importer.client.file(d.url)
            guard apply(d.pfad, bytes) else { return nil }
            if records[d.pfad] != nil { records[d.pfad]?.oparl = d.oparl; records[d.pfad]?.geaendert = d.geaendert }
            return bytes
        } catch let e as OParlError {
            log.warning("IMPORT-OPARL", e.message + .oparlAttachmentSkipped, at: SourceLocation(file: d.url))
        } catch {
            log.warning("IMPORT-OPARL", .oparlNoConnection(d.url, "\(error)") + .oparlAttachmentSkipped, at: SourceLocation(file: d.url))
        }
        return nil
    }

    /// Creates, updates or keeps one file; a locally edited one is a conflict. False after a write error.
    mutating func apply(_ path: String, _ bytes: Data) -> Bool {
        let hash = SHA256.hex(bytes)
        let recorded = old?.dateien[path]
        guard let disk = read(path) else {
            created.append(path); records[path] = .init(sha256: hash)
            return dryRun || put(path, bytes)
        }
        let diskHash = SHA256.hex(disk)
        if diskHash == hash { unchanged.append(path); records[path] = .init(sha256: hash); return true }
        guard let recorded, recorded.sha256 == diskHash else {
            conflicts.append(path)
            if let recorded { records[path] = recorded }
            log.warning("IMPORT-KONFLIKT", .oparlConflict, at: SourceLocation(file: display(path)))
            return true
        }
        changed.append(path); records[path] = .init(sha256: hash)
        return dryRun || put(path, bytes)
    }

    /// Removes a file the server no longer has, unless it was edited since.
    private mutating func remove(_ path: String) {
        guard let recorded = old?.dateien[path], let disk = read(path) else { return }
        guard SHA256.hex(disk) == recorded.sha256 else {
            conflicts.append(path); records[path] = recorded
            log.warning("IMPORT-KONFLIKT", .oparlConflictRemoved, at: SourceLocation(file: display(path)))
            return
        }
        removed.append(path)
        guard !dryRun, let target = target(path) else { return }
        unlink(target)
        // An attachment folder of a removed paper goes with its last file.
        let folder = (target as NSString).deletingLastPathComponent
        if path.hasPrefix("anlagen/"), (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true { rmdir(folder) }
    }

    /// Writes by temp file + rename, creating folders inside the content folder. False after an error.
    mutating func put(_ path: String, _ bytes: Data) -> Bool {
        guard let target = target(path) else {
            log.error("IMPORT-OPARL", .oparlUnsafePath(path), at: SourceLocation(file: display(path))); return false
        }
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let e = PosixFile.writeFile(target, bytes)
        guard e == 0 else {
            log.error("IMPORT-OPARL", .oparlCannotWrite(String(cString: strerror(e))), at: SourceLocation(file: display(path)))
            return false
        }
        return true
    }

    /// The absolute path of a content-relative one, or nil when it would leave the folder: `..`, an absolute
    /// path, or a symlink on the way (a link could point anywhere).
    func target(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        var current = content
        for part in parts {
            current = Paths.join(current, String(part))
            var st = stat()
            if lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK { return nil }
        }
        return current
    }

    private func read(_ path: String) -> Data? { target(path).flatMap { FileManager.default.contents(atPath: $0) } }
    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: Paths.join(content, path)) }
    func display(_ path: String) -> String { Paths.join(content, path) }
}
