import Foundation

/// Writes a site into its output folder. Every input error is found before this stage runs, so
/// a failed build never gets here and the previous output stays as it was. Here each file goes
/// through a temporary file and a rename, so no file is ever half-written; only files whose
/// bytes changed are written (creating files is what costs most on disk), and files the new
/// build no longer has are removed.
public struct Ausgabeordner {
    public struct Bilanz: Sendable, Equatable {
        public var geschrieben = 0
        public var unveraendert = 0
        public var entfernt = 0
        /// Of the unchanged ones: not even made again, because their inputs were unchanged.
        public var uebersprungen = 0
    }

    public enum Fehler: Error, CustomStringConvertible {
        case fremderOrdner(String)
        case ungueltigerPfad(String)
        case schreiben(String, Int32)

        public var description: String {
            switch self {
            case let .fremderOrdner(p):
                return "\(p): error: the output folder exists and was not made by teilhabe (no \(Ausgabeordner.marker)); "
                    + "choose another --output or empty it first"
            case let .ungueltigerPfad(p): return "\(p): error: output path leaves the output folder"
            case let .schreiben(p, code): return "\(p): error: cannot write (\(String(cString: strerror(code))))"
            }
        }
    }

    /// Marks a folder as teilhabe's output, so that stale files are only ever removed from such a folder.
    public static let marker = ".teilhabe-ausgabe"

    public let pfad: String

    public init(_ pfad: String) { self.pfad = pfad }

    /// Writes files as they come, from any thread: pages go to disk as soon as they are rendered,
    /// so a large site is never held in memory. The first error is kept and thrown at the end.
    public final class Schreiber: @unchecked Sendable {
        let ordner: Ausgabeordner
        private let lock = Sperre()
        private var bilanz = Bilanz()
        private var geschriebenePfade = Set<String>()
        /// Files whose bytes this build changed, added or removed (what an open preview must reload).
        public private(set) var geaendert = Set<String>()
        private var fehler: Error?
        /// Told of every file of this build; its list of the last build's files spares a walk of the folder.
        var plan: Ausgabeplan?

        /// The folder held nothing (or did not exist) when the build began: every file is new.
        private let leerBegonnen: Bool

        /// Checks the folder (ours or empty), creates it and its marker.
        public init(_ ordner: Ausgabeordner) throws {
            self.ordner = ordner
            let fm = FileManager.default, pfad = ordner.pfad
            let inhalt = fm.fileExists(atPath: pfad) ? (try? fm.contentsOfDirectory(atPath: pfad)) ?? [] : []
            if !inhalt.isEmpty, !inhalt.contains(Ausgabeordner.marker) { throw Fehler.fremderOrdner(pfad) }
            leerBegonnen = inhalt.isEmpty
            try fm.createDirectory(atPath: pfad, withIntermediateDirectories: true)
            try ordner.schreibeWennNeu(Paths.join(pfad, Ausgabeordner.marker), Data("teilhabe\n".utf8))
        }

        public func schreiben(_ datei: Ausgabedatei) {
            if case .geschrieben = datei.inhalt { return }   // streamed or kept while rendering
            do {
                let relativ = datei.pfad
                guard Paths.istAufgeloest(relativ) else { throw Fehler.ungueltigerPfad(relativ) }
                let ziel = Paths.join(ordner.pfad, relativ)
                let daten: Data
                switch datei.inhalt {
                case let .daten(d): daten = d
                case let .kopie(quelle): daten = try Data(contentsOf: URL(fileURLWithPath: quelle))
                case .geschrieben: return
                case .behalten: behalten(relativ); return
                }
                let geschrieben = try ordner.schreibeWennNeu(ziel, daten, wohlNeu: leerBegonnen)
                lock.lock()
                if geschrieben { bilanz.geschrieben += 1; geaendert.insert(relativ) } else { bilanz.unveraendert += 1 }
                geschriebenePfade.insert(relativ)
                lock.unlock()
            } catch {
                lock.lock()
                if fehler == nil { fehler = error }
                lock.unlock()
            }
        }

        /// Keeps a file the last build wrote and this one would write alike.
        public func behalten(_ pfad: String) {
            lock.lock(); defer { lock.unlock() }
            bilanz.unveraendert += 1
            bilanz.uebersprungen += 1
            geschriebenePfade.insert(pfad)
        }

        /// Keeps the last build's group of files without a page's body (lists, meetings, OParl) as a whole.
        func gruppeBehalten(dateien: Int, seiten: Int) {
            lock.lock(); defer { lock.unlock() }
            bilanz.unveraendert += dateien
            bilanz.uebersprungen += dateien
            behalteneGruppe = (dateien, seiten)
        }

        /// Files and pages of the group kept as a whole (they are in no list of this build's files).
        public private(set) var behalteneGruppe = (dateien: 0, seiten: 0)

        /// Throws the first write error, else removes what this build did not write and returns the counts.
        public func abschliessen() throws -> Bilanz {
            lock.lock(); defer { lock.unlock() }
            if let fehler { throw fehler }
            plan?.merken(geschriebenePfade)
            // A folder that was empty when the build began holds only what it wrote: nothing to look for.
            let weg = try plan?.veraltet(geschriebenePfade).map { try ordner.entferne($0) }
                ?? (leerBegonnen ? [] : ordner.entferneVeraltete(behalten: geschriebenePfade))
            bilanz.entfernt = weg.count
            geaendert.formUnion(weg)
            return bilanz
        }
    }

    /// The size of a file in the folder.
    func groesse(_ relativ: String) -> Int? {
        var info = stat()
        return stat(Paths.join(pfad, relativ), &info) == 0 ? Int(info.st_size) : nil
    }

    /// Replaces an existing file through `<name>.teilhabe-tmp` + rename, so that it is never seen
    /// half-written; a new file is written in place (a crash can leave only a partial new file, which
    /// the next build rewrites). Returns false when the file already had these bytes.
    @discardableResult
    func schreibeWennNeu(_ ziel: String, _ daten: Data, wohlNeu: Bool = false) throws -> Bool {
        if wohlNeu {
            // Into a folder that was empty when the build began: create it outright, without first
            // failing to read it; a file that is there after all takes the usual way below.
            let code = mitOrdner(ziel) { Datei.direkt(ziel, daten, neu: true) }
            if code == 0 { return true }
            guard code == EEXIST else { throw Fehler.schreiben(ziel, code) }
        }
        let alt = Datei.bytes(ziel)
        if let alt, alt.count == daten.count, daten.withUnsafeBytes({ $0.elementsEqual(alt) }) { return false }
        // A new file is written in place: there is no old version that a reader could see half-replaced.
        let code = mitOrdner(ziel) { alt == nil ? Datei.direkt(ziel, daten) : Datei.schreiben(ziel, daten) }
        guard code == 0 else { throw Fehler.schreiben(ziel, code) }
        return true
    }

    /// Runs a write (errno or 0) and, where it failed for a missing folder, makes the folder and runs
    /// it again. Folders are made when a write finds them missing: no lookup before every file, and
    /// threads writing into the same new folder cannot trip over each other.
    private func mitOrdner(_ ziel: String, _ schreiben: () -> Int32) -> Int32 {
        let code = schreiben()
        guard code == ENOENT, Datei.ordnerAnlegen((ziel as NSString).deletingLastPathComponent) else { return code }
        return schreiben()
    }

    /// Removes the given files (the last build's that this one no longer has) and folders they leave
    /// empty; returns the files that were there.
    func entferne(_ pfade: Set<String>) throws -> [String] {
        var entfernt: [String] = []
        for relativ in pfade.sorted() {
            guard Paths.resolve(relativ) == relativ, !relativ.isEmpty else { continue }
            let voll = Paths.join(pfad, relativ)
            if unlink(voll) == 0 { entfernt.append(relativ) } else if errno != ENOENT { throw Fehler.schreiben(relativ, errno) }
            var ordner = (relativ as NSString).deletingLastPathComponent
            while !ordner.isEmpty, rmdir(Paths.join(pfad, ordner)) == 0 { ordner = (ordner as NSString).deletingLastPathComponent }
        }
        return entfernt
    }

    /// Removes every file below the folder that this build did not write or keep, and folders left
    /// empty; returns the removed files. Plain readdir: the entry type comes with the name, so no file needs a stat.
    func entferneVeraltete(behalten: Set<String>) throws -> [String] {
        var entfernt: [String] = []
        /// Returns the number of entries left in the folder.
        func aufraeumen(_ relativ: String) throws -> Int {
            guard let eintraege = Datei.eintraege(relativ.isEmpty ? pfad : Paths.join(pfad, relativ)) else { return 1 }
            var uebrig = 0
            for (name, art) in eintraege {
                let kind = relativ.isEmpty ? name : relativ + "/" + name
                if art == .ordner {
                    if try aufraeumen(kind) == 0, rmdir(Paths.join(pfad, kind)) == 0 { continue }
                    uebrig += 1
                } else if kind == Ausgabeordner.marker || behalten.contains(kind) {
                    uebrig += 1
                } else {
                    guard unlink(Paths.join(pfad, kind)) == 0 else { throw Fehler.schreiben(kind, errno) }
                    entfernt.append(kind)
                }
            }
            return uebrig
        }
        _ = try aufraeumen("")
        return entfernt
    }
}
