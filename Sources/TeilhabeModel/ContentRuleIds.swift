/// The ids of the content rules beside LS01–LS36, as `leichte_sprache.regeln` in site.yaml names them
/// (the loader checks the keys, the check applies the rules).
package enum ContentRuleIds {
    package static let allItems = ["A11Y-ALT", "LINK-TEXT", "UEBERSCHRIFT-EBENE", "TABELLE-KOPF", "LS-ABSCHNITTE", "LS-PARITAET"]
    /// A placeholder `[Bitte ergänzen …]` outside a draft. Not in `alle`: it cannot be switched off,
    /// since it keeps half-written papers from being published.
    package static let placeholder = "PLATZHALTER"
    /// A link or agenda item that points to a draft from where the draft will not be (`ENTWURF-VERWEIS`).
    package static let draftReference = "ENTWURF-VERWEIS"
}
