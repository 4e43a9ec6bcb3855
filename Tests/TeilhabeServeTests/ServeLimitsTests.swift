import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeServe

/// A raw client of the server under test, on 127.0.0.1 only. Every read and write has a time limit
/// (SO_RCVTIMEO/SO_SNDTIMEO, also for connect), so no test can hang on a server that stalls.
private struct Client {
    let fd: Int32

    init(port: UInt16, timeout: Int = 5) throws {
        fd = try XCTUnwrap(Loopback.openConnection(port: port, timeout: timeout), "connect to 127.0.0.1:\(port)")
    }

    /// A client with a tiny receive buffer, set before connecting (the window is agreed then): a
    /// response it does not read fills it at once, whatever the machine's buffer settings allow.
    init(port: UInt16, receiveBuffer: Int32) throws {
        let fd = Loopback.openConnection(port: port, timeout: 5, receiveBuffer: receiveBuffer)
        XCTAssertNotNil(fd, "connect to 127.0.0.1:\(port)")
        self.fd = fd ?? -1
    }

    @discardableResult
    func transmit(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
    }

    /// Reads until the head is complete, the peer closes, the time limit passes or 64 KB came.
    func head() -> String {
        readFile { $0.contains("\r\n\r\n") }
    }

    /// The next event (or heartbeat) of a stream: up to its blank line.
    func event() -> String {
        readFile { $0.hasSuffix("\n\n") }
    }

    /// Everything until the peer closes (or the time limit passes).
    func everything() -> String {
        readFile { _ in false }
    }

    private func readFile(until done: (String) -> Bool) -> String {
        var response = [UInt8](), chunk = [UInt8](repeating: 0, count: 65_536)
        while response.count < 1 << 24 {
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { break }
            response += chunk[..<n]
            if done(String(decoding: response, as: UTF8.self)) { break }
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// True when the server closed the connection: a read sees the end (0), not the time limit (-1).
    func closedByServer() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<1000 {
            let n = read(fd, &chunk, chunk.count)
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET }
        }
        return false
    }

    /// True when response bytes have arrived (within 20 s): the server is answering, not reading.
    func responseArrives() -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&p, 1, 20_000) == 1
    }

    func closeConnection() { close(fd) }
}

/// `GET pfad` on a new connection: the status line and the body.
private func fetch(_ path: String, port: UInt16, timeout: Int = 5) throws -> (status: String, body: String) {
    let k = try Client(port: port, timeout: timeout)
    defer { k.closeConnection() }
    k.transmit("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    let parts = k.everything().components(separatedBy: "\r\n\r\n")
    return (String(parts[0].split(separator: "\r\n").first ?? ""), parts.dropFirst().joined(separator: "\r\n\r\n"))
}

private func eventStream(_ port: UInt16, timeout: Int = 5) throws -> Client {
    let k = try Client(port: port, timeout: timeout)
    k.transmit("GET /__teilhabe/ereignisse?seite=%2F HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    return k
}

/// Waits (20 s at most) until `condition` holds; the result says whether it did.
private func awaitEvent(until condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(20)
    while !condition() {
        if Date() > end { return false }
        Thread.sleep(forTimeInterval: 0.02)
    }
    return true
}

/// The preview server under clients that are silent, slow, or open event streams and drop them.
final class ServeLimitsTests: XCTestCase {
    private func started(_ f: Fixture, _ limits: ServerLimits) throws -> Server {
        XCTAssertNotNil(f.build().0)
        let server = Server(rootPath: f.output, port: 0, limits: limits)
        try server.launch()
        return server
    }

    func testAClosedEventStreamIsFreedAtOnce() throws {
        let server = try started(try Fixture(), ServerLimits(maxConnections: 16, maxEventStreams: 8))
        defer { server.shutDown() }
        for _ in 0..<3 {
            let stream = try eventStream(server.port)
            XCTAssertTrue(stream.head().hasPrefix("HTTP/1.1 200 OK"))
            XCTAssertTrue(awaitEvent { server.openConnections == (0, 1) }, "\(server.openConnections)")
            stream.closeConnection()
            XCTAssertTrue(awaitEvent { server.openConnections == (0, 0) }, "the closed stream is still held")
        }
        XCTAssertEqual(server.openPageCount, [])
    }

    func testSilentAndSlowClientsDoNotStallARealRequest() throws {
        let f = try Fixture()
        let server = try started(f, ServerLimits(headTimeout: 60, maxConnections: 64, maxEventStreams: 8))
        defer { server.shutDown() }
        let silent = try (0..<40).map { _ in try Client(port: server.port) }
        let slow = try (0..<5).map { _ in try Client(port: server.port) }
        defer { (silent + slow).forEach { $0.closeConnection() } }
        slow.forEach { $0.transmit("GET / HT") }
        XCTAssertTrue(awaitEvent { server.openConnections.requests == 45 }, "\(server.openConnections)")
        let (status, body) = try fetch("/vorlagen/2024-0001-test/", port: server.port)
        XCTAssertEqual(status, "HTTP/1.1 200 OK")
        XCTAssertTrue(body.contains("Bericht über barrierefreie Spielplätze"))
    }

    /// The deadline is for the whole head: a byte now and then does not keep a connection open.
    func testIdleAndDribblingClientsAreClosedAfterTheHeadTimeout() throws {
        let server = try started(try Fixture(), ServerLimits(headTimeout: 1, maxConnections: 64, maxEventStreams: 8))
        defer { server.shutDown() }
        let silent = try (0..<10).map { _ in try Client(port: server.port) }
        let dripping = try Client(port: server.port)
        defer { (silent + [dripping]).forEach { $0.closeConnection() } }
        let groupName = DispatchGroup()
        DispatchQueue.global().async(group: groupName) {
            for characters in "GET / HTTP/1.1\r\nX-A: bbbbbbbbbbbbbbbbbbbbb" {   // a byte every 0.2 s, 8 s at most
                guard dripping.transmit(String(characters)) else { return }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        for k in silent { XCTAssertTrue(k.closedByServer()) }
        XCTAssertTrue(dripping.closedByServer())
        XCTAssertTrue(awaitEvent { server.openConnections == (0, 0) }, "\(server.openConnections)")
        groupName.wait()
        XCTAssertEqual(try fetch("/", port: server.port).status, "HTTP/1.1 200 OK")
    }

    /// At the connection limit, the client that has waited longest without sending its head is cut
    /// off for a new one, so silent clients cannot lock others out even before their deadline.
    func testAtTheConnectionLimitTheOldestSilentClientMakesRoom() throws {
        let server = try started(try Fixture(), ServerLimits(headTimeout: 60, maxConnections: 8, maxEventStreams: 4))
        defer { server.shutDown() }
        var silent: [Client] = []
        defer { silent.forEach { $0.closeConnection() } }
        for _ in 0..<20 {
            silent.append(try Client(port: server.port))
            XCTAssertTrue(awaitEvent { server.openConnections.requests == min(silent.count, 8) })
        }
        for k in silent.prefix(12) { XCTAssertTrue(k.closedByServer(), "an older silent client makes room") }
        XCTAssertEqual(try fetch("/", port: server.port).status, "HTTP/1.1 200 OK")
        // Closing the answered connection and the cut-off ones happens on other threads: it settles at the cap.
        XCTAssertTrue(awaitEvent { server.openConnections.requests <= 8 }, "\(server.openConnections)")
    }

    func testEventStreamsAreCappedOldestFirst() throws {
        let server = try started(try Fixture(), ServerLimits(maxConnections: 16, maxEventStreams: 3))
        defer { server.shutDown() }
        var streams: [Client] = []
        defer { streams.forEach { $0.closeConnection() } }
        for _ in 0..<5 {
            streams.append(try eventStream(server.port))
            XCTAssertTrue(streams.last!.head().hasPrefix("HTTP/1.1 200 OK"))
            XCTAssertTrue(awaitEvent { server.openConnections == (0, min(streams.count, 3)) }, "\(server.openConnections)")
        }
        XCTAssertTrue(streams[0].closedByServer())
        XCTAssertTrue(streams[1].closedByServer())
        XCTAssertTrue(awaitEvent { server.openConnections == (0, 3) }, "\(server.openConnections)")
        server.rebuilt(errors: nil)
        for stream in streams.suffix(3) { XCTAssertEqual(stream.event(), "event: neu\ndata: 1\n\n") }
    }

    /// A stream silent for the heartbeat gets a comment, so a peer gone without a word is noticed.
    func testAnIdleEventStreamGetsAHeartbeat() throws {
        let server = try started(try Fixture(), ServerLimits(heartbeat: 0.2, maxConnections: 16, maxEventStreams: 8))
        defer { server.shutDown() }
        let stream = try eventStream(server.port)
        defer { stream.closeConnection() }
        XCTAssertTrue(stream.head().hasPrefix("HTTP/1.1 200 OK"))
        XCTAssertEqual(stream.event(), ":\n\n")
    }

    /// Two clients that request a large file and do not read hold every connection: a third gets 503
    /// at once; once they go, requests are answered again.
    func testWhenEveryConnectionIsBeingAnsweredANewOneGets503() throws {
        let f = try Fixture()
        let server = try started(f, ServerLimits(sendTimeout: 600, maxConnections: 2, maxEventStreams: 1))
        defer { server.shutDown() }
        try Data(count: 16 << 20).write(to: URL(fileURLWithPath: Paths.join(f.output, "gross.pdf")))
        let reader = try (0..<2).map { _ in try Client(port: server.port, receiveBuffer: 4096) }
        reader.forEach { $0.transmit("GET /gross.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") }
        XCTAssertTrue(reader.allSatisfy { $0.responseArrives() }, "both are being answered")
        XCTAssertEqual(try fetch("/", port: server.port).status, "HTTP/1.1 503 Service Unavailable")
        reader.forEach { $0.closeConnection() }
        XCTAssertTrue(awaitEvent { server.openConnections.requests == 0 })
        XCTAssertEqual(try fetch("/", port: server.port).status, "HTTP/1.1 200 OK")
    }

    /// A client that asks for a large file and never reads it is dropped after the send time limit.
    func testAClientThatDoesNotReadIsDroppedAfterTheSendTimeout() throws {
        let f = try Fixture()
        let server = try started(f, ServerLimits(sendTimeout: 1, maxConnections: 8, maxEventStreams: 1))
        defer { server.shutDown() }
        try Data(count: 16 << 20).write(to: URL(fileURLWithPath: Paths.join(f.output, "gross.pdf")))
        let reader = try Client(port: server.port, receiveBuffer: 4096)
        defer { reader.closeConnection() }
        reader.transmit("GET /gross.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        XCTAssertTrue(awaitEvent { server.openConnections.requests == 1 })
        XCTAssertTrue(awaitEvent { server.openConnections.requests == 0 }, "the send time limit frees it")
        XCTAssertTrue(reader.closedByServer())
    }

    /// Every response ends its connection, also one that asks to be kept: a kept idle connection
    /// would hold a descriptor with no time limit (FlyingFox 0.27.1 keeps it; see Server.swift).
    func testEveryResponseClosesItsConnection() throws {
        let server = try started(try Fixture(), ServerLimits(headTimeout: 60, maxConnections: 16, maxEventStreams: 8))
        defer { server.shutDown() }
        let k = try Client(port: server.port)
        defer { k.closeConnection() }
        k.transmit("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
        let head = k.head()
        XCTAssertTrue(head.hasPrefix("HTTP/1.1 200 OK"), head)
        XCTAssertTrue(head.contains("\r\nConnection: close\r\n"), head)
        XCTAssertTrue(k.closedByServer(), "closed after the response, not after the head timeout")
        XCTAssertTrue(awaitEvent { server.openConnections == (0, 0) }, "\(server.openConnections)")
    }

    /// A request line that is not `METHOD TARGET VERSION` is answered, not just cut off.
    func testAMalformedRequestLineGets400() throws {
        let server = try started(try Fixture(), ServerLimits(maxConnections: 16, maxEventStreams: 8))
        defer { server.shutDown() }
        for sourceLine in ["GET /", "GET / HTTP/1.1 mehr", "KAPUTT"] {
            let k = try Client(port: server.port)
            defer { k.closeConnection() }
            k.transmit(sourceLine + "\r\nHost: 127.0.0.1\r\n\r\n")
            XCTAssertTrue(k.everything().hasPrefix("HTTP/1.1 400 Bad Request\r\n"), sourceLine)
        }
        let k = try Client(port: server.port)
        defer { k.closeConnection() }
        k.transmit("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n")
        XCTAssertTrue(k.everything().hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
    }

    func testStoppingClosesTheStreamsAndFreesThePort() throws {
        let server = try started(try Fixture(), ServerLimits(maxConnections: 16, maxEventStreams: 8))
        let stream = try eventStream(server.port), silent = try Client(port: server.port)
        defer { stream.closeConnection(); silent.closeConnection() }
        XCTAssertTrue(stream.head().hasPrefix("HTTP/1.1 200 OK"))
        XCTAssertTrue(awaitEvent { server.openConnections == (1, 1) })
        server.shutDown()
        XCTAssertTrue(stream.closedByServer())
        XCTAssertTrue(silent.closedByServer())
        XCTAssertNil(Loopback.openConnection(port: server.port, timeout: 2), "nothing listens any more")
        let again = Server(rootPath: server.rootPath, port: server.port)
        XCTAssertNoThrow(try again.launch(), "the port is free again")
        again.shutDown()
    }
}
