/// Byte-wise replacing and line scanning for texts the build handles thousands of times: the
/// standard library's `replacing(_:with:)` walks Characters and cost 6 % of a large build.
extension String {
    /// Every occurrence of `alt` replaced by `neu`, scanning UTF-8 bytes (both are plain text, so a
    /// match can never start inside a multi-byte character).
    func ersetzt(_ alt: String, durch neu: String) -> String {
        let muster = Array(alt.utf8)
        guard let erstes = muster.first else { return self }
        var ergebnis: [UInt8] = []
        var treffer = false
        var kopie = self
        kopie.withUTF8 { text in
            var i = 0, kopiertBis = 0
            while i + muster.count <= text.count {
                if text[i] == erstes, muster.indices.allSatisfy({ text[i + $0] == muster[$0] }) {
                    if !treffer { ergebnis.reserveCapacity(text.count + 64); treffer = true }
                    ergebnis.append(contentsOf: UnsafeBufferPointer(rebasing: text[kopiertBis..<i]))
                    ergebnis.append(contentsOf: neu.utf8)
                    i += muster.count
                    kopiertBis = i
                } else {
                    i += 1
                }
            }
            if treffer { ergebnis.append(contentsOf: UnsafeBufferPointer(rebasing: text[kopiertBis...])) }
        }
        return treffer ? String(decoding: ergebnis, as: UTF8.self) : self
    }
}
