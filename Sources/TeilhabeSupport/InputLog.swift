import Foundation
import Synchronization

/// Records every input the loader touched: each file read (by the fingerprint of its bytes),
/// each folder listed, each existence asked. Recording happens at the file-access boundary, so
/// nothing a loader reads can be missed; the build's global fingerprint is made from it.
public final class InputLog: Sendable {
    /// By kind of access ("read", "list", "exists", "dir"), then by path: the reads of thousands of
    /// pages are looked up by path without making a combined key for each.
    private let eintraege = Mutex<[String: [String: Fingerprint]]>([:])

    public init() {}

    package func merken(_ art: String, _ pfad: String, _ abdruck: Fingerprint) {
        eintraege.withLock { $0[art, default: [:]][pfad] = abdruck }
    }

    /// The fingerprint of the file read at `pfad` (as given to the file access), if it was read.
    package func gelesen(_ pfad: String) -> Fingerprint? {
        eintraege.withLock { $0["read"]?[pfad] }
    }

    /// Everything recorded, in a stable order, except the reads `ausser` names (inputs that
    /// the pages depending on them track one by one; left out before sorting, as they are most).
    package func abdruck(ausser: (String) -> Bool) -> Fingerprint {
        let eintraege = eintraege.withLock { $0 }
        var s = FingerprintHasher()
        for (art, jePfad) in eintraege.sorted(by: { $0.key < $1.key }) {
            for (pfad, wert) in jePfad.filter({ art != "read" || !ausser($0.key) }).sorted(by: { $0.key < $1.key }) {
                s.text(art); s.text(pfad); s.abdruck(wert)
            }
        }
        return s.ergebnis
    }
}

extension FileIO {
    /// The same file access, with every answer recorded; fingerprints come from `staende` where it
    /// knows the file unchanged.
    package func protokolliert(_ p: InputLog, staende: FileStatusCache? = nil) -> FileIO {
        let innen = self
        var io = FileIO(
            read: { pfad in
                let data = try innen.read(pfad)
                p.merken("read", pfad, .von(data))
                return data
            },
            listFiles: { ordner in
                let namen = innen.listFiles(ordner)
                var s = FingerprintHasher()
                for name in namen { s.text(name) }
                p.merken("list", ordner, s.ergebnis)
                return namen
            },
            fileExists: { pfad in
                let ja = innen.fileExists(pfad)
                p.merken("exists", pfad, Fingerprint(a: ja ? 1 : 0, b: 0))
                return ja
            },
            isDirectory: { pfad in
                let ja = innen.isDirectory(pfad)
                p.merken("dir", pfad, Fingerprint(a: ja ? 1 : 0, b: 0))
                return ja
            }
        )
        io.groesse = innen.groesse
        io.abdruckMitDaten = { pfad in
            var gelesen: Data?
            func lesen() throws -> Data { let daten = try innen.read(pfad); gelesen = daten; return daten }
            let abdruck = try staende?.abdruck(pfad, lesen: lesen) ?? .von(try lesen())
            p.merken("read", pfad, abdruck)
            return (abdruck, gelesen)
        }
        return io
    }
}
