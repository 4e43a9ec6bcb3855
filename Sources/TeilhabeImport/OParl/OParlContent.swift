import Foundation
import TeilhabeSupport
import TeilhabeModel

/// What an import writes, in the contract's terms (gremien.yaml, sitzungen.yaml, vorlagen/<slug>.md).
package struct ImportedContent: Sendable {
    package struct Quelle: Sendable { var oparl: String; var geaendert: String? }
    package struct Gremium: Sendable { var id, name: String; var kurzname: String?; var art: TeilhabeModel.Gremium.Art; var quelle: Quelle }
    package struct Top: Sendable { var top: String; var titel: String?; var vorlage: String?; var oeffentlich: Bool }
    package struct Sitzung: Sendable {
        var id, gremium: String; var beginn: WallClockTime; var ende: WallClockTime?; var ort: String?; var tops: [Top]; var quelle: Quelle
    }
    package struct Beratung: Sendable { var sitzung: String; var rolle: TeilhabeModel.Beratung.Rolle; var ergebnis: String?; var beginn: WallClockTime }
    package struct FileRecord: Sendable {
        var oparl: String; var titel: String; var url: String; var mimeType: String?; var geaendert: String?; var pfad: String
        var isMain: Bool
        var kind: String { mimeType?.lowercased() ?? "" }
        var isPDF: Bool { kind.contains("pdf") || pfad.hasSuffix(".pdf") }
        var isDOCX: Bool { kind.contains("wordprocessingml") || pfad.hasSuffix(".docx") }
        var isWebPage: Bool { kind.contains("html") || pfad.hasSuffix(".html") || pfad.hasSuffix(".htm") }
    }
    package struct Vorlage: Sendable {
        var slug: String; var art: TeilhabeModel.Vorlage.Art; var nummer, betreff: String; var datum: CalendarDay
        var oeffentlich: Bool; var federfuehrend: String; var antragstellend: String?
        var beratungsfolge: [Beratung]; var dateien: [FileRecord]; var web: String?; var quelle: Quelle
    }

    package var gremien: [Gremium] = []
    package var sitzungen: [Sitzung] = []
    package var vorlagen: [Vorlage] = []
}

/// OParl objects → the contract's entries. Ids and slugs are kept from earlier runs (`known`: OParl id →
/// id/slug); new ones come from the reference, the date and the committee, made unique in id order.
package struct OParlMapper {
    let pool: OParlPool
    let bodyName: String
    var known: [String: String]
    private var taken: [String: Set<String>] = [:]
    package private(set) var usedKeys = Set<String>()
    package private(set) var warnings: [Message] = []

    package init(pool: OParlPool, bodyName: String, known: [String: String]) {
        self.pool = pool; self.bodyName = bodyName; self.known = known
    }

    package mutating func map() -> ImportedContent {
        var c = ImportedContent()
        let meetings = pool.of("Meeting").filter { $0["cancelled"]?.bool != true }
        let gremienIDs = Set(meetings.flatMap { $0.items("organization").compactMap(\.reference) })
        let orgs = pool.of("Organization").filter { o in
            gremienIDs.contains(o.id ?? "") || o.text("organizationType")?.lowercased() == "gremium"
        }
        for o in orgs { c.gremien.append(gremium(o)) }
        let gremiumOf = Dictionary(c.gremien.map { ($0.quelle.oparl, $0.id) }, uniquingKeysWith: { a, _ in a })
        let papers = pool.of("Paper")
        var vorlagen: [ImportedContent.Vorlage] = []
        for p in papers { vorlagen.append(paper(p)) }
        let nummerOf = Dictionary(vorlagen.map { ($0.quelle.oparl, $0.nummer) }, uniquingKeysWith: { a, _ in a })
        let links = self.links(papers: papers, meetings: meetings)
        var sitzungen: [ImportedContent.Sitzung] = []
        for m in meetings {
            guard let s = sitzung(m, gremiumOf: gremiumOf, nummerOf: nummerOf, links: links) else { continue }
            sitzungen.append(s)
        }
        let sitzungByOParl = Dictionary(sitzungen.map { ($0.quelle.oparl, $0) }, uniquingKeysWith: { a, _ in a })
        for k in vorlagen.indices {
            let mine = links.filter { $0.paper == vorlagen[k].quelle.oparl }
            vorlagen[k].beratungsfolge = beratungen(mine, nummer: vorlagen[k].nummer, sitzungByOParl)
            // A paper discussed only in closed session is not public (OParl papers carry no flag of their own).
            if !mine.isEmpty, mine.allSatisfy({ !$0.oeffentlich }) { vorlagen[k].oeffentlich = false }
        }
        c.sitzungen = sitzungen.sorted { ($0.beginn, $0.id) < ($1.beginn, $1.id) }
        c.vorlagen = vorlagen
        return c
    }

    /// A paper's consultation in a meeting, from either side (the paper's consultations, the agenda's items).
    struct Link { var paper, meeting: String; var agendaItem: String?; var rolle: TeilhabeModel.Beratung.Rolle; var ergebnis: String?; var oeffentlich: Bool }

    private func links(papers: [OParlValue], meetings: [OParlValue]) -> [Link] {
        var result: [String: Link] = [:]
        var agendaMeeting: [String: String] = [:], agendaByConsultation: [String: OParlValue] = [:]
        for m in meetings {
            for item in m.items("agendaItem").compactMap(pool.resolve) {
                if let id = item.id, let mid = m.id { agendaMeeting[id] = mid }
                if let c = item.text("consultation") { agendaByConsultation[c] = item }
            }
        }
        func add(_ c: OParlValue, paper: String) {
            let item = c.text("agendaItem").flatMap { pool.objects[$0] } ?? c.id.flatMap { agendaByConsultation[$0] }
            guard let meeting = item?.id.flatMap({ agendaMeeting[$0] }) ?? c.text("meeting") else { return }
            let key = paper + " " + meeting
            guard result[key] == nil || (result[key]?.agendaItem == nil && item != nil) else { return }
            result[key] = Link(paper: paper, meeting: meeting, agendaItem: item?.id, rolle: rolle(c),
                               ergebnis: item?.text("result"), oeffentlich: item?["public"]?.bool ?? true)
        }
        for p in papers {
            guard let pid = p.id else { continue }
            for c in p.items("consultation").compactMap(pool.resolve) { add(c, paper: pid) }
        }
        // Consultations known only from the Body's list (or an agenda item) name their paper themselves.
        for c in pool.of("Consultation") {
            if let pid = c.text("paper"), pool.objects[pid] != nil { add(c, paper: pid) }
        }
        return result.keys.sorted().map { result[$0]! }
    }

    private func rolle(_ c: OParlValue) -> TeilhabeModel.Beratung.Rolle {
        let r = (c.text("role") ?? "").lowercased()
        if r.contains("kenntnis") { return .Kenntnisnahme }
        if r.contains("vorberat") { return .Vorberatung }
        if r.contains("entscheid") || r.contains("beschluss") { return .Entscheidung }
        return c["authoritative"]?.bool == true ? .Entscheidung : .Vorberatung
    }

    private func beratungen(_ links: [Link], nummer: String, _ sitzungen: [String: ImportedContent.Sitzung]) -> [ImportedContent.Beratung] {
        var seen = Set<String>()
        return links.compactMap { l -> ImportedContent.Beratung? in
            // A meeting with an agenda that does not list the paper would contradict the paper's page.
            guard let s = sitzungen[l.meeting], s.tops.isEmpty || s.tops.contains(where: { $0.vorlage == nummer }),
                  seen.insert(s.id).inserted else { return nil }
            return .init(sitzung: s.id, rolle: l.rolle, ergebnis: l.ergebnis, beginn: s.beginn)
        }.sorted { ($0.beginn, $0.sitzung) < ($1.beginn, $1.sitzung) }
    }

    // MARK: objects

    private mutating func gremium(_ o: OParlValue) -> ImportedContent.Gremium {
        let name = o.text("name") ?? o.text("shortName") ?? bodyName
        let id = assign(o.id!, kind: "gremium", base: Slug.make(o.text("shortName").flatMap(isWord) ?? shortened(name)))
        return .init(id: id, name: name, kurzname: o.text("shortName"), art: art(o, name), quelle: quelle(o))
    }

    /// A short name that reads as a word ("Sozialausschuss"), not an acronym ("INKL"), makes a good id.
    private func isWord(_ s: String) -> String? { s.count >= 4 && s.contains(where: \.isLowercase) ? s : nil }

    /// The committee's kind from its classification, else from its name; a committee by default.
    private func art(_ o: OParlValue, _ name: String) -> TeilhabeModel.Gremium.Art {
        func kind(_ text: String?) -> TeilhabeModel.Gremium.Art? {
            let t = (text ?? "").lowercased()
            if t.contains("beirat") { return .Beirat }
            if t.contains("arbeitsgruppe") || t.contains("arbeitskreis") { return .Arbeitsgruppe }
            if t.contains("ausschuss") || t.contains("kommission") { return .Ausschuss }
            if t.contains("rat") || t.contains("kreistag") || t.contains("regionstag") || t.contains("vertretung") { return .Rat }
            return nil
        }
        return kind(o.text("classification")) ?? kind(name) ?? .Ausschuss
    }

    private mutating func sitzung(_ m: OParlValue, gremiumOf: [String: String], nummerOf: [String: String],
                                  links: [Link]) -> ImportedContent.Sitzung? {
        guard let mid = m.id, let org = m.items("organization").compactMap(\.reference).first(where: { gremiumOf[$0] != nil }),
              let gremium = gremiumOf[org], let beginn = m.text("start").flatMap(OParlTime.local) else {
            warnings.append(.oparlMeetingSkipped(m.id ?? "?"))
            return nil
        }
        var ende = m.text("end").flatMap(OParlTime.local)
        if let e = ende, e < beginn { ende = nil }
        let id = assign(mid, kind: "sitzung", base: "\(beginn.calendarDay)-\(gremium)")
        let linked = Dictionary(links.filter { $0.meeting == mid }.compactMap { l in l.agendaItem.map { ($0, l.paper) } },
                                uniquingKeysWith: { a, _ in a })
        let items = m.items("agendaItem").compactMap(pool.resolve)
            .sorted { ($0["order"]?.number ?? 1e9, $0.id ?? "") < ($1["order"]?.number ?? 1e9, $1.id ?? "") }
        var tops: [ImportedContent.Top] = []
        for (n, item) in items.enumerated() {
            let nummer = item.id.flatMap { linked[$0] }.flatMap { nummerOf[$0] }
            let titel = item.text("name")
            guard nummer != nil || titel != nil else { continue }
            tops.append(.init(top: item.text("number") ?? item["order"]?.text ?? String(n + 1), titel: nummer == nil ? titel : nil,
                              vorlage: nummer, oeffentlich: item["public"]?.bool ?? true))
        }
        return .init(id: id, gremium: gremium, beginn: beginn, ende: ende, ort: ort(m), tops: tops, quelle: quelle(m))
    }

    private func ort(_ m: OParlValue) -> String? {
        guard let item = m["location"], let l = pool.resolve(item) else { return nil }
        if let d = l.text("description") { return d }
        let parts: [String?] = [l.text("room"), l.text("streetAddress"), [l.text("postalCode"), l.text("locality")].compactMap { $0 }.joined(separator: " ")]
        let text = parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return text.isEmpty ? nil : text
    }

    private mutating func paper(_ p: OParlValue) -> ImportedContent.Vorlage {
        let pid = p.id!
        let reference = p.text("reference")
        let base = reference.map(Slug.make) ?? "vorlage-" + Slug.make(String(pid.split(separator: "/").last ?? "x"))
        let slug = assign(pid, kind: "vorlage", base: base)
        // Two papers with one reference: the later (by id) keeps its slug as number, so that numbers stay unique.
        let nummer = reference.map { slug == Slug.make($0) ? $0 : "\($0) (\(slug))" } ?? slug
        let datum = p.text("date").flatMap { CalendarDay(String($0.prefix(10))) } ?? p.text("created").flatMap { CalendarDay(String($0.prefix(10))) }
            ?? CalendarDay("1970-01-01")!
        let lead = p.items("underDirectionOf").compactMap(pool.resolve).first?.text("name")
        let originator = p.items("originatorOrganization").compactMap(pool.resolve).first?.text("name")
            ?? p.items("originatorPerson").compactMap(pool.resolve).first?.text("name")
        var files: [ImportedContent.FileRecord] = []
        var names = Set<String>()
        let main = p["mainFile"].flatMap(pool.resolve)
        for (k, f) in ([main].compactMap { $0 } + p.items("auxiliaryFile").compactMap(pool.resolve)).enumerated() {
            guard let d = file(f, slug: slug, n: k + 1, isMain: main != nil && k == 0, names: &names) else { continue }
            files.append(d)
        }
        return .init(slug: slug, art: art(p.text("paperType")), nummer: nummer, betreff: p.text("name") ?? nummer, datum: datum,
                     oeffentlich: true, federfuehrend: lead ?? bodyName, antragstellend: originator, beratungsfolge: [],
                     dateien: files, web: p.text("web"), quelle: quelle(p))
    }

    private func art(_ type: String?) -> TeilhabeModel.Vorlage.Art {
        let t = (type ?? "").lowercased()
        if t.contains("beschluss") { return .Beschlussvorlage }
        if t.contains("anfrage") { return .Anfrage }
        if t.contains("antrag") { return .Antrag }
        if t.contains("bericht") { return .Bericht }
        return .Mitteilungsvorlage
    }

    /// An attachment's place: `anlagen/<slug>/<name>`, the name reduced to slug characters (no `/`, no `..`).
    private func file(_ f: OParlValue, slug: String, n: Int, isMain: Bool, names: inout Set<String>) -> ImportedContent.FileRecord? {
        guard let id = f.id, let url = f.text("downloadUrl") ?? f.text("accessUrl") else { return nil }
        let raw = f.text("fileName") ?? URL(string: url)?.lastPathComponent ?? ""
        let last = String(raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
        var stem = last, ext = OParlTime.extensionFor(f.text("mimeType"))
        if let dot = last.lastIndex(of: "."), dot != last.startIndex {
            stem = String(last[..<dot]); ext = Slug.make(String(last[last.index(after: dot)...]))
        }
        var name = Slug.make(stem.isEmpty ? "datei-\(n)" : String(stem.prefix(80)))
        if name == "abschnitt" { name = "datei-\(n)" }
        var candidate = name + (ext.isEmpty ? "" : "." + ext), k = 2
        while !names.insert(candidate).inserted { candidate = "\(name)-\(k)" + (ext.isEmpty ? "" : "." + ext); k += 1 }
        return .init(oparl: id, titel: f.text("name") ?? f.text("fileName") ?? candidate, url: url, mimeType: f.text("mimeType"),
                     geaendert: f.text("modified"), pfad: "anlagen/\(slug)/\(candidate)", isMain: isMain)
    }

    private func quelle(_ o: OParlValue) -> ImportedContent.Quelle { .init(oparl: o.id!, geaendert: o.text("modified")) }

    /// A long committee name cut at a word after about 40 characters (the id is typed in sitzungen.yaml).
    private func shortened(_ name: String) -> String {
        var out = ""
        for word in name.split(separator: " ") {
            if !out.isEmpty, out.count + word.count > 40 { break }
            out += (out.isEmpty ? "" : " ") + word
        }
        return out
    }

    /// The id kept from an earlier run, or `base` made unique among this kind's ids.
    private mutating func assign(_ oparl: String, kind: String, base: String) -> String {
        usedKeys.insert(kind + " " + oparl)
        if let id = known[kind + " " + oparl], !taken[kind, default: []].contains(id) {
            taken[kind, default: []].insert(id); return id
        }
        var id = base, n = 2
        let used = Set(known.filter { $0.key.hasPrefix(kind + " ") && $0.key != kind + " " + oparl }.values)
        while taken[kind, default: []].contains(id) || used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        taken[kind, default: []].insert(id)
        known[kind + " " + oparl] = id
        return id
    }
}

/// Dates of OParl (`2021-09-22T17:00:00+02:00`) as local time in Berlin, and the other way round.
package enum OParlTime {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    static func instant(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }

    static func local(_ text: String) -> WallClockTime? {
        guard let d = instant(text) else {
            // No offset given: the wall-clock time as it stands.
            return WallClockTime(String(text.prefix(16)))
        }
        var cal = Calendar(identifier: .gregorian); cal.timeZone = berlin
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: d)
        func pad(_ n: Int?, _ width: Int = 2) -> String { let t = String(n ?? 0); return String(repeating: "0", count: max(0, width - t.count)) + t }
        return WallClockTime("\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute))")
    }

    /// `modified_since`: a full date-time without fractions, with Berlin's offset.
    package static func stamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = berlin
        f.formatOptions = [.withInternetDateTime, .withColonSeparatorInTimeZone]
        let s = f.string(from: date)
        return s.hasSuffix("Z") ? String(s.dropLast()) + "+00:00" : s
    }

    static func extensionFor(_ mime: String?) -> String {
        switch mime?.lowercased() ?? "" {
        case let m where m.contains("pdf"): return "pdf"
        case let m where m.contains("wordprocessingml"): return "docx"
        case let m where m.contains("msword"): return "doc"
        case let m where m.contains("spreadsheetml"): return "xlsx"
        case let m where m.contains("opendocument.text"): return "odt"
        case "image/png": return "png"
        case "image/jpeg": return "jpg"
        case let m where m.contains("html"): return "html"
        default: return ""
        }
    }
}
