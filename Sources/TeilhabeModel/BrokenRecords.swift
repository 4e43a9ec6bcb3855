import Synchronization
import TeilhabeSupport

/// What could be read of records that exist but failed to load (or loaded with an error): their ids
/// count as existing for references, so that one mistake gives one error at its place and not one more
/// at every agenda, plan or page that names the record. Nothing is rendered from them: the build
/// stops at their errors anyway.
public struct BrokenRecords: Sendable, Codable, Equatable {
    public var vorlagen: Set<String> = []
    public var sitzungen: Set<String> = []
    public var gremien: Set<String> = []
    public var indikatoren: Set<String> = []
    /// A record of that kind whose id could not be read at all: any reference of that kind may mean it.
    public var unknownVorlage = false
    public var unknownSitzung = false
    public var unknownGremium = false
    /// Papers that did not load but whose body could be read: their text is still checked in the same run
    /// (a misspelt key must not hide a missing section until the next run).
    public var vorlageBodies: [BrokenBody] = []
    /// Areas (sozialraeume.yaml) by id, and whether one failed without a readable id.
    public var sozialraeume: Set<String> = []
    public var unknownSozialraum = false

    public init() {}

    public var isEmpty: Bool { self == BrokenRecords() }

    public mutating func merge(_ other: BrokenRecords) {
        vorlagen.formUnion(other.vorlagen)
        sitzungen.formUnion(other.sitzungen)
        gremien.formUnion(other.gremien)
        indikatoren.formUnion(other.indikatoren)
        unknownVorlage = unknownVorlage || other.unknownVorlage
        unknownSitzung = unknownSitzung || other.unknownSitzung
        unknownGremium = unknownGremium || other.unknownGremium
        vorlageBodies += other.vorlageBodies
        sozialraeume.formUnion(other.sozialraeume)
        unknownSozialraum = unknownSozialraum || other.unknownSozialraum
    }

    /// Whether a reference to this paper number may point at a broken paper.
    public func mayBeVorlage(_ nummer: String) -> Bool { unknownVorlage || vorlagen.contains(nummer) }
    public func mayBeSitzung(_ id: String) -> Bool { unknownSitzung || sitzungen.contains(id) }
    public func mayBeGremium(_ id: String) -> Bool { unknownGremium || gremien.contains(id) }
}

/// The body of a paper that did not load, with its art where it could be read.
public struct BrokenBody: Sendable, Codable, Equatable {
    public var body: MarkdownSource
    public var art: String?
    public var nummer: String?

    public init(body: MarkdownSource, art: String?, nummer: String?) {
        self.body = body
        self.art = art
        self.nummer = nummer
    }

    public static func == (a: BrokenBody, b: BrokenBody) -> Bool {
        a.body.pfad == b.body.pfad && a.art == b.art && a.nummer == b.nummer
    }
}

/// Collects broken records while files load side by side.
package final class BrokenRecordsCollector: Sendable {
    private let records = Mutex(BrokenRecords())

    package init() {}

    package func update(_ change: (inout BrokenRecords) -> Void) {
        records.withLock { change(&$0) }
    }

    package func merge(_ other: BrokenRecords) {
        guard !other.isEmpty else { return }
        records.withLock { $0.merge(other) }
    }

    package var all: BrokenRecords { records.withLock { $0 } }
}
