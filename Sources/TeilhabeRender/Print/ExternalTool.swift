import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// Runs an external program (the PDF tool, its version probe) without letting it hang the build:
/// stdout and stderr are drained together, so a child that fills one pipe while the other is read
/// cannot block; and after `timeout` seconds the child and everything it started are killed.
package enum ExternalTool {
    package struct Run: Sendable {
        package var status: Int32
        package var stdout: Data
        package var stderr: Data
        /// The program was killed because it ran longer than allowed.
        package var timedOut: Bool

        var outputPath: String { String(decoding: stdout, as: UTF8.self) }
        var errors: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// nil when the program cannot be started. `environment` nil: this process's environment.
    package static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil,
                    directory: String? = nil, timeout: TimeInterval = 120) -> Run? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let deadline = Date().addingTimeInterval(timeout)
        var (o, e, timedOut) = drain(out.fileHandleForReading.fileDescriptor, err.fileHandleForReading.fileDescriptor,
                                     until: deadline)
        // Both pipes closed: the program normally exits at once, but it may linger with them closed.
        while !timedOut && process.isRunning {
            if Date() >= deadline { timedOut = true } else { usleep(5_000) }
        }
        if timedOut {
            // The child leads its own process group (Foundation starts it so): the group goes with it,
            // so no grandchild keeps running or holds the pipes.
            kill(-process.processIdentifier, SIGKILL)
            kill(process.processIdentifier, SIGKILL)
            // Whatever was written until then, without waiting for pipes a stray process might hold.
            let rest = drain(out.fileHandleForReading.fileDescriptor, err.fileHandleForReading.fileDescriptor,
                             until: Date().addingTimeInterval(1))
            o += rest.0; e += rest.1
        }
        process.waitUntilExit()
        try? out.fileHandleForReading.close()
        try? err.fileHandleForReading.close()
        return Run(status: timedOut ? -1 : process.terminationStatus, stdout: o, stderr: e, timedOut: timedOut)
    }

    /// Reads both descriptors until both are closed or the deadline passes (then `timedOut`).
    /// One thread and `poll`: no helper thread that a busy thread pool might never run.
    private static func drain(_ a: Int32, _ b: Int32, until deadline: Date) -> (Data, Data, timedOut: Bool) {
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var data = [Data(), Data()]
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while fds.contains(where: { $0.fd >= 0 }) {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return (data[0], data[1], true) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(left * 1000, 1000)) + 1)
            if ready < 0 && errno != EINTR { break }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    data[i].append(contentsOf: buffer[0..<n])
                } else if n == 0 || errno != EINTR {
                    fds[i].fd = -1   // closed (or broken): poll skips negative descriptors
                }
            }
        }
        return (data[0], data[1], false)
    }
}
