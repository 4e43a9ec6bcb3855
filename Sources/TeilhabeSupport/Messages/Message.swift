/// A text for users in both languages of the tool. German is the default (contract section 13);
/// the language is chosen where the text is printed, so one run's findings can be shown in either.
/// Every user-facing text is made in this folder (one catalogue, one file per area), never inline.
public struct Message: Sendable, Hashable, Codable {
    public var de: String
    public var en: String

    public init(de: String, en: String) {
        self.de = de
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .en ? en : de }
}

/// The language of messages: German unless `--sprache en` or an English locale asks otherwise.
public enum Language: String, Sendable, CaseIterable, Codable {
    case de, en

    /// `--sprache` wins; otherwise the first of LC_ALL, LC_MESSAGES, LANG that is set decides.
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        if let flag, let language = Language(rawValue: flag.lowercased()) { return language }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .de
        }
        return .de
    }
}

extension Message {
    /// Joins two texts language by language (a sentence and its hint).
    public static func + (a: Message, b: Message) -> Message { Message(de: a.de + b.de, en: a.en + b.en) }

    /// The same text in both languages: names, paths and values that are no words of either.
    public static func verbatim(_ text: String) -> Message { Message(de: text, en: text) }

    /// Nothing, in both languages.
    public static let empty = Message(de: "", en: "")
}

/// An error whose text reaches users: it carries both languages, the printer picks one.
public protocol MessageError: Error, CustomStringConvertible {
    var message: Message { get }
}

extension MessageError {
    public var description: String { message.de }
}

extension Message {
    /// The text of any error: a catalogue message where the error has one, else its description in both.
    public static func of(_ error: Error) -> Message {
        (error as? MessageError)?.message ?? .verbatim("\(error)")
    }
}
