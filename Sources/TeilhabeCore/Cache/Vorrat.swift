import Foundation

/// `.teilhabe-cache/`: what earlier builds worked out, kept by the fingerprint of its inputs, so
/// that a build redoes only what changed. Each table is one file of (key, encoded value) records,
/// read once at the start; at the end each table is written again with just the records this
/// build used, so the cache never grows beyond one build's worth. A missing, old or damaged file
/// is an empty table: the cache can always be deleted.
public final class Vorrat: @unchecked Sendable {
    /// Changes whenever a cached type's layout changes (the binary format has no keys).
    static let formatVersion = "teilhabe-cache 2 \(TeilhabeCore.version)"

    let ordner: String?
    private let lock = NSLock()
    private var tabellen: [String: Tabelle] = [:]

    private struct Tabelle {
        var alt: [Fingerabdruck: ArraySlice<UInt8>] = [:]
        var benutzt: [Fingerabdruck: ArraySlice<UInt8>] = [:]
        var geaendert = false
    }

    /// A cache in `ordner`, or none (nil): then every value is made anew.
    public init(ordner: String?) { self.ordner = ordner }

    public static let keiner = Vorrat(ordner: nil)

    /// The value kept under `schluessel`, else `machen()`'s result, which is then kept.
    func wert<T: Codable>(_ tabelle: String, _ schluessel: Fingerabdruck, _ machen: () throws -> T) rethrows -> T {
        if let bytes = nachschlagen(tabelle, schluessel), let wert = try? Binaer.dekodieren(T.self, aus: bytes) {
            return wert
        }
        let wert = try machen()
        if ordner != nil, let bytes = try? Binaer.kodieren(wert) { ablegen(tabelle, schluessel, bytes[...]) }
        return wert
    }

    /// The value kept under `schluessel`, if any.
    func lesen<T: Codable>(_ tabelle: String, _ schluessel: Fingerabdruck) -> T? {
        nachschlagen(tabelle, schluessel).flatMap { try? Binaer.dekodieren(T.self, aus: $0) }
    }

    /// Keeps a value for later builds (a value already kept under this key stays as it is).
    func ablegen<T: Codable>(_ tabelle: String, _ schluessel: Fingerabdruck, _ wert: T) {
        guard ordner != nil, nachschlagen(tabelle, schluessel) == nil, let bytes = try? Binaer.kodieren(wert) else { return }
        ablegen(tabelle, schluessel, bytes[...])
    }

    private func nachschlagen(_ name: String, _ schluessel: Fingerabdruck) -> ArraySlice<UInt8>? {
        guard ordner != nil else { return nil }
        lock.lock(); defer { lock.unlock() }
        if tabellen[name] == nil { tabellen[name] = Tabelle(alt: lesen(name)) }
        if let bytes = tabellen[name]!.benutzt[schluessel] { return bytes }
        guard let bytes = tabellen[name]!.alt[schluessel] else { return nil }
        tabellen[name]!.benutzt[schluessel] = bytes
        return bytes
    }

    private func ablegen(_ name: String, _ schluessel: Fingerabdruck, _ bytes: ArraySlice<UInt8>) {
        lock.lock(); defer { lock.unlock() }
        tabellen[name, default: Tabelle()].benutzt[schluessel] = bytes
        tabellen[name]!.geaendert = true
    }

    /// Writes every table this build touched (through a temporary file and a rename).
    public func speichern() {
        guard let ordner else { return }
        lock.lock(); defer { lock.unlock() }
        try? FileManager.default.createDirectory(atPath: ordner, withIntermediateDirectories: true)
        // Git must never pick the cache up, whatever the project's own .gitignore says.
        let ignore = Paths.join(ordner, ".gitignore")
        if !FileManager.default.fileExists(atPath: ignore) { Datei.schreiben(ignore, Array("*\n".utf8)) }
        for (name, tabelle) in tabellen.sorted(by: { $0.key < $1.key })
        where tabelle.geaendert || tabelle.benutzt.count != tabelle.alt.count {
            var bytes = Array(Vorrat.formatVersion.utf8) + [0x0A]
            for (schluessel, wert) in tabelle.benutzt {
                for teil in [schluessel.a, schluessel.b, UInt64(wert.count)] {
                    withUnsafeBytes(of: teil.littleEndian) { bytes.append(contentsOf: $0) }
                }
                bytes.append(contentsOf: wert)
            }
            Datei.schreiben(datei(name), bytes)
        }
    }

    private func datei(_ name: String) -> String { Paths.join(ordner!, name + ".bin") }

    private func lesen(_ name: String) -> [Fingerabdruck: ArraySlice<UInt8>] {
        guard let data = FileManager.default.contents(atPath: datei(name)) else { return [:] }
        let bytes = [UInt8](data)
        let kopf = Array(Vorrat.formatVersion.utf8) + [0x0A]
        guard bytes.starts(with: kopf) else { return [:] }
        var i = kopf.count, tabelle: [Fingerabdruck: ArraySlice<UInt8>] = [:]
        func wort() -> UInt64? {
            guard i + 8 <= bytes.count else { return nil }
            defer { i += 8 }
            return bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: i, as: UInt64.self)) }
        }
        while i < bytes.count {
            guard let a = wort(), let b = wort(), let n = wort(), n <= UInt64(bytes.count - i) else { return [:] }
            tabelle[Fingerabdruck(a: a, b: b)] = bytes[i..<i + Int(n)]
            i += Int(n)
        }
        return tabelle
    }
}
