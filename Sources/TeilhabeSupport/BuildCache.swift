import Foundation

/// `.teilhabe-cache/`: what earlier builds worked out, kept by the fingerprint of its inputs, so
/// that a build redoes only what changed. Each table is one file of (key, encoded value) records
/// in checksummed segments, read once at the start. After a build the records it added are
/// appended as one new segment; once more than half of a file is records no build used lately,
/// it is written anew with just the used ones – so an edit costs a small append, and the cache
/// stays within about twice one build's worth. A missing, old or damaged file (or segment, as a
/// crash in the middle of an append leaves it) is read as far as it is whole: the cache can
/// always be deleted.
public final class BuildCache: @unchecked Sendable {
    /// Changes whenever a cached type's layout changes (the binary format has no keys).
    package static let formatVersion = "teilhabe-cache 11 \(TeilhabeCore.version)"

    package let ordner: String?
    private let lock = Lock()
    private var tabellen: [String: Tabelle] = [:]

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
    }

    /// Bytes of new records a fresh table holds before it appends them as a segment.
    package var segmentGroesse = 4 << 20

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

    /// Keeps a value for later builds (a value already kept under this key stays as it is).
    package func ablegen<T: Codable>(_ tabelle: String, _ schluessel: Fingerprint, _ wert: T) {
        guard ordner != nil, nachschlagen(tabelle, schluessel) == nil, let bytes = try? BinaryCodec.kodieren(wert) else { return }
        ablegen(tabelle, schluessel, bytes[...])
    }

    /// Reads tables ahead, each on its own thread and outside the lock: the loader's first lookups
    /// in a small table (file status) need not wait for a large one to be read.
    public func vorladen(_ namen: [String]) {
        guard ordner != nil else { return }
        lock.lock(); defer { lock.unlock() }
        for name in namen where tabellen[name] == nil && vorab[name] == nil {
            vorab[name] = BackgroundTask { [self] in Timing.messen("cache: read \(name)") { lesen(name) } }
        }
    }

    /// Tables being read ahead.
    private var vorab: [String: BackgroundTask<Tabelle>] = [:]

    /// Makes sure the table `name` is read; called with the lock held, which it lets go of while it
    /// waits for a read ahead.
    private func bereit(_ name: String) {
        while tabellen[name] == nil {
            guard let lesend = vorab[name] else { tabellen[name] = lesen(name); return }
            lock.unlock()
            let tabelle = lesend.wert
            lock.lock()
            if tabellen[name] == nil { tabellen[name] = tabelle }
            vorab[name] = nil
        }
    }

    /// Marks records as still needed without reading them (they stay in the file when it is
    /// compacted): the search words of every unchanged page, which an edit build never looks up.
    package func behalten(_ tabelle: String, _ schluessel: [Fingerprint]) {
        guard ordner != nil else { return }
        lock.lock(); defer { lock.unlock() }
        bereit(tabelle)
        for k in schluessel { _ = benutzen(tabelle, k) }
    }

    /// Raw bytes kept under `schluessel` (for small fixed records that need no coder).
    package func roh(_ tabelle: String, _ schluessel: Fingerprint) -> ArraySlice<UInt8>? { nachschlagen(tabelle, schluessel) }

    /// Keeps raw bytes, replacing what was kept under `schluessel`.
    package func rohAblegen(_ tabelle: String, _ schluessel: Fingerprint, _ bytes: ArraySlice<UInt8>) {
        guard ordner != nil else { return }
        ablegen(tabelle, schluessel, bytes)
    }

    private func nachschlagen(_ name: String, _ schluessel: Fingerprint) -> ArraySlice<UInt8>? {
        guard ordner != nil else { return nil }
        lock.lock(); defer { lock.unlock() }
        bereit(name)
        return benutzen(name, schluessel)
    }

    /// The record under `schluessel`, noted as used by this build (so a rewrite keeps it); called
    /// with the lock held, the table read.
    private func benutzen(_ name: String, _ schluessel: Fingerprint) -> ArraySlice<UInt8>? {
        if let bytes = tabellen[name]!.benutzt[schluessel] { return bytes }
        guard let bytes = tabellen[name]!.alt[schluessel] else { return nil }
        tabellen[name]!.benutzt[schluessel] = bytes
        return bytes
    }

    private func ablegen(_ name: String, _ schluessel: Fingerprint, _ bytes: ArraySlice<UInt8>) {
        lock.lock(); defer { lock.unlock() }
        bereit(name)
        tabellen[name]!.benutzt[schluessel] = bytes
        tabellen[name]!.neu.insert(schluessel)
        tabellen[name]!.offen += bytes.count
        if tabellen[name]!.frisch, tabellen[name]!.offen > segmentGroesse { wegschreiben(name) }
    }

    /// Appends a fresh table's new records to its file and lets go of their bytes (a later lookup in
    /// this build makes the value again); the file starts with the header line.
    private func wegschreiben(_ name: String) {
        guard let ordner, var tabelle = tabellen[name] else { return }
        let neu = tabelle.neu.compactMap { k in tabelle.benutzt[k].map { (k, $0) } }
        guard !neu.isEmpty else { return }
        if tabelle.imDatei == 0 {
            PosixFile.ordnerAnlegen(ordner)
            guard PosixFile.schreiben(datei(name), BuildCache.kopf) == 0 else { return }
        }
        anhaengen(BuildCache.segment(neu), an: datei(name))
        for (k, wert) in neu { tabelle.benutzt[k] = nil; tabelle.imDatei += 24 + wert.count }
        tabelle.neu = []
        tabelle.offen = 0
        tabellen[name] = tabelle
    }

    /// Appends what this build added to each table, or writes a table anew when most of its file
    /// is no longer used.
    public func speichern() {
        guard let ordner else { return }
        lock.lock(); defer { lock.unlock() }
        try? FileManager.default.createDirectory(atPath: ordner, withIntermediateDirectories: true)
        // Git must never pick the cache up, whatever the project's own .gitignore says.
        let ignore = Paths.join(ordner, ".gitignore")
        if !FileManager.default.fileExists(atPath: ignore) { PosixFile.schreiben(ignore, Array("*\n".utf8)) }
        aufraeumen()
        for name in tabellen.keys.sorted() where tabellen[name]!.frisch { wegschreiben(name) }
        for (name, tabelle) in tabellen.sorted(by: { $0.key < $1.key }) where !tabelle.frisch {
            let neu = tabelle.neu.compactMap { k in tabelle.benutzt[k].map { (k, $0) } }
            let benutzt = tabelle.benutzt.values.reduce(0) { $0 + 24 + $1.count }
            if tabelle.imDatei > 0, tabelle.imDatei + neu.reduce(0, { $0 + 24 + $1.1.count }) <= 2 * benutzt + 65_536 {
                if !neu.isEmpty { anhaengen(BuildCache.segment(neu), an: datei(name)) }
            } else if tabelle.imDatei > 0 || !neu.isEmpty {
                PosixFile.schreiben(datei(name), BuildCache.kopf + BuildCache.segment(Array(tabelle.benutzt)))
            }
        }
    }

    /// The first line of every file in the cache: a file of another version reads as empty.
    package static let kopf = Array(BuildCache.formatVersion.utf8) + [0x0A]

    /// Removes table files an older version left (their tables are named differently or read as empty).
    private func aufraeumen() {
        for (name, art) in PosixFile.eintraege(ordner!) ?? []
        where art == .datei && name.hasSuffix(".bin") && tabellen[String(name.dropLast(4))] == nil {
            let pfad = Paths.join(ordner!, name)
            let fd = open(pfad, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { continue }
            var anfang = [UInt8](repeating: 0, count: BuildCache.kopf.count)
            let n = read(fd, &anfang, anfang.count)
            close(fd)
            if n != anfang.count || anfang != BuildCache.kopf { unlink(pfad) }
        }
    }

    /// `[payload length][checksum a][checksum b][records]`, each record `[key a][key b][length][value]`.
    private static func segment(_ eintraege: [(Fingerprint, ArraySlice<UInt8>)]) -> [UInt8] {
        var inhalt: [UInt8] = []
        inhalt.reserveCapacity(eintraege.reduce(0) { $0 + 24 + $1.1.count })
        for (schluessel, wert) in eintraege {
            inhalt.woerter(schluessel.a, schluessel.b, UInt64(wert.count))
            inhalt += wert
        }
        let summe = Fingerprint.von(inhalt)
        var bytes: [UInt8] = []
        bytes.woerter(UInt64(inhalt.count), summe.a, summe.b)
        return bytes + inhalt
    }

    private func anhaengen(_ bytes: [UInt8], an pfad: String) {
        let fd = open(pfad, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    private func datei(_ name: String) -> String { Paths.join(ordner!, name + ".bin") }

    /// Whether a table's file exists (a first build has none, and so nothing cached in it).
    package func hatTabelle(_ name: String) -> Bool { ordner.map { _ in access(datei(name), F_OK) == 0 } ?? false }

    /// A table's file, as far as it is whole; later records replace earlier ones with the same key.
    private func lesen(_ name: String) -> Tabelle {
        var leer = Tabelle()
        leer.frisch = true
        guard let bytes = PosixFile.bytes(datei(name)) else { return leer }
        guard bytes.starts(with: BuildCache.kopf) else { return leer }
        var tabelle = Tabelle(), i = BuildCache.kopf.count
        while i + 24 <= bytes.count {
            let laenge = bytes.wort(i)
            guard laenge <= UInt64(bytes.count - i - 24) else { break }
            let anfang = i + 24, ende = anfang + Int(laenge)
            guard Fingerprint.von(bytes[anfang..<ende]) == Fingerprint(a: bytes.wort(i + 8), b: bytes.wort(i + 16)) else { break }
            var j = anfang
            while j + 24 <= ende {
                let n = bytes.wort(j + 16)
                guard n <= UInt64(ende - j - 24) else { break }
                tabelle.alt[Fingerprint(a: bytes.wort(j), b: bytes.wort(j + 8))] = bytes[(j + 24)..<(j + 24 + Int(n))]
                tabelle.imDatei += 24 + Int(n)
                j += 24 + Int(n)
            }
            i = ende
        }
        // Most records are used again: room for them now, not by growing during the build.
        tabelle.benutzt.reserveCapacity(tabelle.alt.count)
        return tabelle
    }
}
