/// The stylesheet as the 404 page carries it inline (it is served at any address).
enum InlineStyles {
    /// Leaves out `@supports` blocks: they hold enhancements for tables (the scroll hint) that the
    /// 404 page, with no tables, does not need, and whose newer properties the HTML checker (vnu)
    /// reports as errors when they stand in a page.
    static func withoutFeatureQueries(_ css: String) -> String {
        var result = "", rest = css[...]
        while let start = rest.range(of: "@supports") {
            result += rest[..<start.lowerBound]
            guard let open = rest[start.upperBound...].firstIndex(of: "{") else { return result }
            var depth = 0, index = open
            // The block ends where its braces balance (it may hold rules and @keyframes).
            while index < rest.endIndex {
                if rest[index] == "{" { depth += 1 }
                if rest[index] == "}" { depth -= 1; if depth == 0 { break } }
                index = rest.index(after: index)
            }
            guard index < rest.endIndex else { return result }
            rest = rest[rest.index(after: index)...]
            if rest.first == "\n" { rest = rest.dropFirst() }
        }
        return result + rest
    }
}
