import Foundation
import Synchronization

/// Records every input the loader touched: each file read (by the fingerprint of its bytes),
/// each folder listed, each existence asked. Recording happens at the file-access boundary, so
/// nothing a loader reads can be missed; the build's global fingerprint is made from it.
public final class InputLog: Sendable {
    /// By kind of access ("read", "list", "exists", "dir"), then by path: the reads of thousands of
    /// pages are looked up by path without making a combined key for each.
    private let entries = Mutex<[String: [String: Fingerprint]]>([:])

    public init() {}

    package func remember(_ art: String, _ path: String, _ inputFingerprint: Fingerprint) {
        entries.withLock { $0[art, default: [:]][path] = inputFingerprint }
    }

    /// The fingerprint of the file read at `pfad` (as given to the file access), if it was read.
    package func alreadyRead(_ path: String) -> Fingerprint? {
        entries.withLock { $0["read"]?[path] }
    }

    /// Everything recorded, in a stable order, except the reads `ausser` names (inputs that
    /// the pages depending on them track one by one; left out before sorting, as they are most).
    package func inputFingerprint(except: (String) -> Bool) -> Fingerprint {
        let entries = entries.withLock { $0 }
        var s = FingerprintHasher()
        for (art, perPath) in entries.sorted(by: { $0.key < $1.key }) {
            for (path, value) in perPath.filter({ art != "read" || !except($0.key) }).sorted(by: { $0.key < $1.key }) {
                s.text(art); s.text(path); s.inputFingerprint(value)
            }
        }
        return s.resultValue
    }
}

extension FileIO {
    /// The same file access, with every answer recorded; fingerprints come from `staende` where it
    /// knows the file unchanged.
    package func logged(_ p: InputLog, states: FileStatusCache? = nil) -> FileIO {
        let inner = self
        var io = FileIO(
            read: { path in
                let data = try inner.read(path)
                p.remember("read", path, .of(data))
                return data
            },
            listFiles: { folderPath in
                let names = inner.listFiles(folderPath)
                var s = FingerprintHasher()
                for name in names { s.text(name) }
                p.remember("list", folderPath, s.resultValue)
                return names
            },
            fileExists: { path in
                let exists = inner.fileExists(path)
                p.remember("exists", path, Fingerprint(a: exists ? 1 : 0, b: 0))
                return exists
            },
            isDirectory: { path in
                let exists = inner.isDirectory(path)
                p.remember("dir", path, Fingerprint(a: exists ? 1 : 0, b: 0))
                return exists
            }
        )
        io.byteSize = inner.byteSize
        io.fingerprintWithData = { path in
            var alreadyRead: Data?
            func readFile() throws -> Data { let payload = try inner.read(path); alreadyRead = payload; return payload }
            let inputFingerprint = try states?.inputFingerprint(path, readFile: readFile) ?? .of(try readFile())
            p.remember("read", path, inputFingerprint)
            return (inputFingerprint, alreadyRead)
        }
        return io
    }
}
