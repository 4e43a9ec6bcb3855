import TeilhabeSupport
/// Where a link written in Markdown leads, resolved against the content folder.
public enum LinkTarget: Equatable, Sendable {
    /// A page by its content path without extension (`berichte/x`), standard or easy version.
    case webPage(path: String, leicht: Bool, fragment: String?)
    /// A file copied as it is (`anlagen/x.pdf`).
    case filePath(String)
    /// Another site, a mail address, an anchor on the same page: left as written.
    case unchanged
    /// A relative path that matches no content file.
    case missing
}

/// The published paths of a project, for resolving links written in Markdown.
public struct LinkIndex: Sendable {
    /// Content path without extension → status and whether an easy twin exists.
    package var auditedPages: [String: (status: Status, leicht: Bool)] = [:]
    package var fileList: Set<String> = []

    public init(_ project: Projekt) {
        let vorlagen = project.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { auditedPages[vorlagen[i].pfad] = (vorlagen[i].status, vorlagen[i].leicht != nil) }
        for t in project.texts { auditedPages[t.pfad] = (t.status, t.leicht != nil) }
        fileList = Set(project.anlagen.keys)
    }

    package func status(of pagePath: String) -> Status? { auditedPages[pagePath]?.status }

    /// Every content path a link may lead to, for "did you mean" hints.
    package var allTargets: [String] { auditedPages.keys.map { $0 + ".md" } + fileList }

    /// Resolves `destination` written in the file `quelle` (content-relative). Relative to the
    /// file first, then to the content folder (so `anlagen/x.pdf` works from any page); a root-relative
    /// `/anlagen/x.pdf` to the content folder alone.
    public func target(_ destination: String, from source: String) -> LinkTarget {
        guard let (candidates, fragment) = paths(destination, from: source) else { return .unchanged }
        for candidate in candidates {
            if candidate.hasSuffix(".leicht.md") {
                let pagePath = String(candidate.dropLast(".leicht.md".count))
                if auditedPages[pagePath]?.leicht == true { return .webPage(path: pagePath, leicht: true, fragment: fragment) }
            } else if candidate.hasSuffix(".md") {
                let pagePath = String(candidate.dropLast(3))
                if auditedPages[pagePath] != nil { return .webPage(path: pagePath, leicht: false, fragment: fragment) }
            } else if fileList.contains(candidate) {
                return .filePath(candidate)
            }
        }
        return .missing
    }

    /// The content paths a link may mean, percent-decoded and with `.` and `..` resolved (none where it
    /// climbs out of the content folder), and its fragment; nil for a link that leaves the content
    /// (another site, a mail address, an anchor on the same page).
    package func paths(_ destination: String, from source: String) -> (candidates: [String], fragment: String?)? {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || hasScheme(destination) {
            return nil
        }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]).removingPercentEncodingSafely
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        if path.hasPrefix("/") { return (Paths.resolve(path).map { [$0] } ?? [], fragment) }
        let folder = source.split(separator: "/").dropLast().joined(separator: "/")
        return ([Paths.resolve(Paths.join(folder, path)), Paths.resolve(path)].compactMap { $0 }, fragment)
    }

    /// The scheme of an absolute link (`https`, `mailto`, …), lower-cased; nil for a path.
    package static func scheme(_ destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon]
        guard !scheme.isEmpty, !scheme.contains("/"),
              scheme.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "." || $0 == "-" }) else { return nil }
        return scheme.lowercased()
    }

    private func hasScheme(_ text: String) -> Bool { LinkIndex.scheme(text) != nil }
}

extension String {
    /// `%20` → space where the text is valid percent-encoding; otherwise unchanged.
    package var removingPercentEncodingSafely: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let h = iterator.next(), let l = iterator.next(),
               let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
