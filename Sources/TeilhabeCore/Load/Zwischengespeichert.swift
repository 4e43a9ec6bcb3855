import Foundation

/// One content file as its loader left it: the typed value and what the loader reported.
struct GeladeneDatei<P: Codable>: Codable {
    var wert: P?
    var befunde: [Diagnostic]
    var leichteFelder: [LeichtesFeld]
}

extension ContentFolder {
    /// Loads a file through the cache: a file whose bytes (and place) are unchanged since an
    /// earlier build is not parsed again; its value and its findings come from the cache.
    func geladen<P: Codable>(_ relative: String, art: String, vorrat: Vorrat,
                             _ laden: (ContentFolder) -> P?) -> P? {
        guard vorrat.ordner != nil, let data = try? io.read(display(relative)) else { return laden(self) }
        var s = Streuwert()
        s.text(art); s.text(display(relative)); s.bytes(data)
        let eintrag = vorrat.wert("laden", s.ergebnis) { () -> GeladeneDatei<P> in
            // Its own log and collection, so that exactly this file's findings are kept.
            let eigen = ContentFolder(root: root, io: io, log: DiagnosticLog())
            let wert = laden(eigen)
            return GeladeneDatei(wert: wert, befunde: eigen.log.all, leichteFelder: eigen.leichteFelder.alle)
        }
        for befund in eintrag.befunde { log.report(befund) }
        for feld in eintrag.leichteFelder { leichteFelder.add(feld) }
        return eintrag.wert
    }
}
