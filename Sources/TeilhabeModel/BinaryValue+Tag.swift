import TeilhabeSupport

// The content model's small values in the cache's binary form.

extension Tag: BinaryValue {
    package init(binaer d: BinaryCodec.BinaryDecoder) throws {
        let zahl = try d.ganz()
        year = zahl / 10_000; month = zahl / 100 % 100; day = zahl % 100
    }

    package func binaer(_ p: BinaryCodec.Buffer) { p.ganz(year * 10_000 + month * 100 + day) }
}

extension LeichtesFeld: BinaryValue {
    package init(binaer d: BinaryCodec.BinaryDecoder) throws { self.init(text: try d.text(), location: try SourceLocation(binaer: d)) }
    package func binaer(_ p: BinaryCodec.Buffer) { p.text(text); location.binaer(p) }
}
