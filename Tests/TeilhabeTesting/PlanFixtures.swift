import Foundation

/// Two editions of an inclusion plan: the plan tests and the draft tests build on them.
package enum PlanFixtures {
    package static let older = """
    titel: Plan
    stand: 2022-01-31
    handlungsfelder:
      - id: wohnen
        titel: Wohnen
        titel_leicht: Wohnen leicht
        un_brk: [19]
        massnahmen:
          - {id: W1, titel: Rampen bauen, leicht: Wir bauen Rampen., zustaendig: Bauamt, zeitraum: 2022–2023, status: geplant}
          - {id: W2, titel: Beratung, zustaendig: Sozialamt, zeitraum: 2022, status: in-umsetzung}
          - {id: W3, titel: Alte Aufgabe, status: umgesetzt}
      - id: arbeit
        titel: Arbeit
        un_brk: [27]
        massnahmen:
          - {id: A1, titel: Budget für Arbeit, status: geplant}
    """

    package static let newer = """
    titel: Plan
    stand: 2026-01-31
    handlungsfelder:
      - id: wohnen
        titel: Wohnen
        titel_leicht: Wohnen leicht
        un_brk: [19, 28]
        massnahmen:
          - {id: W1, titel: Rampen bauen, leicht: Wir bauen Rampen., zustaendig: Bauamt, zeitraum: 2022–2023, status: umgesetzt}
          - {id: W2, titel: Beratung, zustaendig: Amt für Inklusion, zeitraum: 2022–2027, status: in-umsetzung, indikatoren: [quote], vorlagen: ["2024/0001"]}
      - id: arbeit
        titel: Arbeit
        un_brk: [27]
        massnahmen:
          - {id: A2, titel: Neue Ausbildung, leicht: Neue Plätze zum Lernen., status: geplant}
      - id: teilhabe
        titel: Teilhabe
        massnahmen:
          - {id: A1, titel: Budget für Arbeit, status: geplant}
    """
}
