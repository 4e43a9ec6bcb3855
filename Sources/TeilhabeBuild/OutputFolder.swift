import Foundation
import Synchronization
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender

/// Writes a site into its output folder. Every input error is found before this stage runs, so
/// a failed build never gets here. Changed files are written below `.teilhabe-neu/` first and moved
/// into place together at the end (`OutputCommit`): a write the file system refuses (a full disk,
/// permissions) leaves the old site as it was, and a refused move is undone. Only files whose bytes
/// changed are written (creating files is what costs most on disk), and files the new build no
/// longer has are removed. Nothing is written or compared through a link in the folder.
public struct OutputFolder: Sendable {
    public struct Tally: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
        /// Of the unchanged ones: not even made again, because their inputs were unchanged.
        public var skipped = 0
    }

    public enum Failure: Error, CustomStringConvertible {
        case foreignFolder(String)
        case noFolder(String)
        case invalidPath(String)
        case writeFile(String, Int32)
        case sourceOutside(String)
        /// The commit was refused at a path; `restored`: the old site is back in place.
        case adopt(String, Int32, restored: Bool)

        /// The file the message is about.
        public var pfad: String {
            switch self {
            case let .foreignFolder(p), let .noFolder(p), let .invalidPath(p), let .writeFile(p, _),
                 let .sourceOutside(p), let .adopt(p, _, _): return p
            }
        }

        /// Whether the output folder is known to hold the old site (or nothing was written).
        public var keptOld: Bool {
            if case let .adopt(_, _, restored) = self { return restored }
            return true
        }

        public var messageText: Message {
            switch self {
            case .foreignFolder: return .outputForeignFolder(marker: OutputFolder.marker)
            case .noFolder: return .outputIsAFile
            case .invalidPath: return .outputPathEscapes
            case let .writeFile(_, code): return .cannotWrite(String(cString: strerror(code)))
            case .sourceOutside: return .attachmentSourceOutside
            case let .adopt(_, code, restored):
                return .commitFailed(String(cString: strerror(code)), restored: restored)
            }
        }

        public var description: String { "\(pfad): error: \(messageText.de)" }
    }

    /// Checks before a build begins that the folder can take it: absent, empty or teilhabe's own.
    /// Returns its entries.
    public func validate() throws -> [String] {
        var info = stat()
        guard stat(pfad, &info) == 0 else { return [] }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw Failure.noFolder(pfad) }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: pfad)) ?? []
        if !contents.isEmpty, !contents.contains(OutputFolder.marker) { throw Failure.foreignFolder(pfad) }
        return contents
    }

    /// Marks a folder as teilhabe's output, so that stale files are only ever removed from such a folder.
    public static let marker = ".teilhabe-ausgabe"

    public let pfad: String

    public init(_ pfad: String) { self.pfad = pfad }

    /// Writes files as they come, from any thread: pages go to the staging folder as soon as they
    /// are rendered, so a large site is never held in memory. The first error is kept and thrown at the end.
    public final class Writer: Sendable {
        let folderPath: OutputFolder
        /// Told of every file of this build; its list of the last build's files spares a walk of the folder.
        let plan: OutputManifest?
        /// The content folder, resolved: copied attachments must lie inside it.
        let quelle: String?
        /// For tests: refuses a write or a step of the commit, as a full disk would.
        let fault: (@Sendable (String) -> Int32?)?
        /// The folder held nothing (or did not exist) when the build began: every file is new.
        private let startedEmpty: Bool
        private let state = Mutex(State())

        /// What the writing threads change, under one lock.
        private struct State {
            var tally = Tally()
            var writtenPaths = Set<String>()
            /// Files staged for the commit (changed or new).
            var ready = Set<String>()
            /// Folders of the output (relative) known to be real folders, not links.
            var realFolders: Set<String> = [""]
            /// Files whose bytes this build changed, added or removed (what an open preview must reload).
            var changed = Set<String>()
            var errors: Error?
            /// Files and pages of the group kept as a whole (they are in no list of this build's files).
            var keptGroup = (fileList: 0, auditedPages: 0)
        }

        /// Files whose bytes this build changed, added or removed (what an open preview must reload).
        public var changed: Set<String> { state.withLock { $0.changed } }

        /// Files and pages of the group kept as a whole (they are in no list of this build's files).
        public var keptGroup: (fileList: Int, auditedPages: Int) { state.withLock { $0.keptGroup } }

        /// Checks the folder (ours or empty), creates it and its marker, clears what an interrupted build left.
        public init(_ folderPath: OutputFolder, plan: OutputManifest? = nil, quelle: String? = nil,
                    fault: (@Sendable (String) -> Int32?)? = nil) throws {
            self.folderPath = folderPath
            self.plan = plan
            self.quelle = quelle
            self.fault = fault
            let pfad = folderPath.pfad
            startedEmpty = try folderPath.validate().isEmpty
            guard PosixFile.createFolder(pfad) else { throw Failure.writeFile(pfad, errno) }
            try folderPath.writeIfChanged(Paths.join(pfad, OutputFolder.marker), Data("teilhabe\n".utf8))
            do { try OutputCommit.prepare(root: pfad) } catch let OutputCommit.Failure.refused(p, code, _) {
                throw Failure.writeFile(p, code)
            }
        }

        public func writeFile(_ filePath: OutputFile) {
            do {
                let relative = filePath.path
                guard OutputCommit.isSitePath(relative) else { throw Failure.invalidPath(relative) }
                let payload: Data
                switch filePath.contents {
                case let .payload(d): payload = d
                case let .copy(quelle): payload = try copy(quelle)
                case .written: return   // streamed or kept while rendering
                case .keep: keep(relative); return
                }
                let new = try provide(relative, payload)
                state.withLock { s in
                    if new { s.tally.written += 1; s.changed.insert(relative); s.ready.insert(relative) } else { s.tally.unchanged += 1 }
                    s.writtenPaths.insert(relative)
                }
            } catch {
                state.withLock { s in if s.errors == nil { s.errors = error } }
            }
        }

        /// An attachment's bytes, read only when it lies (resolved) inside the content folder.
        private func copy(_ pfad: String) throws -> Data {
            guard let quelle, Containment.isInside(pfad, rootReal: quelle), let bytes = PosixFile.bytes(pfad) else {
                throw Failure.sourceOutside(pfad)
            }
            return Data(bytes)
        }

        /// Writes the file into the staging folder unless the output already holds these bytes; true when staged.
        private func provide(_ relative: String, _ payload: Data) throws -> Bool {
            if !startedEmpty, realFolder(Paths.parent(relative)),
               let old = PosixFile.bytes(Paths.join(folderPath.pfad, relative), follow: false),
               old.count == payload.count, payload.withUnsafeBytes({ $0.elementsEqual(old) }) {
                return false
            }
            let target = Paths.join(folderPath.pfad, OutputCommit.stagingName, relative)
            let code = fault?(relative) ?? folderPath.withFolder(target) { PosixFile.direct(target, payload, new: true) }
            guard code == 0 else { throw Failure.writeFile(Paths.join(folderPath.pfad, relative), code) }
            return true
        }

        /// Whether a folder of the output (relative) and all above it are real folders, not links.
        private func realFolder(_ relative: String) -> Bool {
            if state.withLock({ $0.realFolders.contains(relative) }) { return true }
            guard realFolder(Paths.parent(relative)) else { return false }
            var info = stat()
            guard lstat(Paths.join(folderPath.pfad, relative), &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
            state.withLock { _ = $0.realFolders.insert(relative) }
            return true
        }

        /// Keeps a file the last build wrote and this one would write alike.
        public func keep(_ pfad: String) {
            state.withLock { s in
                s.tally.unchanged += 1
                s.tally.skipped += 1
                s.writtenPaths.insert(pfad)
            }
        }

        /// Keeps the last build's group of files without a page's body (lists, meetings, OParl) as a whole.
        package func keepGroup(fileList: Int, auditedPages: Int) {
            state.withLock { s in
                s.tally.unchanged += fileList
                s.tally.skipped += fileList
                s.keptGroup = (fileList, auditedPages)
            }
        }

        /// Throws the first write error (the staged files are dropped, the old site stays), else moves
        /// the staged files into place, removes what this build did not write or keep, and returns the counts.
        public func finishRun() throws -> Tally {
            try state.withLock { s throws -> Tally in try finishRun(&s) }
        }

        private func finishRun(_ s: inout State) throws -> Tally {
            if let errors = s.errors { OutputCommit.discard(root: folderPath.pfad); throw errors }
            plan?.remember(s.writtenPaths)
            // A folder that was empty when the build began holds only what it wrote: nothing to look for.
            let gone = plan?.isStale(s.writtenPaths).map { Array($0) }
                ?? (startedEmpty ? [] : folderPath.stale(keep: s.writtenPaths))
            var commit = OutputCommit(root: folderPath.pfad)
            commit.fault = fault
            do {
                try commit.run(staged: Array(s.ready), stale: gone, intoEmpty: startedEmpty)
            } catch let OutputCommit.Failure.refused(p, code, restored) {
                throw Failure.adopt(Paths.join(folderPath.pfad, p), code, restored: restored)
            }
            s.tally.removed = commit.removed.count
            s.changed.formUnion(commit.removed)
            return s.tally
        }
    }

    /// The size of a file in the folder.
    func byteSize(_ relative: String) -> Int? {
        var info = stat()
        return stat(Paths.join(pfad, relative), &info) == 0 ? Int(info.st_size) : nil
    }

    /// Replaces one file through `<name>.teilhabe-tmp` + rename, so that it is never seen half-written
    /// (the marker, and pages the preview writes ahead of a build). Nothing is written through a link:
    /// the folder it goes into must lie, resolved, inside the output folder. Returns false when the
    /// file already had these bytes.
    @discardableResult
    package func writeIfChanged(_ target: String, _ payload: Data) throws -> Bool {
        let old = PosixFile.bytes(target, follow: false)
        if let old, old.count == payload.count, payload.withUnsafeBytes({ $0.elementsEqual(old) }) { return false }
        let code = withFolder(target) {
            let parents = Paths.parent(target)
            if let rootPath = Containment.realPath(pfad), access(parents, F_OK) == 0,
               !Containment.isInside(parents.isEmpty ? "." : parents, rootReal: rootPath) { return ELOOP }
            return PosixFile.writeFile(target, payload)
        }
        guard code == 0 else { throw Failure.writeFile(target, code) }
        return true
    }

    /// Runs a write (errno or 0) and, where it failed for a missing folder, makes the folder and runs
    /// it again. Folders are made when a write finds them missing: no lookup before every file, and
    /// threads writing into the same new folder cannot trip over each other.
    private func withFolder(_ target: String, _ writeFile: () -> Int32) -> Int32 {
        let code = writeFile()
        guard code == ENOENT, PosixFile.createFolder(Paths.parent(target)) else { return code }
        return writeFile()
    }

    /// Every file (or link, or other entry that is no folder) below the folder that this build did not
    /// write or keep. Plain readdir: the entry type comes with the name, so no file needs a stat.
    func stale(keep: Set<String>) -> [String] {
        var isStale: [String] = []
        func walk(_ relative: String) {
            for (name, art) in PosixFile.entries(relative.isEmpty ? pfad : Paths.join(pfad, relative)) ?? [] {
                let kind = relative.isEmpty ? name : relative + "/" + name
                if relative.isEmpty, name == OutputCommit.stagingName || name == OutputCommit.backupName || name == OutputFolder.marker {
                    continue
                }
                if art == .folderPath { walk(kind) } else if !keep.contains(kind) { isStale.append(kind) }
            }
        }
        walk("")
        return isStale
    }
}

extension OutputFolder.Writer: PageSink {}
