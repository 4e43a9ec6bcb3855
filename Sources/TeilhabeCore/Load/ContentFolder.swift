import Yams

/// A content folder on some file system: paths inside it, and how to name them in messages.
struct ContentFolder {
    /// The folder as given on the command line (`content`, `../projekt/content`, …).
    let root: String
    let io: FileIO
    let log: DiagnosticLog
    let leichteFelder = LeichteFelderSammlung()

    /// The path of a content file as reached from the working directory.
    func display(_ relative: String) -> String { Paths.join(root, relative) }

    func exists(_ relative: String) -> Bool { io.fileExists(display(relative)) }

    func files(in folder: String) -> [String] {
        io.listFiles(display(folder)).map { Paths.join(folder, $0) }
    }

    /// An attachment's size, without reading it where the file access can tell (its fingerprint is
    /// still taken – from the file status cache when unchanged –, so that a changed file is noticed).
    func size(_ relative: String) -> Int? {
        guard (try? io.abdruck(display(relative))) != nil else { return nil }
        return io.groesse(display(relative))
    }

    /// A YAML file's node tree with marks, or nil with an error in the log.
    func yaml(_ relative: String) -> Node? {
        guard let text = text(relative) else { return nil }
        return YAMLFile.parse(text, file: display(relative), log: log)
    }

    /// A YAML file that holds one mapping, read against its known keys; easy-language fields are collected.
    func felder(_ relative: String, known: [String], what: String) -> Fields? {
        guard let node = yaml(relative) else { return nil }
        return Fields(node, known: known, what: what, file: display(relative), lineOffset: 0, log: log, sammlung: leichteFelder)
    }

    /// A text file's contents as UTF-8, or nil with an error in the log.
    func text(_ relative: String) -> String? {
        let path = display(relative)
        guard let data = try? io.read(path) else {
            log.error("IO", "cannot read file", at: SourceLocation(file: path))
            return nil
        }
        guard let text = TextDecoding.utf8(Array(data)) else {
            log.error("ENCODING", "file is not UTF-8 text; save it as UTF-8", at: SourceLocation(file: path))
            return nil
        }
        return text
    }
}
