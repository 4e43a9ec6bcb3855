import TeilhabeSupport
/// Where a link written in Markdown leads, resolved against the content folder.
public enum LinkTarget: Equatable, Sendable {
    /// A page by its content path without extension (`berichte/x`), standard or easy version.
    case seite(pfad: String, leicht: Bool, fragment: String?)
    /// A file copied as it is (`anlagen/x.pdf`).
    case datei(String)
    /// Another site, a mail address, an anchor on the same page: left as written.
    case unveraendert
    /// A relative path that matches no content file.
    case fehlt
}

/// The published paths of a project, for resolving links written in Markdown.
public struct LinkIndex: Sendable {
    /// Content path without extension → status and whether an easy twin exists.
    package var seiten: [String: (status: Status, leicht: Bool)] = [:]
    package var dateien: Set<String> = []

    public init(_ projekt: Projekt) {
        let vorlagen = projekt.vorlagen   // by index and field: a loop would copy every paper whole
        for i in vorlagen.indices { seiten[vorlagen[i].pfad] = (vorlagen[i].status, vorlagen[i].leicht != nil) }
        for t in projekt.texte { seiten[t.pfad] = (t.status, t.leicht != nil) }
        dateien = Set(projekt.anlagen.keys)
    }

    package func status(of pfad: String) -> Status? { seiten[pfad]?.status }

    /// Every content path a link may lead to, for "did you mean" hints.
    package var alleZiele: [String] { seiten.keys.map { $0 + ".md" } + dateien }

    /// Resolves `destination` written in the file `quelle` (content-relative). Relative to the
    /// file first, then to the content folder (so `anlagen/x.pdf` works from any page); a root-relative
    /// `/anlagen/x.pdf` to the content folder alone.
    public func ziel(_ destination: String, from quelle: String) -> LinkTarget {
        guard let (candidates, fragment) = pfade(destination, from: quelle) else { return .unveraendert }
        for candidate in candidates {
            if candidate.hasSuffix(".leicht.md") {
                let pfad = String(candidate.dropLast(".leicht.md".count))
                if seiten[pfad]?.leicht == true { return .seite(pfad: pfad, leicht: true, fragment: fragment) }
            } else if candidate.hasSuffix(".md") {
                let pfad = String(candidate.dropLast(3))
                if seiten[pfad] != nil { return .seite(pfad: pfad, leicht: false, fragment: fragment) }
            } else if dateien.contains(candidate) {
                return .datei(candidate)
            }
        }
        return .fehlt
    }

    /// The content paths a link may mean, percent-decoded and with `.` and `..` resolved (none where it
    /// climbs out of the content folder), and its fragment; nil for a link that leaves the content
    /// (another site, a mail address, an anchor on the same page).
    package func pfade(_ destination: String, from quelle: String) -> (candidates: [String], fragment: String?)? {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || hasScheme(destination) {
            return nil
        }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]).removingPercentEncodingSafely
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        if path.hasPrefix("/") { return (Paths.resolve(path).map { [$0] } ?? [], fragment) }
        let folder = quelle.split(separator: "/").dropLast().joined(separator: "/")
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
