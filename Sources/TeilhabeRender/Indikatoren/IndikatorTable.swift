import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
/// The accessible table of an indicator: caption with title and unit, row and column headers with
/// scope, right-aligned German numbers, marks for secret and missing values explained below.
enum IndikatorTable {
    static func html(_ i: Indikator, _ t: VeroeffentlichteTabelle, zusatzspalten: Bool = true) -> String {
        let zahl = { (w: Double) in NumberFormat.deutsch(w, stellen: i.nachkommastellen) }
        let anteil = zusatzspalten && i.istAnzahl && t.summe != nil && !t.spalten.isEmpty
        // With a total column the last column is no later state of the first: no change to show.
        let aenderung = zusatzspalten && t.spalten.count >= 2 && t.summeSpalte == nil
        let letzte = t.spalten.count - 1
        var kopf = "<tr><th scope=\"col\">\(XML.escape(t.raumTitel))</th>"
            + t.spalten.map { "<th scope=\"col\" class=\"zahl\">\(XML.escape($0))</th>" }.joined()
        if anteil { kopf += "<th scope=\"col\" class=\"zahl\">Anteil an \(XML.escape(t.summe!.raum)) \(XML.escape(t.spalten[letzte]))</th>" }
        if aenderung {
            let art = i.istAnzahl ? "" : " (absolut)"
            kopf += "<th scope=\"col\" class=\"zahl\">Veränderung \(XML.escape(t.spalten[0]))–\(XML.escape(t.spalten[letzte]))\(art)</th>"
        }
        var zeilen = ""
        for zeile in t.zeilen {
            zeilen += "<tr\(zeile.istSumme ? " class=\"summe\"" : "")><th scope=\"row\">\(XML.escape(zeile.raum))</th>"
            zeilen += zeile.zellen.map { "<td class=\"zahl\">\(zelle($0, zahl))</td>" }.joined()
            if anteil {
                let gesamt = t.summe!.zellen[letzte].wert
                let text: String
                if let w = zeile.zellen[letzte].wert, let g = gesamt, g > 0 {
                    text = NumberFormat.deutsch(w / g * 100, stellen: 1) + " %"
                } else {
                    // A share of a secret value, or of a secret total, would give it away.
                    text = zeile.zellen[letzte] == .fehlt ? marke(.fehlt) : marke(.geheim)
                }
                zeilen += "<td class=\"zahl\">\(text)</td>"
            }
            if aenderung {
                zeilen += "<td class=\"zahl\">\(veraenderung(i, zeile.zellen[0], zeile.zellen[letzte]))</td>"
            }
            zeilen += "</tr>\n"
        }
        return """
        <p class="tabellen-titel">\(XML.escape(i.titel)) <span class="einheit">(\(XML.escape(i.einheit)))</span></p>
        <div class="tabelle" role="region" aria-label="Tabelle: \(XML.escape(i.titel))" tabindex="0">
        <table class="indikator" aria-label="\(XML.escape(i.titel)) (\(XML.escape(i.einheit)))">
        <thead>\(kopf)</tr></thead>
        <tbody>
        \(zeilen)</tbody>
        </table>
        </div>
        \(fuss(i, t))
        """
    }

    static func veraenderung(_ i: Indikator, _ erste: Zelle, _ letzte: Zelle) -> String {
        guard let a = erste.wert, let b = letzte.wert else {
            return erste == .geheim || letzte == .geheim ? marke(.geheim) : marke(.fehlt)
        }
        if i.istAnzahl { return NumberFormat.prozentAenderung(a, b) ?? marke(.fehlt) }
        return (b - a > 0 ? "+" : "") + NumberFormat.deutsch(b - a, stellen: i.nachkommastellen)
    }

    static func zelle(_ z: Zelle, _ zahl: (Double) -> String) -> String {
        switch z {
        case let .wert(w): return zahl(w)
        case .fehlt, .geheim: return marke(z)
        }
    }

    /// The visible mark, with words for screen readers.
    static func marke(_ z: Zelle) -> String {
        z == .geheim ? "•<span class=\"sr\"> (geheim gehalten)</span>" : "–<span class=\"sr\"> (kein Wert)</span>"
    }

    /// Which counts are withheld: "von 1 bis 4", but a threshold of 2 hides only the 1.
    static func geheimSatz(_ schwelle: Int) -> String {
        let welche = schwelle == 2 ? "Die Anzahl 1 wird" : "Anzahlen von 1 bis \(schwelle - 1) werden"
        return welche + " zum Schutz der Betroffenen nicht veröffentlicht, ebenso Werte, aus denen sie sich errechnen ließen."
    }

    static func fuss(_ i: Indikator, _ t: VeroeffentlichteTabelle) -> String {
        var teile = ["Quelle: \(XML.escape(i.quelle))"]
        if let s = i.stichtag { teile.append("Stichtag: \(Formatting.datum(s))") }
        if let r = i.raumebene { teile.append("Raumebene: \(XML.escape(r))") }
        var html = "<p class=\"tabellen-fuss\">\(teile.joined(separator: "; ")).</p>\n"
        // The marks explain themselves: as list items they stood behind a list bullet ("• • Wert …").
        var noten: [String] = []
        if t.hatGeheime, let n = i.geheimhaltung { noten.append("<p>• Wert geheim gehalten: \(geheimSatz(n))</p>") }
        if t.hatFehlende { noten.append("<p>– kein Wert vorhanden.</p>") }
        if !noten.isEmpty { html += "<div class=\"fussnoten\">\n\(noten.joined(separator: "\n"))\n</div>\n" }
        if i.beispieldaten {
            html += "<p class=\"beispieldaten\"><strong>Beispieldaten:</strong> Die Werte sind erfunden und dienen nur der Veranschaulichung.</p>\n"
        }
        return html
    }
}
