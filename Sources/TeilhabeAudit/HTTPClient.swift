import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild
import TeilhabeServe

/// JSON over HTTP/1.1 to a local service (chromedriver), on a plain socket with a read timeout,
/// so that a hanging browser can never hang the audit.
enum HTTPClient {
    struct Failure: MessageError { var message: Message }

    static func json(_ method: String, port: UInt16, path: String, body: (any Encodable)? = nil, timeout: Int) throws -> [String: Any] {
        guard let fd = Loopback.openConnection(port: port, timeout: timeout) else {
            throw Failure(message: .auditCannotConnect(port: port))
        }
        defer { close(fd) }
        let contents = body.map { JSONText.data($0, indented: false) } ?? Data()
        let head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json; charset=utf-8\r\n"
            + "Content-Length: \(contents.count)\r\nConnection: close\r\n\r\n"
        let anfrage = Data(head.utf8) + contents
        let sent = anfrage.withUnsafeBytes { send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == anfrage.count else { throw Failure(message: .auditCannotSend(port: port)) }
        var response = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        // Read until the announced length has arrived: chromedriver keeps connections open.
        while true {
            if let end = response.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: response[..<end.lowerBound], as: UTF8.self).lowercased()
                if let sourceLine = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                   let length = Int(sourceLine.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)),
                   response.count - end.upperBound >= length { break }
                if head.contains("transfer-encoding: chunked"), response.suffix(5) == Array("0\r\n\r\n".utf8) { break }
            }
            let n = read(fd, &chunk, chunk.count)
            if n == 0 { break }
            if n < 0 { throw Failure(message: .auditNoAnswer(port: port, seconds: timeout)) }
            response += chunk[..<n]
        }
        guard let separator = response.firstRange(of: Array("\r\n\r\n".utf8)) else { throw Failure(message: .auditBrokenHTTP) }
        var payload = Array(response[separator.upperBound...])
        let headerLines = String(decoding: response[..<separator.lowerBound], as: UTF8.self).lowercased()
        if headerLines.contains("transfer-encoding: chunked") { payload = dechunk(payload) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any] else {
            throw Failure(message: .auditNoJSON)
        }
        return object
    }

    private static func dechunk(_ payload: [UInt8]) -> [UInt8] {
        var resultValue: [UInt8] = [], i = 0
        while i < payload.count {
            guard let lineEnd = payload[i...].firstRange(of: [13, 10]) else { break }
            let byteSize = Int(String(decoding: payload[i..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            if byteSize == 0 { break }
            let start = lineEnd.upperBound
            resultValue += payload[start..<min(start + byteSize, payload.count)]
            i = start + byteSize + 2
        }
        return resultValue
    }
}
