import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild

/// The bounds that keep the preview server answering whatever its clients do: a client that sends
/// nothing, one that stops reading, a page that opens event streams and never closes them, or more
/// connections than the process has file descriptors for.
public struct ServerLimits: Sendable {
    /// Seconds a client has to send its request head; then the connection is closed unanswered.
    public var headTimeout: Double
    /// Seconds a response may take to be written to a client that reads slowly or not at all; then
    /// the connection is closed.
    public var sendTimeout: Double
    /// Seconds without a write after which an event stream gets a comment line (`:`), so a peer
    /// that vanished without closing is noticed when the write fails.
    public var heartbeat: Double
    /// Connections at once: requests being read or answered, and event streams.
    public var maxConnections: Int
    /// Event streams at once; a new one pushes out the oldest (its page reconnects by itself).
    public var maxEventStreams: Int

    public init(headTimeout: Double = 10, sendTimeout: Double = 10, heartbeat: Double = 10,
                maxConnections: Int, maxEventStreams: Int) {
        self.headTimeout = headTimeout
        self.sendTimeout = sendTimeout
        self.heartbeat = heartbeat
        self.maxConnections = max(2, maxConnections)
        self.maxEventStreams = max(1, min(maxEventStreams, self.maxConnections - 1))
    }

    /// Limits for a process allowed `fileLimit` open files: a connection may hold two (its socket
    /// and the file it sends), and some are kept for the build, the watcher and the runtime.
    public static func forFileLimit(_ fileLimit: Int) -> ServerLimits {
        let connections = min(128, max(4, (fileLimit - 24) / 2))
        return ServerLimits(maxConnections: connections, maxEventStreams: max(2, connections / 2))
    }

    /// Limits derived from this process's soft RLIMIT_NOFILE.
    public static func standard() -> ServerLimits {
        var limit = rlimit()
        guard getrlimit(fileLimitResource, &limit) == 0 else { return forFileLimit(256) }
        return forFileLimit(limit.rlim_cur == rlim_t.max ? 4096 : Int(clamping: limit.rlim_cur))
    }
}

/// Seconds on a clock that only moves forward (deadlines must not jump with the wall clock).
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
