import Foundation
import TeilhabeSupport
import TeilhabeRender

/// The text of a paper from its main file: PDF through `pdftotext` (the layout is lost), DOCX through
/// an injected converter (the Word importer), else none (the page links the document).
package struct PaperText: Sendable {
    /// DOCX bytes → Markdown; nil: a DOCX main file gets a page that links it.
    package var docxToMarkdown: (@Sendable (Data) throws -> String)?
    package var pdftotext: String? = PaperText.findInPath("pdftotext")
    package var timeout: TimeInterval = 60

    package init(docxToMarkdown: (@Sendable (Data) throws -> String)? = nil) { self.docxToMarkdown = docxToMarkdown }

    /// An executable by its name in PATH, as an absolute path.
    package static func findInPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where dir.hasPrefix("/") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The PDF's text as Markdown paragraphs, or nil when `pdftotext` is missing or fails.
    package func pdf(_ data: Data) -> String? {
        guard let tool = pdftotext else { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("teilhabe-pdf-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("main.pdf")
        guard (try? data.write(to: input)) != nil, let out = run(tool, ["-enc", "UTF-8", "-nopgbrk", input.path, "-"]) else { return nil }
        let text = PaperText.paragraphs(String(decoding: out, as: UTF8.self))
        return text.isEmpty ? nil : text
    }

    /// Runs a tool through the build's ExternalTool (both pipes drained, a time limit); its stdout, or nil.
    private func run(_ tool: String, _ args: [String]) -> Data? {
        guard let r = ExternalTool.run(tool, args, timeout: timeout), r.status == 0, !r.timedOut else { return nil }
        return r.stdout
    }

    /// Lines joined into paragraphs (blank lines separate them), with Markdown's own characters escaped
    /// so that a text line never turns into a heading, a list, a link or HTML.
    static func paragraphs(_ text: String) -> String {
        var result: [String] = [], current: [String] = []
        func flush() { if !current.isEmpty { result.append(current.joined(separator: " ")); current = [] } }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces.union(.controlCharacters))
            if line.isEmpty { flush() } else { current.append(escape(line)) }
        }
        flush()
        return result.joined(separator: "\n\n")
    }

    static func escape(_ line: String) -> String {
        var out = ""
        for ch in line {
            if "\\`*_[]<>#|~".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        // A line that starts like a list item ("1. ", "- ", "+ ") or a quote stays text.
        if let first = out.first, "-+=".contains(first) { out = "\\" + out }
        if let dot = out.firstIndex(where: { !$0.isNumber }), dot != out.startIndex, [".", ")"].contains(out[dot]) {
            out.insert("\\", at: dot)
        }
        return out
    }
}
