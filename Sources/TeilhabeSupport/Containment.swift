import Foundation

/// Keeps every input inside the folder it belongs to. A symbolic link whose target lies outside
/// that folder (or nowhere) is refused: `ln -s /etc/shadow content/anlagen/x.pdf` must never
/// publish a file from elsewhere on the machine.
package enum Containment {
    /// The canonical absolute path, every symbolic link resolved; nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` exists and, resolved, lies in the folder whose canonical path is `rootReal`.
    package static func isInside(_ path: String, rootReal: String) -> Bool {
        guard let real = realPath(path) else { return false }
        return real == rootReal || real.hasPrefix(rootReal == "/" ? "/" : rootReal + "/")
    }

    /// Every symbolic link below `root` that leads out of it or to nothing: paths as reached from
    /// the working directory, sorted. Linked folders are not entered (the loaders do not enter them either).
    package static func escapingLinks(below root: String) -> [String] {
        guard let rootReal = realPath(root) else { return [] }
        var found: [String] = []
        func walk(_ folder: String) {
            for (name, kind) in PosixFile.entries(folder) ?? [] {
                let path = folder + "/" + name
                switch kind {
                case .folderPath: walk(path)
                case .reference: if !isInside(path, rootReal: rootReal) { found.append(path) }
                case .filePath, .other: break
                }
            }
        }
        walk(root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root)
        return found.sorted()
    }

    /// Logs one error per link below `root` that leads out of it; false when there was any.
    package static func check(_ root: String, what: Message, log: DiagnosticLog) -> Bool {
        let links = escapingLinks(below: root)
        for link in links {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) ?? "?"
            log.error("LINK", .symlinkLeavesFolder(target: target, folder: what),
                      at: SourceLocation(file: link))
        }
        return links.isEmpty
    }
}

extension FileIO {
    /// The same file access, refusing to read any file that lies, resolved, outside `root`
    /// (a second line behind `Containment.check`, for links made while a build runs).
    package func confined(to root: String) -> FileIO {
        guard let rootReal = Containment.realPath(root) else { return self }
        let inner = self
        @Sendable func guarded(_ path: String) throws -> String {
            guard Containment.isInside(path, rootReal: rootReal) else {
                throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
            return path
        }
        var io = FileIO(read: { try inner.read(try guarded($0)) },
                        listFiles: { (try? guarded($0)).map(inner.listFiles) ?? [] },
                        fileExists: inner.fileExists,
                        isDirectory: inner.isDirectory)
        io.fingerprintWithData = { try inner.fingerprintWithData(try guarded($0)) }
        io.byteSize = { (try? guarded($0)).flatMap(inner.byteSize) }
        return io
    }
}
