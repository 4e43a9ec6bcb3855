import XCTest
import TeilhabeTesting
@testable import TeilhabeCheck

/// Split accuracy of LS20 suggestions on municipal compounds. Expected: the splits an editor of
/// Leichte Sprache writes (Mediopunkt style) – into readable parts (Bundes·teilhabe·gesetz,
/// Sozial·bericht·erstattung), keeping short familiar compounds whole (Rollstuhl, Krankenhaus),
/// never after a prefix (Eingliederungs·hilfe, not Ein·gliederungs·hilfe).
final class CompoundWordTests: XCTestCase {
    static let expectations: [(String, String)] = [
        ("Eingliederungshilfe", "Eingliederungs·hilfe"), ("Ratsinformationssystem", "Rats·informations·system"),
        ("Sozialausschuss", "Sozial·ausschuss"), ("Inklusionsbeirat", "Inklusions·beirat"),
        ("Landschaftsverband", "Landschafts·verband"), ("Bundesteilhabegesetz", "Bundes·teilhabe·gesetz"),
        ("Sozialberichterstattung", "Sozial·bericht·erstattung"), ("Behindertenbeauftragte", "Behinderten·beauftragte"),
        ("Wohnraumförderung", "Wohnraum·förderung"), ("Arbeitsmarktintegration", "Arbeitsmarkt·integration"),
        ("Werkstattbeschäftigte", "Werkstatt·beschäftigte"), ("Teilhabeplanverfahren", "Teilhabe·plan·verfahren"),
        ("Fahrdienstleistungen", "Fahrdienst·leistungen"), ("Bushaltestellen", "Bus·haltestellen"),
        ("Schwerbehindertenausweis", "Schwer·behinderten·ausweis"), ("Verwaltungsgebäude", "Verwaltungs·gebäude"),
        ("Stadtteilkonferenz", "Stadtteil·konferenz"), ("Quartiersentwicklung", "Quartiers·entwicklung"),
        ("Seniorenberatungsstelle", "Senioren·beratungs·stelle"), ("Jugendhilfeausschuss", "Jugendhilfe·ausschuss"),
        ("Gesundheitsförderung", "Gesundheits·förderung"), ("Kinderbetreuungsplätze", "Kinder·betreuungs·plätze"),
        ("Familienzentrum", "Familien·zentrum"), ("Beratungsangebote", "Beratungs·angebote"),
        ("Mitgliederversammlung", "Mitglieder·versammlung"), ("Haushaltsmittel", "Haushalts·mittel"),
        ("Personalkosten", "Personal·kosten"), ("Verkehrsverbund", "Verkehrs·verbund"),
        ("Gleichstellungsbeauftragte", "Gleich·stellungs·beauftragte"), ("Bürgerbeteiligung", "Bürger·beteiligung"),
        ("Schulbegleitung", "Schul·begleitung"), ("Fördermittelantrag", "Fördermittel·antrag"),
        ("Sitzungsvorlage", "Sitzungs·vorlage"), ("Tagesordnungspunkt", "Tages·ordnungs·punkt"),
        ("Beschlussvorlage", "Beschluss·vorlage"), ("Kreisverwaltung", "Kreis·verwaltung"),
        ("Wohnungsbaugesellschaft", "Wohnungsbau·gesellschaft"), ("Pflegeeinrichtungen", "Pflege·einrichtungen"),
        ("Sozialplanungskonferenz", "Sozial·planungs·konferenz"), ("Integrationsfachdienst", "Integrations·fach·dienst"),
        ("Rollstuhlfahrerinnen", "Rollstuhl·fahrerinnen"), ("Gebärdensprachdolmetscher", "Gebärden·sprach·dolmetscher"),
        ("Informationsveranstaltung", "Informations·veranstaltung"), ("Altersarmut", "Alters·armut"),
        ("Grundsicherungsleistungen", "Grund·sicherungs·leistungen"), ("Arbeitsgemeinschaft", "Arbeits·gemeinschaft"),
        ("Bildungseinrichtungen", "Bildungs·einrichtungen"), ("Kindertagesstätte", "Kinder·tages·stätte"),
        ("Nahverkehrsplan", "Nahverkehrs·plan"), ("Sprachförderung", "Sprach·förderung"),
        ("Beratungsstelle", "Beratungs·stelle"), ("Zuständigkeitsordnung", "Zuständigkeits·ordnung"),
        ("Wohnungslosenhilfe", "Wohnungslosen·hilfe"), ("Pflegestützpunkt", "Pflege·stützpunkt"),
        ("Ehrenamtskoordination", "Ehrenamts·koordination"), ("Vereinbarungspartner", "Vereinbarungs·partner"),
        ("Datenschutzbeauftragte", "Datenschutz·beauftragte"), ("Krankenhausaufenthalt", "Krankenhaus·aufenthalt"),
        ("Freizeitangebote", "Freizeit·angebote"), ("Sportvereine", "Sport·vereine"),
        ("Leistungsberechtigte", "Leistungs·berechtigte"), ("Umweltfaktoren", "Umwelt·faktoren"),
        ("Modellkommunen", "Modell·kommunen"), ("Kooperationsvereinbarung", "Kooperations·vereinbarung"),
    ]

    func testSplitAccuracyOnMunicipalCompounds() throws {
        let lexicon = Lexicon.standard
        guard lexicon.hasWords, lexicon.hasFrequencies else { throw XCTSkip("scripts/install-lexika has not been run") }
        XCTAssertGreaterThanOrEqual(Self.expectations.count, 60)
        var correct = 0
        var wrong: [String] = []
        for (word, wanted) in Self.expectations {
            let actual = lexicon.splitText(word)?.joined(separator: "·") ?? "–"
            if actual == wanted { correct += 1 } else { wrong.append("\(word): \(actual) (expected \(wanted))") }
        }
        let precision = Double(correct) / Double(Self.expectations.count)
        print("LS20 split accuracy: \(correct)/\(Self.expectations.count) = \(String(format: "%.3f", precision))")
        for f in wrong { print("  \(f)") }
        XCTAssertGreaterThanOrEqual(precision, 0.9)
    }
}
