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
    private let datei: String
    private let ausgabe: String
    /// The last build's files outside the group; nil when there is no usable plan (or the cache is not used).
    private let alt: [String: Fingerprint?]?
    /// The outputs that show no page's body (lists, meetings, feeds, OParl: three in four files) and
    /// the key they were made under. While every page's front matter is unchanged they are kept as a
    /// whole, so their records stay one unread block of bytes that goes into the next plan as it is.
    private let altGruppe: (schluessel: Fingerprint, block: ArraySlice<UInt8>)?
    /// The group's folders as the last build left them (change and modification time).
    private let altOrdner: [String: Fingerprint]
    private let state: Mutex<State>

    /// What this build changes, under one lock (the last build's plan above is only read).
    private struct State {
        /// The group's records once read: when the group is made again, or a file is asked for that is
        /// not among the others.
        var altMitglieder: [String: Fingerprint?]?
        /// A file of the group was written ahead by the preview: the group cannot be kept.
        var gruppeVorab = false
        /// The old group was kept.
        var gruppeBehalten = false
        var neu: [String: Fingerprint?] = [:]
        var neuGruppe: (schluessel: Fingerprint?, mitglieder: Set<String>) = (nil, [])
        /// The group was kept, so its folders are those the plan lists.
        var ordnerBekannt = false
    }

    /// `nutzen` false: the old plan is not read (but still invalidated before writing).
    init(cache: String, ausgabe: String, nutzen: Bool) {
        self.ausgabe = ausgabe
        datei = OutputManifest.datei(cache: cache, ausgabe: ausgabe)
        var s = State()
        guard nutzen, var plan = OutputManifest.lesen(datei), let vorab = OutputManifest.vorab(datei + ".vorab") else {
            (alt, altGruppe, altOrdner) = (nil, nil, [:])
            state = Mutex(s)
            return
        }
        for pfad in vorab {
            if plan.alt[pfad] != nil { plan.alt[pfad] = .some(nil) }
            if OutputManifest.mitglieder(&s, plan.gruppe?.block)[pfad] != nil { s.altMitglieder![pfad] = .some(nil); s.gruppeVorab = true }
        }
        (alt, altGruppe, altOrdner) = (plan.alt, plan.gruppe, plan.ordner)
        state = Mutex(s)
    }

    /// A plan as the last build saved it.
    private struct SavedPlan {
        var alt: [String: Fingerprint?] = [:]
        var gruppe: (schluessel: Fingerprint, block: ArraySlice<UInt8>)?
        var ordner: [String: Fingerprint] = [:]
    }

    /// The plan in `datei`; nil when there is none, or it is of another version or damaged.
    private static func lesen(_ datei: String) -> SavedPlan? {
        guard let gespeichert = CacheFile.load(datei, as: StoredPlan.self) else { return nil }
        var plan = SavedPlan()
        plan.alt.reserveCapacity(gespeichert.dateien.count)
        for e in gespeichert.dateien { plan.alt[e.pfad] = .some(e.schluessel) }
        for e in gespeichert.ordner { plan.ordner[e.pfad] = e.schluessel ?? Fingerprint(a: 0, b: 0) }
        plan.gruppe = gespeichert.gruppe.map { ($0.schluessel, $0.eintraege[...]) }
        return plan
    }

    /// The files the preview wrote ahead of a build (none when there is no list); nil when the list
    /// is damaged or of another version: then the plan cannot be trusted.
    private static func vorab(_ datei: String) -> [String]? {
        guard let bytes = PosixFile.bytes(datei) else { return access(datei, F_OK) == 0 ? nil : [] }
        let (payloads, whole) = CacheFile.segments(bytes)
        guard whole else { return nil }
        var pfade: [String] = []
        for payload in payloads {
            guard let liste = try? BinaryCodec.dekodieren([String].self, aus: payload) else { return nil }
            pfade += liste
        }
        return pfade
    }

    /// The old group's records, read on first use (under the lock, or in `init`).
    private func mitglieder(_ s: inout State) -> [String: Fingerprint?] { OutputManifest.mitglieder(&s, altGruppe?.block) }

    private static func mitglieder(_ s: inout State, _ gruppe: ArraySlice<UInt8>?) -> [String: Fingerprint?] {
        if let altMitglieder = s.altMitglieder { return altMitglieder }
        var gelesen: [String: Fingerprint?] = [:]
        if let block = gruppe {
            gelesen.reserveCapacity(block.count / 80)
            if let eintraege = PlanEntry.entries(block) {
                for e in eintraege { gelesen[e.pfad] = .some(e.schluessel) }
            } else {
                s.gruppeVorab = true   // a damaged block: the group is made again
            }
        }
        s.altMitglieder = gelesen
        return gelesen
    }

    private static func datei(cache: String, ausgabe: String) -> String {
        let absolut = URL(fileURLWithPath: ausgabe).standardizedFileURL.path
        return Paths.join(cache, "ausgabe-\(Fingerprint.von(Array(absolut.utf8)).description.prefix(12)).bin")
    }

    /// True when the file at `pfad` was made from the same inputs and is still there.
    package func unveraendert(_ pfad: String, _ schluessel: Fingerprint?) -> Bool {
        guard let schluessel else { return false }
        let vorher: Fingerprint? = state.withLock { s in
            s.neu[pfad] = schluessel
            guard let alt else { return nil }
            if let eintrag = alt[pfad] { return eintrag }
            return mitglieder(&s)[pfad] ?? nil
        }
        guard vorher == schluessel else { return false }
        // A regular file, not a link planted in its place (which the build then replaces).
        var info = stat()
        return lstat(Paths.join(ausgabe, pfad), &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// The files and pages of the last build's group, when it was made under `schluessel` and every
    /// file is still there as that build made it (none written ahead by the preview); they are kept
    /// for this build. Nil: the group's jobs must run.
    package func gruppe(_ schluessel: Fingerprint) -> (dateien: Int, seiten: Int)? {
        let g = altGruppe, gueltig = alt != nil && !state.withLock { $0.gruppeVorab }
        guard gueltig, let g, g.schluessel == schluessel, alleDa(g.block) else { return nil }
        var dateien = 0, seiten = 0
        let heil = PlanEntry.paths(g.block) { pfad in
            dateien += 1
            if pfad.count >= 5, pfad.suffix(5).elementsEqual(".html".utf8) { seiten += 1 }
        }
        guard heil else { return nil }   // a damaged block: the group is made again
        state.withLock { s in
            s.ordnerBekannt = !altOrdner.isEmpty
            s.gruppeBehalten = true
            s.neuGruppe.schluessel = schluessel
        }
        return (dateien, seiten)
    }

    /// The last build's files this build did not make (to be removed); nil without a plan.
    func veraltet(_ gemacht: Set<String>) -> Set<String>? {
        guard let alt else { return nil }
        return state.withLock { s in
            var alle = Set(alt.keys)
            if !s.gruppeBehalten { alle.formUnion(mitglieder(&s).keys) }
            return alle.subtracting(gemacht)
        }
    }

    /// Whether every file is still in the output folder. As git trusts a file whose status is
    /// unchanged, a folder whose modification and change time are as the last build left them has
    /// had no entry added, removed or renamed since: its files are there. The plan holds the times
    /// of every folder of the group (zero where a folder had changed too recently to be trusted);
    /// only folders whose times differ are read – a few hundred lookups instead of one per file
    /// (13,500 for 2,000 papers).
    private func alleDa(_ block: ArraySlice<UInt8>) -> Bool {
        let ausgabe = ausgabe, alle = Array(altOrdner)
        let gleich = Parallel.map(alle.count) { i in OutputManifest.stand(Paths.join(ausgabe, alle[i].key)) == alle[i].value }
        let zuLesen = Set(zip(alle, gleich).filter { !$1 }.map(\.0.key))
        if !alle.isEmpty, zuLesen.isEmpty { return true }
        let pfade: [String]
        if alle.isEmpty {
            pfade = state.withLock { Array(mitglieder(&$0).keys) }
        } else {
            pfade = OutputManifest.direktIn(zuLesen, block)
        }
        let ordner = Array(OutputManifest.nachOrdner(pfade).filter { alle.isEmpty || zuLesen.contains($0.key) })
        let fehlt = Parallel.map(ordner.count) { i -> Bool in
            let (relativ, namen) = ordner[i]
            guard let eintraege = PosixFile.eintraege(Paths.join(ausgabe, relativ)) else { return true }
            let vorhanden = Set(eintraege.lazy.filter { $0.art == .datei }.map(\.name))
            return !namen.allSatisfy { vorhanden.contains($0) }
        }.contains(true)
        return !fehlt
    }

    /// The paths of the block's records that lie directly in one of `ordner` (a folder written to by
    /// every edit build, as `suche/`), found without making a string of every other record's path.
    private static func direktIn(_ ordner: Set<String>, _ block: ArraySlice<UInt8>) -> [String] {
        let praefixe = ordner.map { $0.isEmpty ? [] : Array(($0 + "/").utf8) }
        var pfade: [String] = []
        _ = PlanEntry.paths(block) { pfad in
            for p in praefixe where pfad.starts(with: p) && !pfad.dropFirst(p.count).contains(0x2F) {
                if let text = String(validating: pfad, as: UTF8.self) { pfade.append(text) }
            }
        }
        return pfade
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
    private static func stand(_ ordner: String) -> Fingerprint? {
        var info = stat(), jetzt = timespec()
        guard stat(ordner, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, clock_gettime(CLOCK_REALTIME, &jetzt) == 0 else { return nil }
        func ns(_ t: timespec) -> Int64 { Int64(t.tv_sec) &* 1_000_000_000 &+ Int64(t.tv_nsec) }
        let fein = info.st_mtim.tv_nsec != 0 || info.st_ctim.tv_nsec != 0
        guard ns(jetzt) - max(ns(info.st_mtim), ns(info.st_ctim)) > (fein ? 100_000_000 : 2_000_000_000) else { return nil }
        return Fingerprint(a: UInt64(bitPattern: ns(info.st_mtim)), b: UInt64(bitPattern: ns(info.st_ctim)))
    }

    /// Notes a file of this build as one of the group made under `gruppe`.
    package func mitglied(_ pfad: String, gruppe: Fingerprint) {
        state.withLock { s in
            s.neuGruppe.schluessel = gruppe
            s.neuGruppe.mitglieder.insert(pfad)
        }
    }

    /// The size of a file in the output folder.
    package func groesse(_ pfad: String) -> Int? { OutputFolder(ausgabe).groesse(pfad) }

    /// Notes files of this build without a key (for the next build's list of what it may have to remove).
    func merken(_ pfade: Set<String>) {
        state.withLock { s in for pfad in pfade where s.neu[pfad] == nil { s.neu[pfad] = .some(nil) } }
    }

    /// Notes files the preview is about to write ahead of a build, from inputs that build may not
    /// accept: the next plan read forgets what they were made from, so that they are made again.
    /// A short list beside the plan, written before the files themselves.
    package static func vorziehen(_ pfade: Set<String>, cache: String, ausgabe: String) {
        let datei = OutputManifest.datei(cache: cache, ausgabe: ausgabe) + ".vorab"
        try? FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        CacheFile.append(datei, pfade.sorted())
    }

    /// Before the first write: from now on the folder may differ from the old plan.
    func verwerfen() { unlink(datei) }

    /// After the last write.
    func speichern() {
        let plan = state.withLock { s in gespeichert(&s) }
        try? FileManager.default.createDirectory(atPath: Paths.parent(datei), withIntermediateDirectories: true)
        // The files written ahead are in this plan as this build made them.
        if CacheFile.save(datei, plan) == 0 { unlink(datei + ".vorab") }
    }

    /// The plan: this build's files, the group's as one block, and the group's folders.
    private func gespeichert(_ s: inout State) -> StoredPlan {
        let neu = s.neu, neuGruppe = s.neuGruppe
        var plan = StoredPlan()
        plan.dateien.reserveCapacity(neu.count)
        // The group's records form a block when it has a key and each of them has one (else it
        // cannot be kept as a whole, and its files are listed as any other).
        let gruppe = neuGruppe.schluessel.flatMap { k in neuGruppe.mitglieder.allSatisfy { (neu[$0] ?? nil) != nil } ? k : nil }
        for (pfad, schluessel) in neu.sorted(by: { $0.key < $1.key }) where gruppe == nil || !neuGruppe.mitglieder.contains(pfad) {
            plan.dateien.append(PlanEntry(pfad: pfad, schluessel: schluessel))
        }
        if s.gruppeBehalten, let alte = altGruppe {
            plan.gruppe = PlanGroup(schluessel: alte.schluessel, eintraege: Array(alte.block))
        } else if let gruppe {
            let eintraege = neuGruppe.mitglieder.sorted().map { PlanEntry(pfad: $0, schluessel: neu[$0]!) }
            plan.gruppe = PlanGroup(schluessel: gruppe, eintraege: PlanEntry.block(eintraege))
        }
        // The group's folders as this build leaves them (zero: changed too recently to be trusted).
        if gruppe != nil {
            let ordner = s.ordnerBekannt ? Array(altOrdner.keys)
                : Array(OutputManifest.nachOrdner(s.gruppeBehalten ? Set(mitglieder(&s).keys) : neuGruppe.mitglieder).keys)
            let ausgabe = ausgabe
            let staende = Parallel.map(ordner.count) { i in OutputManifest.stand(Paths.join(ausgabe, ordner[i])) }
            for (pfad, stand) in zip(ordner, staende).sorted(by: { $0.0 < $1.0 }) {
                plan.ordner.append(PlanEntry(pfad: pfad, schluessel: stand ?? Fingerprint(a: 0, b: 0)))
            }
        }
        return plan
    }
}

extension OutputManifest: OutputPlan {}
