import TeilhabeSupport
/// Everything loaded from one content folder.
public struct Projekt: Sendable {
    public var site: Site
    public var gremien: [Gremium]
    public var sitzungen: [Sitzung]
    public var vorlagen: [Vorlage]
    public var texts: [Textseite]
    public var indikatoren: [Indikator] = []
    public var inklusionsplaene: [Inklusionsplan] = []
    /// Offers (angebote/), the actor network (akteure.yaml) and surveys (befragungen/).
    public var angebote: [Angebot] = []
    public var akteure: [Akteur] = []
    public var befragungen: [Befragung] = []
    /// Every easy-language YAML value, for the Leichte-Sprache check.
    public var easyFields: [EasyField] = []
    /// Files below content/anlagen/, relative to the content folder, with their sizes in bytes.
    public var anlagen: [String: Int]
    /// The content folder as given on the command line; used only to name files in messages.
    public var contentRoot: String
    /// Content files (relative to the content folder) whose loading reported an error. Checks leave
    /// references into them alone: the mistake is reported once, at its place, not again by every
    /// page that links to the file (the build fails either way).
    public var filesWithErrors: Set<String> = []
    /// Ids of records that exist but failed to load: references to them are not reported again.
    public var broken = BrokenRecords()
    /// content/glossar.yaml: hard words explained in Leichte Sprache.
    public var glossar: [GlossarEntry] = []
    /// Areas of social planning (sozialraeume.yaml), with their boundaries where the GeoJSON has them.
    public var sozialraeume: [Sozialraum] = []

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(site: Site, gremien: [Gremium], sitzungen: [Sitzung], vorlagen: [Vorlage], texts: [Textseite], indikatoren: [Indikator] = [], inklusionsplaene: [Inklusionsplan] = [], easyFields: [EasyField] = [], anlagen: [String: Int], contentRoot: String, filesWithErrors: Set<String> = []) {
        self.site = site
        self.gremien = gremien
        self.sitzungen = sitzungen
        self.vorlagen = vorlagen
        self.texts = texts
        self.indikatoren = indikatoren
        self.inklusionsplaene = inklusionsplaene
        self.easyFields = easyFields
        self.anlagen = anlagen
        self.contentRoot = contentRoot
        self.filesWithErrors = filesWithErrors
    }

    public var berichte: [Textseite] { texts.filter { $0.art == .bericht } }
    public var auditedPages: [Textseite] { texts.filter { $0.art == .webPage } }

    public func indikator(_ id: String) -> Indikator? { indikatoren.first { $0.id == id } }
}
