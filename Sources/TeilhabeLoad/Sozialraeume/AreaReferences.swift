import TeilhabeSupport
import TeilhabeModel

extension Fields {
    /// `sozialraeume: [id, …]` (or a single id) with the place of each entry, for errors at the entry.
    func areaReferences() -> [AreaReference] {
        guard let value = self["sozialraeume"], !isNull(value) else { return [] }
        let items = value.sequence.map(Array.init) ?? [value]
        let ids = strings("sozialraeume")
        guard ids.count == items.count else { return [] }   // a non-text entry was reported by strings()
        return zip(ids, items).map { AreaReference(id: $0.trimmed(), location: location(of: $1)) }
    }
}

extension AreaReference: BinaryValue {
    package init(binary d: BinaryCodec.BinaryDecoder) throws {
        self.init(id: try d.text(), location: try SourceLocation(binary: d))
    }

    package func binary(_ p: BinaryCodec.Buffer) { p.text(id); location.binary(p) }
}
