import Foundation
import Yams
import TeilhabeSupport
import TeilhabeModel

/// `teilhabe import oparl URL`: reads the server completely before it writes anything, then writes each
/// file by temp file + rename, leaves files edited since the last import alone (conflicts), and records
/// what it wrote in `.teilhabe-import.yaml`.
package struct OParlImport: Sendable {
    package var url: String
    package var content: String
    package var body: String?
    package var sinceDay: TeilhabeModel.CalendarDay?
    package var dryRun = false
    package var client = OParlClient()
    package var paperText = PaperText()
    package var now: @Sendable () -> Date = { Date() }
    package var progress: @Sendable (Message) -> Void = { _ in }

    package init(url: String, content: String) { self.url = url; self.content = content }

    package struct Summary: Sendable {
        package var created: [String] = [], changed: [String] = [], removed: [String] = [], unchanged: [String] = []
        package var conflicts: [String] = []
        package var missingTwins: [String] = []
        package var gremien = 0, sitzungen = 0, vorlagen = 0, anlagen = 0
        package var since: String?
    }

    /// The summary, or nil when the import failed (the errors are in `log`; nothing was written).
    package func run(log: DiagnosticLog) async -> Summary? {
        let started = now()
        let old = ImportManifest.read(content)
        let oldPool = old == nil ? nil : ImportManifest.readObjects(content)
        let since = sinceDay.map { "\($0)T00:00:00" + OParlTime.stamp(OParlTime.noon($0)).suffix(6) } ?? (oldPool != nil ? old?.stand : nil)
        let pool: OParlPool, bodyValue: OParlValue
        do {
            (pool, bodyValue) = try await fetch(since: since, into: since != nil ? oldPool ?? OParlPool() : OParlPool())
        } catch let e as OParlError {
            log.error("IMPORT-OPARL", e.message, at: SourceLocation(file: url)); return nil
        } catch {
            log.error("IMPORT-OPARL", .oparlNoConnection(url, "\(error)"), at: SourceLocation(file: url)); return nil
        }
        let bodyName = bodyValue.text("name") ?? bodyValue.text("shortName") ?? "OParl"
        var mapper = OParlMapper(pool: pool, bodyName: bodyName, known: old?.kennungen ?? [:])
        let mapped = mapper.map()
        for w in mapper.warnings { log.warning("IMPORT-OPARL", w, at: SourceLocation(file: url)) }
        var writer = ImportWriter(content: content, old: old, dryRun: dryRun, log: log)
        var importer = self
        importer.paperText.headings += pflichtabschnitte()
        var summary = Summary()
        summary.since = since
        guard await writer.writeAll(mapped, bodyName: bodyName, email: bodyValue.text("contactEmail"), importer: importer) else { return nil }
        summary.created = writer.created; summary.changed = writer.changed; summary.removed = writer.removed
        summary.unchanged = writer.unchanged; summary.conflicts = writer.conflicts
        summary.gremien = mapped.gremien.count; summary.sitzungen = mapped.sitzungen.count
        summary.vorlagen = mapped.vorlagen.count; summary.anlagen = writer.attachmentCount
        summary.missingTwins = missingTwins(mapped)
        guard !dryRun else { return summary }
        // Five minutes before the start: the server's clock may run behind ours; asking for a little more is harmless.
        let manifest = ImportManifest(quelle: bodyValue.id ?? url, stand: OParlTime.stamp(started.addingTimeInterval(-300)),
                                      kennungen: mapper.knownInUse, dateien: writer.records)
        guard writer.put(ImportManifest.objectsPath, ImportManifest.objectsData(pool)),
              writer.put(ImportManifest.path, Data(manifest.text().utf8)) else { return nil }
        return summary
    }

    /// The server's state: the Body, its lists (since `since`, merged into `pool`), and what they only name.
    private func fetch(since: String?, into start: OParlPool) async throws -> (OParlPool, OParlValue) {
        var crawler = OParlCrawler(client: client, progress: progress)
        let (body, _) = try await crawler.body(url, choose: self.body)
        var pool = start
        let lists = ["organization", "meeting", "paper", "agendaItem", "consultation", "file"]
        for name in lists {
            guard let list = body.text(name) else { continue }
            for item in try await crawler.list(list, since: since) { pool.add(item) }
        }
        try await crawler.complete(&pool, urls: missing(in: pool))
        // What the just fetched objects name in turn (a consultation's agenda item, an office).
        try await crawler.complete(&pool, urls: missing(in: pool))
        return (pool, body)
    }

    /// Ids the objects refer to that the pool does not hold, in a fixed order.
    private func missing(in pool: OParlPool) -> [String] {
        var urls = Set<String>()
        func want(_ v: OParlValue?) { if let t = v?.text, t.hasPrefix("http"), pool.objects[t] == nil { urls.insert(t) } }
        for m in pool.of("Meeting") {
            m.items("agendaItem").forEach(want); m.items("organization").forEach(want); want(m["location"])
        }
        for p in pool.of("Paper") {
            p.items("consultation").forEach(want); want(p["mainFile"]); p.items("auxiliaryFile").forEach(want)
            p.items("underDirectionOf").forEach(want)
        }
        for a in pool.of("AgendaItem") { want(a["consultation"]) }
        for c in pool.of("Consultation") { want(c["agendaItem"]) }
        return urls.sorted()
    }

    /// The office's required sections (site.yaml), which a PDF's lines may be headings of.
    private func pflichtabschnitte() -> [String] {
        siteYAML()?["vorlagen"]?["pflichtabschnitte"]?.sequence?.compactMap(\.string) ?? []
    }

    private func siteYAML() -> Node? {
        guard let text = FileManager.default.contents(atPath: Paths.join(content, "site.yaml")) else { return nil }
        return try? Yams.compose(yaml: String(decoding: text, as: UTF8.self))
    }

    /// Public papers without `.leicht.md` where the office's site.yaml demands one (`leichte_sprache.pflicht`).
    private func missingTwins(_ c: ImportedContent) -> [String] {
        guard siteYAML()?["leichte_sprache"]?["pflicht"]?.bool == true else { return [] }
        return c.vorlagen.filter { $0.oeffentlich }.map { "vorlagen/\($0.slug).md" }
            .filter { !FileManager.default.fileExists(atPath: Paths.join(content, String($0.dropLast(3)) + ".leicht.md")) }
    }
}

extension OParlTime {
    /// Noon of a day, to find the day's offset in Berlin.
    static func noon(_ t: TeilhabeModel.CalendarDay) -> Date { instant("\(t)T12:00:00+00:00") ?? Date() }
}

extension OParlMapper {
    /// The ids given in this run (ids of objects gone from the server are forgotten).
    package var knownInUse: [String: String] { known.filter { usedKeys.contains($0.key) } }
}
