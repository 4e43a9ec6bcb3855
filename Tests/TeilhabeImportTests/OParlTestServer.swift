import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for the OParl tests: each connection on its own thread, one
/// request, `Connection: close`. The handler sees the path with its query exactly as the client sent it.
final class OParlTestServer: Sendable {
    struct Reply: Sendable {
        var status = 200
        var body = Data()
        var type = "application/json; charset=utf-8"
        var headers: [String: String] = [:]
        /// Seconds to wait before answering (a slow server; the client's timeout is shorter).
        var delay: TimeInterval = 0

        static func json(_ text: String) -> Reply { Reply(body: Data(text.utf8)) }
        static func status(_ code: Int) -> Reply { Reply(status: code, body: Data("{}".utf8)) }
    }

    let port: UInt16
    private let socket: Int32
    private let handler: @Sendable (String) -> Reply
    let requests = Mutex<[String]>([])
    var base: String { "http://127.0.0.1:\(port)" }

    init(_ handler: @escaping @Sendable (String) -> Reply) throws {
        self.handler = handler
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = UInt16(bigEndian: addr.sin_port)
        socket = fd
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 { return }
                Thread.detachNewThread { self.serve(client) }
            }
        }
    }

    func stop() { shutdown(socket, Int32(SHUT_RDWR)); close(socket) }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var head = [UInt8](), chunk = [UInt8](repeating: 0, count: 4096)
        while head.firstRange(of: Array("\r\n\r\n".utf8)) == nil {
            let n = read(client, &chunk, chunk.count)
            if n <= 0 { return }
            head += chunk[..<n]
        }
        let line = String(decoding: head, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let target = String(line.split(separator: " ").dropFirst().first ?? "/")
        requests.withLock { $0.append(target) }
        let reply = handler(target)
        if reply.delay > 0 { Thread.sleep(forTimeInterval: reply.delay) }
        var text = "HTTP/1.1 \(reply.status) X\r\nContent-Type: \(reply.type)\r\nContent-Length: \(reply.body.count)\r\nConnection: close\r\n"
        for (k, v) in reply.headers.sorted(by: { $0.key < $1.key }) { text += "\(k): \(v)\r\n" }
        let bytes = Data((text + "\r\n").utf8) + reply.body
        bytes.withUnsafeBytes { p in
            var sent = 0
            while sent < p.count {
                let n = send(client, p.baseAddress! + sent, p.count - sent, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                sent += n
            }
        }
    }
}

/// A static OParl site: objects by path, lists made from them, files; `.../page/N` and queries as given.
struct OParlSite: Sendable {
    var documents: [String: Data] = [:]

    /// The reply for a path; the query is ignored unless `byQuery` has the full target.
    func reply(_ target: String) -> OParlTestServer.Reply {
        let path = String(target.split(separator: "?", maxSplits: 1).first ?? "")
        if let d = documents[target] ?? documents[path] {
            let isJSON = d.first == UInt8(ascii: "{")
            return .init(body: d, type: isJSON ? "application/json; charset=utf-8" : "application/octet-stream")
        }
        return .status(404)
    }

    static func list(_ objects: [String], next: String? = nil) -> Data {
        let links = next.map { ",\"links\":{\"next\":\"\($0)\"}" } ?? ",\"links\":{}"
        return Data(("{\"data\":[" + objects.joined(separator: ",") + "]" + links + "}").utf8)
    }
}

/// A one-page PDF whose page shows `lines` (Helvetica), with a correct cross-reference table.
func tinyPDF(_ lines: [String]) -> Data {
    let stream = "BT /F1 12 Tf 72 720 Td 14 TL " + lines.map { "(\($0)) '" }.joined(separator: " ") + " ET"
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    var out = "%PDF-1.4\n", offsets: [Int] = []
    for (i, o) in objects.enumerated() {
        offsets.append(out.utf8.count)
        out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for o in offsets { out += String(format: "%010d 00000 n \n", o) }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(out.utf8)
}
