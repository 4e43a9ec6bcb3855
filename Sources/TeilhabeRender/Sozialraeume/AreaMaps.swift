import TeilhabeSupport
import TeilhabeModel

/// The maps pages show: an indicator's values by area, and the overview of all areas.
enum AreaMaps {
    /// The map for an indicator page, nil where the indicator is at no area level or no area has a boundary.
    static func indicator(_ i: Indikator, _ u: RenderContext, linker: Linker, leicht: Bool) -> String? {
        let areas = u.project.sozialraeume
        guard areas.contains(where: { $0.shape != nil }), let values = AreaValues(i, u.table(i), areas: areas, traeger: u.project.site.traeger),
              let column = values.column else { return nil }
        let entries = mapAreas(areas, level: values.level, linker: linker, leicht: leicht).map { entry -> ChoroplethMap.Area in
            var e = entry
            e.value = values.value(entry.key)
            return e
        }
        let titel = "\(leicht ? i.titelLeicht : i.titel), \(values.table.columns[column])"
        var map = ChoroplethMap(id: "karte-\(i.id)", titel: titel, areas: entries, format: values.format)
        map.number = { NumberFormat.german($0, places: i.decimals) }
        map.unit = i.einheit
        return map.html(leicht: leicht) + schematicNote(areas, leicht: leicht)
    }

    /// One map entry per area (or per Kommune, with the shapes of its areas), linked to its profile:
    /// a Kommune of one area links to that area's page, one of several to the overview.
    static func mapAreas(_ areas: [Sozialraum], level: AreaLevel, linker: Linker, leicht: Bool) -> [ChoroplethMap.Area] {
        switch level {
        case .sozialraum:
            return areas.filter { $0.shape != nil }.map { a in
                ChoroplethMap.Area(key: a.id, name: leicht ? a.nameLeicht : a.name,
                                   href: linker.to(Addresses.webPage(a.pfad, leicht: leicht)), shapes: [a.shape!], value: nil)
            }
        case .kommune:
            var seen = Set<String>()
            return areas.map(\.kommune).filter { seen.insert($0).inserted }.compactMap { kommune in
                let members = areas.filter { $0.kommune == kommune }
                let shapes = members.compactMap(\.shape)
                guard !shapes.isEmpty else { return nil }
                let target = members.count == 1 ? members[0].pfad : "sozialraeume"
                return ChoroplethMap.Area(key: kommune, name: kommune, href: linker.to(Addresses.webPage(target, leicht: leicht)),
                                          shapes: shapes, value: nil)
            }
        }
    }

    /// The overview map: every area a link to its profile, one colour, no values.
    static func overview(_ areas: [Sozialraum], linker: Linker, leicht: Bool) -> String? {
        let entries = mapAreas(areas, level: .sozialraum, linker: linker, leicht: leicht)
        guard !entries.isEmpty else { return nil }
        var map = ChoroplethMap(id: "karte-sozialraeume", titel: leicht ? "Die Orte" : "Sozialräume", areas: entries, format: { _ in "" })
        map.showsValues = false
        return map.html(leicht: leicht) + schematicNote(areas, leicht: leicht)
    }

    /// Boundaries marked as example data (`"beispieldaten": true` in the GeoJSON) are said to be schematic.
    static func schematicNote(_ areas: [Sozialraum], leicht: Bool) -> String {
        guard areas.contains(where: { $0.shape?.schematic == true }) else { return "" }
        return leicht
            ? "<p class=\"beispieldaten\"><strong>Achtung:</strong> Die Karte ist nur ein Beispiel.<br>\nDie Grenzen sind nur ungefähr.</p>\n"
            : "<p class=\"beispieldaten\"><strong>Schematische Karte:</strong> Die Grenzen der Gebiete sind vereinfacht und nur zur Veranschaulichung gezeichnet; sie sind keine amtlichen Grenzen.</p>\n"
    }
}
