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
    package let ordner: String?
    private let state = Mutex(State())

    /// What builds change, under one lock: the tables read so far, and those being read ahead.
    private struct State {
        var tabellen: [String: Tabelle] = [:]
        var vorab: [String: BackgroundTask<Tabelle>] = [:]
        var segmentGroesse = 4 << 20

        /// The record under `schluessel`, noted as used by this build (so a rewrite keeps it); the table read.
        mutating func benutzen(_ name: String, _ schluessel: Fingerprint) -> ArraySlice<UInt8>? {
            if let bytes = tabellen[name]!.benutzt[schluessel] { return bytes }
            guard let bytes = tabellen[name]!.alt[schluessel] else { return nil }
            tabellen[name]!.benutzt[schluessel] = bytes
            return bytes
        }
    }

    private struct Tabelle {
        package var alt: [Fingerprint: ArraySlice<UInt8>] = [:]
        package var benutzt: [Fingerprint: ArraySlice<UInt8>] = [:]
        /// Records this build made (or replaced): what the next append writes.
        package var neu: Set<Fingerprint> = []
        /// Bytes of the records in the file, used or not (duplicates included): what a rewrite would drop.
        package var imDatei = 0
        /// A table that had no file: what this build adds goes to disk in segments as it comes,
        /// instead of being held until the end (a fresh build of 20,000 pages made ~350 MB of records).
        package var frisch = false
        package var offen = 0
        /// The file had a damaged or cut-off segment: what is appended after it would never be read
        /// (reading stops there), so the file is written anew.
        package var beschaedigt = false
    }

    /// Bytes of new records a fresh table holds before it appends them as a segment.
    package var segmentGroesse: Int {
        get { state.withLock { $0.segmentGroesse } }
        set { state.withLock { $0.segmentGroesse = newValue } }
    }

    /// A cache in `ordner`, or none (nil): then every value is made anew.
    public init(ordner: String?) { self.ordner = ordner }

    public static let keiner = BuildCache(ordner: nil)

    /// The value kept under `schluessel`, else `machen()`'s result, which is then kept.
    package func wert<T: Codable>(_ tabelle: String, _ schluessel: Fingerprint, _ machen: () throws -> T) rethrows -> T {
        if let bytes = nachschlagen(tabelle, schluessel), let wert = try? BinaryCodec.dekodieren(T.self, aus: bytes) {
            return wert
        }
        let wert = try machen()
        if ordner != nil, let bytes = try? BinaryCodec.kodieren(wert) { ablegen(tabelle, schluessel, bytes[...]) }
        return wert
    }

    /// The value kept under `schluessel`, if any.
    package func lesen<T: Codable>(_ tabelle: String, _ schluessel: Fingerprint) -> T? {
        nachschlagen(tabelle, schluessel).flatMap { try? BinaryCodec.dekodieren(T.self, aus: $0) }
    }

    /// The same for a hand-written type (the file status of every input file): decoded directly.
    package func lesen<T: Codable & BinaryValue>(_ tabelle: String, _ schluessel: Fingerprint) -> T? {
        nachschlagen(tabelle, schluessel).flatMap { try? BinaryCodec.dekodieren(T.self, aus: $0) }
    }

    /// Keeps a value for later builds (a value already kept under this key stays as it is).
    package func ablegen<T: Codable>(_ tabelle: String, _ schluessel: Fingerprint, _ wert: T) {
        guard ordner != nil, nachschlagen(tabelle, schluessel) == nil, let bytes = try? BinaryCodec.kodieren(wert) else { return }
        ablegen(tabelle, schluessel, bytes[...])
    }

    /// Reads tables ahead, each on its own thread and outside the lock: the loader's first lookups
    /// in a small table (file status) need not wait for a large one to be read.
    public func vorladen(_ namen: [String]) {
        guard ordner != nil else { return }
        state.withLock { s in
            for name in namen where s.tabellen[name] == nil && s.vorab[name] == nil {
                s.vorab[name] = BackgroundTask { [self] in Timing.messen("cache: read \(name)") { lesen(name) } }
            }
        }
    }

    /// Runs `arbeit` under the lock once the table `name` is read. A table being read ahead is
    /// waited for outside the lock, so that lookups in other tables go on meanwhile.
    private func mitTabelle<R: Sendable>(_ name: String, _ arbeit: (inout State) -> R) -> R {
        while true {
            let (ergebnis, lesend): (R?, BackgroundTask<Tabelle>?) = state.withLock { s in
                if s.tabellen[name] == nil {
                    if let lesend = s.vorab[name] { return (nil, lesend) }
                    s.tabellen[name] = lesen(name)
                }
                return (arbeit(&s), nil)
            }
            guard let lesend else { return ergebnis! }
            let tabelle = lesend.wert
            state.withLock { s in
                if s.tabellen[name] == nil { s.tabellen[name] = tabelle }
                s.vorab[name] = nil
            }
        }
    }

    /// Marks records as still needed without reading them (they stay in the file when it is
    /// compacted): the search words of every unchanged page, which an edit build never looks up.
    package func behalten(_ tabelle: String, _ schluessel: [Fingerprint]) {
        guard ordner != nil else { return }
        mitTabelle(tabelle) { s in for k in schluessel { _ = s.benutzen(tabelle, k) } }
    }

    /// Keeps a value for later builds, replacing what was kept under `schluessel` (a file's status,
    /// the search index: one record per path or audience that changes from build to build).
    package func replace<T: Codable>(_ tabelle: String, _ schluessel: Fingerprint, _ wert: T) {
        guard ordner != nil, let bytes = try? BinaryCodec.kodieren(wert) else { return }
        ablegen(tabelle, schluessel, bytes[...])
    }

    private func nachschlagen(_ name: String, _ schluessel: Fingerprint) -> ArraySlice<UInt8>? {
        guard ordner != nil else { return nil }
        return mitTabelle(name) { s in s.benutzen(name, schluessel) }
    }

    private func ablegen(_ name: String, _ schluessel: Fingerprint, _ bytes: ArraySlice<UInt8>) {
        mitTabelle(name) { s in
            s.tabellen[name]!.benutzt[schluessel] = bytes
            s.tabellen[name]!.neu.insert(schluessel)
            s.tabellen[name]!.offen += bytes.count
            if s.tabellen[name]!.frisch, s.tabellen[name]!.offen > s.segmentGroesse { wegschreiben(name, in: &s) }
        }
    }

    /// Appends a fresh table's new records to its file and lets go of their bytes (a later lookup in
    /// this build makes the value again); the file starts with the header line. Called under the lock.
    private func wegschreiben(_ name: String, in s: inout State) {
        guard let ordner, var tabelle = s.tabellen[name] else { return }
        let neu = tabelle.neu.compactMap { k in tabelle.benutzt[k].map { (k, $0) } }
        guard !neu.isEmpty else { return }
        if tabelle.imDatei == 0 {
            PosixFile.ordnerAnlegen(ordner)
            guard PosixFile.schreiben(datei(name), CacheFile.header) == 0 else { return }
        }
        CacheFile.appendSegment(datei(name), BuildCache.payload(neu))
        for (k, wert) in neu { tabelle.benutzt[k] = nil; tabelle.imDatei += 24 + wert.count }
        tabelle.neu = []
        tabelle.offen = 0
        s.tabellen[name] = tabelle
    }

    /// Appends what this build added to each table, or writes a table anew when most of its file
    /// is no longer used.
    public func speichern() {
        guard let ordner else { return }
        state.withLock { s in speichern(ordner, &s) }
    }

    private func speichern(_ ordner: String, _ s: inout State) {
        try? FileManager.default.createDirectory(atPath: ordner, withIntermediateDirectories: true)
        // Git must never pick the cache up, whatever the project's own .gitignore says.
        let ignore = Paths.join(ordner, ".gitignore")
        if !FileManager.default.fileExists(atPath: ignore) { PosixFile.schreiben(ignore, Array("*\n".utf8)) }
        aufraeumen(s.tabellen)
        for name in s.tabellen.keys.sorted() where s.tabellen[name]!.frisch { wegschreiben(name, in: &s) }
        for (name, tabelle) in s.tabellen.sorted(by: { $0.key < $1.key }) where !tabelle.frisch {
            let neu = tabelle.neu.compactMap { k in tabelle.benutzt[k].map { (k, $0) } }
            let benutzt = tabelle.benutzt.values.reduce(0) { $0 + 24 + $1.count }
            if tabelle.imDatei > 0, !tabelle.beschaedigt, tabelle.imDatei + neu.reduce(0, { $0 + 24 + $1.1.count }) <= 2 * benutzt + 65_536 {
                if !neu.isEmpty { CacheFile.appendSegment(datei(name), BuildCache.payload(neu)) }
            } else if tabelle.imDatei > 0 || !neu.isEmpty || tabelle.beschaedigt {
                PosixFile.schreiben(datei(name), CacheFile.header + CacheFile.segment(BuildCache.payload(Array(tabelle.benutzt))))
            }
        }
    }

    /// Removes table files an older version left (their tables are named differently or read as empty).
    private func aufraeumen(_ tabellen: [String: Tabelle]) {
        for (name, art) in PosixFile.eintraege(ordner!) ?? []
        where art == .datei && name.hasSuffix(".bin") && tabellen[String(name.dropLast(4))] == nil {
            let pfad = Paths.join(ordner!, name)
            if !CacheFile.startsWithHeader(pfad) { unlink(pfad) }
        }
    }

    /// A segment's payload: the records as a list of `CacheRecord`.
    private static func payload(_ eintraege: [(Fingerprint, ArraySlice<UInt8>)]) -> [UInt8] {
        let p = BinaryCodec.Buffer()
        p.bytes.reserveCapacity(eintraege.reduce(8) { $0 + 24 + $1.1.count })
        p.liste(eintraege) { CacheRecord(key: $0.0, value: $0.1).binaer(p) }
        return p.bytes
    }

    private func datei(_ name: String) -> String { Paths.join(ordner!, name + ".bin") }

    /// Whether a table's file exists (a first build has none, and so nothing cached in it).
    package func hatTabelle(_ name: String) -> Bool { ordner.map { _ in access(datei(name), F_OK) == 0 } ?? false }

    /// A table's file, as far as it is whole; later records replace earlier ones with the same key.
    /// A segment that does not decode ends the reading as a damaged one does.
    private func lesen(_ name: String) -> Tabelle {
        var leer = Tabelle()
        leer.frisch = true
        guard let bytes = PosixFile.bytes(datei(name)), bytes.starts(with: CacheFile.header) else { return leer }
        var tabelle = Tabelle()
        let (payloads, whole) = CacheFile.segments(bytes)
        tabelle.beschaedigt = !whole
        for payload in payloads {
            // The values stay slices of the file's bytes: only those looked up are decoded.
            let d = BinaryCodec.BinaryDecoder(payload)
            guard let eintraege = try? d.werte(CacheRecord.self), d.stelle == payload.endIndex else { tabelle.beschaedigt = true; break }
            for e in eintraege {
                tabelle.alt[e.key] = e.value
                tabelle.imDatei += 24 + e.value.count
            }
        }
        // Most records are used again: room for them now, not by growing during the build.
        tabelle.benutzt.reserveCapacity(tabelle.alt.count)
        return tabelle
    }
}

/// One record of a table: a key and its value's encoding (a slice of the file when read).
private struct CacheRecord: BinaryValue {
    var key: Fingerprint
    var value: ArraySlice<UInt8>

    init(key: Fingerprint, value: ArraySlice<UInt8>) { self.key = key; self.value = value }

    init(binaer d: BinaryCodec.BinaryDecoder) throws { key = try Fingerprint(binaer: d); value = try d.rohdaten() }

    func binaer(_ p: BinaryCodec.Buffer) {
        key.binaer(p)
        p.zahl(UInt64(value.count))
        p.bytes.append(contentsOf: value)
    }
}
