/// Absolute addresses for exports that leave the site (feed, sitemap, calendars, OParl).
/// They need `basis_url`; without it those exports are skipped with one warning.
struct SiteBase {
    /// `https://www.example.org/inklusion/`, always ending in a slash.
    let url: String

    init?(_ site: Site) {
        guard let url = site.basisURL else { return nil }
        self.url = url
    }

    init(url: String) { self.url = url }

    func absolut(_ ordner: String) -> String { url + ordner }

    /// `www.example.org`, for iCalendar UIDs.
    var host: String {
        let ohneSchema = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
        return ohneSchema.map(String.init) ?? "teilhabe.invalid"
    }
}
