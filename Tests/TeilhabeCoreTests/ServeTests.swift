import Foundation
import XCTest
@testable import TeilhabeCore
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeMarkdown
@testable import TeilhabeLoad
@testable import TeilhabeCheck
@testable import TeilhabeRender
@testable import TeilhabeBuild
@testable import TeilhabeServe
@testable import TeilhabeAudit

final class ServeTests: XCTestCase {
    func testPathsOutsideTheFolderAreRefusedInEveryEncoding() {
        let ordner: (String) -> Bool = { $0.hasSuffix("/vorlagen") || $0 == "/srv/site" }
        XCTAssertEqual(Request.datei("/", wurzel: "/srv/site", istOrdner: ordner), "/srv/site/index.html")
        XCTAssertEqual(Request.datei("/vorlagen?x=1", wurzel: "/srv/site", istOrdner: ordner), "/srv/site/vorlagen/index.html")
        XCTAssertEqual(Request.datei("/anlagen/Bericht%20neu.pdf", wurzel: "/srv/site", istOrdner: ordner), "/srv/site/anlagen/Bericht neu.pdf")
        // OParl: an id without extension is its .json file, also where a folder of the same name holds lists.
        XCTAssertEqual(Request.datei("/oparl/v1.1/", wurzel: "/srv/site", istOrdner: ordner), "/srv/site/oparl/v1.1/index.json")
        XCTAssertEqual(Request.datei("/oparl/v1.1/body/kreis", wurzel: "/srv/site", istOrdner: ordner), "/srv/site/oparl/v1.1/body/kreis.json")
        XCTAssertEqual(Request.datei("/oparl/v1.1/body/kreis/papers/page/2", wurzel: "/srv/site", istOrdner: ordner),
                       "/srv/site/oparl/v1.1/body/kreis/papers/page/2.json")
        for boese in ["/../etc/passwd", "/%2e%2e/etc/passwd", "/vorlagen/..%2f..%2fetc/passwd", "/%2E%2E%2Fetc", "/a/../../b",
                      "/..\\etc", "/%5c..%5cetc", "/x%00.html", "/%zz", "/.teilhabe-ausgabe", "etc/passwd"] {
            XCTAssertNil(Request.datei(boese, wurzel: "/srv/site", istOrdner: ordner), boese)
        }
        XCTAssertNotNil(Request.datei("/%252e%252e/x", wurzel: "/srv/site", istOrdner: ordner).map { $0.hasPrefix("/srv/site/") })
    }

    func testContentTypes() {
        XCTAssertEqual(Request.inhaltstyp("a/index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(Request.inhaltstyp("kalender.ics"), "text/calendar; charset=utf-8")
        XCTAssertEqual(Request.inhaltstyp("feed.xml"), "application/atom+xml; charset=utf-8")
        XCTAssertEqual(Request.inhaltstyp("oparl/v1.1/index.json"), "application/json; charset=utf-8")
        XCTAssertEqual(Request.inhaltstyp("assets/suche.js"), "text/javascript; charset=utf-8")
    }

    /// A raw HTTP exchange with the server: status line and body.
    private func holen(_ pfad: String, port: UInt16) throws -> (String, String) {
        let fd = try XCTUnwrap(Loopback.verbinden(port: port))
        defer { close(fd) }
        let anfrage = "GET \(pfad) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        _ = anfrage.withCString { send(fd, $0, strlen($0), 0) }
        var antwort = [UInt8]()
        var puffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fd, &puffer, puffer.count)
            if n <= 0 { break }
            antwort += puffer[..<n]
        }
        let text = String(decoding: antwort, as: UTF8.self)
        let teile = text.components(separatedBy: "\r\n\r\n")
        return (String(teile[0].split(separator: "\r\n").first ?? ""), teile.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func testServerServesTheBuildWithReloadAndErrorPage() throws {
        let f = try Fixture()
        XCTAssertNotNil(f.build().0)
        let server = Server(wurzel: f.output, port: 0)
        try server.starten()
        defer { server.beenden() }
        let (status, body) = try holen("/vorlagen/2024-0001-test/", port: server.port)
        XCTAssertEqual(status, "HTTP/1.1 200 OK")
        XCTAssertTrue(body.contains(Request.neuladenSkript + "</body>"))
        XCTAssertFalse(try f.page("vorlagen/2024-0001-test/index.html").contains("neuladen"), "the build output has no script")
        XCTAssertEqual(try holen("/../../etc/passwd", port: server.port).0, "HTTP/1.1 400 Bad Request")
        XCTAssertEqual(try holen("/%2e%2e/%2e%2e/etc/passwd", port: server.port).0, "HTTP/1.1 400 Bad Request")
        XCTAssertEqual(try holen("/gibt-es-nicht/", port: server.port).0, "HTTP/1.1 404 Not Found")
        server.neugebaut(fehler: "content/gremien.yaml:2:3: error: unknown key 'nam'")
        let (fehlerStatus, fehlerSeite) = try holen("/", port: server.port)
        XCTAssertEqual(fehlerStatus, "HTTP/1.1 500 Internal Server Error")
        XCTAssertTrue(fehlerSeite.contains("unknown key &apos;nam&apos;"))
        server.neugebaut(fehler: nil)
        XCTAssertEqual(try holen("/", port: server.port).0, "HTTP/1.1 200 OK")
    }
}
