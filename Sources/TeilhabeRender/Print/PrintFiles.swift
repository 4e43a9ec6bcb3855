import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The files a print version may load: published attachments (`anlagen/`), each found without
/// leaving the content folder. An image's path is taken apart the way a URL fetcher would read it
/// (entities, percent-encoding, `..`) and checked on the disk (real path, regular file) before it
/// gets a `teilhabe:` URL; the PDF driver's fetcher serves those URLs and nothing else.
struct PrintFiles: Sendable {
    /// The content folder's real path; nil when it has none (then no file is served).
    let root: String?
    /// Content-relative paths of the files the site publishes.
    let published: Set<String>

    init(contentRoot: String, published: Set<String>) {
        root = PrintFiles.realPath(contentRoot)
        self.published = published
    }

    /// The URL and real path for an image source written relative to the page in `pageFolder`
    /// (HTML-escaped, as in an attribute); nil for anything that is not a published file.
    func resolve(_ source: String, pageFolder: String) -> (url: String, path: String)? {
        let raw = PrintFiles.unescaped(source).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let root, !raw.isEmpty, !PrintFiles.hasScheme(raw), !raw.hasPrefix("/"), !raw.hasPrefix("\\") else { return nil }
        let rawPath = String(raw.prefix { $0 != "#" && $0 != "?" })
        guard let decoded = PrintFiles.percentDecoded(rawPath),
              let relative = Paths.resolve(Paths.join(pageFolder, decoded)), published.contains(relative),
              let real = PrintFiles.realPath(Paths.join(root, relative)), real.hasPrefix(root + "/"),
              published.contains(String(real.dropFirst(root.count + 1))), PrintFiles.isRegularFile(real)
        else { return nil }
        return ("teilhabe:" + PrintFiles.percentEncoded(relative), real)
    }

    static func realPath(_ path: String) -> String? {
        guard let c = realpath(path, nil) else { return nil }
        defer { free(c) }
        return String(cString: c)
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// `scheme:` as in RFC 3986 (`http:`, `file:`, `data:`, also `C:`).
    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else { return false }
        return text[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// Percent-decoding that refuses what it cannot read: a `%` without two hex digits, bytes that
    /// are not UTF-8, a NUL byte.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let h = iterator.next(), let l = iterator.next(),
                  let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Every byte but letters, digits, `-._~/` as `%XX`: the URL passes WeasyPrint unchanged.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                result.append(c)
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    /// Character references as cmark and the templates write them in attributes.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.firstIndex(of: ";"), after.distance(from: amp, to: semi) <= 10,
                  let scalar = reference(String(after[after.index(after: amp)..<semi])) else {
                result.append("&"); rest = rest[rest.index(after: amp)...]; continue
            }
            result.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: semi)...]
        }
        return result + rest
    }

    private static func reference(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
