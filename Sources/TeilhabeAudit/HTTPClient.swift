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

    static func json(_ methode: String, port: UInt16, pfad: String, body: (any Encodable)? = nil, zeitlimit: Int) throws -> [String: Any] {
        guard let fd = Loopback.verbinden(port: port, zeitlimit: zeitlimit) else {
            throw Failure(message: .auditCannotConnect(port: port))
        }
        defer { close(fd) }
        let inhalt = body.map { JSONText.data($0, indented: false) } ?? Data()
        let kopf = "\(methode) \(pfad) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json; charset=utf-8\r\n"
            + "Content-Length: \(inhalt.count)\r\nConnection: close\r\n\r\n"
        let anfrage = Data(kopf.utf8) + inhalt
        let gesendet = anfrage.withUnsafeBytes { send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        guard gesendet == anfrage.count else { throw Failure(message: .auditCannotSend(port: port)) }
        var antwort = [UInt8]()
        var puffer = [UInt8](repeating: 0, count: 65_536)
        // Read until the announced length has arrived: chromedriver keeps connections open.
        while true {
            if let ende = antwort.firstRange(of: Array("\r\n\r\n".utf8)) {
                let kopf = String(decoding: antwort[..<ende.lowerBound], as: UTF8.self).lowercased()
                if let zeile = kopf.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                   let laenge = Int(zeile.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)),
                   antwort.count - ende.upperBound >= laenge { break }
                if kopf.contains("transfer-encoding: chunked"), antwort.suffix(5) == Array("0\r\n\r\n".utf8) { break }
            }
            let n = read(fd, &puffer, puffer.count)
            if n == 0 { break }
            if n < 0 { throw Failure(message: .auditNoAnswer(port: port, seconds: zeitlimit)) }
            antwort += puffer[..<n]
        }
        guard let trenner = antwort.firstRange(of: Array("\r\n\r\n".utf8)) else { throw Failure(message: .auditBrokenHTTP) }
        var rumpf = Array(antwort[trenner.upperBound...])
        let kopfzeilen = String(decoding: antwort[..<trenner.lowerBound], as: UTF8.self).lowercased()
        if kopfzeilen.contains("transfer-encoding: chunked") { rumpf = entstuecken(rumpf) }
        guard let objekt = try? JSONSerialization.jsonObject(with: Data(rumpf)) as? [String: Any] else {
            throw Failure(message: .auditNoJSON)
        }
        return objekt
    }

    private static func entstuecken(_ daten: [UInt8]) -> [UInt8] {
        var ergebnis: [UInt8] = [], i = 0
        while i < daten.count {
            guard let zeilenende = daten[i...].firstRange(of: [13, 10]) else { break }
            let groesse = Int(String(decoding: daten[i..<zeilenende.lowerBound], as: UTF8.self), radix: 16) ?? 0
            if groesse == 0 { break }
            let start = zeilenende.upperBound
            ergebnis += daten[start..<min(start + groesse, daten.count)]
            i = start + groesse + 2
        }
        return ergebnis
    }
}
