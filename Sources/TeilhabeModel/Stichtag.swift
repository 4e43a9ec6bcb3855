import Foundation
import TeilhabeSupport

/// The day that separates past from upcoming meetings. Taken from SOURCE_DATE_EPOCH where set
/// (the reproducible-builds convention), else today in Berlin; nothing else in the output
/// depends on the date, and no page prints it.
public enum Stichtag {
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Tag {
        let sekunden = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
        let utc = Tag(tageSeit1970: Int((Double(sekunden) / 86_400).rounded(.down)))
        let stunde = (sekunden % 86_400) / 3600
        // Berlin is one or two hours ahead: late evening UTC may already be tomorrow there.
        let offset = Zeitpunkt(tag: utc, hour: stunde).berlinOffset
        return stunde + offset >= 24 ? utc.plus(days: 1) : utc
    }
}
