import Foundation
import XCTest
import TeilhabeTesting
@testable import TeilhabeCheck

/// Issue 23: each kind of miss and false alarm, with examples found in neither labelled set, so that a
/// rule that only knew the examples would fail here.
final class EasyLanguageKindTests: XCTestCase {
    private let checker = LSRuleEngine(lexicon: .standard, delimiter: "·", referenceYear: 2026)

    private func findings(_ text: String, _ rule: String) -> [String] {
        checker.check(TextMask.lines(text, firstTextLine: 1)).filter { $0.1.ruleId.rawValue == rule }
            .map { "\($0.0.number) \($0.0.excerpt($0.1.textRange))" }
    }

    private func requireLexicon() throws {
        guard Lexicon.standard.hasWords, Lexicon.standard.hasFrequencies else { throw XCTSkip("scripts/install-lexika has not been run") }
    }

    func testPassiveWithPrefixedAndForeignParticiplesAndTheAuxiliaryAnywhere() throws {
        try requireLexicon()
        XCTAssertEqual(findings("Die Rechnung wird vom Kreis überwiesen.", "LS04"), ["1 wird vom Kreis überwiesen"])
        XCTAssertEqual(findings("Die Bänke werden im Herbst repariert.", "LS04"), ["1 werden im Herbst repariert"])
        XCTAssertEqual(findings("Der Plan wird morgen im Rat besprochen.", "LS04"), ["1 wird morgen im Rat besprochen"])
        XCTAssertEqual(findings("Die Liste wird jedes Jahr erneuert.", "LS04"), ["1 wird jedes Jahr erneuert"])
        XCTAssertEqual(findings("Wird die Rampe gebaut?\nJa.", "LS04"), ["1 Wird die Rampe gebaut"])
        XCTAssertEqual(findings("Die Miete muss bis Montag überwiesen werden.", "LS04"), ["1 überwiesen werden"])
        XCTAssertEqual(findings("Ich weiß, was beschlossen wurde.", "LS04"), ["1 beschlossen wurde"])
        XCTAssertEqual(findings("Der Brief wurde gestern geschrieben.", "LS04"), ["1 wurde gestern geschrieben"])
        // werden as a full verb or with an infinitive is no passive
        XCTAssertEqual(findings("Die Wege werden breiter.\nWir werden Sie besuchen.\nEs wird bestimmt schön.", "LS04"), [])
    }

    func testWeakPreteriteFromTheWordListAndSeinHabenAllowed() throws {
        try requireLexicon()
        XCTAssertEqual(findings("Der Rat wählte eine neue Chefin.\nDie Gäste tanzten im Saal.", "LS24"), ["1 wählte", "2 tanzten"])
        XCTAssertEqual(findings("Die Stadt unterschrieb den Vertrag.", "LS24"), ["1 unterschrieb"], "a listed strong form behind a prefix")
        XCTAssertEqual(findings("Der Raum war hell.\nWir hatten viel Zeit.", "LS24"), [], "sein and haben are fine in the Präteritum")
        XCTAssertEqual(findings("Bitte warten Sie hier.\nDie geplante Rampe kommt.\nSie könnten anrufen.", "LS24"), [],
                       "present of a -t verb, an adjective after an article, Konjunktiv II")
        XCTAssertEqual(findings("Der Rat hat das entschieden.", "LS24"), [], "a participle beside an auxiliary")
        XCTAssertEqual(findings("Die Verwaltung hatte den Brief geschrieben.", "LS24"), [], "a ge-participle the word list also holds")
    }

    func testSpacedAbbreviationsUnitsAndDayMonthDates() {
        XCTAssertEqual(findings("Das gilt u. U. auch für Sie.\nDer Weg ist 3 km lang.", "LS08"), ["1 u. U.", "2 km"])
        XCTAssertEqual(findings("Das kostet lt. Plan mehr.", "LS08"), ["1 lt."])
        XCTAssertEqual(findings("Das Büro ist Mo.–Fr. offen.\nDas ist so.\nDie Frist ist im Okt. und Nov. vorbei.", "LS08"), ["1 Mo.", "1 Fr.", "3 Okt.", "3 Nov."])
        XCTAssertEqual(findings("Die Ferien sind vom 1.7. bis zum 9.8.", "LS13"), ["1 1.7.", "1 9.8."])
        XCTAssertEqual(checker.check(TextMask.lines("Das Fest ist am 24.6.", firstTextLine: 1)).first { $0.1.ruleId == .ls13 }?.1.suggested, "24. Juni")
        XCTAssertEqual(findings("Das ist Version 4.1 vom Plan.", "LS13"), [])
    }

    func testPostcodesAreNoLargeNumbersButCountedThingsAre() {
        XCTAssertEqual(findings("Die Adresse ist Markt 3 in 41460 Neuss.\nDie Post·leit·zahl ist 50667.", "LS10"), [])
        XCTAssertEqual(findings("In Neuss leben 15000 Kinder.", "LS10"), ["1 15000"])
    }

    func testRelativeClausesAndASecondVerbAfterUnd() throws {
        try requireLexicon()
        XCTAssertEqual(findings("Das ist ein Haus, in dem Kinder spielen.\nSie bekommen alles, was Sie brauchen.", "LS03"), ["1 dem", "2 was"])
        XCTAssertEqual(findings("Die Ärztin untersucht Sie und schreibt einen Bericht.", "LS03"), ["1 und"])
        XCTAssertEqual(findings("Es kommen Anna, die Stadt und der Kreis.\nDer Rat sagt, die Stadt hilft allen.", "LS03"), [],
                       "an enumeration and reported speech are no relative clauses")
        XCTAssertEqual(findings("Bus und Bahn fahren oft.\nSie ist nett und laut.", "LS03"), [])
    }

    func testGenitiveDeterminersAfterANoun() {
        XCTAssertEqual(findings("Das sind die Ideen vieler Familien.\nDas ist die Meinung der ganzen Gruppe.", "LS06"),
                       ["1 vieler Familien", "2 der ganzen Gruppe"])
        XCTAssertEqual(findings("Wir haben einen Garten, der allen gehört.", "LS06"), [], "a relative pronoun after a comma")
    }

    func testRareLongAdjectivesAndIdioms() throws {
        try requireLexicon()
        XCTAssertEqual(findings("Die Hilfe ist passgenau.", "LS23").count, 1)
        XCTAssertEqual(findings("Das Thema wurde auf Eis gelegt.\nDer Plan hat noch Luft nach oben.", "LS29"), ["1 auf Eis gelegt", "2 Luft nach oben"])
        XCTAssertEqual(findings("Der Bus fährt auf der Strecke nach Aachen.", "LS29"), [], "literal words are no idiom")
        // Every plain word of an idiom must stand in the line, one-letter words too.
        XCTAssertEqual(findings("Pünktlich sein ist das A und O.\nWir arbeiten Hand in Hand.", "LS29"), ["1 das A und O", "2 Hand in Hand"])
    }

    func testIndirectSpeech() throws {
        try requireLexicon()
        XCTAssertEqual(findings("Die Leiterin sagt, das Büro sei morgen zu.\nDer Arzt meint, er dürfe das nicht.", "LS37"), ["1 sei", "2 dürfe"])
        XCTAssertEqual(findings("Der Kreis schreibt, er zahle die Fahrt.", "LS37"), ["1 zahle"])
        XCTAssertEqual(findings("Ich habe Zeit.\nSeien Sie pünktlich.\nIch sage, ich komme morgen.", "LS37"), [])
        XCTAssertEqual(findings("Die Stadt sagt, die neue Halle ist groß.", "LS37"), [], "an adjective beside an indicative verb")
    }

    func testNominalstilNeedsThreeAbstractNounsAndAQuarterOfTheWords() {
        XCTAssertEqual(findings("Die Planung der Förderung braucht Genehmigungen.", "LS38"), ["1 Die Planung der Förderung braucht Genehmigungen."])
        XCTAssertEqual(findings("Die Beratung für Menschen mit Behinderung ist im Rathaus.", "LS38"), [])
    }

    func testOneThingTwoNamesAcrossTheText() {
        let text = "Sie brauchen einen Roll·stuhl.\nDer Roll·stuhl ist neu.\nDer Rollstuhl hat 4 Räder.\nDer Rolli ist leicht."
        XCTAssertEqual(findings(text, "LS39"), ["3 Rollstuhl", "4 Rolli"])
        let finding = checker.check(TextMask.lines(text, firstTextLine: 1)).first { $0.1.ruleId == .ls39 }
        XCTAssertEqual(finding?.1.suggested, "Roll·stuhl")
        XCTAssertEqual(findings("Die Gruppe trifft sich.\nDie Gruppen sind klein.", "LS39"), [], "inflection is the same name")
    }

    func testFootnotesAreLS40AndNotBrackets() {
        let text = "Die Fahrt ist frei.[^fahrt]\n\n[^fahrt]: Nur mit Ausweis.\nDas gilt ab Mai².\n"
        XCTAssertEqual(findings(text, "LS40"), ["1 [^fahrt]", "3 [^fahrt]", "4 ²"])
        XCTAssertEqual(findings(text, "LS17"), [])
    }

    func testNewRulesHaveMessagesAndDefaultSeverities() {
        for rule in [LSRule.ls37, .ls38, .ls39, .ls40] {
            XCTAssertNotEqual(rule.message.text(.de), rule.rawValue)
            XCTAssertNotEqual(rule.message.text(.en), rule.message.text(.de))
        }
        XCTAssertEqual(LSRule.ls40.standard, .error)
        XCTAssertEqual(LSRule.ls38.standard, .warning)
    }
}
