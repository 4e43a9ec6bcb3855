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

    public func schreiben(_ dateien: [Ausgabedatei]) throws -> Bilanz {
        let fm = FileManager.default
        if fm.fileExists(atPath: pfad) {
            let inhalt = (try? fm.contentsOfDirectory(atPath: pfad)) ?? []
            if !inhalt.isEmpty, !inhalt.contains(Ausgabeordner.marker) { throw Fehler.fremderOrdner(pfad) }
        }
        try fm.createDirectory(atPath: pfad, withIntermediateDirectories: true)
        try schreibeWennNeu(Paths.join(pfad, Ausgabeordner.marker), Data("teilhabe\n".utf8))

        var bilanz = Bilanz()
        for datei in dateien {
            guard let relativ = Paths.resolve(datei.pfad), relativ == datei.pfad, !relativ.isEmpty else {
                throw Fehler.ungueltigerPfad(datei.pfad)
            }
        }
        // Folders first (sorted, once each), then the files.
        let ordner = Set(dateien.map { (Paths.join(pfad, $0.pfad) as NSString).deletingLastPathComponent }).sorted()
        for o in ordner where !fm.fileExists(atPath: o) { try fm.createDirectory(atPath: o, withIntermediateDirectories: true) }
        let ziel = pfad
        // Serially: creating files in parallel was slower on the measured disks (the kernel serialises it).
        let ergebnisse = (0..<dateien.count).map { i -> Result<Bool, Error> in
            Result {
                let daten: Data
                switch dateien[i].inhalt {
                case let .daten(d): daten = d
                case let .kopie(quelle): daten = try Data(contentsOf: URL(fileURLWithPath: quelle))
                }
                return try Ausgabeordner(ziel).schreibeWennNeu(Paths.join(ziel, dateien[i].pfad), daten)
            }
        }
        for ergebnis in ergebnisse {
            if try ergebnis.get() { bilanz.geschrieben += 1 } else { bilanz.unveraendert += 1 }
        }
        bilanz.entfernt = try entferneVeraltete(behalten: Set(dateien.map(\.pfad)))
        return bilanz
    }

    /// Replaces an existing file through `<name>.teilhabe-tmp` + rename, so that it is never seen
    /// half-written; a new file is written in place (a crash can leave only a partial new file, which
    /// the next build rewrites). Returns false when the file already had these bytes.
    @discardableResult
    func schreibeWennNeu(_ ziel: String, _ daten: Data) throws -> Bool {
        let alt = FileManager.default.contents(atPath: ziel)
        if let alt, alt == daten { return false }
        let temp = alt == nil ? ziel : ziel + ".teilhabe-tmp"
        // Plain POSIX calls: Foundation's writers sync every file to disk, which is slow and not needed here.
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Fehler.schreiben(ziel, errno) }
        var ok = true
        daten.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { ok = false; break }
                offset += n
            }
        }
        let code = errno
        close(fd)
        guard ok, temp == ziel || rename(temp, ziel) == 0 else {
            unlink(temp)
            throw Fehler.schreiben(ziel, code)
        }
        return true
    }

    private func entferneVeraltete(behalten: Set<String>) throws -> Int {
        let fm = FileManager.default
        var entfernt = 0
        var ordner: [String] = []
        guard let walker = fm.enumerator(atPath: pfad) else { return 0 }
        while let relativ = walker.nextObject() as? String {
            let voll = Paths.join(pfad, relativ)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: voll, isDirectory: &isDir) else { continue }
            if isDir.boolValue { ordner.append(voll); continue }
            if relativ == Ausgabeordner.marker || behalten.contains(relativ) { continue }
            try fm.removeItem(atPath: voll)
            entfernt += 1
        }
        // Deepest first, so emptied parents go too.
        for voll in ordner.sorted(by: { $0.count > $1.count }) where ((try? fm.contentsOfDirectory(atPath: voll)) ?? [""]).isEmpty {
            try? fm.removeItem(atPath: voll)
        }
        return entfernt
    }
}
