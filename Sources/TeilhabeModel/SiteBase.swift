import Foundation
import TeilhabeSupport
/// Absolute addresses for exports that leave the site (feed, sitemap, calendars, OParl).
/// They need `basis_url`; without it those exports are skipped with one warning.
package struct SiteBase {
    /// `https://www.example.org/inklusion/`, always ending in a slash.
    package let url: String

    package init?(_ site: Site) {
        guard let url = site.basisURL else { return nil }
        self.url = url
    }

    package init(url: String) { self.url = url }

    package func absolute(_ folderPath: String) -> String { url + folderPath }

    /// `www.example.org`, for iCalendar UIDs.
    package var host: String {
        let withoutScheme = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first
        return withoutScheme.map(String.init) ?? "teilhabe.invalid"
    }
}
