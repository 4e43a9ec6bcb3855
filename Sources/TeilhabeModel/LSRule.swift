import TeilhabeSupport
/// The Leichte-Sprache rules of the contract (LS01 … LS36) and of issue 23 (LS37 … LS40): id, default severity and message.
public enum LSRule: String, CaseIterable, Sendable {
    case ls01 = "LS01", ls02 = "LS02", ls03 = "LS03", ls04 = "LS04", ls05 = "LS05", ls06 = "LS06", ls07 = "LS07"
    case ls08 = "LS08", ls09 = "LS09", ls10 = "LS10", ls11 = "LS11", ls12 = "LS12", ls13 = "LS13", ls14 = "LS14"
    case ls15 = "LS15", ls16 = "LS16", ls17 = "LS17", ls18 = "LS18", ls19 = "LS19", ls20 = "LS20", ls21 = "LS21"
    case ls22 = "LS22", ls23 = "LS23", ls24 = "LS24", ls25 = "LS25", ls26 = "LS26", ls29 = "LS29", ls30 = "LS30"
    case ls36 = "LS36"
    /// Konjunktiv I (indirect speech), Nominalstil, one thing named two ways, footnotes.
    case ls37 = "LS37", ls38 = "LS38", ls39 = "LS39", ls40 = "LS40"

    /// Heuristic rules warn by default; the mechanical ones are errors.
    public var standard: Severity {
        switch self {
        case .ls03, .ls04, .ls06, .ls22, .ls23, .ls24, .ls29, .ls36, .ls37, .ls38, .ls39: return .warning
        default: return .error
        }
    }

    /// The rule's message in both languages (Messages/LeichteSpracheMessages.swift).
    public var message: Message { Message.leichteSpracheStyleRule(rawValue) ?? .leichteSpracheRule(rawValue) }
}

/// One finding of a rule within a line: characters `bereich` of the line.
package struct LSMatch {
    package var ruleId: LSRule
    package var textRange: Range<Int>
    package var suggested: String?
    package var message: Message?

    /// Memberwise, for the other modules of the package (the implicit one is internal).
    package init(ruleId: LSRule, textRange: Range<Int>, suggested: String? = nil, message: Message? = nil) {
        self.ruleId = ruleId
        self.textRange = textRange
        self.suggested = suggested
        self.message = message
    }
}

/// Word lists the rules use. Short, curated lists; the lexicon does the open-ended work (LS20, LS23).
package enum LSWordLists {
    package static let konjunktiv: Set<String> = [
        "würde", "würden", "würdest", "würdet", "hätte", "hätten", "hättest", "hättet", "könnte", "könnten", "könntest",
        "müsste", "müssten", "sollte", "sollten", "dürfte", "dürften", "wäre", "wären", "wärst", "käme", "kämen",
        "bräuchte", "bräuchten", "wüsste", "wüssten", "gäbe", "ließe",
    ]
    /// Konjunktiv I forms that are never an indicative (LS37): sei, könne, müsse …
    package static let konjunktivEins: Set<String> = [
        "sei", "seien", "seiest", "seiet", "könne", "müsse", "solle", "dürfe", "wolle", "möge", "wisse",
    ]
    /// Konjunktiv I forms equal to the first person (ich habe): LS37 only in reported speech.
    package static let konjunktivEinsEnding: Set<String> = [
        "habe", "werde", "gebe", "komme", "gehe", "stehe", "brauche", "bekomme", "gelte", "liege", "wohne", "zahle", "helfe",
        "fehle", "bleibe", "arbeite", "biete", "kenne", "plane", "prüfe",
    ]
    package static let negation: Set<String> = [
        "nicht", "nichts", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "niemand",
        "niemanden", "niemandem", "nirgends", "nirgendwo", "weder",
    ]
    package static let numberWords: Set<String> = [
        "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "zwanzig",
        "dreißig", "vierzig", "fünfzig", "hundert", "tausend",
    ]
    package static let foreignWords: Set<String> = [
        "workshop", "workshops", "livestream", "livestreams", "feedback", "meeting", "meetings", "event", "events",
        "download", "downloads", "homepage", "newsletter", "know-how", "update", "updates", "tool", "tools", "coaching",
        "community", "empowerment", "peer", "peers", "stakeholder", "deadline", "flyer", "chat", "online", "service",
        "website", "websites", "monitoring", "controlling", "benchmark", "input", "output", "highlight", "highlights",
        "handout", "call", "team-building", "bottom-up", "top-down", "best-practice", "mainstreaming", "sharing", "follow-up",
    ]
    package static let preterite: Set<String> = [
        // sein and haben are fine in the Präteritum (war, hatte): the rules allow them.
        "wurde", "wurden", "ging", "gingen", "kam", "kamen", "gab", "gaben", "sah", "sahen", "sagte", "sagten",
        "machte", "machten", "konnte", "konnten", "musste", "mussten", "wollte", "wollten", "durfte", "durften", "fand",
        "fanden", "stand", "standen", "lag", "lagen", "hieß", "hießen", "bekam", "bekamen", "nahm", "nahmen", "blieb",
        "blieben", "zeigte", "zeigten", "lebte", "lebten", "arbeitete", "arbeiteten", "half", "halfen", "schrieb",
        "schrieben", "sprach", "sprachen", "traf", "trafen", "fuhr", "fuhren", "brachte", "brachten", "dachte",
        "dachten", "wusste", "wussten", "begann", "begannen", "entschied", "entschieden", "beschloss", "beschlossen",
        "fragte", "fragten", "antwortete", "antworteten", "erhielt", "erhielten", "lud", "luden", "stieg", "stiegen",
        "sank", "sanken", "fiel", "fielen", "wuchs", "wuchsen", "kostete", "kosteten", "gehörte", "gehörten", "hielt",
        "hielten", "ließ", "ließen", "rief", "riefen", "lief", "liefen", "trug", "trugen", "schlug", "schlugen", "zog",
        "zogen", "bot", "boten", "wies", "wiesen", "las", "lasen", "trat", "traten", "saß", "saßen", "bat", "baten",
        "wandte", "nannte", "nannten", "kannte", "kannten", "wusch", "starb", "starben", "warf", "warfen", "galt",
        "galten", "schloss", "schlossen", "verlor", "verloren", "gewann", "gewannen", "tat", "taten", "zwang",
    ]
    package static let idioms: [String] = [
        #"unter einen Hut"#, #"auf Augenhöhe"#, #"(?:an einem|am gleichen|am selben|an demselben|an einen) Strang"#, #"ins Boot"#, #"über den Tellerrand"#,
        #"Hand in Hand"#, #"auf den Weg (ge)?bracht"#, #"auf den Weg bringen"#, #"in die Wege (ge)?leitet"#,
        #"unter die Arme"#, #"auf der Hand"#, #"Brücken (zu )?bauen"#, #"Brücken baut"#, #"ins Leben (ge)?rufen"#,
        #"am Ball bleiben"#, #"auf dem Laufenden"#, #"Licht ins Dunkel"#, #"Weichen (zu )?stellen"#, #"Weichen gestellt"#,
        #"zwei Fliegen mit einer Klappe"#, #"Nägel mit Köpfen"#, #"roter Faden"#, #"roten Faden"#, #"Tür und Tor"#,
        #"unter die Lupe"#, #"unter Dach und Fach"#, #"auf die Beine (ge)?stellt"#, #"auf die Beine stellen"#,
        #"in den Kinderschuhen"#, #"an Fahrt gewinnt"#, #"an Fahrt aufnehmen"#, #"Schritt für Schritt"#,
        #"auf einen Nenner"#, #"ins Rollen"#, #"den Ton an"#, #"über einen Kamm"#, #"aus der Taufe"#,
        // Figures of speech of public life beyond the first list (issue 23: idioms not in the list).
        #"Tropfen auf den heißen Stein"#, #"an einen Tisch"#, #"am runden Tisch"#,
        #"Brücken (?:zu )?schlagen"#, #"Brücken (?:schlägt|geschlagen)"#, #"im (?:selben|gleichen) Boot"#,
        #"auf der Strecke (?:bleiben|bleibt|blieb|geblieben)"#, #"auf die lange Bank"#, #"unter den Teppich"#, #"ins Wasser (?:ge)?fallen"#, #"auf Eis (?:ge)?legt"#,
        #"auf Eis legen"#, #"in trockenen Tüchern"#, #"Hand und Fuß"#, #"auf dem Schirm"#, #"unter einem Dach"#,
        #"in den Startlöchern"#, #"grünes Licht (?:geben|gibt|gegeben)"#, #"auf den Punkt"#, #"über die Bühne"#, #"aus dem Boden (?:ge)?stampft"#,
        #"Luft nach oben"#, #"ins Auge (?:ge)?fasst"#, #"im Auge behalten"#, #"auf Herz und Nieren"#, #"Fuß (?:zu )?fassen"#,
        #"auf eigenen Beinen"#, #"auf die Sprünge"#, #"in die Hand nehmen"#, #"auf einen grünen Zweig"#, #"mit offenen Armen"#,
        #"offene Türen ein"#, #"auf der Kippe"#, #"über den Berg"#, #"am Ende des Tages"#, #"unter dem Strich"#, #"unterm Strich"#,
        #"aufs Spiel"#, #"auf dem Spiel"#, #"in Angriff"#, #"ins Gewicht"#, #"im Regen stehen"#, #"Wind aus den Segeln"#,
        #"das A und O"#, #"Sand im Getriebe"#, #"an Grenzen stoßen"#, #"an seine Grenzen"#, #"den Nagel auf den Kopf"#,
        #"aus einer Hand"#, #"mit einer Stimme"#, #"ein offenes Ohr"#, #"unter den Nägeln"#, #"aus allen Wolken"#,
        #"auf fruchtbaren Boden"#, #"Früchte (?:tragen|trägt)"#, #"Schule machen"#, #"Spuren hinterlassen"#, #"auf Kurs"#,
        #"in den Griff"#, #"auf dem Prüfstand"#, #"den Rücken (?:zu )?stärken"#, #"Rückenwind"#, #"auf Hochtouren"#,
        #"Schritt nach vorne?"#, #"Schritt in die richtige Richtung"#, #"unter Beweis"#, #"über Bord"#, #"ins Hintertreffen"#,
        #"zur Sprache (?:bringen|kommen|gebracht|gekommen)"#, #"Rechnung (?:tragen|trägt|getragen)"#,
        #"den Anschluss (?:verlieren|verpassen|verloren|verpasst)"#, #"Fass ohne Boden"#, #"das Rad neu"#,
        #"mit gutem Beispiel"#, #"unter die Räder"#, #"in den Sand (?:gesetzt|setzen)"#, #"auf taube Ohren"#, #"ins Leere"#,
        #"den Kopf in den Sand"#,
    ]

    /// Infinitives that look like participles (ge…en) and are no sign of the passive.
    package static let geInfinitive: Set<String> = [
        "gehen", "geben", "gelten", "gewinnen", "genießen", "geschehen", "gelingen", "gehören", "gewöhnen", "gestalten",
        "gebrauchen", "genügen", "gefallen", "gedenken", "geraten", "gestehen", "gewähren", "gebären",
    ]
}
