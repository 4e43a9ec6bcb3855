import Foundation
import TeilhabeSupport
import TeilhabeRender

/// The text of a paper from its main file: PDF through `pdftotext` (the layout is lost), DOCX through
/// an injected converter (the Word importer), else none (the page links the document).
package struct PaperText: Sendable {
    /// DOCX bytes → Markdown (the Word importer by default); nil, or a file it cannot read: a DOCX main file
    /// gets a page that links it.
    package var docxToMarkdown: (@Sendable (Data) throws -> String)?
    package var pdftotext: String? = PaperText.findInPath("pdftotext")
    package var timeout: TimeInterval = 60

    package init(docxToMarkdown: (@Sendable (Data) throws -> String)? = PaperText.wordText) { self.docxToMarkdown = docxToMarkdown }

    /// An executable by its name in PATH, as an absolute path.
    package static func findInPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where dir.hasPrefix("/") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Lines of a PDF that are section headings when they stand alone (besides the office's `pflichtabschnitte`).
    package var headings = ["Sachlage", "Sachverhalt", "Begründung", "Beschlussvorschlag", "Rechtslage", "Finanzielle Auswirkungen",
                            "Personelle und finanzielle Auswirkungen", "Soziale Auswirkungen", "Auswirkungen auf die Stärkung der Inklusion"]

    /// The PDF's text as Markdown paragraphs, or nil when `pdftotext` is missing or fails.
    package func pdf(_ data: Data) -> String? {
        guard let tool = pdftotext else { return nil }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("teilhabe-pdf-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("main.pdf")
        guard (try? data.write(to: input)) != nil, let out = run(tool, ["-enc", "UTF-8", "-nopgbrk", input.path, "-"]) else { return nil }
        let text = PaperText.paragraphs(String(decoding: out, as: UTF8.self), headings: headings)
        return text.isEmpty ? nil : text
    }

    /// Runs a tool through the build's ExternalTool (both pipes drained, a time limit); its stdout, or nil.
    private func run(_ tool: String, _ args: [String]) -> Data? {
        guard let r = ExternalTool.run(tool, args, timeout: timeout), r.status == 0, !r.timedOut else { return nil }
        return r.stdout
    }

    /// Lines joined into paragraphs (blank lines separate them), with Markdown's own characters escaped
    /// so that a text line never turns into a heading, a list, a link or HTML.
    /// A line that is one of `headings` (case, colon and spaces aside) becomes a `##` heading; a line that
    /// ends a sentence and is clearly shorter than the longest ends its paragraph.
    static func paragraphs(_ text: String, headings: [String] = []) -> String {
        var result: [String] = [], current: [String] = []
        let known = Dictionary(headings.map { (normal($0), $0) }, uniquingKeysWith: { a, _ in a })
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces.union(.controlCharacters)) }
        let width = lines.map(\.count).max() ?? 0
        func flush() { if !current.isEmpty { result.append(current.joined(separator: " ")); current = [] } }
        for line in lines {
            if line.isEmpty { flush(); continue }
            if let heading = known[normal(line)] { flush(); result.append("## " + heading); continue }
            current.append(escape(line))
            if let last = line.last, ".:!?".contains(last), line.count < width * 3 / 4 { flush() }
        }
        flush()
        return result.joined(separator: "\n\n")
    }

    private static func normal(_ s: String) -> String {
        var t = s.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if t.hasSuffix(":") { t.removeLast() }
        return t
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
