import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeImport

/// Shared pieces of the OParl tests: the shared example set as a site, a static folder as a server,
/// an importer that does not wait for backoff, and the office's site.yaml.
enum OParlFixtures {
    static let exampleFolder = Fixture.shared.appendingPathComponent("oparl/example/set")
    static let examplePDF = tinyPDF(["Sachlage", "Die Teilnahme am Modellprojekt wird vorgestellt."])

    /// The office's own settings: easy language required, the usual required sections.
    static let officeSite = """
        titel: Inklusion im Testkreis
        traeger: Testkreis
        traeger_artikel: der
        traeger_genitiv: des Testkreises
        kontakt: {email: inklusion@testkreis.example}
        leichte_sprache:
          pflicht: true
        vorlagen:
          pflichtabschnitte: [Sachlage, Rechtslage]

        """

    /// The shared example set (../shared/oparl/example) with its host replaced by `base`; the Body's
    /// lists it lacks are made from its objects, the meetings list keeps its two pages.
    static func exampleSite(base: String) throws -> OParlSite {
        var site = OParlSite()
        var byType: [String: [String]] = [:]
        let names = try FileManager.default.contentsOfDirectory(atPath: exampleFolder.path).sorted()
        for name in names where name.hasSuffix(".json") {
            let text = try String(contentsOf: exampleFolder.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "https://ris.example.org", with: base)
            if name.hasPrefix("list-") { continue }
            let value = try XCTUnwrap(OParlValue.parse(Data(text.utf8)))
            site.documents[String(value.id!.dropFirst(base.count))] = Data(text.utf8)
            byType[value.typeName!, default: []].append(text)
        }
        let root = "/oparl/v1.1/body/1/"
        site.documents["/oparl/v1.1/bodies"] = OParlSite.list(byType["Body"] ?? [])
        site.documents[root + "organizations"] = OParlSite.list(byType["Organization"] ?? [])
        site.documents[root + "papers"] = OParlSite.list(byType["Paper"] ?? [])
        site.documents[root + "agendaItems"] = OParlSite.list(byType["AgendaItem"] ?? [])
        site.documents[root + "consultations"] = OParlSite.list(byType["Consultation"] ?? [])
        site.documents[root + "files"] = OParlSite.list(byType["File"] ?? [])
        for (name, path) in [("list-body1-meetings-page1.json", root + "meetings"), ("list-body1-meetings-page2.json", root + "meetings/page/2")] {
            site.documents[path] = Data(try String(contentsOf: exampleFolder.appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "https://ris.example.org", with: base).utf8)
        }
        site.documents["/dokumente/download/2021-0297_Mitteilungsvorlage.pdf"] = examplePDF
        return site
    }

    /// A server for a site that the handler reads from a shared box (set after the server knows its port).
    static func serve(_ make: (String) throws -> OParlSite) throws -> OParlTestServer {
        let box = SiteBox()
        let server = try OParlTestServer { box.site.withLock { $0 }.reply($0) }
        box.site.withLock { $0 = (try? make(server.base)) ?? OParlSite() }
        return server
    }

    /// Files of a folder at their paths (a built site).
    static func serveFolder(_ folder: String) throws -> OParlTestServer {
        try OParlTestServer { target in
            let path = String(target.split(separator: "?").first ?? "").removingPercentEncoding ?? ""
            // As docs/betrieb.md asks of a server: `X` from `X.json`, `X/` from `X/index.json`.
            let candidates = path.hasSuffix("/") ? [path + "index.json"] : [path + ".json", path]
            guard !path.contains(".."), let found = candidates.first(where: { FileManager.default.fileExists(atPath: folder + $0) }),
                  let data = FileManager.default.contents(atPath: folder + found) else { return .status(404) }
            return .init(body: data, type: found.hasSuffix(".json") ? "application/json" : "application/octet-stream")
        }
    }

    static func importer(_ url: String, _ content: String) -> OParlImport {
        var i = OParlImport(url: url, content: content)
        i.client.delay = { _ in }
        i.client.timeout = 5
        return i
    }

    static func run(_ i: OParlImport) async -> (OParlImport.Summary?, DiagnosticLog) {
        let log = DiagnosticLog()
        return (await i.run(log: log), log)
    }

    static func read(_ fixture: Fixture, _ path: String) -> String? {
        FileManager.default.contents(atPath: Paths.join(fixture.content, path)).map { String(decoding: $0, as: UTF8.self) }
    }
}

final class SiteBox: Sendable {
    let site = Mutex(OParlSite())
}

import Synchronization
