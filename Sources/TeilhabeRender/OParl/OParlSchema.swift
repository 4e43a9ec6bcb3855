import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The OParl 1.1 objects the export writes, as Codable values; JSONText encodes them (keys sorted).
/// A property's name is its OParl key. Optional properties are left out when nil: the builders in
/// OParlObjects pass nil for empty texts and lists, which OParl leaves out rather than sending empty.
enum OParlSchema {
    /// An OParl object: the keys every object has, and those of its type (`fields`), in one JSON object.
    struct Object<Fields: Encodable & Sendable>: Encodable, Sendable {
        var id: String
        var type: String
        var created: String
        var modified: String
        var fields: Fields

        private enum Key: String, CodingKey { case id, type, created, modified }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(id, forKey: .id)
            try c.encode(type, forKey: .type)
            try c.encode(created, forKey: .created)
            try c.encode(modified, forKey: .modified)
            try fields.encode(to: encoder)   // the same JSON object: the encoder merges the two containers
        }
    }

    struct System: Encodable, Sendable {
        var oparlVersion: String
        var body: String
        var name: String?
        var contactEmail: String?
        var contactName: String?
        var website: String
        var web: String
        var product: String
        var vendor: String
    }

    struct Body: Encodable, Sendable {
        var system: String
        var name: String?
        var website: String
        var web: String
        var contactEmail: String?
        var contactName: String?
        var organization, person, meeting, paper, agendaItem, consultation, file, membership: String
        var locationList: String
        var legislativeTermList: String
        /// Required by OParl, so written even when empty.
        var legislativeTerm: [Object<LegislativeTerm>]
    }

    struct LegislativeTerm: Encodable, Sendable {
        var body: String
        var name: String?
        var startDate: String
        var endDate: String?
    }

    struct Organization: Encodable, Sendable {
        var body: String
        var name: String?
        var shortName: String?
        var organizationType: String
        var classification: String?
        var web: String?
    }

    struct Meeting: Encodable, Sendable {
        var name: String?
        var start: String
        var end: String?
        var organization: [String]
        var location: Object<Location>?
        var agendaItem: [Object<AgendaItem>]?
        var web: String
    }

    struct Location: Encodable, Sendable {
        var description: String?
        /// Only where the location stands alone, not inside its meeting.
        var meetings: [String]?
    }

    struct AgendaItem: Encodable, Sendable {
        var meeting: String?
        var number: String?
        var order: Int
        var name: String?
        var `public`: Bool
        var consultation: String?
        var result: String?
    }

    struct Consultation: Encodable, Sendable {
        var paper: String?
        var meeting: String
        var agendaItem: String?
        var organization: [String]
        var role: String
        var authoritative: Bool
    }

    struct Paper: Encodable, Sendable {
        var body: String
        var name: String?
        var reference: String?
        var date: String
        var paperType: String
        var mainFile: Object<File>?
        var auxiliaryFile: [Object<File>]?
        var underDirectionOf: [String]
        var consultation: [Object<Consultation>]?
        var web: String
    }

    struct File: Encodable, Sendable {
        var name: String?
        var fileName: String?
        var mimeType: String
        var size: Int?
        var date: String
        var accessUrl: String
        var downloadUrl: String?
        /// Only where the file stands alone: the papers naming it.
        var paper: [String]?
    }

    /// One page of a list: its objects (of one type each list), where it stands, and its neighbours.
    struct Page: Encodable, Sendable {
        var data: [any Encodable & Sendable]
        var pagination: Pagination
        var links: Links

        private enum Key: String, CodingKey { case data, pagination, links }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            var list = c.nestedUnkeyedContainer(forKey: .data)
            for object in data { try list.encode(object) }
            try c.encode(pagination, forKey: .pagination)
            try c.encode(links, forKey: .links)
        }
    }

    struct Pagination: Encodable, Sendable {
        var totalElements: Int
        var elementsPerPage: Int
        var currentPage: Int
        var totalPages: Int
    }

    struct Links: Encodable, Sendable {
        var first: String
        var this: String
        var last: String
        var prev: String?
        var next: String?

        private enum CodingKeys: String, CodingKey { case first, this = "self", last, prev, next }
    }
}
