import TeilhabeSupport

// The content model's small values in the cache's binary form.

extension CalendarDay: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        let number = try d.whole()
        year = number / 10_000; month = number / 100 % 100; day = number % 100
    }

    package func binary(_ p: BinaryCodec.Buffer) { p.whole(year * 10_000 + month * 100 + day) }
}

extension EasyField: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws { self.init(text: try d.text(), location: try SourceLocation(binary: d)) }
    package func binary(_ p: BinaryCodec.Buffer) { p.text(text); location.binary(p) }
}
