import Foundation
import TeilhabeSupport
import ZIPFoundation

/// The parts of a .docx (a ZIP archive), read with limits: a Word file is untrusted input.
/// Entry counts and unpacked sizes are capped while unpacking (a header's size may lie), and parts
/// are only ever looked up by name, never extracted to disk, so `../` entries lead nowhere.
package struct DocxPackage {
    package static let maxEntries = 5_000
    package static let maxPartSize = 64 * 1_048_576
    package static let maxTotalSize = 256 * 1_048_576

    private let archive: Archive
    private let entries: [String: Entry]
    private var unpacked = 0

    package init(data: Data) throws(DocxError) {
        // An OLE compound file: an encrypted .docx (Word wraps it) or a .doc of Word 97–2003.
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw DocxError(.docxEncrypted) }
        let archive: Archive
        do {
            guard data.starts(with: [0x50, 0x4B]) else { throw DocxError(.docxNotZip) }
            archive = try Archive(data: data, accessMode: .read, pathEncoding: nil)
        } catch {
            throw DocxError(.docxCorrupt(.docxNotZip))
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= Self.maxEntries else { throw DocxError(.docxCorrupt(.docxTooManyEntries(Self.maxEntries))) }
            if entry.type == .file { entries[entry.path] = entry }
        }
        self.archive = archive
        self.entries = entries
    }

    /// A part's bytes, nil where the archive has none; stops at the size limits whatever the header says.
    package mutating func part(_ path: String) throws(DocxError) -> Data? {
        guard let entry = entries[path] else { return nil }
        var result = Data()
        let limit = min(Self.maxPartSize, Self.maxTotalSize - unpacked)
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard result.count + chunk.count <= limit else { throw DocxError(.docxTooLarge(path, limit: Self.maxPartSize)) }
                result.append(chunk)
            }
        } catch let error as DocxError {
            throw DocxError(.docxCorrupt(error.message))
        } catch {
            throw DocxError(.docxCorrupt(.docxLibraryReason(String(describing: error))))
        }
        unpacked += result.count
        return result
    }

    /// A relationship target resolved against the folder of the part that names it (`word/`), or nil
    /// when it leaves the archive's root or is external.
    package static func resolve(_ target: String, from folder: String) -> String? {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(piece))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
