import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The inclusion plan: the current edition by field, the Umsetzungsstand, the Fortschreibung
/// against the edition before, and all of it in Leichte Sprache.
enum PlanPages {
    static func allItems(_ u: RenderContext) -> [PageJob] {
        guard let plan = u.project.currentPlan else { return [] }
        var auditedPages: [PageJob] = []
        for leicht in [false, true] {
            auditedPages.append { overview(plan, u, leicht: leicht) }
            auditedPages += plan.handlungsfelder.map { f in { field(f, plan, u, leicht: leicht) } }
            auditedPages.append { fortschreibung(u.project.fortschreibung(), plan, u, leicht: leicht) }
        }
        return auditedPages
    }

    private static func frame(_ path: String, template: String, titel: String, leicht: Bool, crumbs: [(String, String?)]) -> Page {
        var webPage = Page(filePath: Addresses.filePath(Addresses.webPage(path, leicht: leicht)), template: template, titel: titel,
                          leicht: leicht, section: leicht ? "leichte-sprache" : "inklusionsplan")
        let front: [(String, String?)] = leicht ? [("Leichte Sprache", "leichte-sprache/")] : []
        let plan = leicht ? "Inklusions·plan" : "Inklusionsplan"
        // The overview ends the trail; every other plan page hangs below it.
        webPage.breadcrumbs = front + (crumbs.isEmpty ? [(plan, nil)] : [(plan, Addresses.webPage("inklusionsplan", leicht: leicht))] + crumbs)
        webPage.counterpart = leicht ? Page.standardCounterpart(path) : Page.easyCounterpart(path)
        return webPage
    }

    static func overview(_ plan: Inklusionsplan, _ u: RenderContext, leicht: Bool) -> Page {
        var webPage = frame("inklusionsplan", template: leicht ? "plan-leicht" : "plan", titel: leicht ? "Der Inklusions·plan" : plan.titel,
                           leicht: leicht, crumbs: [])
        let linker = webPage.linker
        webPage.context = [
            "titel": plan.titel, "stand": Formatting.date(plan.stand), "stand_iso": plan.stand.description,
            "beschreibung": plan.beschreibung ?? false, "anzahl": plan.massnahmen.count,
            "anzahl_satz": plan.massnahmen.isEmpty ? "Im Plan stehen noch keine Aufgaben."
                : "Im Plan \(GermanText.verb(plan.massnahmen.count, singular: "steht", plural: "stehen")) "
                    + "\(GermanText.count(plan.massnahmen.count, GermanText.task)).",
            "felder": plan.handlungsfelder.map { f -> TemplateContext in
                ["titel": leicht ? f.titelLeicht : f.titel, "href": linker.to(Addresses.webPage("inklusionsplan/\(f.id)", leicht: leicht)),
                 "ziel": (leicht ? f.zielLeicht : f.target) ?? false, "anzahl": f.massnahmen.count,
                 "anzahl_text": GermanText.count(f.massnahmen.count, leicht ? GermanText.task : GermanText.massnahme),
                 "artikel": f.unBRK.isEmpty ? false : "UN-BRK Artikel " + f.unBRK.map(String.init).joined(separator: ", ")]
            },
            "tabelle": ImplementationState.table(plan), "diagramm": ImplementationState.chart(plan),
            "legende": ImplementationState.legend(), "satz": ImplementationState.sentence(plan),
            "stand_leicht": Massnahme.Status.allCases.compactMap { s -> String? in
                let n = plan.massnahmen.filter { $0.massnahme.status == s }.count
                return n == 0 ? nil : "\(GermanText.count(n, GermanText.task)): \(s.leicht)"
            },
            "fortschreibung_href": u.project.fortschreibung() == nil ? false
                : linker.to(Addresses.webPage("inklusionsplan/fortschreibung", leicht: leicht)),
        ]
        return webPage
    }

    static func field(_ f: Handlungsfeld, _ plan: Inklusionsplan, _ u: RenderContext, leicht: Bool) -> Page {
        var webPage = frame("inklusionsplan/\(f.id)", template: leicht ? "handlungsfeld-leicht" : "handlungsfeld",
                           titel: leicht ? f.titelLeicht : f.titel, leicht: leicht, crumbs: [(leicht ? f.titelLeicht : f.titel, nil)])
        let linker = webPage.linker
        webPage.context = [
            "titel": leicht ? f.titelLeicht : f.titel, "ziel": (leicht ? f.zielLeicht ?? f.target : f.target) ?? false,
            "plan": plan.titel, "stand": Formatting.date(plan.stand),
            "artikel": f.unBRK.map { ["nummer": $0, "titel": UNBRK.article[$0] ?? ""] as TemplateContext }, "hat_artikel": !f.unBRK.isEmpty,
            "massnahmen": f.massnahmen.map { massnahme($0, linker, u, leicht: leicht) },
        ]
        return webPage
    }

    static func massnahme(_ m: Massnahme, _ linker: Linker, _ u: RenderContext, leicht: Bool) -> TemplateContext {
        let indikatoren = m.indikatoren.compactMap { id in u.project.indikator(id).map {
            ["titel": leicht ? $0.titelLeicht : $0.titel, "href": linker.to(Addresses.webPage($0.pfad, leicht: leicht))] as TemplateContext
        } }
        // Only papers this build may show; a non-public one is left out of the public plan.
        let vorlagen = m.vorlagen.compactMap { number in u.vorlage(number: number).map {
            ["titel": "\($0.nummer): \($0.betreff)", "href": linker.to(Addresses.webPage($0.pfad))] as TemplateContext
        } }
        return ["id": m.id, "titel": m.titel, "leicht": m.leicht ?? m.titel, "zustaendig": m.zustaendig ?? false,
                "zeitraum": m.zeitraum ?? false, "status": m.status.text, "symbol": m.status.symbol, "status_leicht": m.status.leicht,
                "status_klasse": m.status.rawValue, "indikatoren": indikatoren, "vorlagen": vorlagen,
                "hat_bezuege": !(indikatoren.isEmpty && vorlagen.isEmpty)]
    }

    static func fortschreibung(_ f: Fortschreibung?, _ plan: Inklusionsplan, _ u: RenderContext, leicht: Bool) -> Page {
        let titel = leicht ? "Das ist neu im Inklusions·plan" : "Fortschreibung des Inklusionsplans"
        var webPage = frame("inklusionsplan/fortschreibung", template: leicht ? "fortschreibung-leicht" : "fortschreibung",
                           titel: titel, leicht: leicht, crumbs: [(leicht ? "Das ist neu" : "Fortschreibung", nil)])
        guard let f else {
            webPage.context = ["titel": titel, "vergleich": false]
            return webPage
        }
        let linker = webPage.linker
        func entry(_ field: Handlungsfeld, _ m: Massnahme) -> TemplateContext {
            massnahme(m, linker, u, leicht: leicht).merging(["feld": leicht ? field.titelLeicht : field.titel])
        }
        func change(_ a: Fortschreibung.Change) -> TemplateContext {
            entry(a.field, a.massnahme).merging(["vorher": a.before, "nachher": a.after,
                                                  "vorher_leicht": f.oldStatus(a.massnahme.id)?.leicht ?? ""])
        }
        let summary: [(String, Int)] = [
            (f.added.count == 1 ? "neue Maßnahme" : "neue Maßnahmen", f.added.count),
            (f.dropped.count == 1 ? "entfallene Maßnahme" : "entfallene Maßnahmen", f.dropped.count),
            (f.status.count == 1 ? "Statusänderung" : "Statusänderungen", f.status.count),
            (f.zustaendigkeit.count == 1 ? "geänderte Zuständigkeit" : "geänderte Zuständigkeiten", f.zustaendigkeit.count),
            (f.zeitraum.count == 1 ? "geänderter Zeitraum" : "geänderte Zeiträume", f.zeitraum.count),
            (f.fieldChange.count == 1 ? "Maßnahme in ein anderes Handlungsfeld verschoben" : "Maßnahmen in ein anderes Handlungsfeld verschoben",
             f.fieldChange.count),
        ]
        webPage.context = [
            "titel": titel, "vergleich": true, "alt": f.older.titel, "alt_stand": Formatting.date(f.older.stand),
            "neu_stand": Formatting.date(f.newer.stand), "alt_edition": f.older.edition, "neu_edition": f.newer.edition,
            "zusammenfassung": summary.map { ["text": $0.0, "anzahl": $0.1] as TemplateContext },
            "hinzu": f.added.map { entry($0.field, $0.massnahme) }, "hat_hinzu": !f.added.isEmpty,
            "entfallen": f.dropped.map { entry($0.field, $0.massnahme) }, "hat_entfallen": !f.dropped.isEmpty,
            "status": f.status.map(change), "hat_status": !f.status.isEmpty,
            "zustaendigkeit": f.zustaendigkeit.map(change), "hat_zustaendigkeit": !f.zustaendigkeit.isEmpty,
            "zeitraum": f.zeitraum.map(change), "hat_zeitraum": !f.zeitraum.isEmpty,
            "feldwechsel": f.fieldChange.map(change), "hat_feldwechsel": !f.fieldChange.isEmpty,
            "anzahl_neu": f.added.count, "anzahl_weg": f.dropped.count, "anzahl_status": f.status.count,
            "aenderungen_leicht": easyChanges(f),
        ]
        if leicht {
            let byKind = FortschreibungLeicht.sorted(f)
            for (key, kind) in [("weiter", FortschreibungLeicht.Kind.progress), ("zurueck", .setback), ("spaeter", .postponed)] {
                let list = byKind[kind] ?? []
                webPage.context[key] = list.map(change)
                webPage.context["hat_" + key] = !list.isEmpty
            }
        }
        return webPage
    }

    /// The easy summary of an update: number, noun and verb agree, and zero says "keine".
    static func easyChanges(_ f: Fortschreibung) -> [String] {
        FortschreibungLeicht.summary(f)
    }
}
