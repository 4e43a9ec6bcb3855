import Synchronization

/// An OParl object made once for the two files that hold it: its own file and the page of its list
/// (each encodes it through JSONEncoder). Building every object twice was about a third of the OParl
/// export's CPU on the 4,000-page corpus (perf). The object is let go after its last use.
final class SharedObject: Sendable {
    private let make: @Sendable () -> any Encodable & Sendable
    /// The object once made, and how many of its readers have not had it yet.
    private let state: Mutex<(object: (any Encodable & Sendable)?, uses: Int)>

    init(uses: Int, _ make: @escaping @Sendable () -> any Encodable & Sendable) {
        self.make = make
        state = Mutex((nil, uses))
    }

    /// The object (made by the first reader; two readers at once may both make it, the same value).
    func value() -> any Encodable & Sendable {
        let held: (any Encodable & Sendable)? = state.withLock { s in
            s.uses -= 1
            defer { if s.uses <= 0 { s.object = nil } }
            return s.object
        }
        if let held { return held }
        let object = make()
        state.withLock { s in if s.uses > 0 { s.object = object } }
        return object
    }
}
