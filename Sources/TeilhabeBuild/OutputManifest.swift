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
/// every file's bytes instead of trusting it.
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
        guard nutzen, var plan = OutputManifest.lesen(datei) else {
            (alt, altGruppe, altOrdner) = (nil, nil, [:])
            state = Mutex(s)
            return
        }
        let vorab = (try? String(contentsOfFile: datei + ".vorab", encoding: .utf8)) ?? ""
        for zeile in vorab.split(separator: "\n") {
            let pfad = String(zeile)
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
        guard let bytes = PosixFile.bytes(datei), bytes.starts(with: BuildCache.kopf) else { return nil }
        var plan = SavedPlan()
        plan.alt.reserveCapacity(bytes.count / 100)
        let gelesen = OutputManifest.jeder(bytes[BuildCache.kopf.count...]) { art, schluessel, inhalt in
            if art & OutputManifest.gruppenBlock != 0 {
                plan.gruppe = (schluessel, inhalt)
            } else if let pfad = String(validating: inhalt, as: UTF8.self) {
                if art & OutputManifest.ordnerStand != 0 { plan.ordner[pfad] = schluessel } else {
                    plan.alt[pfad] = art & OutputManifest.mitSchluessel == 0 ? .some(nil) : schluessel
                }
            } else { return false }
            return true
        }
        return gelesen ? plan : nil
    }

    private static let mitSchluessel: UInt64 = 1, ordnerStand: UInt64 = 4, gruppenBlock: UInt64 = 8

    /// Calls `eintrag` with each `[length][flags][key a][key b][bytes]` record: a file with its path,
    /// a folder of the group with its times, or the group with its members' records as the bytes.
    /// False for a damaged record or when `eintrag` says so.
    private static func jeder(_ bytes: ArraySlice<UInt8>,
                              _ eintrag: (UInt64, Fingerprint, ArraySlice<UInt8>) -> Bool) -> Bool {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard i + 32 <= bytes.endIndex else { return false }
            let kopf = bytes[i..<(i + 32)], laenge = kopf.wort(0)
            guard laenge <= UInt64(bytes.endIndex - i - 32) else { return false }
            let ende = i + 32 + Int(laenge)
            guard eintrag(kopf.wort(8), Fingerprint(a: kopf.wort(16), b: kopf.wort(24)), bytes[(i + 32)..<ende]) else { return false }
            i = ende
        }
        return true
    }

    /// The old group's records, read on first use (under the lock, or in `init`).
    private func mitglieder(_ s: inout State) -> [String: Fingerprint?] { OutputManifest.mitglieder(&s, altGruppe?.block) }

    private static func mitglieder(_ s: inout State, _ gruppe: ArraySlice<UInt8>?) -> [String: Fingerprint?] {
        if let altMitglieder = s.altMitglieder { return altMitglieder }
        var gelesen: [String: Fingerprint?] = [:]
        if let block = gruppe {
            gelesen.reserveCapacity(block.count / 80)
            let heil = OutputManifest.jeder(block) { art, schluessel, inhalt in
                guard let pfad = String(validating: inhalt, as: UTF8.self) else { return false }
                gelesen[pfad] = art & OutputManifest.mitSchluessel == 0 ? .some(nil) : schluessel
                return true
            }
            if !heil { s.gruppeVorab = true }   // a damaged block: the group is made again
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
        let heil = OutputManifest.jeder(g.block) { _, _, pfad in
            dateien += 1
            if pfad.count >= 5, pfad.suffix(5).elementsEqual(".html".utf8) { seiten += 1 }
            return true
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
        _ = jeder(block) { _, _, pfad in
            for p in praefixe where pfad.starts(with: p) && !pfad.dropFirst(p.count).contains(0x2F) {
                if let text = String(validating: pfad, as: UTF8.self) { pfade.append(text) }
            }
            return true
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
        let bytes = state.withLock { s in gespeichert(&s) }
        try? FileManager.default.createDirectory(atPath: Paths.parent(datei), withIntermediateDirectories: true)
        // The files written ahead are in this plan as this build made them.
        if PosixFile.schreiben(datei, bytes) == 0 { unlink(datei + ".vorab") }
    }

    /// The plan's bytes: this build's files, the group's as one block, and the group's folders.
    private func gespeichert(_ s: inout State) -> [UInt8] {
        let neu = s.neu, neuGruppe = s.neuGruppe
        var bytes = BuildCache.kopf
        bytes.reserveCapacity(neu.count * 80 + (altGruppe?.block.count ?? 0))
        // The group's records form a block when it has a key and each of them has one (else it
        // cannot be kept as a whole, and its files are listed as any other).
        let gruppe = neuGruppe.schluessel.flatMap { k in neuGruppe.mitglieder.allSatisfy { (neu[$0] ?? nil) != nil } ? k : nil }
        for (pfad, schluessel) in neu.sorted(by: { $0.key < $1.key }) where gruppe == nil || !neuGruppe.mitglieder.contains(pfad) {
            OutputManifest.eintrag(pfad, schluessel == nil ? 0 : OutputManifest.mitSchluessel, schluessel, in: &bytes)
        }
        if s.gruppeBehalten, let alte = altGruppe {
            bytes.woerter(UInt64(alte.block.count), OutputManifest.gruppenBlock, alte.schluessel.a, alte.schluessel.b)
            bytes.append(contentsOf: alte.block)
        } else if let gruppe {
            var block: [UInt8] = []
            block.reserveCapacity(neuGruppe.mitglieder.count * 80)
            for pfad in neuGruppe.mitglieder.sorted() { OutputManifest.eintrag(pfad, OutputManifest.mitSchluessel, neu[pfad]!, in: &block) }
            bytes.woerter(UInt64(block.count), OutputManifest.gruppenBlock, gruppe.a, gruppe.b)
            bytes += block
        }
        // The group's folders as this build leaves them (zero: changed too recently to be trusted).
        if gruppe != nil {
            let ordner = s.ordnerBekannt ? Array(altOrdner.keys)
                : Array(OutputManifest.nachOrdner(s.gruppeBehalten ? Set(mitglieder(&s).keys) : neuGruppe.mitglieder).keys)
            let ausgabe = ausgabe
            let staende = Parallel.map(ordner.count) { i in OutputManifest.stand(Paths.join(ausgabe, ordner[i])) }
            for (pfad, stand) in zip(ordner, staende).sorted(by: { $0.0 < $1.0 }) {
                OutputManifest.eintrag(pfad, OutputManifest.ordnerStand, stand, in: &bytes)
            }
        }
        return bytes
    }

    /// One `[length][flags][key a][key b][path]` record.
    private static func eintrag(_ pfad: String, _ art: UInt64, _ schluessel: Fingerprint?, in ziel: inout [UInt8]) {
        var pfad = pfad
        pfad.withUTF8 { utf8 in
            ziel.woerter(UInt64(utf8.count), art, schluessel?.a ?? 0, schluessel?.b ?? 0)
            ziel.append(contentsOf: utf8)
        }
    }
}

extension OutputManifest: OutputPlan {}
