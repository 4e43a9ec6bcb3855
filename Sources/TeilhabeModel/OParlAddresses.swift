/// Object ids of the static OParl export. Every id `…/oparl/v1.1/<pfad>` is stored as
/// `oparl/v1.1/<pfad>.json` (the system, `…/oparl/v1.1/`, as `oparl/v1.1/index.json`): one file
/// per object and no folder of its own, because creating thousands of folders is most of what a
/// fresh build's export costs on disk. No name is both a file and a folder (`x.json` beside `x/`).
struct OParlAddresses {
    static let wurzel = "oparl/v1.1/"
    let basis: SiteBase
    let body: String

    init(_ basis: SiteBase, traeger: String) {
        self.basis = basis
        body = Slug.make(traeger)
    }

    func id(_ pfad: String) -> String { basis.absolut(OParlAddresses.wurzel + pfad) }
    var system: String { basis.absolut(OParlAddresses.wurzel) }
    var bodyID: String { id("body/\(body)") }
    func liste(_ name: String) -> String { id("body/\(body)/\(name)") }
    func organisation(_ id: String) -> String { self.id(OParlAddresses.organisation(id)) }
    func amt(_ name: String) -> String { id(OParlAddresses.amt(name)) }
    func sitzung(_ id: String) -> String { self.id("meeting/\(id)") }
    func top(_ sitzung: String, _ top: String) -> String { id(OParlAddresses.top(sitzung, top)) }
    func vorlage(_ slug: String) -> String { id("paper/\(slug)") }
    func beratung(_ slug: String, _ n: Int) -> String { id("consultation/\(slug)-\(n)") }
    func datei(_ name: String) -> String { id(OParlAddresses.datei(name)) }
    func ort(_ sitzung: String) -> String { id("location/\(sitzung)") }
    func wahlperiode(_ n: Int) -> String { id("legislativeTerm/\(n)") }

    // The paths below the root of the ids that are made from names a person writes: two different
    // names may give one path (`6a` and `6A`), which Check/OParlIdCheck reports before an export.
    static func organisation(_ id: String) -> String { "organization/\(id)" }
    static func amt(_ name: String) -> String { organisation("amt-" + Slug.make(name)) }
    static func top(_ sitzung: String, _ top: String) -> String { "agendaItem/\(sitzung)-\(Slug.make(top))" }
    static func datei(_ name: String) -> String { "file/\(name)" }
    static func seitenDatei(_ slug: String) -> String { datei("\(slug)-html") }
    static func leichteDatei(_ slug: String) -> String { datei("\(slug)-leichte-sprache") }
    static func anlagenDatei(_ pfad: String) -> String { datei(Slug.make(pfad)) }

    /// The output file for an id.
    func datei(fuer id: String) -> String {
        String(id.dropFirst(basis.url.count)) + (id.hasSuffix("/") ? "index.json" : ".json")
    }
}

enum OParlTyp {
    static func url(_ name: String) -> String { "https://schema.oparl.org/1.1/\(name)" }
}
