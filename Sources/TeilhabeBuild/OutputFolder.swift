import Foundation
import Synchronization
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender

/// Writes a site into its output folder. Every input error is found before this stage runs, so
/// a failed build never gets here. Changed files are written below `.teilhabe-neu/` first and moved
/// into place together at the end (`OutputCommit`): a write the file system refuses (a full disk,
/// permissions) leaves the old site as it was, and a refused move is undone. Only files whose bytes
/// changed are written (creating files is what costs most on disk), and files the new build no
/// longer has are removed. Nothing is written or compared through a link in the folder.
public struct OutputFolder: Sendable {
    public struct Tally: Sendable, Equatable {
        public var geschrieben = 0
        public var unveraendert = 0
        public var entfernt = 0
        /// Of the unchanged ones: not even made again, because their inputs were unchanged.
        public var uebersprungen = 0
    }

    public enum Failure: Error, CustomStringConvertible {
        case fremderOrdner(String)
        case keinOrdner(String)
        case ungueltigerPfad(String)
        case schreiben(String, Int32)
        case quelleAusserhalb(String)
        /// The commit was refused at a path; `wiederhergestellt`: the old site is back in place.
        case uebernehmen(String, Int32, wiederhergestellt: Bool)

        /// The file the message is about.
        public var pfad: String {
            switch self {
            case let .fremderOrdner(p), let .keinOrdner(p), let .ungueltigerPfad(p), let .schreiben(p, _),
                 let .quelleAusserhalb(p), let .uebernehmen(p, _, _): return p
            }
        }

        /// Whether the output folder is known to hold the old site (or nothing was written).
        public var altErhalten: Bool {
            if case let .uebernehmen(_, _, wiederhergestellt) = self { return wiederhergestellt }
            return true
        }

        public var meldung: Message {
            switch self {
            case .fremderOrdner: return .outputForeignFolder(marker: OutputFolder.marker)
            case .keinOrdner: return .outputIsAFile
            case .ungueltigerPfad: return .outputPathEscapes
            case let .schreiben(_, code): return .cannotWrite(String(cString: strerror(code)))
            case .quelleAusserhalb: return .attachmentSourceOutside
            case let .uebernehmen(_, code, wiederhergestellt):
                return .commitFailed(String(cString: strerror(code)), restored: wiederhergestellt)
            }
        }

        public var description: String { "\(pfad): error: \(meldung.de)" }
    }

    /// Checks before a build begins that the folder can take it: absent, empty or teilhabe's own.
    /// Returns its entries.
    public func validate() throws -> [String] {
        var info = stat()
        guard stat(pfad, &info) == 0 else { return [] }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw Failure.keinOrdner(pfad) }
        let inhalt = (try? FileManager.default.contentsOfDirectory(atPath: pfad)) ?? []
        if !inhalt.isEmpty, !inhalt.contains(OutputFolder.marker) { throw Failure.fremderOrdner(pfad) }
        return inhalt
    }

    /// Marks a folder as teilhabe's output, so that stale files are only ever removed from such a folder.
    public static let marker = ".teilhabe-ausgabe"

    public let pfad: String

    public init(_ pfad: String) { self.pfad = pfad }

    /// Writes files as they come, from any thread: pages go to the staging folder as soon as they
    /// are rendered, so a large site is never held in memory. The first error is kept and thrown at the end.
    public final class Schreiber: Sendable {
        let ordner: OutputFolder
        /// Told of every file of this build; its list of the last build's files spares a walk of the folder.
        let plan: OutputManifest?
        /// The content folder, resolved: copied attachments must lie inside it.
        let quelle: String?
        /// For tests: refuses a write or a step of the commit, as a full disk would.
        let fault: (@Sendable (String) -> Int32?)?
        /// The folder held nothing (or did not exist) when the build began: every file is new.
        private let leerBegonnen: Bool
        private let state = Mutex(State())

        /// What the writing threads change, under one lock.
        private struct State {
            var bilanz = Tally()
            var geschriebenePfade = Set<String>()
            /// Files staged for the commit (changed or new).
            var bereit = Set<String>()
            /// Folders of the output (relative) known to be real folders, not links.
            var echteOrdner: Set<String> = [""]
            /// Files whose bytes this build changed, added or removed (what an open preview must reload).
            var geaendert = Set<String>()
            var fehler: Error?
            /// Files and pages of the group kept as a whole (they are in no list of this build's files).
            var behalteneGruppe = (dateien: 0, seiten: 0)
        }

        /// Files whose bytes this build changed, added or removed (what an open preview must reload).
        public var geaendert: Set<String> { state.withLock { $0.geaendert } }

        /// Files and pages of the group kept as a whole (they are in no list of this build's files).
        public var behalteneGruppe: (dateien: Int, seiten: Int) { state.withLock { $0.behalteneGruppe } }

        /// Checks the folder (ours or empty), creates it and its marker, clears what an interrupted build left.
        public init(_ ordner: OutputFolder, plan: OutputManifest? = nil, quelle: String? = nil,
                    fault: (@Sendable (String) -> Int32?)? = nil) throws {
            self.ordner = ordner
            self.plan = plan
            self.quelle = quelle
            self.fault = fault
            let pfad = ordner.pfad
            leerBegonnen = try ordner.validate().isEmpty
            guard PosixFile.ordnerAnlegen(pfad) else { throw Failure.schreiben(pfad, errno) }
            try ordner.schreibeWennNeu(Paths.join(pfad, OutputFolder.marker), Data("teilhabe\n".utf8))
            do { try OutputCommit.prepare(root: pfad) } catch let OutputCommit.Failure.refused(p, code, _) {
                throw Failure.schreiben(p, code)
            }
        }

        public func schreiben(_ datei: OutputFile) {
            do {
                let relativ = datei.pfad
                guard OutputCommit.isSitePath(relativ) else { throw Failure.ungueltigerPfad(relativ) }
                let daten: Data
                switch datei.inhalt {
                case let .daten(d): daten = d
                case let .kopie(quelle): daten = try kopie(quelle)
                case .geschrieben: return   // streamed or kept while rendering
                case .behalten: behalten(relativ); return
                }
                let neu = try bereitstellen(relativ, daten)
                state.withLock { s in
                    if neu { s.bilanz.geschrieben += 1; s.geaendert.insert(relativ); s.bereit.insert(relativ) } else { s.bilanz.unveraendert += 1 }
                    s.geschriebenePfade.insert(relativ)
                }
            } catch {
                state.withLock { s in if s.fehler == nil { s.fehler = error } }
            }
        }

        /// An attachment's bytes, read only when it lies (resolved) inside the content folder.
        private func kopie(_ pfad: String) throws -> Data {
            guard let quelle, Containment.isInside(pfad, rootReal: quelle), let bytes = PosixFile.bytes(pfad) else {
                throw Failure.quelleAusserhalb(pfad)
            }
            return Data(bytes)
        }

        /// Writes the file into the staging folder unless the output already holds these bytes; true when staged.
        private func bereitstellen(_ relativ: String, _ daten: Data) throws -> Bool {
            if !leerBegonnen, echterOrdner(Paths.parent(relativ)),
               let alt = PosixFile.bytes(Paths.join(ordner.pfad, relativ), folgen: false),
               alt.count == daten.count, daten.withUnsafeBytes({ $0.elementsEqual(alt) }) {
                return false
            }
            let ziel = Paths.join(ordner.pfad, OutputCommit.stagingName, relativ)
            let code = fault?(relativ) ?? ordner.mitOrdner(ziel) { PosixFile.direkt(ziel, daten, neu: true) }
            guard code == 0 else { throw Failure.schreiben(Paths.join(ordner.pfad, relativ), code) }
            return true
        }

        /// Whether a folder of the output (relative) and all above it are real folders, not links.
        private func echterOrdner(_ relativ: String) -> Bool {
            if state.withLock({ $0.echteOrdner.contains(relativ) }) { return true }
            guard echterOrdner(Paths.parent(relativ)) else { return false }
            var info = stat()
            guard lstat(Paths.join(ordner.pfad, relativ), &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
            state.withLock { _ = $0.echteOrdner.insert(relativ) }
            return true
        }

        /// Keeps a file the last build wrote and this one would write alike.
        public func behalten(_ pfad: String) {
            state.withLock { s in
                s.bilanz.unveraendert += 1
                s.bilanz.uebersprungen += 1
                s.geschriebenePfade.insert(pfad)
            }
        }

        /// Keeps the last build's group of files without a page's body (lists, meetings, OParl) as a whole.
        package func gruppeBehalten(dateien: Int, seiten: Int) {
            state.withLock { s in
                s.bilanz.unveraendert += dateien
                s.bilanz.uebersprungen += dateien
                s.behalteneGruppe = (dateien, seiten)
            }
        }

        /// Throws the first write error (the staged files are dropped, the old site stays), else moves
        /// the staged files into place, removes what this build did not write or keep, and returns the counts.
        public func abschliessen() throws -> Tally {
            try state.withLock { s throws -> Tally in try abschliessen(&s) }
        }

        private func abschliessen(_ s: inout State) throws -> Tally {
            if let fehler = s.fehler { OutputCommit.discard(root: ordner.pfad); throw fehler }
            plan?.merken(s.geschriebenePfade)
            // A folder that was empty when the build began holds only what it wrote: nothing to look for.
            let weg = plan?.veraltet(s.geschriebenePfade).map { Array($0) }
                ?? (leerBegonnen ? [] : ordner.veraltete(behalten: s.geschriebenePfade))
            var commit = OutputCommit(root: ordner.pfad)
            commit.fault = fault
            do {
                try commit.run(staged: Array(s.bereit), stale: weg, intoEmpty: leerBegonnen)
            } catch let OutputCommit.Failure.refused(p, code, wiederhergestellt) {
                throw Failure.uebernehmen(Paths.join(ordner.pfad, p), code, wiederhergestellt: wiederhergestellt)
            }
            s.bilanz.entfernt = commit.removed.count
            s.geaendert.formUnion(commit.removed)
            return s.bilanz
        }
    }

    /// The size of a file in the folder.
    func groesse(_ relativ: String) -> Int? {
        var info = stat()
        return stat(Paths.join(pfad, relativ), &info) == 0 ? Int(info.st_size) : nil
    }

    /// Replaces one file through `<name>.teilhabe-tmp` + rename, so that it is never seen half-written
    /// (the marker, and pages the preview writes ahead of a build). Nothing is written through a link:
    /// the folder it goes into must lie, resolved, inside the output folder. Returns false when the
    /// file already had these bytes.
    @discardableResult
    package func schreibeWennNeu(_ ziel: String, _ daten: Data) throws -> Bool {
        let alt = PosixFile.bytes(ziel, folgen: false)
        if let alt, alt.count == daten.count, daten.withUnsafeBytes({ $0.elementsEqual(alt) }) { return false }
        let code = mitOrdner(ziel) {
            let eltern = Paths.parent(ziel)
            if let wurzel = Containment.realPath(pfad), access(eltern, F_OK) == 0,
               !Containment.isInside(eltern.isEmpty ? "." : eltern, rootReal: wurzel) { return ELOOP }
            return PosixFile.schreiben(ziel, daten)
        }
        guard code == 0 else { throw Failure.schreiben(ziel, code) }
        return true
    }

    /// Runs a write (errno or 0) and, where it failed for a missing folder, makes the folder and runs
    /// it again. Folders are made when a write finds them missing: no lookup before every file, and
    /// threads writing into the same new folder cannot trip over each other.
    private func mitOrdner(_ ziel: String, _ schreiben: () -> Int32) -> Int32 {
        let code = schreiben()
        guard code == ENOENT, PosixFile.ordnerAnlegen(Paths.parent(ziel)) else { return code }
        return schreiben()
    }

    /// Every file (or link, or other entry that is no folder) below the folder that this build did not
    /// write or keep. Plain readdir: the entry type comes with the name, so no file needs a stat.
    func veraltete(behalten: Set<String>) -> [String] {
        var veraltet: [String] = []
        func gehen(_ relativ: String) {
            for (name, art) in PosixFile.eintraege(relativ.isEmpty ? pfad : Paths.join(pfad, relativ)) ?? [] {
                let kind = relativ.isEmpty ? name : relativ + "/" + name
                if relativ.isEmpty, name == OutputCommit.stagingName || name == OutputCommit.backupName || name == OutputFolder.marker {
                    continue
                }
                if art == .ordner { gehen(kind) } else if !behalten.contains(kind) { veraltet.append(kind) }
            }
        }
        gehen("")
        return veraltet
    }
}

extension OutputFolder.Schreiber: PageSink {}
