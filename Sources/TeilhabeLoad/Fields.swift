import Foundation
import Yams
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown

/// Reads one YAML mapping against a known set of keys. Unknown keys, missing required keys
/// and values of the wrong kind go to the log with their line and column; the getters then
/// return nil so that loading goes on and every error of a run is found.
struct Fields {
    let mapping: Node.Mapping
    /// The values by key, the first of a repeated key (a scan of the pairs copied every node it passed).
    private let valueList: [String: Node]
    let node: Node
    let file: String
    let lineOffset: Int
    let what: String
    let log: DiagnosticLog
    var collection: EasyFieldCollection?
    /// Known keys that are absent but named by an unknown key's suggestion: the misspelling was
    /// reported, so the key is not reported as missing as well.
    private var misspelt: Set<String> = []
    /// The YAML text the node was parsed from (lines as the marks count them), for hints read off a line.
    var source: YAMLSource?

    init?(_ node: Node, known: [String], what: String, file: String, lineOffset: Int, log: DiagnosticLog,
          collection: EasyFieldCollection? = nil, source: YAMLSource? = nil) {
        self.collection = collection
        self.source = source
        self.node = node
        self.file = file
        self.lineOffset = lineOffset
        self.what = what
        self.log = log
        guard let mapping = node.mapping else {
            log.error("YAML", .notAMapping(what),
                      at: Fields.location(node, file: file, lineOffset: lineOffset))
            return nil
        }
        self.mapping = mapping
        var valueList: [String: Node] = [:]
        for (key, value) in mapping { if let name = key.string, valueList[name] == nil { valueList[name] = value } }
        self.valueList = valueList
        for key in mapping.keys {
            let name = key.string ?? ""
            guard !known.contains(name) else { continue }
            let suggestion = Suggest.closest(to: name, in: known)
            if let suggestion, valueList[suggestion] == nil { misspelt.insert(suggestion) }
            log.error("SCHEMA-KEY", .unknownKey(name, in: what, suggestion: suggestion),
                      at: Fields.location(key, file: file, lineOffset: lineOffset), suggestion: suggestion)
        }
    }

    static func location(_ node: Node, file: String, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where the mapping itself starts: the place to report a missing key.
    var location: SourceLocation { Fields.location(node, file: file, lineOffset: lineOffset) }

    func location(of node: Node) -> SourceLocation { Fields.location(node, file: file, lineOffset: lineOffset) }

    /// The location of a key's value, or of the mapping where the key is absent.
    func location(_ key: String) -> SourceLocation { self[key].map(location(of:)) ?? location }

    subscript(key: String) -> Node? {
        valueList[key]
    }

    private func missing(_ key: String) {
        guard !misspelt.contains(key) else { return }
        if let (place, rest) = commentedOut(key) {
            log.error("SCHEMA-REQUIRED", .yamlCommentHint(key: key, rest: rest), at: place)
            return
        }
        log.error("SCHEMA-REQUIRED", .missingKey(key, in: what), at: location)
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = self[key], !isNull(value) else {
            if required { missing(key) }
            return nil
        }
        guard let scalar = value.scalar else {
            log.error("SCHEMA-TYPE", .notText(key, in: what), at: location(of: value))
            return nil
        }
        warnIfCutByHash(key, value, scalar)
        let text = scalar.string.trimmed(lineEndings: true)
        if text.isEmpty, required { missing(key); return nil }
        return text.isEmpty ? nil : text
    }

    /// `titel: #3 Antrag`: the key is there, its value empty, and its line goes on with ` #`. The place of
    /// the key and the text after the '#'.
    private func commentedOut(_ key: String) -> (SourceLocation, String)? {
        guard let source, let keyNode = mapping.keys.first(where: { $0.string == key }), let mark = keyNode.mark,
              let line = source.line(mark.line), let colon = line.range(of: key + ":") else { return nil }
        let after = line[colon.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard after.hasPrefix("#") else { return nil }
        let rest = after.trimmingCharacters(in: .whitespaces)
        return rest.count < 2 ? nil : (location(of: keyNode), rest)
    }

    /// `betreff: Antrag #3 der Fraktion` reads as `Antrag`: a '#' after one space, with text right after
    /// it, is most likely meant as text (a comment is written `  # …`). A warning, so that a real comment stays allowed.
    private func warnIfCutByHash(_ key: String, _ value: Node, _ scalar: Node.Scalar) {
        guard scalar.style == .plain, let source, source.mayHoldHashInText, let mark = value.mark,
              let line = source.line(mark.line), mark.column >= 1 else { return }
        let fromValue = line.dropFirst(mark.column - 1)
        guard fromValue.hasPrefix(scalar.string) else { return }
        let tail = fromValue.dropFirst(scalar.string.count)
        guard tail.hasPrefix(" #"), let next = tail.dropFirst(2).first, next != " ", next != "#" else { return }
        let whole = scalar.string + tail
        log.warning("YAML", .yamlHashInTextHint(key: key, whole: whole.trimmingCharacters(in: .whitespaces)),
                    at: location(of: value))
    }

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func day(_ key: String, required: Bool = false) -> CalendarDay? {
        guard let text = string(key, required: required) else { return nil }
        guard let day = CalendarDay(text) else {
            log.error("SCHEMA-TYPE", .notADate(key, text), at: location(key))
            return nil
        }
        return day
    }

    func instant(_ key: String, required: Bool = false) -> WallClockTime? {
        guard let text = string(key, required: required) else { return nil }
        guard let time = WallClockTime(text) else {
            log.error("SCHEMA-TYPE", .notADateTime(key, text),
                      at: location(key))
            return nil
        }
        return time
    }

    func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "ja", "yes", "on": return true
        case "false", "nein", "no", "off": return false
        default:
            log.error("SCHEMA-TYPE", .notABool(key, text), at: location(key))
            return nil
        }
    }

    func choice<E: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false) -> E? where E.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        if let value = E(rawValue: text) { return value }
        let allowed = E.allCases.map(\.rawValue)
        let suggestion = Suggest.closest(to: text, in: allowed)
        log.error("SCHEMA-VALUE", .invalidValue(text, key: key, allowed: allowed, suggestion: suggestion),
                  at: location(key), suggestion: suggestion)
        return nil
    }

    /// The items of a list; a missing key is an empty list.
    func list(_ key: String, required: Bool = false) -> [Node] {
        guard let value = self[key], !isNull(value) else {
            if required { missing(key) }
            return []
        }
        guard let sequence = value.sequence else {
            log.error("SCHEMA-TYPE", .notAList(key, in: what), at: location(of: value))
            return []
        }
        return Array(sequence)
    }

    /// A list of texts; a single text counts as a list of one.
    func strings(_ key: String) -> [String] {
        if let value = self[key], value.scalar != nil {
            return string(key).map { [$0] } ?? []
        }
        return list(key).compactMap { item in
            guard let text = item.scalar?.string else {
                log.error("SCHEMA-TYPE", .listEntryNotText(key), at: location(of: item))
                return nil
            }
            return text
        }
    }

    /// A nested mapping, read against its own keys.
    func nested(_ key: String, known: [String], what: String) -> Fields? {
        guard let value = self[key], !isNull(value) else { return nil }
        return Fields(value, known: known, what: what, file: file, lineOffset: lineOffset, log: log, collection: collection,
                      source: source)
    }

    /// Reads a list item as a mapping with the same file context.
    func item(_ node: Node, known: [String], what: String) -> Fields? {
        Fields(node, known: known, what: what, file: file, lineOffset: lineOffset, log: log, collection: collection,
               source: source)
    }

    /// An easy-language text value, recorded with the place its first character stands.
    func leicht(_ key: String, required: Bool = false) -> String? {
        guard let text = string(key, required: required), let value = self[key] else { return nil }
        var place = location(of: value)
        if let scalar = value.scalar, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            place.column = (place.column ?? 1) + 1
        }
        // Leading spaces of a plain scalar are not part of its text.
        collection?.add(EasyField(text: text, location: place))
        return text
    }
}

/// The YAML text a node tree was parsed from, shared by the fields of one file: hints are read off its
/// lines, which are split only when a hint needs them.
final class YAMLSource {
    let text: String
    private lazy var lines: [Substring] = text.split(separator: "\n", omittingEmptySubsequences: false)
    /// Whether any ` #` stands in the text at all: most files have none, and their lines are never split.
    /// A byte search: Foundation's `contains` bridged each file to NSString (2 % of a clean build).
    private(set) lazy var mayHoldHashInText: Bool = text.containsText(" #")

    init(_ text: String) { self.text = text }

    /// A line (1-based, as marks count them).
    func line(_ n: Int) -> Substring? { n >= 1 && n <= lines.count ? lines[n - 1] : nil }
}
