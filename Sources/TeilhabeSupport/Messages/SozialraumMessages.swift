/// Areas of social planning (sozialraeume.yaml, sozialraeume.geojson) and references to them.
extension Message {
    public static let sozialraumId = Message(de: "Sozialraum-id", en: "Sozialraum id")

    public static func sozialraumUnknown(_ id: String, suggestion: String?) -> Message {
        Message(de: "den Sozialraum '\(id)' gibt es nicht in sozialraeume.yaml",
                en: "Sozialraum '\(id)' not found in sozialraeume.yaml") + didYouMean(suggestion)
    }

    public static func sozialraeumeFileMissing(_ id: String) -> Message {
        Message(de: "der Sozialraum '\(id)' wird genannt, aber es gibt keine Datei sozialraeume.yaml",
                en: "Sozialraum '\(id)' is named, but there is no file sozialraeume.yaml")
    }
}
