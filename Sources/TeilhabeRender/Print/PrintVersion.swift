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
    static func dateiname(_ nummer: String) -> String { "vorlage-\(Slug.make(nummer)).pdf" }

    /// What the PDF tool gets for a paper: its print HTML, the files it may load, its date.
    static func auftrag(_ v: Vorlage, _ seite: Page, kontext: TemplateContext, theme: Theme, basis: SiteBase?,
                        dateien: PrintFiles) -> PDFRenderer.RenderJob {
        let druck = html(seite, kontext: kontext, theme: theme, basis: basis, dateien: dateien)
        return PDFRenderer.RenderJob(name: seite.datei, html: druck.html, files: druck.files, root: dateien.root,
                                   sourceDateEpoch: sourceDateEpoch(v.datum), source: v.body.file, refused: druck.refused)
    }

    static func html(_ seite: Page, kontext: TemplateContext, theme: Theme, basis: SiteBase?,
                     dateien: PrintFiles) -> (html: String, files: [String: String], refused: [String]) {
        var k = kontext
        k["druck_css"] = theme.assets["assets/druck.css"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        let text = absolut((kontext["text"] as? String) ?? "", seite: seite, basis: basis, dateien: dateien)
        k["text"] = text.html
        return (theme.render("vorlage-druck", k), text.files, text.refused)
    }

    /// Rewrites relative `href` to the published site (or drops them without basis_url), and images
    /// to `teilhabe:` URLs of published files; any other image is left out (and named in `refused`),
    /// so that WeasyPrint is never asked for a file outside them or for anything on a network.
    static func absolut(_ html: String, seite: Page, basis: SiteBase?,
                        dateien: PrintFiles) -> (html: String, files: [String: String], refused: [String]) {
        let ordner = seite.datei.split(separator: "/").dropLast().joined(separator: "/")
        let bilder = images(html, ordner: ordner, dateien: dateien)
        return (links(bilder.html, ordner: ordner, basis: basis), bilder.files, bilder.refused)
    }

    /// Each `<img>` with its source made a listed URL, or removed.
    static func images(_ html: String, ordner: String,
                       dateien: PrintFiles) -> (html: String, files: [String: String], refused: [String]) {
        var ergebnis = "", files: [String: String] = [:], refused: [String] = []
        var rest = Substring(html)
        while let treffer = rest.firstRange(of: PrintVersion.image) {
            ergebnis += rest[..<treffer.lowerBound]
            let tag = rest[treffer]
            rest = rest[treffer.upperBound...]
            guard let src = tag.firstMatch(of: PrintVersion.source) else { refused.append(String(tag)); continue }
            let wert = String(src.1)
            if wert.hasPrefix("data:") {
                ergebnis += tag   // inline bytes: nothing to fetch (the driver decodes them itself)
            } else if let (url, pfad) = dateien.resolve(wert, pageFolder: ordner) {
                files[url] = pfad
                ergebnis += tag[..<src.range.lowerBound] + " src=\"\(url)\"" + tag[src.range.upperBound...]
            } else {
                refused.append(PrintFiles.unescaped(wert))
            }
        }
        return (ergebnis + rest, files, refused)
    }

    private static func links(_ html: String, ordner: String, basis: SiteBase?) -> String {
        var ergebnis = ""
        var rest = Substring(html)
        while let treffer = rest.firstRange(of: PrintVersion.relativeHref) {
            ergebnis += rest[..<treffer.lowerBound]
            let m = rest[treffer].firstMatch(of: PrintVersion.relativeHref)!
            let vorne = String(m.1), ziel = String(m.2), fragment = m.3.map(String.init) ?? ""
            let pfad = Paths.resolve(Paths.join(ordner, ziel)) ?? ""
            if let basis {
                ergebnis += vorne + "href=\"\(basis.absolut(pfad + (ziel.hasSuffix("/") && !pfad.isEmpty ? "/" : "")))\(fragment)\""
            } else {
                ergebnis += vorne + (ziel.isEmpty ? "href=\"\(fragment)\"" : "data-href=\"\(ziel)\"")
            }
            rest = rest[treffer.upperBound...]
        }
        return ergebnis + rest
    }

    /// The paper's date at 00:00 UTC in seconds since 1970: the PDF's creation date, and the time
    /// the PDF tool sees (`SOURCE_DATE_EPOCH`), so that a paper's PDF does not change with the day
    /// it is built on.
    static func sourceDateEpoch(_ tag: Tag) -> Int {
        // Days from 1970-03-01 counted in 400-year eras (Howard Hinnant's days_from_civil).
        let y = tag.month <= 2 ? tag.year - 1 : tag.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (tag.month + (tag.month > 2 ? -3 : 9)) + 2) / 5 + tag.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return max(0, (era * 146_097 + doe - 719_468) * 86_400)   // the variable's spec allows no earlier time
    }
}
