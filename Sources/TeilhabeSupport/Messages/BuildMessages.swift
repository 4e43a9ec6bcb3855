/// Building: the output folder and writing into it. The system's error text (strerror) is quoted as it comes.
extension Message {
    public static func outputUnchangedAfter(_ detail: String, output: String) -> Message {
        Message(de: "\(detail); \(output)/ ist unverändert", en: "\(detail); \(output)/ is unchanged")
    }
    public static func outputKeptOld(_ output: String) -> Message {
        Message(de: "; \(output)/ ist unverändert (die bisherige Fassung)", en: "; \(output)/ is unchanged (the previous version)")
    }
    public static let outputInsideContent = Message(
        de: "der Ausgabeordner muss außerhalb des Inhaltsordners liegen und darf ihn nicht enthalten",
        en: "the output folder must lie outside the content folder and not contain it")
    public static func outputForeignFolder(marker: String) -> Message {
        Message(de: "der Ausgabeordner ist nicht leer und wurde nicht von teilhabe angelegt (es fehlt \(marker)); "
                    + "wählen Sie mit --output einen anderen Ordner oder leeren Sie ihn",
                en: "the output folder is not empty and was not made by teilhabe (\(marker) is missing); "
                    + "choose another folder with --output or empty it")
    }
    public static let outputIsAFile = Message(de: "--output nennt eine Datei, keinen Ordner; wählen Sie einen Ordner",
                                              en: "--output names a file, not a folder; choose a folder")
    public static let outputPathEscapes = Message(de: "Ausgabepfad führt aus dem Ausgabeordner hinaus",
                                                  en: "output path leads out of the output folder")
    public static func cannotWrite(_ reason: String) -> Message {
        Message(de: "kann nicht geschrieben werden (\(reason))", en: "cannot be written (\(reason))")
    }
    public static let attachmentSourceOutside = Message(
        de: "Anlage liegt (über eine Verknüpfung) außerhalb des Inhaltsordners und wird nicht kopiert",
        en: "attachment lies (through a link) outside the content folder and is not copied")
    public static func commitFailed(_ reason: String, restored: Bool) -> Message {
        Message(de: "die neue Fassung konnte nicht übernommen werden (\(reason))", en: "the new version could not be put in place (\(reason))")
            + (restored ? .empty : Message(de: "; die Ausgabe ist unvollständig – bitte den Build wiederholen",
                                           en: "; the output is incomplete – please run the build again"))
    }
}
