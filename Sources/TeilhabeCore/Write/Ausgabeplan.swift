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
    /// The group's folders as the last build left them (change and modification time).
    private var altOrdner: [String: Fingerabdruck] = [:]
    /// The group was kept, so its folders are those the plan lists.
    private var ordnerBekannt = false

    /// `nutzen` false: the old plan is not read (but still invalidated before writing).
    init(cache: String, ausgabe: String, nutzen: Bool) {
        self.ausgabe = ausgabe
        datei = Ausgabeplan.datei(cache: cache, ausgabe: ausgabe)
        if nutzen, let bytes = Datei.bytes(datei), let gelesen = Ausgabeplan.lesen(bytes) {
            var eintraege = gelesen.0
            altGruppe = gelesen.1
            altOrdner = gelesen.2
            let vorab = (try? String(contentsOfFile: datei + ".vorab", encoding: .utf8)) ?? ""
            for pfad in vorab.split(separator: "\n") where eintraege[String(pfad)] != nil {
                eintraege.updateValue(nil, forKey: String(pfad))
            }
            alt = eintraege
        }
    }

    private static let mitSchluessel: UInt64 = 1, inGruppe: UInt64 = 2, ordnerStand: UInt64 = 4

    /// `[path length][flags][key a][key b][path]` per file (or the group's folder with its times),
    /// after the format's header line; nil for another format or a damaged file.
    private static func lesen(_ bytes: [UInt8]) -> ([String: Fingerabdruck?], (schluessel: Fingerabdruck, mitglieder: [String])?,
                                                   [String: Fingerabdruck])? {
        guard bytes.starts(with: Vorrat.kopf) else { return nil }
        var eintraege: [String: Fingerabdruck?] = [:], i = Vorrat.kopf.count
        var gruppe: Fingerabdruck?, mitglieder: [String] = [], ordner: [String: Fingerabdruck] = [:]
        while i < bytes.count {
            guard i + 32 <= bytes.count else { return nil }
            let laenge = bytes.wort(i)
            guard laenge <= UInt64(bytes.count - i - 32), let pfad = String(validating: bytes[(i + 32)..<(i + 32 + Int(laenge))], as: UTF8.self)
            else { return nil }
            let art = bytes.wort(i + 8), schluessel = Fingerabdruck(a: bytes.wort(i + 16), b: bytes.wort(i + 24))
            if art & ordnerStand != 0 {
                ordner[pfad] = schluessel
            } else if pfad.isEmpty {
                gruppe = schluessel
            } else {
                eintraege[pfad] = art & mitSchluessel == 0 ? .some(nil) : schluessel
                if art & inGruppe != 0 { mitglieder.append(pfad) }
            }
            i += 32 + Int(laenge)
        }
        return (eintraege, gruppe.map { ($0, mitglieder) }, ordner)
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
        for m in g.mitglieder { guard case .some(.some) = alt[m] else { return nil } }
        guard alleDa(g.mitglieder) != nil else { return nil }
        lock.lock(); defer { lock.unlock() }
        ordnerBekannt = !altOrdner.isEmpty
        neuGruppe = (schluessel, Set(g.mitglieder))
        neu.reserveCapacity(neu.count + g.mitglieder.count)
        for m in g.mitglieder { neu[m] = alt[m]! }
        return g.mitglieder
    }

    /// Whether every file is still in the output folder. As git trusts a file whose status is
    /// unchanged, a folder whose modification and change time are as the last build left them has
    /// had no entry added, removed or renamed since: its files are there. The plan holds the times
    /// of every folder of the group (zero where a folder had changed too recently to be trusted);
    /// only folders whose times differ are read – a few hundred lookups instead of one per file
    /// (13,500 for 2,000 papers). Nil: a file is missing.
    private func alleDa(_ pfade: [String]) -> Bool? {
        let ausgabe = ausgabe, alle = Array(altOrdner)
        let gleich = Parallel.map(alle.count) { i in Ausgabeplan.stand(Paths.join(ausgabe, alle[i].key)) == alle[i].value }
        let zuLesen = Set(zip(alle, gleich).filter { !$1 }.map(\.0.key))
        if !alle.isEmpty, zuLesen.isEmpty { return true }
        let ordner = Array(Ausgabeplan.nachOrdner(pfade).filter { alle.isEmpty || zuLesen.contains($0.key) })
        let fehlt = Parallel.map(ordner.count) { i -> Bool in
            let (relativ, namen) = ordner[i]
            guard let eintraege = Datei.eintraege(Paths.join(ausgabe, relativ)) else { return true }
            let vorhanden = Set(eintraege.lazy.filter { $0.art == .datei }.map(\.name))
            return !namen.allSatisfy { vorhanden.contains($0) }
        }.contains(true)
        return fehlt ? nil : true
    }

    /// Files by the folder they lie in (relative; "" for the output folder itself).
    private static func nachOrdner<S: Sequence>(_ pfade: S) -> [String: [String]] where S.Element == String {
        var ergebnis: [String: [String]] = [:]
        for pfad in pfade {
            let schnitt = pfad.lastIndex(of: "/")
            let ordner = schnitt.map { String(pfad[..<$0]) } ?? "", name = schnitt.map { String(pfad[pfad.index(after: $0)...]) } ?? pfad
            ergebnis[ordner, default: []].append(name)
        }
        return ergebnis
    }

    /// A folder's modification and change time, in nanoseconds; nil when it is missing or changed
    /// so recently that a further change could fall into the same tick of the file system's clock
    /// and leave the times as they were: 100 ms where times carry nanoseconds (ext4, xfs, btrfs;
    /// their clock ticks every few milliseconds), two seconds where they do not (FAT's 2 s steps).
    private static func stand(_ ordner: String) -> Fingerabdruck? {
        var info = stat(), jetzt = timespec()
        guard stat(ordner, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, clock_gettime(CLOCK_REALTIME, &jetzt) == 0 else { return nil }
        func ns(_ t: timespec) -> Int64 { Int64(t.tv_sec) &* 1_000_000_000 &+ Int64(t.tv_nsec) }
        let fein = info.st_mtim.tv_nsec != 0 || info.st_ctim.tv_nsec != 0
        guard ns(jetzt) - max(ns(info.st_mtim), ns(info.st_ctim)) > (fein ? 100_000_000 : 2_000_000_000) else { return nil }
        return Fingerabdruck(a: UInt64(bitPattern: ns(info.st_mtim)), b: UInt64(bitPattern: ns(info.st_ctim)))
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
        func eintrag(_ pfad: String, _ art: UInt64, _ schluessel: Fingerabdruck?) {
            let utf8 = Array(pfad.utf8)
            bytes.woerter(UInt64(utf8.count), art, schluessel?.a ?? 0, schluessel?.b ?? 0)
            bytes += utf8
        }
        for (pfad, schluessel) in gruppe + neu.sorted(by: { $0.key < $1.key }) {
            eintrag(pfad, (schluessel == nil ? 0 : Ausgabeplan.mitSchluessel)
                | (neuGruppe.mitglieder.contains(pfad) ? Ausgabeplan.inGruppe : 0), schluessel)
        }
        // The group's folders as this build leaves them (zero: changed too recently to be trusted).
        if neuGruppe.schluessel != nil {
            let ordner = ordnerBekannt ? Array(altOrdner.keys) : Array(Ausgabeplan.nachOrdner(neuGruppe.mitglieder).keys)
            let ausgabe = ausgabe
            let staende = Parallel.map(ordner.count) { i in Ausgabeplan.stand(Paths.join(ausgabe, ordner[i])) }
            for (pfad, stand) in zip(ordner, staende).sorted(by: { $0.0 < $1.0 }) { eintrag(pfad, Ausgabeplan.ordnerStand, stand) }
        }
        try? FileManager.default.createDirectory(atPath: (datei as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // The files written ahead are in this plan as this build made them.
        if Datei.schreiben(datei, bytes) == 0 { unlink(datei + ".vorab") }
    }
}
