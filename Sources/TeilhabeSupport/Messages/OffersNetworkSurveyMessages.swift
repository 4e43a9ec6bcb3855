/// Offers (angebote/), the actor network (akteure.yaml) and surveys (befragungen/).
extension Message {
    // Opening hours

    public static let openingHoursEmptyRule = Message(
        de: "leere Regel in den Öffnungszeiten (zwei ';' hintereinander oder ';' am Ende)",
        en: "empty rule in the opening hours (two ';' in a row or ';' at the end)")
    public static let openingHoursNoTime = Message(
        de: "Uhrzeit fehlt: schreiben Sie sie nach den Tagen, z. B. 'Mo-Fr 09:00-12:00', oder 'off' für geschlossen",
        en: "time missing: write it after the days, e.g. 'Mo-Fr 09:00-12:00', or 'off' for closed")
    public static func openingHoursUnknown(_ word: String) -> Message {
        Message(de: "„\(word)“ kann in den Öffnungszeiten nicht gelesen werden; erlaubt sind Tage (Mo-Fr, Sa, PH), Uhrzeiten (09:00-12:00), 'off' und '24/7'",
                en: "“\(word)” cannot be read in the opening hours; allowed are days (Mo-Fr, Sa, PH), times (09:00-12:00), 'off' and '24/7'")
    }
    public static func openingHoursUnknownDay(_ word: String, suggestion: String?) -> Message {
        Message(de: "unbekannter Tag „\(word)“ in den Öffnungszeiten; Tage heißen Mo, Tu, We, Th, Fr, Sa, Su (wie in OpenStreetMap), Feiertage PH",
                en: "unknown day “\(word)” in the opening hours; days are Mo, Tu, We, Th, Fr, Sa, Su (as in OpenStreetMap), public holidays PH")
            + .didYouMean(suggestion)
    }
    public static func openingHoursBadTime(_ word: String) -> Message {
        Message(de: "Uhrzeit „\(word)“ kann nicht gelesen werden; schreiben Sie Beginn und Ende als 09:00-12:00",
                en: "time “\(word)” cannot be read; write start and end as 09:00-12:00")
    }
    public static func openingHoursInValue(_ detail: Message) -> Message {
        Message(de: "oeffnungszeiten: ", en: "oeffnungszeiten: ") + detail
    }

    // Offers

    public static func coordinateNotANumber(_ key: String, _ text: String) -> Message {
        Message(de: "'\(key)' muss eine Zahl mit Punkt sein (z. B. 50.7712), nicht „\(text)“",
                en: "'\(key)' must be a number with a point (e.g. 50.7712), not “\(text)”")
    }
    public static func coordinateOutOfRange(_ key: String, _ text: String) -> Message {
        Message(de: "'\(key)' = \(text) liegt außerhalb der Erde (Breite −90 bis 90, Länge −180 bis 180)",
                en: "'\(key)' = \(text) lies outside the earth (latitude −90 to 90, longitude −180 to 180)")
    }
    public static func unknownSozialraumId(_ id: String, suggestion: String?) -> Message {
        Message(de: "unbekannter Sozialraum „\(id)“: er steht nicht in sozialraeume.yaml",
                en: "unknown Sozialraum “\(id)”: it is not in sozialraeume.yaml") + .didYouMean(suggestion)
    }
    public static func duplicateId(_ id: String, firstAt: String) -> Message {
        Message(de: "die id „\(id)“ steht doppelt (zuerst \(firstAt)); jede id darf nur einmal vorkommen",
                en: "the id “\(id)” appears twice (first at \(firstAt)); every id may occur only once")
    }

    public static func reservedOfferId(_ id: String) -> Message {
        Message(de: "„\(id)“ ist als Name eines Angebots reserviert (dort liegen die Filterseiten); benennen Sie die Datei um",
                en: "“\(id)” is reserved as the name of an offer (the filter pages live there); rename the file")
    }

    // Network

    public static func unknownTie(_ id: String, suggestion: String?) -> Message {
        Message(de: "Verbindung zu unbekanntem Akteur „\(id)“: er steht nicht in akteure.yaml",
                en: "tie to unknown actor “\(id)”: it is not in akteure.yaml") + .didYouMean(suggestion)
    }
    public static let tieToItself = Message(de: "ein Akteur kann keine Verbindung zu sich selbst haben",
                                            en: "an actor cannot have a tie to itself")

    // Surveys

    public static func surveyValuesMissing(_ csv: String) -> Message {
        Message(de: "die Antworten fehlen: legen Sie \(csv) mit den Spalten Raum;Gruppe;Antwort;Anzahl daneben",
                en: "the answers are missing: put \(csv) with the columns Raum;Gruppe;Antwort;Anzahl beside it")
    }
    public static func surveyWithoutMetadata(_ base: String) -> Message {
        Message(de: "zu dieser CSV-Datei fehlt \(base).yaml mit Titel, Frage, Antworten und Mindestfallzahl",
                en: "this CSV file lacks \(base).yaml with title, question, answers and minimum count")
    }
    public static func surveyHeader(_ found: String) -> Message {
        Message(de: "die erste Zeile muss 'Raum;Gruppe;Antwort;Anzahl' lauten, nicht „\(found)“",
                en: "the first line must be 'Raum;Gruppe;Antwort;Anzahl', not “\(found)”")
    }
    public static func surveyUnknownAnswer(_ answer: String, suggestion: String?) -> Message {
        Message(de: "die Antwort „\(answer)“ steht nicht in 'antworten' der YAML-Datei",
                en: "the answer “\(answer)” is not in 'antworten' of the YAML file") + .didYouMean(suggestion)
    }
    public static func surveyCountNotWhole(_ text: String) -> Message {
        Message(de: "Anzahl „\(text)“ muss eine ganze Zahl ab 0 sein", en: "count “\(text)” must be a whole number from 0")
    }
    public static func surveyRowTwice(firstLine: Int) -> Message {
        Message(de: "Raum, Gruppe und Antwort stehen schon in Zeile \(firstLine); fassen Sie die Zeilen zusammen",
                en: "area, group and answer already appear in line \(firstLine); merge the rows")
    }
    public static func surveyReservedGroup(_ name: String) -> Message {
        Message(de: "„\(name)“ ist als Gruppenname reserviert: die Summe aller Gruppen berechnet Teilhabe selbst",
                en: "“\(name)” is reserved as a group name: Teilhabe computes the total of all groups itself")
    }
    public static func surveyUnknownArea(_ raum: String, suggestion: String?) -> Message {
        Message(de: "unbekannter Raum „\(raum)“: schreiben Sie die id oder den Namen eines Sozialraums aus sozialraeume.yaml",
                en: "unknown area “\(raum)”: write the id or the name of an area from sozialraeume.yaml") + .didYouMean(suggestion)
    }
    public static func surveyAnswerTwice(_ answer: String) -> Message {
        Message(de: "die Antwort „\(answer)“ steht doppelt in 'antworten'", en: "the answer “\(answer)” appears twice in 'antworten'")
    }
    public static let surveyNoAnswers = Message(de: "'antworten' braucht mindestens zwei Antworten",
                                                en: "'antworten' needs at least two answers")
    public static let surveyNoRows = Message(de: "die CSV-Datei enthält keine Antworten", en: "the CSV file holds no answers")
}
