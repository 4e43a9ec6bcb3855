import Foundation

/// A small HTTP/1.1 server for the preview: bound to 127.0.0.1 only, GET and HEAD, files from one
/// folder, a reload script in every HTML response, Server-Sent Events to tell pages of a rebuild,
/// and an error page for every request while the last build failed.
public final class Server: @unchecked Sendable {
    public let wurzel: String
    public private(set) var port: UInt16
    private var socket: Int32 = -1
    private let lock = NSLock()
    /// Open pages listening for reloads: the connection and the output file the page shows.
    private var zuhoerer: [(fd: Int32, datei: String)] = []
    private var fehler: String?
    /// The preview adds the reload script to HTML; the audit serves the files as they are.
    public var neuladen = true

    public init(wurzel: String, port: UInt16) {
        self.wurzel = wurzel
        self.port = port
    }

    public func starten() throws {
        signal(SIGPIPE, SIG_IGN)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var ja: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &ja, socklen_t(MemoryLayout<Int32>.size))
        var adresse = sockaddr_in()
        adresse.sin_family = sa_family_t(AF_INET)
        adresse.sin_port = port.bigEndian
        adresse.sin_addr.s_addr = inet_addr("127.0.0.1")   // never any other interface
        let gebunden = withUnsafePointer(to: &adresse) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard gebunden == 0, listen(socket, 64) == 0 else { close(socket); throw POSIXError(.EADDRINUSE) }
        var laenge = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &adresse) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &laenge) }
        }
        port = UInt16(bigEndian: adresse.sin_port)
        let server = self
        Thread.detachNewThread {
            while true {
                let client = accept(server.socket, nil, nil)
                guard client >= 0 else { if server.socket < 0 { return } else { continue } }
                DispatchQueue.global().async { server.bearbeiten(client) }
            }
        }
    }

    public func beenden() {
        let s = socket
        socket = -1
        shutdown(s, Int32(SHUT_RDWR))
        close(s)
    }

    /// The output files (`vorlagen/x/index.html`) of the pages open in a browser.
    public var offeneSeiten: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return Set(zuhoerer.map(\.datei))
    }

    /// After a build: remember a failure (or clear it) and tell the open pages to reload – those whose
    /// file is among `geaendert`, or every page when that is nil or the build's success changed.
    public func neugebaut(fehler: String?, geaendert: Set<String>? = nil) {
        lock.lock()
        let alle = geaendert == nil || fehler != self.fehler
        self.fehler = fehler
        let offen = zuhoerer.filter { alle || geaendert!.contains($0.datei) }.map(\.fd)
        lock.unlock()
        var tot: [Int32] = []
        for fd in offen where !senden(fd, Data("event: neu\ndata: 1\n\n".utf8)) { tot.append(fd) }
        lock.lock()
        zuhoerer.removeAll { tot.contains($0.fd) }
        lock.unlock()
        tot.forEach { close($0) }
    }

    private func bearbeiten(_ client: Int32) {
        var puffer = [UInt8](repeating: 0, count: 16_384)
        var gelesen = 0
        while gelesen < puffer.count {
            let n = puffer.withUnsafeMutableBytes { read(client, $0.baseAddress! + gelesen, $0.count - gelesen) }
            if n <= 0 { break }
            gelesen += n
            if String(decoding: puffer[..<gelesen], as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let kopf = String(decoding: puffer[..<gelesen], as: UTF8.self).split(separator: "\r\n").first ?? ""
        let teile = kopf.split(separator: " ")
        guard teile.count == 3 else { return antwort(client, 400, "text/plain; charset=utf-8", Data("Bad Request\n".utf8)) }
        let methode = String(teile[0]), pfad = String(teile[1])
        guard methode == "GET" || methode == "HEAD" else {
            return antwort(client, 405, "text/plain; charset=utf-8", Data("Method Not Allowed\n".utf8))
        }
        if pfad.hasPrefix("/__teilhabe/ereignisse") {
            let kopf = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
            guard senden(client, Data(kopf.utf8)) else { close(client); return }
            lock.lock(); zuhoerer.append((client, seitenDatei(pfad))); lock.unlock()
            return
        }
        if pfad == "/__teilhabe/neuladen.js" {
            return antwort(client, 200, "text/javascript; charset=utf-8", Data(Anfrage.neuladenJS.utf8), kopfNur: methode == "HEAD")
        }
        lock.lock(); let fehlerText = fehler; lock.unlock()
        if let fehlerText {
            let seite = Anfrage.mitNeuladen(Anfrage.fehlerseite(fehlerText))
            return antwort(client, 500, "text/html; charset=utf-8", Data(seite.utf8), kopfNur: methode == "HEAD")
        }
        guard let datei = Anfrage.datei(pfad, wurzel: wurzel, istOrdner: { FileIO.disk.isDirectory($0) }) else {
            return antwort(client, 400, "text/plain; charset=utf-8", Data("Bad Request\n".utf8))
        }
        var status = 200, ziel = datei
        if !FileManager.default.fileExists(atPath: ziel) { status = 404; ziel = Paths.join(wurzel, "404.html") }
        guard var inhalt = FileManager.default.contents(atPath: ziel) else {
            return antwort(client, 404, "text/plain; charset=utf-8", Data("Not Found\n".utf8))
        }
        let typ = Anfrage.inhaltstyp(ziel)
        if neuladen, typ.hasPrefix("text/html") { inhalt = Data(Anfrage.mitNeuladen(String(decoding: inhalt, as: UTF8.self)).utf8) }
        antwort(client, status, typ, inhalt, kopfNur: methode == "HEAD")
    }

    /// `/__teilhabe/ereignisse?seite=/vorlagen/x/` → `vorlagen/x/index.html` (empty when unknown).
    private func seitenDatei(_ anfrage: String) -> String {
        guard let frage = anfrage.firstIndex(of: "?"), anfrage[frage...].hasPrefix("?seite="),
              let seite = Anfrage.prozentDekodiert(String(anfrage[anfrage.index(frage, offsetBy: 7)...])),
              let datei = Anfrage.datei(seite, wurzel: wurzel, istOrdner: { FileIO.disk.isDirectory($0) }) else { return "" }
        return String(datei.dropFirst(wurzel.count + 1))
    }

    private func antwort(_ client: Int32, _ status: Int, _ typ: String, _ inhalt: Data, kopfNur: Bool = false) {
        let texte = [200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error"]
        let kopf = "HTTP/1.1 \(status) \(texte[status] ?? "OK")\r\nContent-Type: \(typ)\r\nContent-Length: \(inhalt.count)\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        _ = senden(client, Data(kopf.utf8) + (kopfNur ? Data() : inhalt))
        close(client)
    }

    private func senden(_ fd: Int32, _ daten: Data) -> Bool {
        daten.withUnsafeBytes { puffer in
            var gesendet = 0
            while gesendet < puffer.count {
                let n = send(fd, puffer.baseAddress! + gesendet, puffer.count - gesendet, Int32(MSG_NOSIGNAL))
                if n <= 0 { return false }
                gesendet += n
            }
            return true
        }
    }
}
