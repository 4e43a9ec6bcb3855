import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// Committee pages, their easy twins, and the list of committees.
enum GremienPages {
    static func allItems(_ u: RenderContext) -> [PageJob] {
        [{ list(u) }]
    }

    /// A committee's pages show its meetings (split at the reference day) and their papers.
    static func tracked(_ u: RenderContext) -> [TrackedPage] {
        u.project.gremien.flatMap { g -> [TrackedPage] in
            var sources: [Fingerprint?] = [Fingerprint.of(Array(u.stichtag.description.utf8))]
            for s in u.project.sitzungen where s.gremium == g.id { sources += u.sources(s) }
            return [TrackedPage(filePath: Addresses.filePath(Addresses.gremium(g.id)), sources: sources) { webPage(g, u) },
                    TrackedPage(filePath: Addresses.filePath(Addresses.gremium(g.id, leicht: true)), sources: sources) { leicht(g, u) }]
        }
    }

    static func list(_ u: RenderContext) -> Page {
        var webPage = Page(filePath: "gremien/index.html", template: "gremien", titel: "Gremien", section: "gremien")
        webPage.breadcrumbs = [("Gremien", nil)]
        let linker = webPage.linker
        webPage.context = ["titel": "Gremien", "gremien": u.project.gremien.sorted { $0.name < $1.name }.map {
            ["name": $0.name, "art": $0.art.rawValue, "href": linker.to(Addresses.gremium($0.id))] as TemplateContext
        }]
        return webPage
    }

    /// Upcoming and past meetings of a committee as list contexts.
    static func appointments(_ g: Gremium, _ linker: Linker, leicht: Bool, _ u: RenderContext) -> TemplateContext {
        let (upcoming, past) = u.upcomingAndPast(u.project.sitzungen.filter { $0.gremium == g.id })
        func lines(_ s: [Sitzung]) -> [TemplateContext] {
            s.map { SitzungenPages.sourceLine($0, linker, u).merging(["href": linker.to(Addresses.sitzung($0.id, leicht: leicht))]) }
        }
        return ["kommende_liste": upcoming.isEmpty ? false : ["zeilen": lines(upcoming)] as TemplateContext,
                "vergangene_liste": past.isEmpty ? false : ["zeilen": lines(past)] as TemplateContext]
    }

    static func webPage(_ g: Gremium, _ u: RenderContext) -> Page {
        var webPage = Page(filePath: Addresses.filePath(Addresses.gremium(g.id)), template: "gremium", titel: g.name,
                          section: "gremien")
        webPage.breadcrumbs = [("Gremien", "gremien/"), (g.displayName, nil)]
        webPage.counterpart = (Addresses.gremium(g.id, leicht: true), "Leichte Sprache")
        webPage.beschreibung = g.beschreibung
        let linker = webPage.linker
        let vorlagen = VorlagenPages.entries(ofGremium: g.id, u)
        var k: TemplateContext = ["name": g.name, "art": g.art.rawValue, "kurzname": g.kurzname ?? false,
                          "beschreibung": g.beschreibung ?? false,
                          "ics_href": u.openData ? linker.to(Addresses.gremium(g.id) + "sitzungen.ics") : false]
        k = k.merging(appointments(g, linker, leicht: false, u))
        webPage.context = k.merging(vorlagen.sorted(by: Entry.newest).context(linker))
        return webPage
    }

    /// What each kind of committee does, in easy words; one sentence per entry.
    static let erklaerung: [Gremium.Art: [String]] = [
        .Ausschuss: ["Das ist ein Ausschuss.", "In einem Ausschuss sind Politiker und Politikerinnen.",
                     "Sie sprechen über ein Thema.", "Dann sagen sie dem Rat ihre Meinung.",
                     "Manchmal entscheiden sie auch selbst."],
        .Beirat: ["Das ist ein Beirat.", "Ein Beirat gibt der Politik Tipps.",
                  "Im Beirat sind Fach·leute und Menschen aus der Region.", "Der Beirat sagt seine Meinung zu wichtigen Themen."],
        .Rat: ["Das ist der Rat.", "Im Rat sind die gewählten Politiker und Politikerinnen.",
               "Der Rat entscheidet über die wichtigen Dinge."],
        .Arbeitsgruppe: ["Das ist eine Arbeits·gruppe.", "In einer Arbeits·gruppe arbeiten Menschen zusammen an einem Thema."],
    ]

    static func leicht(_ g: Gremium, _ u: RenderContext) -> Page {
        var webPage = Page(filePath: Addresses.filePath(Addresses.gremium(g.id, leicht: true)), template: "gremium-leicht",
                          titel: g.easyName, leicht: true, section: "leichte-sprache")
        webPage.breadcrumbs = [("Leichte Sprache", "leichte-sprache/"), (g.easyName, nil)]
        webPage.counterpart = Page.standardCounterpart("gremien/\(g.id)")
        let k: TemplateContext = ["name": g.easyName, "saetze": erklaerung[g.art] ?? [],
                          "beschreibung_leicht": g.beschreibungLeicht.map(GremienPages.lines) ?? false]
        webPage.context = k.merging(appointments(g, webPage.linker, leicht: true, u))
        return webPage
    }

    /// An easy text keeps its lines (one sentence per line, as Leichte Sprache is written): each line
    /// ends in a break but the last.
    static func lines(_ text: String) -> TemplateContext {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return ["zeilen": lines.enumerated().map { i, z -> TemplateContext in ["text": z, "umbruch": i < lines.count - 1] }]
    }
}
