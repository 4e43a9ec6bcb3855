import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck

/// The print version of a Vorlage: a self-contained HTML document (styles inline, links made
/// absolute, images only from the published files of the content folder) that WeasyPrint turns
/// into a PDF, linked from the page.
enum PrintVersion {

    // Regex literals are parsed each time the expression runs: these are built once.
    // SharedRegex: a Regex is not Sendable; the wrapper says why sharing these is safe.
    static let relativeHref = SharedRegex(#/(\s)href="([^"#:]*)(#[^"]*)?"/#)
    static let image = SharedRegex(#/<img\b[^>]*>/#)
    static let source = SharedRegex(#/\ssrc="([^"]*)"/#)

    /// `vorlage-2019-0320.pdf`
    static func fileName(_ number: String) -> String { "vorlage-\(Slug.make(number)).pdf" }

    /// What the PDF tool gets for a paper: its print HTML, the files it may load, its date.
    static func job(_ v: Vorlage, _ webPage: Page, context: TemplateContext, theme: Theme, base: SiteBase?,
                        fileList: PrintFiles) -> PDFRenderer.RenderJob {
        let print = html(webPage, context: context, theme: theme, base: base, fileList: fileList)
        return PDFRenderer.RenderJob(name: webPage.filePath, html: print.html, files: print.files, root: fileList.root,
                                   sourceDateEpoch: sourceDateEpoch(v.datum), source: v.body.file, refused: print.refused)
    }

    static func html(_ webPage: Page, context: TemplateContext, theme: Theme, base: SiteBase?,
                     fileList: PrintFiles) -> (html: String, files: [String: String], refused: [String]) {
        var k = context
        k["druck_css"] = theme.assets["assets/druck.css"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        let text = absolute((context["text"] as? String) ?? "", webPage: webPage, base: base, fileList: fileList)
        k["text"] = text.html
        return (theme.render("vorlage-druck", k), text.files, text.refused)
    }

    /// Rewrites relative `href` to the published site (or drops them without basis_url), and images
    /// to `teilhabe:` URLs of published files; any other image is left out (and named in `refused`),
    /// so that WeasyPrint is never asked for a file outside them or for anything on a network.
    static func absolute(_ html: String, webPage: Page, base: SiteBase?,
                        fileList: PrintFiles) -> (html: String, files: [String: String], refused: [String]) {
        let folderPath = webPage.filePath.split(separator: "/").dropLast().joined(separator: "/")
        let rewritten = images(html, folderPath: folderPath, fileList: fileList)
        return (links(rewritten.html, folderPath: folderPath, base: base), rewritten.files, rewritten.refused)
    }

    /// Each `<img>` with its source made a listed URL, or removed.
    static func images(_ html: String, folderPath: String,
                       fileList: PrintFiles) -> (html: String, files: [String: String], refused: [String]) {
        var resultValue = "", files: [String: String] = [:], refused: [String] = []
        var rest = Substring(html)
        while let hits = rest.firstRange(of: PrintVersion.image) {
            resultValue += rest[..<hits.lowerBound]
            let day = rest[hits]
            rest = rest[hits.upperBound...]
            guard let src = day.firstMatch(of: PrintVersion.source) else { refused.append(String(day)); continue }
            let value = String(src.1)
            if value.hasPrefix("data:") {
                resultValue += day   // inline bytes: nothing to fetch (the driver decodes them itself)
            } else if let (url, path) = fileList.resolve(value, pageFolder: folderPath) {
                files[url] = path
                resultValue += day[..<src.range.lowerBound] + " src=\"\(url)\"" + day[src.range.upperBound...]
            } else {
                refused.append(PrintFiles.unescaped(value))
            }
        }
        return (resultValue + rest, files, refused)
    }

    private static func links(_ html: String, folderPath: String, base: SiteBase?) -> String {
        var resultValue = ""
        var rest = Substring(html)
        while let hits = rest.firstRange(of: PrintVersion.relativeHref) {
            resultValue += rest[..<hits.lowerBound]
            let m = rest[hits].firstMatch(of: PrintVersion.relativeHref)!
            let front = String(m.1), target = String(m.2), fragment = m.3.map(String.init) ?? ""
            let path = Paths.resolve(Paths.join(folderPath, target)) ?? ""
            if let base {
                resultValue += front + "href=\"\(base.absolute(path + (target.hasSuffix("/") && !path.isEmpty ? "/" : "")))\(fragment)\""
            } else {
                resultValue += front + (target.isEmpty ? "href=\"\(fragment)\"" : "data-href=\"\(target)\"")
            }
            rest = rest[hits.upperBound...]
        }
        return resultValue + rest
    }

    /// The paper's date at 00:00 UTC in seconds since 1970: the PDF's creation date, and the time
    /// the PDF tool sees (`SOURCE_DATE_EPOCH`), so that a paper's PDF does not change with the day
    /// it is built on.
    static func sourceDateEpoch(_ day: CalendarDay) -> Int {
        // Days from 1970-03-01 counted in 400-year eras (Howard Hinnant's days_from_civil).
        let y = day.month <= 2 ? day.year - 1 : day.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (day.month + (day.month > 2 ? -3 : 9)) + 2) / 5 + day.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return max(0, (era * 146_097 + doe - 719_468) * 86_400)   // the variable's spec allows no earlier time
    }
}
