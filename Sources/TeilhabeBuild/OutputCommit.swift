import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender

/// Moves a build's staged files into the output folder as one transaction. Every changed file was
/// first written below `.teilhabe-neu/` (where a full disk or a refused write stops the build with
/// the old site untouched); here they are renamed into place, stale files are moved aside, and a
/// file that stands where a folder must go (or the other way round) is moved aside too. Each step
/// is journalled with a backup (a hard link of the replaced file, or the moved entry itself) below
/// `.teilhabe-alt/`, so that a step the file system refuses undoes all earlier ones: the folder is
/// then the old site again. A build killed in the middle leaves no plan behind (the plan is removed
/// before the first write), so the next build compares every file and repairs the folder.
struct OutputCommit {
    static let stagingName = ".teilhabe-neu"
    static let backupName = ".teilhabe-alt"

    enum Failure: Error {
        /// The step that failed, its errno, and whether undoing the earlier steps worked.
        case refused(path: String, code: Int32, restored: Bool)
    }

    private enum Step {
        case placed(String, backup: String?)
        case placedTree(String)
        case createdFolder(String)
        case movedAside(String, backup: String)
        case removedFolder(String)
    }

    let root: String
    /// For tests: an errno to refuse the step on a path with, as a full disk or a swapped folder would.
    var fault: (@Sendable (String) -> Int32?)?
    /// The stale files that were there and are gone after the commit.
    private(set) var removed: [String] = []
    private var journal: [Step] = []
    private var backups = 0
    private var knownFolders: Set<String> = [""]

    init(root: String) { self.root = root }

    var staging: String { Paths.join(root, OutputCommit.stagingName) }
    var backup: String { Paths.join(root, OutputCommit.backupName) }

    /// Removes what an interrupted build left behind and makes an empty staging folder.
    static func prepare(root: String) throws {
        let commit = OutputCommit(root: root)
        removeTree(commit.staging)
        removeTree(commit.backup)
        guard mkdir(commit.staging, 0o755) == 0 else { throw Failure.refused(path: commit.staging, code: errno, restored: true) }
    }

    /// Commits: stale files out, staged files in, emptied folders removed. `intoEmpty`: the folder
    /// held nothing when the build began, so each top-level entry of the staging folder moves as a whole.
    mutating func run(staged: [String], stale: [String], intoEmpty: Bool) throws {
        guard mkdir(backup, 0o755) == 0 || errno == EEXIST else { throw Failure.refused(path: backup, code: errno, restored: true) }
        defer {   // after a rollback too: it needs the backups until it is done
            OutputCommit.removeTree(staging)
            OutputCommit.removeTree(backup)
        }
        do {
            // A path from the cache's plan is trusted no further than the folder: none may climb out.
            for path in stale.sorted() where OutputCommit.isSitePath(path) {
                if try moveAside(path) { removed.append(path) }
            }
            if intoEmpty {
                for name in (PosixFile.entries(staging) ?? []).map(\.name).sorted() { try placeTree(name) }
            } else {
                for path in staged.sorted() { try place(path) }
            }
            try pruneFolders(of: stale)
        } catch let Failure.refused(path, code, _) {
            throw Failure.refused(path: path, code: code, restored: rollback())
        }
    }

    /// A path a site may have: inside the folder (no empty, "." or ".." part) and not one of the
    /// commit's own folders (`.teilhabe-neu/`, `.teilhabe-alt/`) or the marker.
    static func isSitePath(_ path: String) -> Bool {
        Paths.isResolved(path) && !path.hasPrefix(".teilhabe-")
    }

    /// Drops the staged files of a build that failed before its commit.
    static func discard(root: String) { removeTree(OutputCommit(root: root).staging) }

    // MARK: Steps

    private mutating func place(_ path: String) throws {
        try ensureFolder(Paths.parent(path))
        let target = full(path)
        var info = stat()
        var kept: String?
        if lstat(target, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFREG, let name = nextBackup(), link(target, Paths.join(backup, name)) == 0 {
                kept = name
            } else {
                try moveAside(path)   // a folder, a link or anything else where the file goes
            }
        }
        try attempt(path) { rename(Paths.join(staging, path), target) }
        journal.append(.placed(path, backup: kept))
    }

    private mutating func placeTree(_ name: String) throws {
        var info = stat()
        if lstat(full(name), &info) == 0 { try moveAside(name) }
        try attempt(name) { rename(Paths.join(staging, name), full(name)) }
        journal.append(.placedTree(name))
    }

    /// Makes sure `folder` (relative) is a real folder, moving aside a file or link in its way.
    private mutating func ensureFolder(_ folder: String) throws {
        guard !knownFolders.contains(folder) else { return }
        try ensureFolder(Paths.parent(folder))
        var info = stat()
        if lstat(full(folder), &info) == 0 {
            if info.st_mode & S_IFMT != S_IFDIR { try moveAside(folder) } else { knownFolders.insert(folder); return }
        }
        try attempt(folder) { mkdir(full(folder), 0o755) }
        journal.append(.createdFolder(folder))
        knownFolders.insert(folder)
    }

    @discardableResult
    private mutating func moveAside(_ path: String) throws -> Bool {
        var info = stat()
        guard lstat(full(path), &info) == 0 else { return false }
        guard let name = nextBackup() else { throw Failure.refused(path: path, code: EIO, restored: true) }
        try attempt(path) { rename(full(path), Paths.join(backup, name)) }
        journal.append(.movedAside(path, backup: name))
        return true
    }

    /// Removes the folders that stale files left empty (a folder still holding anything stays).
    private mutating func pruneFolders(of stale: [String]) throws {
        let folders = Set(stale.flatMap { path -> [String] in
            var all: [String] = [], folder = Paths.parent(path)
            while !folder.isEmpty { all.append(folder); folder = Paths.parent(folder) }
            return all
        })
        // Deepest first, so that a parent is empty by the time it is tried.
        for folder in folders.sorted(by: { $0.count > $1.count }) where rmdir(full(folder)) == 0 {
            journal.append(.removedFolder(folder))
        }
    }

    // MARK: Undo

    /// Undoes the journal from its end; true when every step could be undone.
    private mutating func rollback() -> Bool {
        var ok = true
        for step in journal.reversed() {
            switch step {
            case let .placed(path, backup: kept?): ok = rename(Paths.join(backup, kept), full(path)) == 0 && ok
            case let .placed(path, backup: nil): ok = unlink(full(path)) == 0 && ok
            case let .placedTree(name): ok = OutputCommit.removeTree(full(name)) && ok
            case let .createdFolder(folder): ok = rmdir(full(folder)) == 0 && ok
            case let .movedAside(path, backup: kept): ok = rename(Paths.join(backup, kept), full(path)) == 0 && ok
            case let .removedFolder(folder): ok = mkdir(full(folder), 0o755) == 0 && ok
            }
        }
        journal = []
        return ok
    }

    // MARK: Helpers

    private func full(_ path: String) -> String { Paths.join(root, path) }

    private mutating func nextBackup() -> String? {
        backups += 1
        return String(backups)
    }

    /// Runs one file-system call (0 or -1 with errno); a test's `fault` may refuse it first.
    private func attempt(_ path: String, _ call: () -> Int32) throws {
        if let code = fault?(path) { throw Failure.refused(path: path, code: code, restored: true) }
        guard call() == 0 else { throw Failure.refused(path: path, code: errno, restored: true) }
    }

    /// `rm -rf` that never follows a link (FileManager removes a link, not its target); true when gone.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        return (try? FileManager.default.removeItem(atPath: path)) != nil
    }
}
