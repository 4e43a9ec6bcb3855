import TeilhabeSupport

/// The output plan as it lies in `.teilhabe-cache/ausgabe-….bin`: a `CacheFile` of one value.
struct StoredPlan: Codable, BinaryValue {
    /// The files outside the group, each with the key it was made under (nil: made without one).
    var fileList: [PlanEntry] = []
    var groupName: PlanGroup?
    /// The group's folders with their modification and change time (zero: changed too recently to be trusted).
    var folderPath: [PlanEntry] = []

    init(fileList: [PlanEntry] = [], groupName: PlanGroup? = nil, folderPath: [PlanEntry] = []) {
        (self.fileList, self.groupName, self.folderPath) = (fileList, groupName, folderPath)
    }

    // Read at the start of every build, thousands of entries: by hand, not through keyed containers.
    init(binary d: BinaryCodec.BinaryDecoder) throws {
        fileList = try d.valueList()
        groupName = try d.optional { PlanGroup(cacheKey: try Fingerprint(binary: d), entries: Array(try d.rawData())) }
        folderPath = try d.valueList()
    }

    func binary(_ p: BinaryCodec.Buffer) {
        p.valueList(fileList)
        p.optional(groupName) { g in g.cacheKey.binary(p); p.number(UInt64(g.entries.count)); p.bytes += g.entries }
        p.valueList(folderPath)
    }
}

/// The outputs that show no page's body, kept as a whole while their key is unchanged: their
/// records stay one unread block (a `[PlanEntry]` in the cache's codec) that goes into the next
/// plan as it is.
struct PlanGroup: Codable {
    var cacheKey: Fingerprint
    var entries: [UInt8]
}

/// A path and a fingerprint: an output file and its key, or a folder and its times.
struct PlanEntry: Codable, BinaryValue {
    var path: String
    var cacheKey: Fingerprint?

    init(path: String, cacheKey: Fingerprint?) { self.path = path; self.cacheKey = cacheKey }

    // Thousands per plan: by hand, not through a keyed container.
    init(binary d: BinaryCodec.BinaryDecoder) throws {
        path = try d.text()
        cacheKey = try d.optional { try Fingerprint(binary: d) }
    }

    func binary(_ p: BinaryCodec.Buffer) {
        p.text(path)
        p.optional(cacheKey) { $0.binary(p) }
    }

    /// An entry's path as bytes, without making a String (the same layout as `binaer`).
    static func path(_ d: BinaryCodec.BinaryDecoder) throws -> ArraySlice<UInt8> {
        let path = try d.rawData()
        _ = try d.optional { try Fingerprint(binary: d) }
        return path
    }

    /// A group's block: the entries in the cache's codec.
    static func block(_ entries: [PlanEntry]) -> [UInt8] {
        let p = BinaryCodec.Buffer()
        p.bytes.reserveCapacity(entries.count * 80)
        p.valueList(entries)
        return p.bytes
    }

    /// A block's entries; nil when it is damaged.
    static func entries(_ block: ArraySlice<UInt8>) -> [PlanEntry]? {
        let d = BinaryCodec.BinaryDecoder(block)
        guard let entries = try? d.valueList(PlanEntry.self), d.position == block.endIndex else { return nil }
        return entries
    }

    /// Calls `jeder` with the path bytes of each of a block's entries; false when it is damaged.
    static func paths(_ block: ArraySlice<UInt8>, _ each: (ArraySlice<UInt8>) -> Void) -> Bool {
        let d = BinaryCodec.BinaryDecoder(block)
        guard let n = try? d.number(), n <= UInt64(block.count) else { return false }
        for _ in 0..<n {
            guard let path = try? path(d) else { return false }
            each(path)
        }
        return d.position == block.endIndex
    }
}
