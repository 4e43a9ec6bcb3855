import Foundation
import Yams
import TeilhabeSupport

/// `content/.teilhabe-import.yaml`: what the last import wrote (each file's hash), the ids it gave,
/// where it read and when (the next run's `modified_since`). The server's objects themselves are kept
/// beside it in `.teilhabe-import-objekte.json`, so that a run that fetches only changes can still
/// write whole files.
package struct ImportManifest: Codable, Sendable, Equatable {
    package struct FileRecord: Codable, Sendable, Equatable {
        package var sha256: String
        /// For a download: the OParl File and its `modified`, to fetch it again only when it changed.
        package var oparl: String?
        package var geaendert: String?
    }

    package var quelle: String
    package var stand: String
    package var kennungen: [String: String] = [:]
    package var dateien: [String: FileRecord] = [:]

    package static let path = ".teilhabe-import.yaml"
    package static let objectsPath = ".teilhabe-import-objekte.json"

    package static func read(_ content: String) -> ImportManifest? {
        guard let data = FileManager.default.contents(atPath: Paths.join(content, path)) else { return nil }
        return try? YAMLDecoder().decode(ImportManifest.self, from: String(decoding: data, as: UTF8.self))
    }

    package func text() -> String {
        let encoder = YAMLEncoder()
        encoder.options = .init(allowUnicode: true, sortKeys: true)
        return Message.oparlManifestHeader.de + ((try? encoder.encode(self)) ?? "")
    }

    package static func readObjects(_ content: String) -> OParlPool? {
        guard let data = FileManager.default.contents(atPath: Paths.join(content, objectsPath)) else { return nil }
        return try? JSONDecoder().decode(OParlPool.self, from: data)
    }

    package static func objectsData(_ pool: OParlPool) -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? e.encode(pool)) ?? Data()
    }
}
