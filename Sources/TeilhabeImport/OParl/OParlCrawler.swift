import Foundation
import TeilhabeSupport

/// Every object the server gave, by id, embedded ones included (cut out of their parent, which keeps them).
package struct OParlPool: Sendable, Codable {
    package var objects: [String: OParlValue] = [:]

    package init() {}

    /// Stores an object and, recursively, every object embedded in it; a deleted one is removed.
    package mutating func add(_ value: OParlValue) {
        guard let dict = value.dictionary else { return }
        if let id = value.id, value.typeName != nil {
            if value.isDeleted { objects[id] = nil; return }
            objects[id] = value
        }
        for child in dict.values {
            switch child {
            case .object: add(child)
            case let .array(list): for item in list where item.dictionary != nil { add(item) }
            default: break
            }
        }
    }

    package func of(_ type: String) -> [OParlValue] {
        objects.values.filter { $0.typeName == type }.sorted { ($0.id ?? "") < ($1.id ?? "") }
    }

    /// An item of a list property: the embedded object, or the object its URL names.
    package func resolve(_ item: OParlValue) -> OParlValue? {
        if item.dictionary != nil { return item.id.flatMap { objects[$0] } ?? item }
        return item.text.flatMap { objects[$0] }
    }
}

/// Reads a server: its System, the chosen Body, and the Body's lists page by page (`links.next`).
package struct OParlCrawler: Sendable {
    package var client: OParlClient
    package var progress: @Sendable (Message) -> Void = { _ in }
    /// Somacos wants the query unencoded: `+` in `modified_since` stays as it is.
    var rawQuery = false
    var maxPages = 100_000

    package init(client: OParlClient, progress: @escaping @Sendable (Message) -> Void = { _ in }) {
        self.client = client
        self.progress = progress
    }

    /// The Body a System or Body URL leads to (with `--body`: that one of several), and the System.
    package mutating func body(_ url: String, choose: String?) async throws -> (body: OParlValue, system: OParlValue?) {
        guard let start = try await client.json(url) else { throw OParlError(message: .oparlHTTPStatus(url, 404)) }
        if start.typeName == "Body" {
            var system: OParlValue?
            if let url = start.text("system") { system = try? await client.json(url) }
            noteVendor(system)
            return (start, system)
        }
        guard start.typeName == "System", let list = start.text("body") else { throw OParlError(message: .oparlNotSystemOrBody(url)) }
        noteVendor(start)
        let bodies = try await self.list(list, since: nil)
        return (try pick(bodies, choose, url: url), start)
    }

    private mutating func noteVendor(_ system: OParlValue?) {
        let vendor = [system?.text("vendor"), system?.text("product"), system?.text("name")].compactMap { $0 }.joined(separator: " ")
        rawQuery = vendor.lowercased().contains("somacos")
    }

    private func pick(_ bodies: [OParlValue], _ choose: String?, url: String) throws -> OParlValue {
        let live = bodies.filter { !$0.isDeleted }
        guard let choose else {
            guard live.count == 1 else { throw OParlError(message: .oparlChooseBody(url, live.map(bodyLabel))) }
            return live[0]
        }
        let wanted = choose.lowercased()
        if let b = live.first(where: { b in
            [b.id, b.text("shortName"), b.text("name"), b.id?.split(separator: "/").last.map(String.init)]
                .compactMap { $0?.lowercased() }.contains(wanted) || b.text("name").map(Slug.make) == Slug.make(choose)
        }) { return b }
        throw OParlError(message: .oparlBodyUnknown(choose, live.map(bodyLabel)))
    }

    private func bodyLabel(_ b: OParlValue) -> String {
        "\(b.id?.split(separator: "/").last.map(String.init) ?? "?") (\(b.text("name") ?? b.id ?? "?"))"
    }

    /// A list with every page (`links.next` to the end); a 404 is an empty list (Sternberg).
    package func list(_ url: String, since: String?) async throws -> [OParlValue] {
        var next: String? = since.map { withQuery(url, "modified_since", $0) } ?? url
        var seen = Set<String>(), items: [OParlValue] = [], page = 0
        while let u = next, !seen.contains(u), page < maxPages {
            seen.insert(u); page += 1
            guard let doc = try await client.json(u, missingIsEmpty: true) else { break }
            if case let .array(data)? = doc["data"] { items += data }
            progress(.oparlListProgress(u, page: page, objects: items.count))
            next = doc["links"]?.text("next")
        }
        return items
    }

    /// `url` with one more query parameter. The date's `+` is encoded unless the server is a Somacos one.
    func withQuery(_ url: String, _ name: String, _ value: String) -> String {
        let v = rawQuery ? value : value.replacingOccurrences(of: "+", with: "%2B")
        return url + (url.contains("?") ? "&" : "?") + name + "=" + v
    }

    /// Fetches what the pool names but does not hold (an agenda item or file given by URL only).
    package func complete(_ pool: inout OParlPool, urls: [String]) async throws {
        for url in urls where pool.objects[url] == nil {
            if let object = try await client.json(url, missingIsEmpty: true) { pool.add(object) }
        }
    }
}

