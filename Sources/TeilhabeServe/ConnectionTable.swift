import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild

/// Every open client connection of the preview server, under one lock: requests being read or
/// answered (each owned by its worker thread) and event streams (owned by the table).
///
/// Why the ownership rules matter: a descriptor number is reused by the next accept() as soon as it
/// is closed. So a stream's descriptor is written to and closed only here, under the lock, after it
/// left the table; and a request's descriptor is closed by its worker only after `finish`, so the
/// `shutdown` the table may do to shed it always hits the right socket.
// @unchecked: all of its state is read and written under its one lock (see above).
final class ConnectionTable: @unchecked Sendable {
    struct Stream {
        let fd: Int32
        let id: UInt64
        /// The output file (`vorlagen/x/index.html`) of the page listening.
        let page: String
        var lastWrite: Double
    }

    enum Admission { case admitted, busy, stopped }

    private let lock = NSLock()
    private let limits: ServerLimits
    /// Requests by descriptor: the order they came in, and whether they still wait for the head.
    private var requests: [Int32: (order: UInt64, readingHead: Bool)] = [:]
    /// Oldest first.
    private var streams: [Stream] = []
    private var counter: UInt64 = 0
    private var stopped = false
    /// Called (outside the lock) when the set of streams changed, so the poller looks again.
    private let onStreamsChanged: @Sendable () -> Void

    init(limits: ServerLimits, onStreamsChanged: @escaping @Sendable () -> Void) {
        self.limits = limits
        self.onStreamsChanged = onStreamsChanged
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock(); defer { lock.unlock() }
        return body()
    }

    var isStopped: Bool { locked { stopped } }
    var openPages: Set<String> { locked { Set(streams.map(\.page)) } }
    var count: (requests: Int, streams: Int) { locked { (requests.count, streams.count) } }

    /// Takes a new connection, making room when the limit is reached. `busy` when every connection
    /// is being answered: the caller answers 503 and closes.
    func admit(_ fd: Int32) -> Admission {
        let (admission, changed) = locked { () -> (Admission, Bool) in
            guard !stopped else { return (.stopped, false) }
            var changed = false
            if requests.count + streams.count >= limits.maxConnections {
                guard let room = makeRoomLocked() else { return (.busy, false) }
                changed = room
            }
            counter += 1
            requests[fd] = (counter, true)
            return (.admitted, changed)
        }
        if changed { onStreamsChanged() }
        return admission
    }

    /// Frees a connection (also when accept() found no free descriptor): the request that has waited
    /// longest for its head is cut off, else the oldest event stream is closed. False when every
    /// connection is being answered.
    func makeRoom() -> Bool {
        let room = locked { makeRoomLocked() }
        if room == true { onStreamsChanged() }
        return room != nil
    }

    /// Nil: nothing to free; false: a request was cut off (its worker closes it); true: a stream closed.
    private func makeRoomLocked() -> Bool? {
        if let idle = requests.filter({ $0.value.readingHead }).min(by: { $0.value.order < $1.value.order }) {
            requests[idle.key]?.readingHead = false   // shed once
            shutdown(idle.key, Int32(SHUT_RDWR))
            return false
        }
        guard !streams.isEmpty else { return nil }
        dropLocked(at: 0)
        return true
    }

    /// The head has arrived: the request is being answered and no longer shed for room.
    func headRead(_ fd: Int32) {
        locked { requests[fd]?.readingHead = false }
    }

    /// The worker is done with the request; it closes the descriptor after this.
    func finish(_ fd: Int32) {
        locked { _ = requests.removeValue(forKey: fd) }
    }

    /// The request became an event stream: the table owns its descriptor from now on. The oldest
    /// streams go when there are more than allowed. False (descriptor closed) after `stop`.
    @discardableResult
    func promote(_ fd: Int32, page: String) -> Bool {
        let kept = locked { () -> Bool in
            requests.removeValue(forKey: fd)
            guard !stopped else { close(fd); return false }
            counter += 1
            streams.append(Stream(fd: fd, id: counter, page: page, lastWrite: monotonicSeconds()))
            while streams.count > limits.maxEventStreams { dropLocked(at: 0) }
            return true
        }
        onStreamsChanged()
        return kept
    }

    /// The streams as the poller sees them; an id tells a stream from a later one on the same number.
    func streamSnapshot() -> [(fd: Int32, id: UInt64)] {
        locked { streams.map { ($0.fd, $0.id) } }
    }

    /// Closes the streams whose peer has gone (or sent anything: an EventSource never does).
    func drop(_ gone: [(fd: Int32, id: UInt64)]) {
        guard !gone.isEmpty else { return }
        locked {
            for g in gone {
                if let i = streams.firstIndex(where: { $0.fd == g.fd && $0.id == g.id }) { dropLocked(at: i) }
            }
        }
    }

    /// Sends an event to the streams of `pages` (all when nil); those that cannot take it are closed.
    func send(_ message: String, toPages pages: Set<String>?) {
        let dropped = locked { () -> Bool in
            let now = monotonicSeconds(), before = streams.count
            for i in streams.indices.reversed() where pages?.contains(streams[i].page) ?? true {
                if Self.sendNow(streams[i].fd, message) { streams[i].lastWrite = now } else { dropLocked(at: i) }
            }
            return streams.count < before
        }
        if dropped { onStreamsChanged() }
    }

    /// Writes a comment to every stream silent for `heartbeat` seconds; returns the seconds until the
    /// next one is due.
    func heartbeat() -> Double {
        locked {
            let now = monotonicSeconds()
            var next = limits.heartbeat
            for i in streams.indices.reversed() {
                let due = streams[i].lastWrite + limits.heartbeat - now
                if due > 0 { next = min(next, due); continue }
                if Self.sendNow(streams[i].fd, ":\n\n") { streams[i].lastWrite = now } else { dropLocked(at: i) }
            }
            return next
        }
    }

    /// No new connections; requests still reading their head are cut off, streams closed.
    func stop() {
        locked {
            stopped = true
            for (fd, _) in requests { shutdown(fd, Int32(SHUT_RDWR)) }
            while !streams.isEmpty { dropLocked(at: 0) }
        }
    }

    private func dropLocked(at index: Int) {
        close(streams.remove(at: index).fd)
    }

    /// A write that never waits: a stream whose peer does not read (its buffer is full) or is gone
    /// fails here and is dropped, instead of blocking everyone behind the lock.
    private static func sendNow(_ fd: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBytes { socketSend(fd, $0, sendNowFlags) }
        return n == bytes.count
    }
}
