/// A regex constant that threads share, built once: a regex literal is parsed each time its
/// expression runs, so the hot paths (the Leichte-Sprache check) keep theirs as static constants.
/// `Regex` is not Sendable in Swift 6; this is the one wrapper all such constants go through.
// Safe: matching only reads a Regex; its lazily compiled program is stored once by an atomic compare-and-swap (string-processing Regex/Core.swift).
package struct SharedRegex<Output>: @unchecked Sendable, RegexComponent {
    package let regex: Regex<Output>

    package init(_ regex: Regex<Output>) { self.regex = regex }
}
