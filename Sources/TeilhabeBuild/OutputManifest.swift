import Foundation
import Synchronization
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender

/// Which output file the last build made from which inputs (path → fingerprint), kept in
/// `.teilhabe-cache/`. A file whose fingerprint is unchanged and that is still in the output
/// folder is neither built nor written again. The plan is removed before the first write and
/// saved after the last, so a build that stops half-way leaves no plan and the next one checks
/// every file's bytes instead of trusting it. On disk a `StoredPlan` in a `CacheFile`.
public final class OutputManifest: Sendable {
    private let filePath: String
    private let outputPath: String
    /// The last build's files outside the group; nil when there is no usable plan (or the cache is not used).
    private let previous: [String: Fingerprint?]?
    /// The outputs that show no page's body (lists, meetings, feeds, OParl: three in four files) and
    /// the key they were made under. While every page's front matter is unchanged they are kept as a
    /// whole, so their records stay one unread block of bytes that goes into the next plan as it is.
    private let oldGroup: (cacheKey: Fingerprint, block: ArraySlice<UInt8>)?
    /// The group's folders as the last build left them (change and modification time).
    private let oldFolder: [String: Fingerprint]
    private let state: Mutex<State>

    /// What this build changes, under one lock (the last build's plan above is only read).
    private struct State {
        /// The group's records once read: when the group is made again, or a file is asked for that is
        /// not among the others.
        var oldMembers: [String: Fingerprint?]?
        /// A file of the group was written ahead by the preview: the group cannot be kept.
        var groupFirst = false
        /// The old group was kept.
        var keepGroup = false
        var current: [String: Fingerprint?] = [:]
        var newGroup: (cacheKey: Fingerprint?, members: Set<String>) = (nil, [])
        /// The group was kept, so its folders are those the plan lists.
        var folderKnown = false
    }

    /// `nutzen` false: the old plan is not read (but still invalidated before writing).
    init(cache: String, outputPath: String, reuse: Bool) {
        self.outputPath = outputPath
        filePath = OutputManifest.filePath(cache: cache, outputPath: outputPath)
        var s = State()
        guard reuse, var plan = OutputManifest.load(filePath), let upfront = OutputManifest.upfront(filePath + ".vorab") else {
            (previous, oldGroup, oldFolder) = (nil, nil, [:])
            state = Mutex(s)
            return
        }
        for path in upfront {
            if plan.previous[path] != nil { plan.previous[path] = .some(nil) }
            if OutputManifest.members(&s, plan.groupName?.block)[path] != nil { s.oldMembers![path] = .some(nil); s.groupFirst = true }
        }
        (previous, oldGroup, oldFolder) = (plan.previous, plan.groupName, plan.folderPath)
        state = Mutex(s)
    }

    /// A plan as the last build saved it.
    private struct SavedPlan {
        var previous: [String: Fingerprint?] = [:]
        var groupName: (cacheKey: Fingerprint, block: ArraySlice<UInt8>)?
        var folderPath: [String: Fingerprint] = [:]
    }

    /// The plan in `datei`; nil when there is none, or it is of another version or damaged.
    private static func load(_ filePath: String) -> SavedPlan? {
        guard let saved = CacheFile.load(filePath, as: StoredPlan.self) else { return nil }
        var plan = SavedPlan()
        plan.previous.reserveCapacity(saved.fileList.count)
        for e in saved.fileList { plan.previous[e.path] = .some(e.cacheKey) }
        for e in saved.folderPath { plan.folderPath[e.path] = e.cacheKey ?? Fingerprint(a: 0, b: 0) }
        plan.groupName = saved.groupName.map { ($0.cacheKey, $0.entries[...]) }
        return plan
    }

    /// The files the preview wrote ahead of a build (none when there is no list); nil when the list
    /// is damaged or of another version: then the plan cannot be trusted.
    private static func upfront(_ filePath: String) -> [String]? {
        guard let bytes = PosixFile.bytes(filePath) else { return access(filePath, F_OK) == 0 ? nil : [] }
        let (payloads, whole) = CacheFile.segments(bytes)
        guard whole else { return nil }
        var paths: [String] = []
        for payload in payloads {
            guard let list = try? BinaryCodec.decodeValue([String].self, from: payload) else { return nil }
            paths += list
        }
        return paths
    }

    /// The old group's records, read on first use (under the lock, or in `init`).
    private func members(_ s: inout State) -> [String: Fingerprint?] { OutputManifest.members(&s, oldGroup?.block) }

    private static func members(_ s: inout State, _ groupName: ArraySlice<UInt8>?) -> [String: Fingerprint?] {
        if let oldMembers = s.oldMembers { return oldMembers }
        var alreadyRead: [String: Fingerprint?] = [:]
        if let block = groupName {
            alreadyRead.reserveCapacity(block.count / 80)
            if let entries = PlanEntry.entries(block) {
                for e in entries { alreadyRead[e.path] = .some(e.cacheKey) }
            } else {
                s.groupFirst = true   // a damaged block: the group is made again
            }
        }
        s.oldMembers = alreadyRead
        return alreadyRead
    }

    private static func filePath(cache: String, outputPath: String) -> String {
        let absolute = URL(fileURLWithPath: outputPath).standardizedFileURL.path
        return Paths.join(cache, "ausgabe-\(Fingerprint.of(Array(absolute.utf8)).description.prefix(12)).bin")
    }

    /// True when the file at `pfad` was made from the same inputs and is still there.
    package func unchanged(_ path: String, _ cacheKey: Fingerprint?) -> Bool {
        guard let cacheKey else { return false }
        let before: Fingerprint? = state.withLock { s in
            s.current[path] = cacheKey
            guard let previous else { return nil }
            if let entry = previous[path] { return entry }
            return members(&s)[path] ?? nil
        }
        guard before == cacheKey else { return false }
        // A regular file, not a link planted in its place (which the build then replaces).
        var info = stat()
        return lstat(Paths.join(outputPath, path), &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// The files and pages of the last build's group, when it was made under `schluessel` and every
    /// file is still there as that build made it (none written ahead by the preview); they are kept
    /// for this build. Nil: the group's jobs must run.
    package func groupName(_ cacheKey: Fingerprint) -> (fileList: Int, auditedPages: Int)? {
        let g = oldGroup, valid = previous != nil && !state.withLock { $0.groupFirst }
        guard valid, let g, g.cacheKey == cacheKey, allPresent(g.block) else { return nil }
        var fileList = 0, auditedPages = 0
        let intact = PlanEntry.paths(g.block) { path in
            fileList += 1
            if path.count >= 5, path.suffix(5).elementsEqual(".html".utf8) { auditedPages += 1 }
        }
        guard intact else { return nil }   // a damaged block: the group is made again
        state.withLock { s in
            s.folderKnown = !oldFolder.isEmpty
            s.keepGroup = true
            s.newGroup.cacheKey = cacheKey
        }
        return (fileList, auditedPages)
    }

    /// The last build's files this build did not make (to be removed); nil without a plan.
    func isStale(_ made: Set<String>) -> Set<String>? {
        guard let previous else { return nil }
        return state.withLock { s in
            var allItems = Set(previous.keys)
            if !s.keepGroup { allItems.formUnion(members(&s).keys) }
            return allItems.subtracting(made)
        }
    }

    /// Whether every file is still in the output folder. As git trusts a file whose status is
    /// unchanged, a folder whose modification and change time are as the last build left them has
    /// had no entry added, removed or renamed since: its files are there. The plan holds the times
    /// of every folder of the group (zero where a folder had changed too recently to be trusted);
    /// only folders whose times differ are read – a few hundred lookups instead of one per file
    /// (13,500 for 2,000 papers).
    private func allPresent(_ block: ArraySlice<UInt8>) -> Bool {
        let outputPath = outputPath, allItems = Array(oldFolder)
        let sameStamp = Parallel.map(allItems.count) { i in OutputManifest.fileStamp(Paths.join(outputPath, allItems[i].key)) == allItems[i].value }
        let toRead = Set(zip(allItems, sameStamp).filter { !$1 }.map(\.0.key))
        if !allItems.isEmpty, toRead.isEmpty { return true }
        let paths: [String]
        if allItems.isEmpty {
            paths = state.withLock { Array(members(&$0).keys) }
        } else {
            paths = OutputManifest.directlyIn(toRead, block)
        }
        let folderPath = Array(OutputManifest.byFolder(paths).filter { allItems.isEmpty || toRead.contains($0.key) })
        let missing = Parallel.map(folderPath.count) { i -> Bool in
            let (relative, names) = folderPath[i]
            guard let entries = PosixFile.entries(Paths.join(outputPath, relative)) else { return true }
            let present = Set(entries.lazy.filter { $0.art == .filePath }.map(\.name))
            return !names.allSatisfy { present.contains($0) }
        }.contains(true)
        return !missing
    }

    /// The paths of the block's records that lie directly in one of `ordner` (a folder written to by
    /// every edit build, as `suche/`), found without making a string of every other record's path.
    private static func directlyIn(_ folderPath: Set<String>, _ block: ArraySlice<UInt8>) -> [String] {
        let pathPrefixes = folderPath.map { $0.isEmpty ? [] : Array(($0 + "/").utf8) }
        var paths: [String] = []
        _ = PlanEntry.paths(block) { path in
            for p in pathPrefixes where path.starts(with: p) && !path.dropFirst(p.count).contains(0x2F) {
                if let text = String(validating: path, as: UTF8.self) { paths.append(text) }
            }
        }
        return paths
    }

    /// Files by the folder they lie in (relative; "" for the output folder itself).
    private static func byFolder<S: Sequence>(_ paths: S) -> [String: [String]] where S.Element == String {
        var resultValue: [String: [String]] = [:]
        for path in paths {
            let cut = path.lastIndex(of: "/")
            let folderPath = cut.map { String(path[..<$0]) } ?? "", name = cut.map { String(path[path.index(after: $0)...]) } ?? path
            resultValue[folderPath, default: []].append(name)
        }
        return resultValue
    }

    /// A folder's modification and change time, in nanoseconds; nil when it is missing or changed
    /// so recently that a further change could fall into the same tick of the file system's clock
    /// and leave the times as they were: 100 ms where times carry nanoseconds (ext4, xfs, btrfs;
    /// their clock ticks every few milliseconds), two seconds where they do not (FAT's 2 s steps).
    private static func fileStamp(_ folderPath: String) -> Fingerprint? {
        var info = stat(), currentTime = timespec()
        guard stat(folderPath, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, clock_gettime(CLOCK_REALTIME, &currentTime) == 0 else { return nil }
        func ns(_ t: timespec) -> Int64 { Int64(t.tv_sec) &* 1_000_000_000 &+ Int64(t.tv_nsec) }
        let fineGrained = info.st_mtim.tv_nsec != 0 || info.st_ctim.tv_nsec != 0
        guard ns(currentTime) - max(ns(info.st_mtim), ns(info.st_ctim)) > (fineGrained ? 100_000_000 : 2_000_000_000) else { return nil }
        return Fingerprint(a: UInt64(bitPattern: ns(info.st_mtim)), b: UInt64(bitPattern: ns(info.st_ctim)))
    }

    /// Notes a file of this build as one of the group made under `gruppe`.
    package func addMember(_ path: String, groupName: Fingerprint) {
        state.withLock { s in
            s.newGroup.cacheKey = groupName
            s.newGroup.members.insert(path)
        }
    }

    /// The size of a file in the output folder.
    package func byteSize(_ path: String) -> Int? { OutputFolder(outputPath).byteSize(path) }

    /// Notes files of this build without a key (for the next build's list of what it may have to remove).
    func remember(_ paths: Set<String>) {
        state.withLock { s in for path in paths where s.current[path] == nil { s.current[path] = .some(nil) } }
    }

    /// Notes files the preview is about to write ahead of a build, from inputs that build may not
    /// accept: the next plan read forgets what they were made from, so that they are made again.
    /// A short list beside the plan, written before the files themselves.
    package static func prefer(_ paths: Set<String>, cache: String, outputPath: String) {
        let filePath = OutputManifest.filePath(cache: cache, outputPath: outputPath) + ".vorab"
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        CacheFile.append(filePath, paths.sorted())
    }

    /// Before the first write: from now on the folder may differ from the old plan.
    func invalidate() { unlink(filePath) }

    /// After the last write.
    func save() {
        let plan = state.withLock { s in saved(&s) }
        try? FileManager.default.createDirectory(atPath: Paths.parent(filePath), withIntermediateDirectories: true)
        // The files written ahead are in this plan as this build made them.
        if CacheFile.save(filePath, plan) == 0 { unlink(filePath + ".vorab") }
    }

    /// The plan: this build's files, the group's as one block, and the group's folders.
    private func saved(_ s: inout State) -> StoredPlan {
        let current = s.current, newGroup = s.newGroup
        var plan = StoredPlan()
        plan.fileList.reserveCapacity(current.count)
        // The group's records form a block when it has a key and each of them has one (else it
        // cannot be kept as a whole, and its files are listed as any other).
        let groupName = newGroup.cacheKey.flatMap { k in newGroup.members.allSatisfy { (current[$0] ?? nil) != nil } ? k : nil }
        for (path, cacheKey) in current.sorted(by: { $0.key < $1.key }) where groupName == nil || !newGroup.members.contains(path) {
            plan.fileList.append(PlanEntry(path: path, cacheKey: cacheKey))
        }
        if s.keepGroup, let oldGroupValue = oldGroup {
            plan.groupName = PlanGroup(cacheKey: oldGroupValue.cacheKey, entries: Array(oldGroupValue.block))
        } else if let groupName {
            let entries = newGroup.members.sorted().map { PlanEntry(path: $0, cacheKey: current[$0]!) }
            plan.groupName = PlanGroup(cacheKey: groupName, entries: PlanEntry.block(entries))
        }
        // The group's folders as this build leaves them (zero: changed too recently to be trusted).
        if groupName != nil {
            let folderPath = s.folderKnown ? Array(oldFolder.keys)
                : Array(OutputManifest.byFolder(s.keepGroup ? Set(members(&s).keys) : newGroup.members).keys)
            let outputPath = outputPath
            let states = Parallel.map(folderPath.count) { i in OutputManifest.fileStamp(Paths.join(outputPath, folderPath[i])) }
            for (path, fileStamp) in zip(folderPath, states).sorted(by: { $0.0 < $1.0 }) {
                plan.folderPath.append(PlanEntry(path: path, cacheKey: fileStamp ?? Fingerprint(a: 0, b: 0)))
            }
        }
        return plan
    }
}

extension OutputManifest: OutputPlan {}
