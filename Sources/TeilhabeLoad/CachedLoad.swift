import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// One content file as its loader left it: the typed value and what the loader reported.
struct LoadedFile<P: Codable>: Codable {
    var value: P?
    var findings: [Diagnostic]
    var easyFields: [EasyField]
    var broken: BrokenRecords?
}

extension ContentFolder {
    /// Part of every key: raised when loaders judge a file differently (what is an error, what a value
    /// means), so that a file is not taken from the cache as an older loader left it – `status: ~` read
    /// as public without an error, say.
    static let loaderVersion = "laden 5"

    /// Loads a file through the cache: a file whose bytes (and place) are unchanged since an
    /// earlier build is not parsed again – not even read, when its status is unchanged –; its value
    /// and its findings come from the cache.
    func loaded<P: Codable>(_ relative: String, art: String, buildCache: BuildCache,
                             _ loadFile: (ContentFolder) -> P?) -> P? {
        let path = display(relative)
        // A file whose status the cache does not know is read for its fingerprint: those bytes are parsed.
        guard buildCache.folderPath != nil, let (inputFingerprint, alreadyRead) = try? io.fingerprintWithData(path) else { return loadFile(self) }
        func cacheKey(_ inputFingerprint: Fingerprint) -> Fingerprint {
            var s = FingerprintHasher()
            s.text(ContentFolder.loaderVersion); s.text(art); s.text(path); s.inputFingerprint(inputFingerprint)
            return s.resultValue
        }
        let entry: LoadedFile<P>
        if let old: LoadedFile<P> = buildCache.cached("laden", cacheKey(inputFingerprint)) {
            entry = old
        } else {
            // Parsed from the very bytes its key is made of, in its own log and collection, so that
            // exactly this file's findings are kept. A loader that looked at any other file is not a
            // function of this one: its result is not kept.
            guard let payload = alreadyRead ?? (try? io.read(path)) else { return loadFile(self) }
            let foreign = CancellationFlag()
            let own = ContentFolder(root: root, io: .single(path, payload, otherwise: io, foreign: foreign.assign), log: DiagnosticLog())
            entry = LoadedFile(value: loadFile(own), findings: own.log.all, easyFields: own.easyFields.allItems,
                                 broken: own.broken.all)
            if !foreign.isSet { buildCache.storeEntry("laden", cacheKey(.of(payload)), entry) }
        }
        for finding in entry.findings { log.report(finding) }
        easyFields.add(contentsOf: entry.easyFields)
        broken.merge(entry.broken ?? BrokenRecords())
        return entry.value
    }
}
