import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeServe

final class ServeTests: XCTestCase {
    func testPathsOutsideTheFolderAreRefusedInEveryEncoding() {
        let folderPath: (String) -> Bool = { $0.hasSuffix("/vorlagen") || $0 == "/srv/site" }
        XCTAssertEqual(Request.filePath("/", rootPath: "/srv/site", isFolder: folderPath), "/srv/site/index.html")
        XCTAssertEqual(Request.filePath("/vorlagen?x=1", rootPath: "/srv/site", isFolder: folderPath), "/srv/site/vorlagen/index.html")
        XCTAssertEqual(Request.filePath("/anlagen/Bericht%20neu.pdf", rootPath: "/srv/site", isFolder: folderPath), "/srv/site/anlagen/Bericht neu.pdf")
        // OParl: an id without extension is its .json file, also where a folder of the same name holds lists.
        XCTAssertEqual(Request.filePath("/oparl/v1.1/", rootPath: "/srv/site", isFolder: folderPath), "/srv/site/oparl/v1.1/index.json")
        XCTAssertEqual(Request.filePath("/oparl/v1.1/body/kreis", rootPath: "/srv/site", isFolder: folderPath), "/srv/site/oparl/v1.1/body/kreis.json")
        XCTAssertEqual(Request.filePath("/oparl/v1.1/body/kreis/papers/page/2", rootPath: "/srv/site", isFolder: folderPath),
                       "/srv/site/oparl/v1.1/body/kreis/papers/page/2.json")
        for hostile in ["/../etc/passwd", "/%2e%2e/etc/passwd", "/vorlagen/..%2f..%2fetc/passwd", "/%2E%2E%2Fetc", "/a/../../b",
                      "/..\\etc", "/%5c..%5cetc", "/x%00.html", "/%zz", "/.teilhabe-ausgabe", "etc/passwd"] {
            XCTAssertNil(Request.filePath(hostile, rootPath: "/srv/site", isFolder: folderPath), hostile)
        }
        XCTAssertNotNil(Request.filePath("/%252e%252e/x", rootPath: "/srv/site", isFolder: folderPath).map { $0.hasPrefix("/srv/site/") })
    }

    func testContentTypes() {
        XCTAssertEqual(Request.contentType("a/index.html"), "text/html; charset=utf-8")
        XCTAssertEqual(Request.contentType("kalender.ics"), "text/calendar; charset=utf-8")
        XCTAssertEqual(Request.contentType("feed.xml"), "application/atom+xml; charset=utf-8")
        XCTAssertEqual(Request.contentType("oparl/v1.1/index.json"), "application/json; charset=utf-8")
        XCTAssertEqual(Request.contentType("assets/suche.js"), "text/javascript; charset=utf-8")
    }

    /// A raw HTTP exchange with the server: status line and body.
    private func fetch(_ path: String, port: UInt16) throws -> (String, String) {
        let fd = try XCTUnwrap(Loopback.openConnection(port: port))
        defer { close(fd) }
        let anfrage = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        _ = anfrage.withCString { send(fd, $0, strlen($0), 0) }
        var response = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n <= 0 { break }
            response += chunk[..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        return (String(parts[0].split(separator: "\r\n").first ?? ""), parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    func testServerServesTheBuildWithReloadAndErrorPage() throws {
        let f = try Fixture()
        XCTAssertNotNil(f.build().0)
        let server = Server(rootPath: f.output, port: 0)
        try server.launch()
        defer { server.shutDown() }
        let (status, body) = try fetch("/vorlagen/2024-0001-test/", port: server.port)
        XCTAssertEqual(status, "HTTP/1.1 200 OK")
        XCTAssertTrue(body.contains(Request.reloadScript + "</body>"))
        XCTAssertFalse(try f.page("vorlagen/2024-0001-test/index.html").contains("neuladen"), "the build output has no script")
        XCTAssertEqual(try fetch("/../../etc/passwd", port: server.port).0, "HTTP/1.1 400 Bad Request")
        XCTAssertEqual(try fetch("/%2e%2e/%2e%2e/etc/passwd", port: server.port).0, "HTTP/1.1 400 Bad Request")
        XCTAssertEqual(try fetch("/gibt-es-nicht/", port: server.port).0, "HTTP/1.1 404 Not Found")
        server.rebuilt(errors: "content/gremien.yaml:2:3: error: unknown key 'nam'")
        let (errorStatus, errorPage) = try fetch("/", port: server.port)
        XCTAssertEqual(errorStatus, "HTTP/1.1 500 Internal Server Error")
        XCTAssertTrue(errorPage.contains("unknown key &apos;nam&apos;"))
        server.rebuilt(errors: nil)
        XCTAssertEqual(try fetch("/", port: server.port).0, "HTTP/1.1 200 OK")
    }
}
