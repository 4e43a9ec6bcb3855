/// Messages about the site.yaml values the generated sentences are built from: the body's
/// article and genitive, the contact and the accessibility statement's shortcomings.
extension Message {
    public static func providerArticleMissing(_ traeger: String) -> Message {
        Message(de: "traeger_artikel fehlt: Ohne Artikel nennen die erzeugten Sätze „\(traeger)“ nur als Namen "
                    + "(„Wir möchten …“ statt „Der Musterkreis möchte …“); geben Sie der, die, das oder ohne an",
                en: "traeger_artikel is missing: without an article the generated sentences use „\(traeger)“ only as a name "
                    + "(„Wir möchten …“ instead of „Der Musterkreis möchte …“); give der, die, das or ohne")
    }

    public static func providerGenitiveMissing(_ traeger: String, article: String) -> Message {
        Message(de: "traeger_genitiv fehlt: Mit traeger_artikel „\(article)“ ändert sich „\(traeger)“ im Genitiv; "
                    + "schreiben Sie den ganzen Ausdruck, z. B. traeger_genitiv: des Musterkreises",
                en: "traeger_genitiv is missing: with traeger_artikel „\(article)“ the name „\(traeger)“ changes in the genitive; "
                    + "write the whole phrase, e.g. traeger_genitiv: des Musterkreises")
    }

    public static func emptyValue(_ key: String) -> Message {
        Message(de: "„\(key)“ ist leer: Geben Sie einen Wert an oder lassen Sie den Schlüssel weg",
                en: "„\(key)“ is empty: give a value or leave the key out")
    }

    public static var contactMissing: Message {
        Message(de: "kontakt fehlt: Die Erklärung zur Barrierefreiheit muss einen Weg für Rückmeldungen nennen "
                    + "(BITV 2.0 § 7); geben Sie unter kontakt email, telefon oder anschrift an",
                en: "kontakt is missing: the accessibility statement must name a way to give feedback "
                    + "(BITV 2.0 § 7); give email, telefon or anschrift under kontakt")
    }

    public static var shortcomingEmpty: Message {
        Message(de: "Ein Eintrag in maengel ist leer: Beschreiben Sie jeden nicht barrierefreien Inhalt in einem Satz",
                en: "An entry of maengel is empty: describe each inaccessible content in one sentence")
    }

    public static var shortcomingWithoutText: Message {
        Message(de: "Jeder Eintrag in maengel muss ein Text sein (ein Satz je nicht barrierefreiem Inhalt)",
                en: "Each entry of maengel must be text (one sentence per inaccessible content)")
    }

    public static var shortcomingsWhenFullyConformant: Message {
        Message(de: "konformitaet „vollstaendig“ widerspricht maengel: Eine vollständig barrierefreie Seite hat keine "
                    + "bekannten Mängel; ändern Sie konformitaet in „teilweise“ oder entfernen Sie maengel",
                en: "konformitaet „vollstaendig“ contradicts maengel: a fully accessible site has no known "
                    + "shortcomings; change konformitaet to „teilweise“ or remove maengel")
    }

    public static func shortcomingsMissing(_ konformitaet: String) -> Message {
        Message(de: "konformitaet „\(konformitaet)“ ohne maengel: Die Erklärung zur Barrierefreiheit sagt dann, dass keine "
                    + "nicht barrierefreien Inhalte bekannt sind; nennen Sie die bekannten Mängel unter maengel",
                en: "konformitaet „\(konformitaet)“ without maengel: the accessibility statement then says that no "
                    + "inaccessible content is known; list the known shortcomings under maengel")
    }
}
