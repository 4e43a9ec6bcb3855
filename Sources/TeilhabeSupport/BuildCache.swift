import Foundation
import Synchronization

/// `.teilhabe-cache/`: what earlier builds worked out, kept by the fingerprint of its inputs, so
/// that a build redoes only what changed. Each table is a `CacheFile` whose segments each hold a
/// list of (key, encoded value) records, read once at the start; values are `Codable` and encoded
/// with `BinaryCodec`. After a build the records it added are
/// appended as one new segment; once more than half of a file is records no build used lately,
/// it is written anew with just the used ones – so an edit costs a small append, and the cache
/// stays within about twice one build's worth. A missing, old or damaged file (or segment, as a
/// crash in the middle of an append leaves it) is read as far as it is whole: the cache can
/// always be deleted.
public final class BuildCache: Sendable {
    package let folderPath: String?
    private let state = Mutex(State())

    /// What builds change, under one lock: the tables read so far, and those being read ahead.
    private struct State {
        var tables: [String: Table] = [:]
        var upfront: [String: BackgroundTask<Table>] = [:]
        var segmentSize = 4 << 20

        /// The record under `schluessel`, noted as used by this build (so a rewrite keeps it); the table read.
        mutating func use(_ name: String, _ cacheKey: Fingerprint) -> ArraySlice<UInt8>? {
            if let bytes = tables[name]!.used[cacheKey] { return bytes }
            guard let bytes = tables[name]!.old[cacheKey] else { return nil }
            tables[name]!.used[cacheKey] = bytes
            return bytes
        }
    }

    private struct Table {
        package var old: [Fingerprint: ArraySlice<UInt8>] = [:]
        package var used: [Fingerprint: ArraySlice<UInt8>] = [:]
        /// Records this build made (or replaced): what the next append writes.
        package var new: Set<Fingerprint> = []
        /// Bytes of the records in the file, used or not (duplicates included): what a rewrite would drop.
        package var inFile = 0
        /// A table that had no file: what this build adds goes to disk in segments as it comes,
        /// instead of being held until the end (a fresh build of 20,000 pages made ~350 MB of records).
        package var fresh = false
        package var isOpen = 0
        /// The file had a damaged or cut-off segment: what is appended after it would never be read
        /// (reading stops there), so the file is written anew.
        package var damaged = false
    }

    /// Bytes of new records a fresh table holds before it appends them as a segment.
    package var segmentSize: Int {
        get { state.withLock { $0.segmentSize } }
        set { state.withLock { $0.segmentSize = newValue } }
    }

    /// A cache in `ordner`, or none (nil): then every value is made anew.
    public init(folderPath: String?) { self.folderPath = folderPath }

    public static let disabled = BuildCache(folderPath: nil)

    /// The value kept under `schluessel`, else `machen()`'s result, which is then kept.
    package func value<T: Codable>(_ table: String, _ cacheKey: Fingerprint, _ produce: () throws -> T) rethrows -> T {
        if let bytes = lookUp(table, cacheKey), let value = try? BinaryCodec.decodeValue(T.self, from: bytes) {
            return value
        }
        let value = try produce()
        if folderPath != nil, let bytes = try? BinaryCodec.encodeValue(value) { storeEntry(table, cacheKey, bytes[...]) }
        return value
    }

    /// The value kept under `schluessel`, if any.
    package func cached<T: Codable>(_ table: String, _ cacheKey: Fingerprint) -> T? {
        lookUp(table, cacheKey).flatMap { try? BinaryCodec.decodeValue(T.self, from: $0) }
    }

    /// The same for a hand-written type (the file status of every input file): decoded directly.
    package func cached<T: Codable & BinaryValue>(_ table: String, _ cacheKey: Fingerprint) -> T? {
        lookUp(table, cacheKey).flatMap { try? BinaryCodec.decodeValue(T.self, from: $0) }
    }

    /// Keeps a value for later builds (a value already kept under this key stays as it is).
    package func storeEntry<T: Codable>(_ table: String, _ cacheKey: Fingerprint, _ value: T) {
        guard folderPath != nil, lookUp(table, cacheKey) == nil, let bytes = try? BinaryCodec.encodeValue(value) else { return }
        storeEntry(table, cacheKey, bytes[...])
    }

    /// Reads tables ahead, each on its own thread and outside the lock: the loader's first lookups
    /// in a small table (file status) need not wait for a large one to be read.
    public func preload(_ names: [String]) {
        guard folderPath != nil else { return }
        state.withLock { s in
            for name in names where s.tables[name] == nil && s.upfront[name] == nil {
                s.upfront[name] = BackgroundTask { [self] in Timing.measure("cache: read \(name)") { readTable(name) } }
            }
        }
    }

    /// Runs `arbeit` under the lock once the table `name` is read. A table being read ahead is
    /// waited for outside the lock, so that lookups in other tables go on meanwhile.
    private func withTable<R: Sendable>(_ name: String, _ work: (inout State) -> R) -> R {
        while true {
            let (resultValue, reading): (R?, BackgroundTask<Table>?) = state.withLock { s in
                if s.tables[name] == nil {
                    if let reading = s.upfront[name] { return (nil, reading) }
                    s.tables[name] = readTable(name)
                }
                return (work(&s), nil)
            }
            guard let reading else { return resultValue! }
            let table = reading.value
            state.withLock { s in
                if s.tables[name] == nil { s.tables[name] = table }
                s.upfront[name] = nil
            }
        }
    }

    /// Marks records as still needed without reading them (they stay in the file when it is
    /// compacted): the search words of every unchanged page, which an edit build never looks up.
    package func keep(_ table: String, _ cacheKey: [Fingerprint]) {
        guard folderPath != nil else { return }
        withTable(table) { s in for k in cacheKey { _ = s.use(table, k) } }
    }

    /// Keeps a value for later builds, replacing what was kept under `schluessel` (a file's status,
    /// the search index: one record per path or audience that changes from build to build).
    package func replace<T: Codable>(_ table: String, _ cacheKey: Fingerprint, _ value: T) {
        guard folderPath != nil, let bytes = try? BinaryCodec.encodeValue(value) else { return }
        storeEntry(table, cacheKey, bytes[...])
    }

    private func lookUp(_ name: String, _ cacheKey: Fingerprint) -> ArraySlice<UInt8>? {
        guard folderPath != nil else { return nil }
        return withTable(name) { s in s.use(name, cacheKey) }
    }

    private func storeEntry(_ name: String, _ cacheKey: Fingerprint, _ bytes: ArraySlice<UInt8>) {
        withTable(name) { s in
            s.tables[name]!.used[cacheKey] = bytes
            s.tables[name]!.new.insert(cacheKey)
            s.tables[name]!.isOpen += bytes.count
            if s.tables[name]!.fresh, s.tables[name]!.isOpen > s.segmentSize { writeOut(name, in: &s) }
        }
    }

    /// Appends a fresh table's new records to its file and lets go of their bytes (a later lookup in
    /// this build makes the value again); the file starts with the header line. Called under the lock.
    private func writeOut(_ name: String, in s: inout State) {
        guard let folderPath, var table = s.tables[name] else { return }
        let new = table.new.compactMap { k in table.used[k].map { (k, $0) } }
        guard !new.isEmpty else { return }
        if table.inFile == 0 {
            PosixFile.createFolder(folderPath)
            guard PosixFile.writeFile(filePath(name), CacheFile.header) == 0 else { return }
        }
        CacheFile.appendSegment(filePath(name), BuildCache.payload(new))
        for (k, value) in new { table.used[k] = nil; table.inFile += 24 + value.count }
        table.new = []
        table.isOpen = 0
        s.tables[name] = table
    }

    /// Appends what this build added to each table, or writes a table anew when most of its file
    /// is no longer used.
    public func save() {
        guard let folderPath else { return }
        state.withLock { s in save(folderPath, &s) }
    }

    private func save(_ folderPath: String, _ s: inout State) {
        try? FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
        // Git must never pick the cache up, whatever the project's own .gitignore says.
        let ignore = Paths.join(folderPath, ".gitignore")
        if !FileManager.default.fileExists(atPath: ignore) { PosixFile.writeFile(ignore, Array("*\n".utf8)) }
        cleanUp(s.tables)
        for name in s.tables.keys.sorted() where s.tables[name]!.fresh { writeOut(name, in: &s) }
        for (name, table) in s.tables.sorted(by: { $0.key < $1.key }) where !table.fresh {
            let new = table.new.compactMap { k in table.used[k].map { (k, $0) } }
            let used = table.used.values.reduce(0) { $0 + 24 + $1.count }
            if table.inFile > 0, !table.damaged, table.inFile + new.reduce(0, { $0 + 24 + $1.1.count }) <= 2 * used + 65_536 {
                if !new.isEmpty { CacheFile.appendSegment(filePath(name), BuildCache.payload(new)) }
            } else if table.inFile > 0 || !new.isEmpty || table.damaged {
                PosixFile.writeFile(filePath(name), CacheFile.header + CacheFile.segment(BuildCache.payload(Array(table.used))))
            }
        }
    }

    /// Removes table files an older version left (their tables are named differently or read as empty).
    private func cleanUp(_ tables: [String: Table]) {
        for (name, art) in PosixFile.entries(folderPath!) ?? []
        where art == .filePath && name.hasSuffix(".bin") && tables[String(name.dropLast(4))] == nil {
            let path = Paths.join(folderPath!, name)
            if !CacheFile.startsWithHeader(path) { unlink(path) }
        }
    }

    /// A segment's payload: the records as a list of `CacheRecord`.
    private static func payload(_ entries: [(Fingerprint, ArraySlice<UInt8>)]) -> [UInt8] {
        let p = BinaryCodec.Buffer()
        p.bytes.reserveCapacity(entries.reduce(8) { $0 + 24 + $1.1.count })
        p.list(entries) { CacheRecord(key: $0.0, value: $0.1).binary(p) }
        return p.bytes
    }

    private func filePath(_ name: String) -> String { Paths.join(folderPath!, name + ".bin") }

    /// Whether a table's file exists (a first build has none, and so nothing cached in it).
    package func hasTable(_ name: String) -> Bool { folderPath.map { _ in access(filePath(name), F_OK) == 0 } ?? false }

    /// A table's file, as far as it is whole; later records replace earlier ones with the same key.
    /// A segment that does not decode ends the reading as a damaged one does.
    private func readTable(_ name: String) -> Table {
        var empty = Table()
        empty.fresh = true
        guard let bytes = PosixFile.bytes(filePath(name)), bytes.starts(with: CacheFile.header) else { return empty }
        var table = Table()
        let (payloads, whole) = CacheFile.segments(bytes)
        table.damaged = !whole
        for payload in payloads {
            // The values stay slices of the file's bytes: only those looked up are decoded.
            let d = BinaryCodec.BinaryDecoder(payload)
            guard let entries = try? d.valueList(CacheRecord.self), d.position == payload.endIndex else { table.damaged = true; break }
            for e in entries {
                table.old[e.key] = e.value
                table.inFile += 24 + e.value.count
            }
        }
        // Most records are used again: room for them now, not by growing during the build.
        table.used.reserveCapacity(table.old.count)
        return table
    }
}

/// One record of a table: a key and its value's encoding (a slice of the file when read).
private struct CacheRecord: BinaryValue {
    var key: Fingerprint
    var value: ArraySlice<UInt8>

    init(key: Fingerprint, value: ArraySlice<UInt8>) { self.key = key; self.value = value }

    init(binary d: BinaryCodec.BinaryDecoder) throws { key = try Fingerprint(binary: d); value = try d.rawData() }

    func binary(_ p: BinaryCodec.Buffer) {
        key.binary(p)
        p.number(UInt64(value.count))
        p.bytes.append(contentsOf: value)
    }
}
