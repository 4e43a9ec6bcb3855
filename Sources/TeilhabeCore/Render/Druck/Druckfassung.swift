import Foundation

/// The print version of a Vorlage: a self-contained HTML document (styles inline, links made
/// absolute, images read from the content folder) that WeasyPrint turns into a PDF, linked from the page.
enum Druckfassung {

    // Regex literals are parsed each time the expression runs: these are built once.
    // nonisolated(unsafe): a compiled Regex is never mutated, only matched against.
    nonisolated(unsafe) static let literal0 = #/(href|src)="([^"#:]*)(#[^"]*)?"/#
    /// `vorlage-2019-0320.pdf`
    static func dateiname(_ nummer: String) -> String { "vorlage-\(Slug.make(nummer)).pdf" }

    static func html(_ seite: Seite, kontext: Kontext, theme: Theme, basis: Basis?, contentRoot: String) -> String {
        var k = kontext
        k["druck_css"] = theme.assets["assets/druck.css"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        k["text"] = absolut((kontext["text"] as? String) ?? "", seite: seite, basis: basis, contentRoot: contentRoot)
        return theme.render("vorlage-druck", k)
    }

    /// Rewrites relative `href` to the published site (or drops them without basis_url) and relative
    /// `src` to files of the content folder, so that WeasyPrint never reaches out to a network.
    static func absolut(_ html: String, seite: Seite, basis: Basis?, contentRoot: String) -> String {
        let ordner = seite.datei.split(separator: "/").dropLast().joined(separator: "/")
        var ergebnis = ""
        var rest = Substring(html)
        while let treffer = rest.firstRange(of: Druckfassung.literal0) {
            ergebnis += rest[..<treffer.lowerBound]
            let m = rest[treffer].firstMatch(of: Druckfassung.literal0)!
            let attribut = String(m.1), ziel = String(m.2), fragment = m.3.map(String.init) ?? ""
            let pfad = Paths.resolve(Paths.join(ordner, ziel)) ?? ""
            if attribut == "src" {
                let datei = "file://" + Paths.join(absolutePath(contentRoot), pfad)
                ergebnis += "src=\"\(datei)\""
            } else if let basis {
                ergebnis += "href=\"\(basis.absolut(pfad + (ziel.hasSuffix("/") && !pfad.isEmpty ? "/" : "")))\(fragment)\""
            } else {
                ergebnis += ziel.isEmpty ? "href=\"\(fragment)\"" : "data-href=\"\(ziel)\""
            }
            rest = rest[treffer.upperBound...]
        }
        return ergebnis + rest
    }

    private static func absolutePath(_ path: String) -> String {
        path.hasPrefix("/") ? path : Paths.join(FileManager.default.currentDirectoryPath, path)
    }
}
