/// The messages of the Leichte-Sprache rules of issue 23 (LS37 … LS40) and of the readability overview.
extension Message {
    /// The message of LS37 … LS40, nil for the other rule ids (LeichteSpracheMessages.swift has them).
    public static func leichteSpracheStyleRule(_ id: String) -> Message? { styleRules[id] }

    private static let styleRules: [String: Message] = [
        "LS37": Message(de: "indirekte Rede (Konjunktiv I): sagen Sie, wer es sagt, und sagen Sie es direkt",
                        en: "indirect speech (Konjunktiv I): say who says it, and say it directly"),
        "LS38": Message(de: "Nominalstil: viele Wörter auf -ung, -heit, -keit, -ion; sagen Sie es mit Verben",
                        en: "nominal style: many nouns in -ung, -heit, -keit, -ion; say it with verbs"),
        "LS39": Message(de: "eine Sache mit zwei Namen: bleiben Sie im ganzen Text bei einem Wort",
                        en: "one thing, two names: keep to one word throughout the text"),
        "LS40": Message(de: "Fußnote: schreiben Sie die Information in den Text",
                        en: "footnote: put the information into the text"),
    ]

    /// LS39's message with the name used first.
    public static func namedBefore(_ first: String) -> Message {
        Message(de: "eine Sache mit zwei Namen: vorher heißt es „\(first)“; bleiben Sie bei einem Wort",
                en: "one thing, two names: it was called “\(first)” before; keep to one word")
    }

    public static var readabilityCaption: Message { Message(de: "Lesbarkeit je Seite", en: "Readability per page") }
    public static var readabilityPage: Message { Message(de: "Seite", en: "Page") }
    public static var readabilitySentenceLength: Message {
        Message(de: "Wörter je Satz", en: "Words per sentence")
    }
    public static var readabilityWordLength: Message {
        Message(de: "Buchstaben je Wort", en: "Letters per word")
    }
    public static var readabilityLongWords: Message {
        Message(de: "Lange Wörter", en: "Long words")
    }
    public static var readabilityLix: Message { Message(de: "LIX", en: "LIX") }
    public static var readabilityExplanation: Message {
        Message(de: "Wörter je Satz und Buchstaben je Wort sind Mittelwerte; lange Wörter haben mehr als 6 Buchstaben. "
                    + "LIX (Lesbarkeitsindex nach Björnsson) = Wörter je Satz + Anteil langer Wörter in Prozent. "
                    + "Unter 40 gilt ein Text als leicht, über 50 als schwer.",
                en: "Words per sentence and letters per word are means; long words have more than 6 letters. "
                    + "LIX (Björnsson's readability index) = words per sentence + percentage of long words. "
                    + "Below 40 a text counts as easy, above 50 as hard.")
    }
}
