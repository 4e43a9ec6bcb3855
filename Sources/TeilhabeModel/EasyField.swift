import Foundation
import Synchronization
import TeilhabeSupport

/// An easy-language value from YAML (`titel_leicht`, `leicht`, `ziel_leicht`, the `titel` of a
/// .leicht.md …) with the place its text starts, so that `check` can point into it.
public struct EasyField: Sendable, Codable {
    public var text: String
    public var location: SourceLocation

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// Collects easy-language fields while loading. A class with a lock: loaders report into it.
package final class EasyFieldCollection: Sendable {
    private let fields = Mutex<[EasyField]>([])

    package init() {}

    package func add(_ field: EasyField) {
        fields.withLock { $0.append(field) }
    }

    /// A cached file's fields under one lock (taken per field, the loader's threads met on it).
    package func add(contentsOf new: [EasyField]) {
        guard !new.isEmpty else { return }
        fields.withLock { $0.append(contentsOf: new) }
    }

    package var allItems: [EasyField] { fields.withLock { $0 } }
}
