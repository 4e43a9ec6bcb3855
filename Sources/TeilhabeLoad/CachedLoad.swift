import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// One content file as its loader left it: the typed value and what the loader reported.
struct LoadedFile<P: Codable>: Codable {
    var wert: P?
    var befunde: [Diagnostic]
    var leichteFelder: [LeichtesFeld]
    var broken: BrokenRecords?
}

extension ContentFolder {
    /// Part of every key: raised when loaders judge a file differently (what is an error, what a value
    /// means), so that a file is not taken from the cache as an older loader left it – `status: ~` read
    /// as public without an error, say.
    static let loaderVersion = "laden 3"

    /// Loads a file through the cache: a file whose bytes (and place) are unchanged since an
    /// earlier build is not parsed again – not even read, when its status is unchanged –; its value
    /// and its findings come from the cache.
    func geladen<P: Codable>(_ relative: String, art: String, vorrat: BuildCache,
                             _ laden: (ContentFolder) -> P?) -> P? {
        let pfad = display(relative)
        // A file whose status the cache does not know is read for its fingerprint: those bytes are parsed.
        guard vorrat.ordner != nil, let (abdruck, gelesen) = try? io.abdruckMitDaten(pfad) else { return laden(self) }
        func schluessel(_ abdruck: Fingerprint) -> Fingerprint {
            var s = FingerprintHasher()
            s.text(ContentFolder.loaderVersion); s.text(art); s.text(pfad); s.abdruck(abdruck)
            return s.ergebnis
        }
        let eintrag: LoadedFile<P>
        if let alt: LoadedFile<P> = vorrat.lesen("laden", schluessel(abdruck)) {
            eintrag = alt
        } else {
            // Parsed from the very bytes its key is made of, in its own log and collection, so that
            // exactly this file's findings are kept. A loader that looked at any other file is not a
            // function of this one: its result is not kept.
            guard let daten = gelesen ?? (try? io.read(pfad)) else { return laden(self) }
            let fremd = CancellationFlag()
            let eigen = ContentFolder(root: root, io: .einzeln(pfad, daten, sonst: io, fremd: fremd.setzen), log: DiagnosticLog())
            eintrag = LoadedFile(wert: laden(eigen), befunde: eigen.log.all, leichteFelder: eigen.leichteFelder.alle,
                                 broken: eigen.broken.all)
            if !fremd.gesetzt { vorrat.ablegen("laden", schluessel(.von(daten)), eintrag) }
        }
        for befund in eintrag.befunde { log.report(befund) }
        leichteFelder.add(contentsOf: eintrag.leichteFelder)
        broken.merge(eintrag.broken ?? BrokenRecords())
        return eintrag.wert
    }
}
