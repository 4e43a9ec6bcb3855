import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeServe

/// `teilhabe serve` itself, started with 64 file descriptors: event streams opened and dropped by
/// the hundred must not use them up (the old server then spun in accept() and answered nothing).
final class ServeDescriptorLimitTests: XCTestCase {
    /// The built binary under `ulimit -n 64`, with its port from the line it prints.
    private func launch(_ f: Fixture) throws -> (Process, UInt16) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -n 64 && exec \"$0\" serve --content \"$1\" --output \"$2\" --theme \"$3\" --port 0",
                             Bundle.main.bundleURL.appendingPathComponent("teilhabe").path, f.content,
                             f.root.appendingPathComponent("vorschau").path, Fixture.builtInOnly]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let sourceLine = Self.readFile(out.fileHandleForReading.fileDescriptor, to: "/ (Ctrl-C", seconds: 60)
        guard let textRange = sourceLine.range(of: #"127\.0\.0\.1:([0-9]+)/"#, options: .regularExpression),
              let port = UInt16(sourceLine[textRange].dropFirst(10).dropLast()) else {
            process.terminate()
            process.waitUntilExit()
            XCTFail("teilhabe serve did not start: \(sourceLine)")
            throw POSIXError(.ECHILD)
        }
        return (process, port)
    }

    /// What the pipe gave until `ende` appeared, it closed, or the seconds passed.
    private static func readFile(_ fd: Int32, to end: String, seconds: Double) -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = "", chunk = [UInt8](repeating: 0, count: 4096)
        while !text.contains(end), Date() < deadline {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 200) >= 0 else { break }
            guard p.revents != 0 else { continue }
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { break }
            text += String(decoding: chunk[..<n], as: UTF8.self)
        }
        return text
    }

    private func stream(_ port: UInt16) -> Int32? {
        guard let fd = Loopback.openConnection(port: port, timeout: 5) else { return nil }
        let anfrage = "GET /__teilhabe/ereignisse?seite=%2F HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        _ = anfrage.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        return fd
    }

    private func head(_ fd: Int32) -> String {
        var chunk = [UInt8](repeating: 0, count: 4096)
        let n = read(fd, &chunk, chunk.count)
        return n > 0 ? String(decoding: chunk[..<n], as: UTF8.self) : ""
    }

    /// The start page, asked for until it comes or 15 s have passed.
    private func homePage(_ port: UInt16) -> String {
        let deadline = Date().addingTimeInterval(15)
        var response = ""
        repeat {
            guard let fd = Loopback.openConnection(port: port, timeout: 5) else { Thread.sleep(forTimeInterval: 0.2); continue }
            let anfrage = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            _ = anfrage.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            var chunk = [UInt8](repeating: 0, count: 65_536), alreadyRead = [UInt8]()
            while alreadyRead.count < 1 << 22 {
                let n = read(fd, &chunk, chunk.count)
                if n <= 0 { break }
                alreadyRead += chunk[..<n]
            }
            close(fd)
            response = String(decoding: alreadyRead, as: UTF8.self)
        } while !response.hasPrefix("HTTP/1.1 200 OK") && Date() < deadline
        return response
    }

    /// Sockets the server process holds open (Linux /proc); nil where that cannot be seen.
    private func sockets(_ pid: Int32) -> Int? {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd") else { return nil }
        return entries.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)"))?
            .hasPrefix("socket:") == true }.count
    }

    func testTwoHundredDroppedEventStreamsUnderALowDescriptorLimitLeaveItAnswering() throws {
        let f = try Fixture()
        let (process, port) = try launch(f)
        defer { process.terminate(); process.waitUntilExit() }
        let before = sockets(process.processIdentifier)   // the listening one and any it inherited
        // One after the other, as a page reloaded again and again does.
        var answered = 0
        for _ in 0..<200 {
            guard let fd = stream(port) else { break }
            let response = head(fd)
            close(fd)
            guard response.hasPrefix("HTTP/1.1 200 OK") else { break }   // a stalled server: stop at once
            answered += 1
        }
        XCTAssertEqual(answered, 200)
        guard homePage(port).contains("Testamt Inklusion") else { return XCTFail("no answer after 200 dropped streams") }
        // Many at once, more than the process has descriptors for: the oldest streams make room.
        let isOpen = (0..<80).compactMap { _ in stream(port) }
        XCTAssertTrue(homePage(port).contains("Testamt Inklusion"), "answers while 80 streams are open")
        isOpen.forEach { close($0) }
        XCTAssertTrue(homePage(port).contains("Testamt Inklusion"))
        let deadline = Date().addingTimeInterval(10)
        while let n = sockets(process.processIdentifier), let v = before, n > v, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if let n = sockets(process.processIdentifier), let before { XCTAssertEqual(n, before, "every client socket is closed again") }
    }
}
