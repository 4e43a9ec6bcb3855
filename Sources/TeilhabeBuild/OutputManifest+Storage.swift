import TeilhabeSupport

/// The output plan as it lies in `.teilhabe-cache/ausgabe-….bin`: a `CacheFile` of one value.
struct StoredPlan: Codable, BinaryValue {
    /// The files outside the group, each with the key it was made under (nil: made without one).
    var dateien: [PlanEntry] = []
    var gruppe: PlanGroup?
    /// The group's folders with their modification and change time (zero: changed too recently to be trusted).
    var ordner: [PlanEntry] = []

    init(dateien: [PlanEntry] = [], gruppe: PlanGroup? = nil, ordner: [PlanEntry] = []) {
        (self.dateien, self.gruppe, self.ordner) = (dateien, gruppe, ordner)
    }

    // Read at the start of every build, thousands of entries: by hand, not through keyed containers.
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        dateien = try d.werte()
        gruppe = try d.optional { PlanGroup(schluessel: try Fingerprint(binaer: d), eintraege: Array(try d.rohdaten())) }
        ordner = try d.werte()
    }

    func binaer(_ p: BinaryCodec.Buffer) {
        p.werte(dateien)
        p.optional(gruppe) { g in g.schluessel.binaer(p); p.zahl(UInt64(g.eintraege.count)); p.bytes += g.eintraege }
        p.werte(ordner)
    }
}

/// The outputs that show no page's body, kept as a whole while their key is unchanged: their
/// records stay one unread block (a `[PlanEntry]` in the cache's codec) that goes into the next
/// plan as it is.
struct PlanGroup: Codable {
    var schluessel: Fingerprint
    var eintraege: [UInt8]
}

/// A path and a fingerprint: an output file and its key, or a folder and its times.
struct PlanEntry: Codable, BinaryValue {
    var pfad: String
    var schluessel: Fingerprint?

    init(pfad: String, schluessel: Fingerprint?) { self.pfad = pfad; self.schluessel = schluessel }

    // Thousands per plan: by hand, not through a keyed container.
    init(binaer d: BinaryCodec.BinaryDecoder) throws {
        pfad = try d.text()
        schluessel = try d.optional { try Fingerprint(binaer: d) }
    }

    func binaer(_ p: BinaryCodec.Buffer) {
        p.text(pfad)
        p.optional(schluessel) { $0.binaer(p) }
    }

    /// An entry's path as bytes, without making a String (the same layout as `binaer`).
    static func path(_ d: BinaryCodec.BinaryDecoder) throws -> ArraySlice<UInt8> {
        let pfad = try d.rohdaten()
        _ = try d.optional { try Fingerprint(binaer: d) }
        return pfad
    }

    /// A group's block: the entries in the cache's codec.
    static func block(_ eintraege: [PlanEntry]) -> [UInt8] {
        let p = BinaryCodec.Buffer()
        p.bytes.reserveCapacity(eintraege.count * 80)
        p.werte(eintraege)
        return p.bytes
    }

    /// A block's entries; nil when it is damaged.
    static func entries(_ block: ArraySlice<UInt8>) -> [PlanEntry]? {
        let d = BinaryCodec.BinaryDecoder(block)
        guard let eintraege = try? d.werte(PlanEntry.self), d.stelle == block.endIndex else { return nil }
        return eintraege
    }

    /// Calls `jeder` with the path bytes of each of a block's entries; false when it is damaged.
    static func paths(_ block: ArraySlice<UInt8>, _ jeder: (ArraySlice<UInt8>) -> Void) -> Bool {
        let d = BinaryCodec.BinaryDecoder(block)
        guard let n = try? d.zahl(), n <= UInt64(block.count) else { return false }
        for _ in 0..<n {
            guard let pfad = try? path(d) else { return false }
            jeder(pfad)
        }
        return d.stelle == block.endIndex
    }
}
