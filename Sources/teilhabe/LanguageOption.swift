import ArgumentParser
import Foundation
import TeilhabeCore

/// `--sprache de|en`, shared by every subcommand; without it LC_ALL, LC_MESSAGES or LANG decide (contract section 13).
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("sprache"), help: "Sprache der Meldungen: de (Standard) oder en") var sprache: String?

    /// An unknown value is an error (fail closed), told in the language of the environment.
    func validate() throws {
        guard let sprache, Language(rawValue: sprache.lowercased()) == nil else { return }
        let fallback = Language.resolve(flag: nil, environment: ProcessInfo.processInfo.environment)
        throw ValidationError(Message.unknownLanguage(sprache).text(fallback))
    }

    var language: Language { Language.resolve(flag: sprache, environment: ProcessInfo.processInfo.environment) }
}
