import TeilhabeSupport
/// Object ids of the static OParl export. Every id `…/oparl/v1.1/<pfad>` is stored as
/// `oparl/v1.1/<pfad>.json` (the system, `…/oparl/v1.1/`, as `oparl/v1.1/index.json`): one file
/// per object and no folder of its own, because creating thousands of folders is most of what a
/// fresh build's export costs on disk. No name is both a file and a folder (`x.json` beside `x/`).
package struct OParlAddresses {
    package static let rootPath = "oparl/v1.1/"
    package let base: SiteBase
    package let body: String

    package init(_ base: SiteBase, traeger: String) {
        self.base = base
        body = Slug.make(traeger)
    }

    package func id(_ path: String) -> String { base.absolute(OParlAddresses.rootPath + path) }
    package var system: String { base.absolute(OParlAddresses.rootPath) }
    package var bodyID: String { id("body/\(body)") }
    package func list(_ name: String) -> String { id("body/\(body)/\(name)") }
    package func organization(_ id: String) -> String { self.id(OParlAddresses.organization(id)) }
    package func amt(_ name: String) -> String { id(OParlAddresses.amt(name)) }
    package func sitzung(_ id: String) -> String { self.id("meeting/\(id)") }
    package func top(_ sitzung: String, _ top: String) -> String { id(OParlAddresses.top(sitzung, top)) }
    package func vorlage(_ slug: String) -> String { id("paper/\(slug)") }
    package func beratung(_ slug: String, _ n: Int) -> String { id("consultation/\(slug)-\(n)") }
    package func filePath(_ name: String) -> String { id(OParlAddresses.filePath(name)) }
    package func ort(_ sitzung: String) -> String { id("location/\(sitzung)") }
    package func wahlperiode(_ n: Int) -> String { id("legislativeTerm/\(n)") }

    // The paths below the root of the ids that are made from names a person writes: two different
    // names may give one path (`6a` and `6A`), which Check/OParlIdCheck reports before an export.
    package static func organization(_ id: String) -> String { "organization/\(id)" }
    package static func amt(_ name: String) -> String { organization("amt-" + Slug.make(name)) }
    package static func top(_ sitzung: String, _ top: String) -> String { "agendaItem/\(sitzung)-\(Slug.make(top))" }
    package static func filePath(_ name: String) -> String { "file/\(name)" }
    package static func pageFile(_ slug: String) -> String { filePath("\(slug)-html") }
    package static func easyFile(_ slug: String) -> String { filePath("\(slug)-leichte-sprache") }
    package static func anlageFile(_ path: String) -> String { filePath(Slug.make(path)) }

    /// The output file for an id.
    package func filePath(for id: String) -> String {
        String(id.dropFirst(base.url.count)) + (id.hasSuffix("/") ? "index.json" : ".json")
    }
}

package enum OParlType {
    package static func url(_ name: String) -> String { "https://schema.oparl.org/1.1/\(name)" }
}
