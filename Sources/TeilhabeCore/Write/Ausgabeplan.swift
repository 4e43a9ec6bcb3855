import Foundation

/// Which output file the last build made from which inputs (path → fingerprint), kept in
/// `.teilhabe-cache/`. A file whose fingerprint is unchanged and that is still in the output
/// folder is neither built nor written again. The plan is removed before the first write and
/// saved after the last, so a build that stops half-way leaves no plan and the next one checks
/// every file's bytes instead of trusting it.
public final class Ausgabeplan: @unchecked Sendable {
    private let datei: String
    private let ausgabe: String
    /// The last build's files; nil when there is no usable plan (or the cache is not used).
    private(set) var alt: [String: Fingerabdruck?]?
    private var neu: [String: Fingerabdruck?] = [:]
    private let lock = NSLock()
    /// The outputs that show no page's body (lists, meetings, feeds, OParl) and the key they were
    /// made under: while every page's front matter is unchanged they are kept as a whole.
    private var altGruppe: (schluessel: Fingerabdruck, mitglieder: [String])?
    private var neuGruppe: (schluessel: Fingerabdruck?, mitglieder: Set<String>) = (nil, [])

    /// `nutzen` false: the old plan is not read (but still invalidated before writing).
    init(cache: String, ausgabe: String, nutzen: Bool) {
        self.ausgabe = ausgabe
        datei = Ausgabeplan.datei(cache: cache, ausgabe: ausgabe)
        if nutzen, let bytes = Datei.bytes(datei), let gelesen = Ausgabeplan.lesen(bytes) {
            var eintraege = gelesen.0
            altGruppe = gelesen.1
            let vorab = (try? String(contentsOfFile: datei + ".vorab", encoding: .utf8)) ?? ""
            for pfad in vorab.split(separator: "\n") where eintraege[String(pfad)] != nil {
                eintraege.updateValue(nil, forKey: String(pfad))
            }
            alt = eintraege
        }
    }

    private static let mitSchluessel: UInt64 = 1, inGruppe: UInt64 = 2

    /// `[path length][flags][key a][key b][path]` per file, after the format's header line; nil
    /// for another format or a damaged file.
    private static func lesen(_ bytes: [UInt8]) -> ([String: Fingerabdruck?], (schluessel: Fingerabdruck, mitglieder: [String])?)? {
        guard bytes.starts(with: Vorrat.kopf) else { return nil }
        var eintraege: [String: Fingerabdruck?] = [:], i = Vorrat.kopf.count
        var gruppe: Fingerabdruck?, mitglieder: [String] = []
        while i < bytes.count {
            guard i + 32 <= bytes.count else { return nil }
            let laenge = bytes.wort(i)
            guard laenge <= UInt64(bytes.count - i - 32), let pfad = String(validating: bytes[(i + 32)..<(i + 32 + Int(laenge))], as: UTF8.self)
            else { return nil }
            let art = bytes.wort(i + 8), schluessel = Fingerabdruck(a: bytes.wort(i + 16), b: bytes.wort(i + 24))
            if pfad.isEmpty {
                gruppe = schluessel
            } else {
                eintraege[pfad] = art & mitSchluessel == 0 ? .some(nil) : schluessel
                if art & inGruppe != 0 { mitglieder.append(pfad) }
            }
            i += 32 + Int(laenge)
        }
        return (eintraege, gruppe.map { ($0, mitglieder) })
    }

    private static func datei(cache: String, ausgabe: String) -> String {
        let absolut = URL(fileURLWithPath: ausgabe).standardizedFileURL.path
        return Paths.join(cache, "ausgabe-\(Fingerabdruck.von(Array(absolut.utf8)).description.prefix(12)).bin")
    }

    /// True when the file at `pfad` was made from the same inputs and is still there.
    func unveraendert(_ pfad: String, _ schluessel: Fingerabdruck?) -> Bool {
        guard let schluessel else { return false }
        merken(pfad, schluessel)
        guard let alt, alt[pfad] == .some(schluessel) else { return false }
        return access(Paths.join(ausgabe, pfad), F_OK) == 0
    }

    /// The last build's files of the group, when it was made under `schluessel` and every file is
    /// still there as that build made it (none written ahead by the preview); they are noted as
    /// this build's. Nil: the group's jobs must run.
    func gruppe(_ schluessel: Fingerabdruck) -> [String]? {
        guard let alt, let g = altGruppe, g.schluessel == schluessel else { return nil }
        let ordner = ausgabe
        let da = Parallel.map(g.mitglieder.count) { i in
            if case .some(.some) = alt[g.mitglieder[i]] { return access(Paths.join(ordner, g.mitglieder[i]), F_OK) == 0 }
            return false
        }
        guard !da.contains(false) else { return nil }
        lock.lock(); defer { lock.unlock() }
        neuGruppe = (schluessel, Set(g.mitglieder))
        for m in g.mitglieder { neu[m] = alt[m]! }
        return g.mitglieder
    }

    /// Notes a file of this build as one of the group made under `gruppe`.
    func mitglied(_ pfad: String, gruppe: Fingerabdruck) {
        lock.lock(); defer { lock.unlock() }
        neuGruppe.schluessel = gruppe
        neuGruppe.mitglieder.insert(pfad)
    }

    /// The size of a file in the output folder.
    func groesse(_ pfad: String) -> Int? { Ausgabeordner(ausgabe).groesse(pfad) }

    /// Notes a file of this build (for the next build's list of what it may have to remove).
    func merken(_ pfad: String, _ schluessel: Fingerabdruck?) {
        lock.lock()
        if schluessel != nil || neu[pfad] == nil { neu[pfad] = schluessel }
        lock.unlock()
    }

    /// Notes files the preview is about to write ahead of a build, from inputs that build may not
    /// accept: the next plan read forgets what they were made from, so that they are made again.
    /// A short list beside the plan, written before the files themselves.
    static func vorziehen(_ pfade: Set<String>, cache: String, ausgabe: String) {
        let datei = Ausgabeplan.datei(cache: cache, ausgabe: ausgabe) + ".vorab"
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        let fd = open(datei, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let zeilen = Array(pfade.sorted().map { $0 + "\n" }.joined().utf8)
        _ = zeilen.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// Before the first write: from now on the folder may differ from the old plan.
    func verwerfen() { unlink(datei) }

    /// After the last write.
    func speichern() {
        lock.lock(); defer { lock.unlock() }
        var bytes = Vorrat.kopf
        bytes.reserveCapacity(neu.count * 80)
        // The group's key under the empty path, which no file has.
        let gruppe: [(String, Fingerabdruck?)] = neuGruppe.schluessel.map { [("", $0)] } ?? []
        for (pfad, schluessel) in gruppe + neu.sorted(by: { $0.key < $1.key }) {
            let utf8 = Array(pfad.utf8)
            let art: UInt64 = (schluessel == nil ? 0 : Ausgabeplan.mitSchluessel)
                | (neuGruppe.mitglieder.contains(pfad) ? Ausgabeplan.inGruppe : 0)
            bytes.woerter(UInt64(utf8.count), art, schluessel?.a ?? 0, schluessel?.b ?? 0)
            bytes += utf8
        }
        try? FileManager.default.createDirectory(atPath: (datei as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // The files written ahead are in this plan as this build made them.
        if Datei.schreiben(datei, bytes) == 0 { unlink(datei + ".vorab") }
    }
}
