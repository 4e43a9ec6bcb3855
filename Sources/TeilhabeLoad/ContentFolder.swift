import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// A content folder on some file system: paths inside it, and how to name them in messages.
package struct ContentFolder {
    /// The folder as given on the command line (`content`, `../projekt/content`, …).
    let root: String
    let io: FileIO
    package let log: DiagnosticLog
    let easyFields = EasyFieldCollection()
    /// Records that exist but did not load (or loaded with an error), by what could be read of them.
    let broken = BrokenRecordsCollector()

    package init(root: String, io: FileIO, log: DiagnosticLog) {
        self.root = root
        self.io = io
        self.log = log
    }

    /// The path of a content file as reached from the working directory.
    func display(_ relative: String) -> String { Paths.join(root, relative) }

    func exists(_ relative: String) -> Bool { io.fileExists(display(relative)) }

    func files(in folder: String) -> [String] {
        io.listFiles(display(folder)).map { Paths.join(folder, $0) }
    }

    /// An attachment's size, without reading it where the file access can tell (its fingerprint is
    /// still taken – from the file status cache when unchanged –, so that a changed file is noticed).
    func size(_ relative: String) -> Int? {
        guard (try? io.inputFingerprint(display(relative))) != nil else { return nil }
        return io.byteSize(display(relative))
    }

    /// A YAML file's node tree with marks, `.empty` for a file without a document, or `.failed` with
    /// an error in the log.
    func yaml(_ relative: String) -> YAMLFile.Parsed {
        guard let text = text(relative) else { return .failed }
        return YAMLFile.parse(text, file: display(relative), log: log)
    }

    /// A YAML file that holds one mapping, read against its known keys; easy-language fields are collected.
    /// An empty file is an error of its own: its keys are not all missing one by one.
    func fields(_ relative: String, known: [String], what: String) -> Fields? {
        guard let text = text(relative) else { return nil }
        switch YAMLFile.parse(text, file: display(relative), log: log) {
        case let .node(node):
            return Fields(node, known: known, what: what, file: display(relative), lineOffset: 0, log: log,
                          collection: easyFields, source: YAMLSource(text))
        case .empty:
            log.error("YAML", .emptyYAMLFile(what),
                      at: SourceLocation(file: display(relative)))
            return nil
        case .failed:
            return nil
        }
    }

    /// A text file's contents as UTF-8, or nil with an error in the log.
    func text(_ relative: String) -> String? {
        let path = display(relative)
        guard let data = try? io.read(path) else {
            log.error("IO", .fileUnreadable, at: SourceLocation(file: path))
            return nil
        }
        let bytes = Array(data)
        // Valid UTF-8 may still hold NUL bytes: UTF-16 text without a byte order mark looks like that.
        guard let text = TextDecoding.utf8(bytes), !bytes.contains(0) else {
            let problem = EncodingProblem.find(bytes)
            log.error("ENCODING", problem?.message ?? .notUTF8,
                      at: SourceLocation(file: path, line: problem?.line, column: problem?.column))
            return nil
        }
        return text
    }
}
