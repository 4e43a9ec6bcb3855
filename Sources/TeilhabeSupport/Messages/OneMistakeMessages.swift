/// Messages of issue 21 item 3 (one mistake, one error): hints for the YAML mistakes editors make.
extension Message {
    /// `titel: Antrag: Mehr Bänke` – the second colon starts a key in YAML.
    public static func yamlColonHint(key: String, value: String) -> Message {
        Message(de: "ein Doppelpunkt mit Leerzeichen danach beginnt in YAML einen neuen Schlüssel: setzen Sie den "
                    + "ganzen Text in Anführungszeichen, also \(key): \"\(value)\"",
                en: "a colon followed by a space starts a new key in YAML: put the whole text in quotes, "
                    + "as in \(key): \"\(value)\"")
    }

    /// A line indented with a tab.
    public static var yamlTabHint: Message {
        Message(de: "die Zeile ist mit einem Tabulator eingerückt: YAML erlaubt zum Einrücken nur Leerzeichen; "
                    + "ersetzen Sie den Tabulator durch Leerzeichen",
                en: "the line is indented with a tab: YAML allows only spaces for indentation; replace the tab with spaces")
    }

    /// A text continued on the next line without indentation.
    public static func yamlMultilineHint(key: String) -> Message {
        Message(de: "Text über mehrere Zeilen: schreiben Sie '\(key): |' und darunter jede Zeile des Textes, "
                    + "mit zwei Leerzeichen eingerückt",
                en: "text over several lines: write '\(key): |' and below it each line of the text, indented by two spaces")
    }

    /// A line that is neither `key: value` nor a list item, after no `key: value` line.
    public static var yamlLineWithoutKeyHint: Message {
        Message(de: "jede Zeile braucht die Form 'schluessel: wert'; Text über mehrere Zeilen steht unter "
                    + "'schluessel: |', eingerückt",
                en: "each line needs the form 'key: value'; text over several lines goes below 'key: |', indented")
    }

    /// `titel: #3 Antrag` – everything after ` #` is a comment, so the value is empty.
    public static func yamlCommentHint(key: String, rest: String) -> Message {
        Message(de: "der Text nach '#' gilt in YAML als Kommentar, darum ist der Wert leer: setzen Sie ihn in "
                    + "Anführungszeichen, also \(key): \"\(rest)\"",
                en: "the text after '#' is a comment in YAML, so the value is empty: put it in quotes, "
                    + "as in \(key): \"\(rest)\"")
    }

    /// A key indented deeper than the key above it, which holds a value already.
    public static func yamlIndentHint(key: String) -> Message {
        Message(de: "der Schlüssel '\(key)' ist weiter eingerückt als die Zeile darüber: rücken Sie ihn so weit ein "
                    + "wie die anderen Schlüssel derselben Ebene",
                en: "the key '\(key)' is indented deeper than the line above: indent it as far as the other keys of its level")
    }

    /// `betreff: Antrag #3` – the text from '#' on is a comment and not part of the value.
    public static func yamlHashInTextHint(key: String, whole: String) -> Message {
        Message(de: "der Text ab '#' gilt in YAML als Kommentar und fehlt im Wert: ist er Teil des Textes, setzen Sie "
                    + "den ganzen Wert in Anführungszeichen, also \(key): \"\(whole)\"",
                en: "the text from '#' on is a comment in YAML and not part of the value: if it belongs to the text, "
                    + "put the whole value in quotes, as in \(key): \"\(whole)\"")
    }
}
