import TeilhabeSupport

/// Why a Word file cannot be read; the message names the reason, the caller names the file.
package struct DocxError: Error, Sendable {
    package var message: Message

    package init(_ message: Message) { self.message = message }
}

/// A finding while reading a Word file that does not stop the import.
package struct DocxWarning: Sendable, Equatable {
    package var rule: String
    package var message: Message

    package init(_ rule: String, _ message: Message) {
        self.rule = rule
        self.message = message
    }
}
