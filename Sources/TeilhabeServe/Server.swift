import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild

// Why this server is hand-written and not FlyingFox (issue 20 item 4, evaluated with FlyingFox 0.27.1):
// a probe with FlyingFox's HTTPServer bound to `.inet(ip4: "127.0.0.1", port:)`, a file route and an
// endless body, driven by raw loopback clients, showed what it lacks for the limits below.
//  1. Accept errors end the server. Under `ulimit -n 64`, 80 event streams opened at once: `run()`
//     threw `SocketError.failed(type: "Accept", errno: 24)`, closed the listening socket and dropped
//     every connection; the next request got "connection refused". (`AsyncSocketSequence.next`
//     rethrows every accept error but `.disconnected`.) Here: back-off and shedding, test
//     ServeDescriptorLimitTests.
//  2. No hook at accept time: the accept loop is private, and a connection reaches a handler only
//     with a complete head; an accepted or listening socket cannot be handed in (`HTTPConnection`,
//     `HTTPDecoder`, `HTTPEncoder` are internal). So no connection cap, no 503, no shedding of the
//     oldest silent client. Neither can a wrapping `AsyncSocketPool` gate it: accept() only
//     suspends on the pool when nothing is pending, so a burst is accepted back to back.
//  3. No head or idle timeout: `Configuration.timeout` bounds the handler only. A silent client was
//     still open after 20 s; a keep-alive client after its response waits for ever.
//  4. Only the request's `Connection` header ends a connection: after `GET / HTTP/1.1` without it,
//     the connection was still open 3 s after the response (a response's `Connection: close` is sent
//     but not acted on). Here every response closes its connection (test
//     testEveryResponseClosesItsConnection).
//  5. No send deadline: `AsyncSocket.write` waits on the pool without a limit.
//  6. A streamed body is always chunked (`Transfer-Encoding: chunked`, observed `0A\r\nevent: x…`);
//     raw event-stream bytes only with a made-up Content-Length.
//  7. The connection is not read while a body streams, so a closed EventSource is noticed only
//     when a write to it fails: two to three writes later (up to 20 s with the 10 s heartbeat).
//  8. A malformed request line closes the connection without an answer (a TODO in `HTTPServer`);
//     here it gets 400 (test testAMalformedRequestLineGets400).
//  9. Accepted sockets are not close-on-exec: the audit's browser would inherit them.
// What it does well: its async I/O let a request through beside 40 silent clients, and
// `request.target.rawValue` keeps the raw path for the traversal check. 3–7 could be patched from
// outside (deadlines in a wrapping pool, marks by peer port, a fake Content-Length, counting the
// logger's open/close lines), 1 and 2 not without forking it: more code of our own than this file,
// resting on FlyingFox's internals. The dependency would cost ~16–24 s of a clean debug build
// (FlyingFox, FlyingSocks and CSystemLinux alone: 24 s wall, 15.5 s CPU on this machine).
// SwiftNIO (under Hummingbird) has an accept back-off for EMFILE/ENFILE (AcceptBackoffHandler).

/// A small HTTP/1.1 server for the preview: bound to 127.0.0.1 only, GET and HEAD, files from one
/// folder, a reload script in every HTML response, Server-Sent Events to tell pages of a rebuild,
/// and an error page for every request while the last build failed.
///
/// One thread accepts connections and watches the event streams (a closed page is noticed at once,
/// a vanished one by the heartbeat); each request gets a worker thread of its own. `limits` bound
/// how long a client may take and how many connections there are, so that no client – silent,
/// slow, or opening streams without end – can stall it or use up the process's descriptors.
// @unchecked: the vars are read and written only under `lock`; `waker` and the rest are set in init.
public final class Server: @unchecked Sendable {
    public let rootPath: String
    public let limits: ServerLimits
    /// The language of the error page shown while the last build failed.
    public let language: Language
    private let lock = NSLock()
    private var portValue: UInt16
    private var errors: String?
    private var reloadValue = true
    private var running = false
    /// A pipe whose byte wakes the accepting thread: to stop, or to watch a changed set of streams.
    /// Closed only in deinit, when no thread can write to it any more (each holds the server).
    private let waker: (readFile: Int32, writeFile: Int32)
    private let connections: ConnectionTable
    private let loopDone = DispatchSemaphore(value: 0)

    public init(rootPath: String, port: UInt16, limits: ServerLimits = .standard(), language: Language = .de) {
        self.rootPath = rootPath
        self.limits = limits
        self.language = language
        portValue = port
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 { fds.forEach { Self.withoutInheritance($0, nonBlocking: true) } } else { fds = [-1, -1] }
        waker = (fds[0], fds[1])
        let writeFile = fds[1]
        connections = ConnectionTable(limits: limits) { Server.wake(writeFile) }
    }

    deinit {
        if waker.readFile >= 0 { close(waker.readFile); close(waker.writeFile) }
    }

    /// The port listened on (the free one chosen when 0 was asked for, once started).
    public var port: UInt16 {
        lock.lock(); defer { lock.unlock() }
        return portValue
    }

    /// The preview adds the reload script to HTML; the audit serves the files as they are.
    public var reload: Bool {
        get { lock.lock(); defer { lock.unlock() }; return reloadValue }
        set { lock.lock(); reloadValue = newValue; lock.unlock() }
    }

    public func launch() throws {
        signal(SIGPIPE, SIG_IGN)
        guard waker.readFile >= 0 else { throw POSIXError(.EMFILE) }
        guard !connections.isStopped, !isStarted else { throw POSIXError(.EALREADY) }   // one run per server
        let (socket, bound) = try Self.listenOn(port)
        lock.lock()
        portValue = bound
        running = true
        lock.unlock()
        Thread.detachNewThread { [self] in
            loop(socket)
            loopDone.signal()
        }
    }

    private var isStarted: Bool {
        lock.lock(); defer { lock.unlock() }
        return running
    }

    /// Stops accepting, cuts off requests still being read, closes the event streams and waits
    /// (a few seconds at most) until the port is free again.
    public func shutDown() {
        lock.lock()
        let wasRunning = running
        running = false
        lock.unlock()
        guard wasRunning else { return }
        connections.stop()
        Self.wake(waker.writeFile)
        _ = loopDone.wait(timeout: .now() + 5)
    }

    /// The output files (`vorlagen/x/index.html`) of the pages open in a browser.
    public var openPageCount: Set<String> { connections.openPages }

    /// Open connections: requests being read or answered, and event streams.
    var openConnections: (requests: Int, eventStreams: Int) {
        let (requests, streams) = connections.count
        return (requests, streams)
    }

    /// After a build: remember a failure (or clear it) and tell the open pages to reload – those whose
    /// file is among `geaendert`, or every page when that is nil or the build's success changed.
    public func rebuilt(errors: String?, changed: Set<String>? = nil) {
        lock.lock()
        let allItems = changed == nil || errors != self.errors
        self.errors = errors
        lock.unlock()
        connections.send("event: neu\ndata: 1\n\n", toPages: allItems ? nil : changed)
    }

    // MARK: - Accepting and watching the streams

    /// A listening socket on 127.0.0.1 (never any other interface) and its port.
    private static func listenOn(_ port: UInt16) throws -> (Int32, UInt16) {
        let s = socket(AF_INET, listeningSocketType, 0)
        guard s >= 0 else { throw POSIXError(.EMFILE) }
        #if !os(Linux)
        withoutInheritance(s, nonBlocking: true)
        #endif
        var enable: Int32 = 1
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &enable, socklen_t(MemoryLayout<Int32>.size))
        var adresse = sockaddr_in()
        adresse.sin_family = sa_family_t(AF_INET)
        adresse.sin_port = port.bigEndian
        adresse.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &adresse) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(s, 128) == 0 else { close(s); throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &adresse) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &length) }
        }
        return (s, UInt16(bigEndian: adresse.sin_port))
    }

    /// Waits for a connection, the wake-up pipe or a stream that became readable (its page closed:
    /// an EventSource sends nothing after its request), and sends the heartbeats that are due.
    private func loop(_ socket: Int32) {
        defer { close(socket) }
        while !connections.isStopped {
            let streams = connections.streamSnapshot()
            var fds = [pollfd(fd: socket, events: Int16(POLLIN), revents: 0), pollfd(fd: waker.readFile, events: Int16(POLLIN), revents: 0)]
            fds += streams.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let awaitEvent = Int32(max(0.01, connections.heartbeat()) * 1000)
            guard poll(&fds, nfds_t(fds.count), awaitEvent) >= 0 else {
                if errno != EINTR { usleep(50_000) }   // never spin on a failing poll
                continue
            }
            if fds[1].revents != 0 { Self.clear(waker.readFile) }
            connections.drop(zip(streams, fds.dropFirst(2)).filter { $0.1.revents != 0 }.map(\.0))
            if fds[0].revents != 0 { acceptConnection(socket) }
        }
    }

    private func acceptConnection(_ socket: Int32) {
        let client = accept(socket, nil, nil)
        guard client >= 0 else {
            let errors = errno
            if errors == EAGAIN || errors == EWOULDBLOCK || errors == EINTR || errors == ECONNABORTED { return }
            // Out of descriptors (EMFILE, ENFILE) or worse: free one and pause, rather than have
            // poll() report the waiting connection again at once and spin.
            _ = connections.makeRoom()
            usleep(50_000)
            return
        }
        switch connections.admit(client) {
        case .admitted:
            Self.withoutInheritance(client, nonBlocking: false)
            Thread.detachNewThread { [self] in serve(client) }
        case .busy:
            _ = Self.sendImmediately(client, Self.head(503, "text/plain; charset=utf-8", 20) + "Service Unavailable\n")
            close(client)
        case .stopped:
            close(client)
        }
    }

    private static func wake(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    private static func clear(_ fd: Int32) {
        var chunk = [UInt8](repeating: 0, count: 64)
        while read(fd, &chunk, chunk.count) > 0 {}
    }

    /// Close-on-exec, so that a program the process starts (the audit's browser) holds no client
    /// socket open. (pipe2 and accept4 would do it at once; Swift's Glibc module does not have them.)
    private static func withoutInheritance(_ fd: Int32, nonBlocking: Bool) {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        if nonBlocking { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    // MARK: - Answering a request (on its worker thread)

    /// Reads the head within the time limit and answers; the descriptor is closed here unless it
    /// became an event stream (then the table has it).
    private func serve(_ client: Int32) {
        var keep = false
        if let sourceLine = Self.requestLine(client, deadline: limits.headTimeout) {
            connections.headRead(client)
            keep = respond(client, sourceLine)
        }
        if !keep {
            connections.finish(client)
            close(client)
        }
    }

    /// The request line, once the head is complete (or the client stopped sending); nil when nothing
    /// came before the deadline or the connection was closed or cut off.
    static func requestLine(_ fd: Int32, deadline seconds: Double) -> String? {
        let end = monotonicSeconds() + seconds
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var alreadyRead = 0
        while alreadyRead < chunk.count {
            let rest = end - monotonicSeconds()
            guard rest > 0 else { return nil }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, Int32(min(rest * 1000, 60_000).rounded(.up)))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return nil }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress! + alreadyRead, $0.count - alreadyRead) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            let from = max(0, alreadyRead - 3)
            alreadyRead += n
            if Self.containsHeaderEnd(chunk[from..<alreadyRead]) { break }
        }
        guard alreadyRead > 0 else { return nil }
        return String(String(decoding: chunk[..<alreadyRead], as: UTF8.self).split(separator: "\r\n").first ?? "")
    }

    private static func containsHeaderEnd(_ bytes: ArraySlice<UInt8>) -> Bool {
        let end: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4 else { return false }
        return (bytes.startIndex...(bytes.endIndex - 4)).contains { bytes[$0..<($0 + 4)].elementsEqual(end) }
    }

    /// Answers one request; true when the connection became an event stream and stays open.
    private func respond(_ client: Int32, _ sourceLine: String) -> Bool {
        let parts = sourceLine.split(separator: " ")
        guard parts.count == 3 else { response(client, 400, "text/plain; charset=utf-8", Data("Bad Request\n".utf8)); return false }
        let method = String(parts[0]), path = String(parts[1])
        guard method == "GET" || method == "HEAD" else {
            response(client, 405, "text/plain; charset=utf-8", Data("Method Not Allowed\n".utf8))
            return false
        }
        if path.hasPrefix("/__teilhabe/ereignisse") {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
            guard transmit(client, Data(head.utf8)) else { return false }
            connections.promote(client, page: pageFile(path))
            return true
        }
        if path == "/__teilhabe/neuladen.js" {
            response(client, 200, "text/javascript; charset=utf-8", Data(Request.reloadJS.utf8), headOnly: method == "HEAD")
        } else {
            fileResponse(client, path, headOnly: method == "HEAD")
        }
        return false
    }

    /// The file for `pfad`, the 404 page, or the error page while the last build failed.
    private func fileResponse(_ client: Int32, _ path: String, headOnly: Bool) {
        lock.lock()
        let errorText = errors, withScript = reloadValue
        lock.unlock()
        if let errorText {
            let webPage = Request.withReload(Request.errorPage(errorText, language: language))
            return response(client, 500, "text/html; charset=utf-8", Data(webPage.utf8), headOnly: headOnly)
        }
        guard let filePath = Request.filePath(path, rootPath: rootPath, isFolder: { FileIO.disk.isDirectory($0) }) else {
            return response(client, 400, "text/plain; charset=utf-8", Data("Bad Request\n".utf8))
        }
        var status = 200, target = filePath
        if !FileManager.default.fileExists(atPath: target) { status = 404; target = Paths.join(rootPath, "404.html") }
        guard var contents = FileManager.default.contents(atPath: target) else {
            return response(client, 404, "text/plain; charset=utf-8", Data("Not Found\n".utf8))
        }
        let type = Request.contentType(target)
        if withScript, type.hasPrefix("text/html") { contents = Data(Request.withReload(String(decoding: contents, as: UTF8.self)).utf8) }
        response(client, status, type, contents, headOnly: headOnly)
    }

    /// `/__teilhabe/ereignisse?seite=/vorlagen/x/` → `vorlagen/x/index.html` (empty when unknown).
    private func pageFile(_ anfrage: String) -> String {
        guard let frage = anfrage.firstIndex(of: "?"), anfrage[frage...].hasPrefix("?seite="),
              let webPage = Request.percentDecoded(String(anfrage[anfrage.index(frage, offsetBy: 7)...])),
              let filePath = Request.filePath(webPage, rootPath: rootPath, isFolder: { FileIO.disk.isDirectory($0) }) else { return "" }
        return String(filePath.dropFirst(rootPath.count + 1))
    }

    private static func head(_ status: Int, _ type: String, _ length: Int) -> String {
        let texts = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed",
                     500: "Internal Server Error", 503: "Service Unavailable"]
        return "HTTP/1.1 \(status) \(texts[status] ?? "OK")\r\nContent-Type: \(type)\r\nContent-Length: \(length)\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
            + (status == 503 ? "Retry-After: 1\r\n" : "") + "Connection: close\r\n\r\n"
    }

    private func response(_ client: Int32, _ status: Int, _ type: String, _ contents: Data, headOnly: Bool = false) {
        _ = transmit(client, Data(Self.head(status, type, contents.count).utf8) + (headOnly ? Data() : contents))
    }

    /// Writes everything within `limits.sendTimeout` seconds in all, so that a client reading a byte
    /// now and then cannot hold its worker for long either.
    private func transmit(_ fd: Int32, _ payload: Data) -> Bool {
        let end = monotonicSeconds() + limits.sendTimeout
        return payload.withUnsafeBytes { chunk in
            var sent = 0
            while sent < chunk.count {
                let rest = end - monotonicSeconds()
                guard rest > 0 else { return false }
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                let ready = poll(&p, 1, Int32(min(rest * 1000, 60_000).rounded(.up)))
                if ready < 0, errno == EINTR { continue }
                guard ready > 0 else { return false }
                let n = socketSend(fd, UnsafeRawBufferPointer(rebasing: chunk[sent...]), sendNowFlags)
                if n < 0, errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                if n <= 0 { return false }
                sent += n
            }
            return true
        }
    }

    private static func sendImmediately(_ fd: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { socketSend(fd, $0, sendNowFlags) } == bytes.count
    }
}
