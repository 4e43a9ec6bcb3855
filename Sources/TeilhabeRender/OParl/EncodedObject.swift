import Foundation
import Synchronization
import TeilhabeSupport

/// An OParl object's compact JSON, made once for the two files that hold it: its own file and the page
/// of its list. Building and encoding every object twice was 3 % of a clean build of the 4,000-page
/// corpus (perf); the bytes are the same in both, as JSONEncoder writes an array element as it writes
/// the value alone. The bytes are let go after their last use.
final class EncodedObject: Sendable {
    private let make: @Sendable () -> any Encodable & Sendable
    /// The JSON once made, and how many of its readers have not had it yet.
    private let state: Mutex<(json: Data?, uses: Int)>

    init(uses: Int, _ make: @escaping @Sendable () -> any Encodable & Sendable) {
        self.make = make
        state = Mutex((nil, uses))
    }

    /// The compact JSON (made by the first reader; two readers at once may both make it, with the same bytes).
    func compact() -> Data {
        if let json = take() { return json }
        let json = JSONText.data(make(), indented: false)
        state.withLock { s in if s.uses > 0 { s.json = json } }
        return json
    }

    private func take() -> Data? {
        state.withLock { s in
            s.uses -= 1
            let json = s.json
            if s.uses <= 0 { s.json = nil }
            return json
        }
    }
}
