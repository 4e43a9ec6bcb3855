import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild

/// What a request asks for, made safe: a file inside the served folder, or nothing.
public enum Request {
    /// The served file for a request path (`/vorlagen/x/`), or nil when the path is malformed or
    /// would leave the folder – whatever the encoding (`..`, `%2e%2e`, `%2f`, backslashes, NUL).
    public static func filePath(_ requestPath: String, rootPath: String, isFolder: (String) -> Bool) -> String? {
        var path = Substring(requestPath)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        guard path.hasPrefix("/"), let decoded = percentDecoded(String(path)) else { return nil }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        var parts: [Substring] = []
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.hasPrefix(".") { return nil }   // no climbing, no hidden files
            parts.append(part)
        }
        let full = ([rootPath] + parts.map(String.init)).joined(separator: "/")
        // OParl ids carry no extension: `…/paper/x` is `paper/x.json`, the system `…/v1.1/` its index.json.
        if parts.first == "oparl", let lastPoint = parts.last, !lastPoint.hasSuffix(".json") {
            return decoded.hasSuffix("/") ? full + "/index.json" : full + ".json"
        }
        return isFolder(full) ? full + "/index.html" : full
    }

    /// Strict percent-decoding; nil for broken escapes or invalid UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var it = Array(text.utf8).makeIterator()
        while let b = it.next() {
            guard b == UInt8(ascii: "%") else { bytes.append(b); continue }
            guard let h = it.next(), let l = it.next(), let value = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    public static func contentType(_ path: String) -> String {
        let fileExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch fileExtension {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return path.hasSuffix("feed.xml") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "pdf": return "application/pdf"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }

    /// The reload script, added by `serve` to every HTML response – never to the build output.
    public static let reloadScript = "<script src=\"/__teilhabe/neuladen.js\"></script>"
    public static let reloadJS = """
        // Added by `teilhabe serve` only: reloads the page when a build has changed it.
        new EventSource("/__teilhabe/ereignisse?seite=" + encodeURIComponent(location.pathname))
          .addEventListener("neu", function () { location.reload(); });

        """

    public static func withReload(_ html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + reloadScript }
        return html.replacingCharacters(in: end, with: reloadScript + "</body>")
    }

    /// Shown for every page while the last build failed, until it is fixed.
    public static func errorPage(_ messages: String, language: Language = .de) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(XML.escape(Message.serveErrorPageTitle.text(language)))</title>
        <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}pre{background:#fff4d6;padding:1rem;white-space:pre-wrap;border-left:.35rem solid #8a5a00}</style>
        </head><body><main><h1>\(XML.escape(Message.serveErrorPageHeading.text(language)))</h1>
        <p>\(XML.escape(Message.serveErrorPageReload.text(language)))</p>
        <pre>\(XML.escape(messages))</pre></main></body></html>
        """
    }
}
