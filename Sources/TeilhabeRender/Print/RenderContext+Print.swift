import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
extension RenderContext {
    /// What a paper's page shows of its PDF: the link with the file's size, or no link. Part of the
    /// page's key, so that a page made while its PDF failed (or before it changed) is not kept by a
    /// later build that has the PDF.
    func printFingerprint(_ v: Vorlage) -> Fingerprint {
        guard let pdf = print[Addresses.webPage(v.pfad)] else { return Fingerprint.of("ohne Druckfassung") }
        return Fingerprint.of("Druckfassung \(pdf.name) \(pdf.byteSize)")
    }
}
