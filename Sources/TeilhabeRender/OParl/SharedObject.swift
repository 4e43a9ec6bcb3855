import Foundation
import Synchronization
import TeilhabeSupport

/// An OParl object for the two files that hold it: its list's page and its own file. The object is
/// made once, and its own file takes its JSON from the bytes JSONEncoder wrote for the page where the
/// page came first (every byte of both files is the encoder's). Making and encoding every object twice
/// was 6 % of a clean build's CPU on the 4,000-page corpus (user time, 6 alternating runs). What is held
/// is let go once both files are done.
final class SharedObject: Sendable {
    private struct State {
        var object: (any Encodable & Sendable)?
        /// The object's compact JSON as the page wrote it, until its own file takes it.
        var json: Data?
        var pageDone = false
        var ownFileDone = false
    }

    private let make: @Sendable () -> any Encodable & Sendable
    private let state = Mutex(State())

    init(_ make: @escaping @Sendable () -> any Encodable & Sendable) {
        self.make = make
    }

    /// The object for the page (made here if its own file has not made it).
    func forPage() -> any Encodable & Sendable {
        if let object = state.withLock({ $0.object }) { return object }
        let object = make()
        state.withLock { s in if !s.ownFileDone { s.object = object } }
        return object
    }

    /// The page is written, with this object's compact JSON (nil where it could not be taken out).
    func pageWritten(_ json: Data?) {
        state.withLock { s in
            s.pageDone = true
            s.object = nil
            if !s.ownFileDone { s.json = json }
        }
    }

    /// The compact JSON for the object's own file: the page's bytes, or encoded here.
    func ownFileJSON() -> Data {
        let taken: Data? = state.withLock { s in
            defer { s.json = nil }
            if s.json != nil { s.ownFileDone = true }
            return s.json
        }
        if let taken { return taken }
        let object = state.withLock({ $0.object }) ?? make()
        let json = JSONText.data(object, indented: false)
        state.withLock { s in
            s.ownFileDone = true
            s.object = s.pageDone ? nil : object
        }
        return json
    }
}
