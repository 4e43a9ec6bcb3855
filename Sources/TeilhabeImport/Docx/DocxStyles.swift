/// What the paragraph styles of a Word file mean: heading levels and list membership. Headings are
/// found by the style's name (`heading 2`, `Überschrift 2`, `Heading 2`) or its outline level, never
/// by its id: German Word writes localised ids such as `berschrift2` (PHPWord #2284, docling #3959).
package struct DocxStyles {
    struct Style {
        var name: String
        var basedOn: String?
        var outlineLevel: Int?
        var numbering: (numId: String, level: Int)?
    }

    private var styles: [String: Style] = [:]

    package init(_ root: XMLElement?) {
        for style in root?.all("style") ?? [] where style["type"] == "paragraph" {
            guard let id = style["styleId"] else { continue }
            let properties = style.child("pPr")
            styles[id] = Style(name: style.child("name")?["val"] ?? id, basedOn: style.child("basedOn")?["val"],
                               outlineLevel: properties?.child("outlineLvl")?["val"].flatMap(Int.init),
                               numbering: DocxStyles.numbering(properties))
        }
    }

    /// `w:numPr` of paragraph properties: the list and its level (numId 0 means "no list").
    static func numbering(_ properties: XMLElement?) -> (numId: String, level: Int)? {
        guard let numPr = properties?.child("numPr"), let numId = numPr.child("numId")?["val"], numId != "0" else { return nil }
        return (numId, numPr.child("ilvl")?["val"].flatMap(Int.init) ?? 0)
    }

    /// Heading level 1…9 of a style (following `basedOn`), nil for body text.
    func headingLevel(_ styleId: String?) -> Int? {
        var id = styleId, hops = 0
        while let current = id, let style = styles[current], hops < 16 {
            if let level = Self.headingLevel(name: style.name) { return level }
            if let outline = style.outlineLevel { return (0...8).contains(outline) ? outline + 1 : nil }
            id = style.basedOn
            hops += 1
        }
        return styleId.flatMap { Self.headingLevel(name: $0) }
    }

    func isTitle(_ styleId: String?) -> Bool {
        guard let styleId else { return false }
        let name = (styles[styleId]?.name ?? styleId).lowercased()
        return name == "title" || name == "titel"
    }

    func numbering(_ styleId: String?) -> (numId: String, level: Int)? {
        var id = styleId, hops = 0
        while let current = id, let style = styles[current], hops < 16 {
            if let numbering = style.numbering { return numbering }
            id = style.basedOn
            hops += 1
        }
        return nil
    }

    /// `heading 2`, `Heading2`, `Überschrift 2`, `berschrift2` (an id used as name) → 2.
    static func headingLevel(name: String) -> Int? {
        let lowered = name.lowercased().replacingOccurrences(of: " ", with: "")
        for prefix in ["heading", "überschrift", "berschrift", "ueberschrift"] where lowered.hasPrefix(prefix) {
            if let level = Int(lowered.dropFirst(prefix.count)), (1...9).contains(level) { return level }
        }
        return nil
    }
}

/// numbering.xml: whether a list level counts (1., a), i.) or shows bullets.
package struct DocxNumbering {
    private var formats: [String: [Int: String]] = [:]   // numId → level → numFmt

    package init(_ root: XMLElement?) {
        var abstract: [String: [Int: String]] = [:]
        for definition in root?.all("abstractNum") ?? [] {
            guard let id = definition["abstractNumId"] else { continue }
            var levels: [Int: String] = [:]
            for level in definition.all("lvl") {
                if let ilvl = level["ilvl"].flatMap(Int.init) { levels[ilvl] = level.child("numFmt")?["val"] ?? "bullet" }
            }
            abstract[id] = levels
        }
        for num in root?.all("num") ?? [] {
            guard let id = num["numId"], let abstractId = num.child("abstractNumId")?["val"] else { continue }
            formats[id] = abstract[abstractId] ?? [:]
        }
    }

    func isOrdered(numId: String, level: Int) -> Bool {
        let format = formats[numId]?[level] ?? "bullet"
        return !["bullet", "none", ""].contains(format)
    }
}
