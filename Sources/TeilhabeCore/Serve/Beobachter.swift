import Foundation

/// Notices changes in folders by comparing the path, size and modification time of every file.
/// Polling keeps it portable and needs no extra library; a few thousand files take milliseconds.
public struct Beobachter {
    public let ordner: [String]
    private var stand: [String: String] = [:]

    public init(ordner: [String]) {
        self.ordner = ordner
        stand = Self.aufnehmen(ordner)
    }

    /// True when anything was added, removed or changed since the last call.
    public mutating func geaendert() -> Bool {
        let neu = Self.aufnehmen(ordner)
        defer { stand = neu }
        return neu != stand
    }

    static func aufnehmen(_ ordner: [String]) -> [String: String] {
        var ergebnis: [String: String] = [:]
        for o in ordner {
            for relativ in FileIO.disk.listFiles(o) {
                let pfad = Paths.join(o, relativ)
                var info = stat()
                if stat(pfad, &info) == 0 {
                    ergebnis[pfad] = "\(info.st_size):\(info.st_mtim.tv_sec):\(info.st_mtim.tv_nsec)"
                }
            }
        }
        return ergebnis
    }
}
