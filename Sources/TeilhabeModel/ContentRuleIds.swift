/// The ids of the content rules beside LS01–LS36, as `leichte_sprache.regeln` in site.yaml names them
/// (the loader checks the keys, the check applies the rules).
package enum ContentRuleIds {
    package static let alle = ["A11Y-ALT", "LINK-TEXT", "UEBERSCHRIFT-EBENE", "TABELLE-KOPF", "LS-ABSCHNITTE", "LS-PARITAET"]
}
