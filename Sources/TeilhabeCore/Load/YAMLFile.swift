import Yams

/// Parses YAML text into a node tree that keeps line and column marks.
/// `lineOffset` maps the YAML's lines to the file's (front matter starts on line 2).
enum YAMLFile {
    static func parse(_ text: String, file: String, lineOffset: Int = 0, log: DiagnosticLog) -> Node? {
        do {
            // Fields reads every scalar as text, so no tags are resolved (.default runs regexes on each
            // scalar); the encoding is named because `.default` reads the environment on every call.
            return try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            log.report(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            log.error("YAML", "cannot read YAML: \(error)", at: SourceLocation(file: file))
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Diagnostic(.error, "YAML", "YAML syntax error: \(detail)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, "YAML", "duplicate key '\(duplicates.joined(separator: "', '"))'",
                              at: at(context.mark))
        default:
            return Diagnostic(.error, "YAML", "YAML error: \(error)", at: SourceLocation(file: file))
        }
    }
}
