/// A JSON string as JSONEncoder writes it (quotes, backslash, the short escapes of \b \t \n \f \r,
/// `\u00XX` for the other control characters, everything else as it is), appended as UTF-8 – for the
/// one file written without Codable (SearchIndex.json says why).
enum JSONString {
    private static let hex = Array("0123456789abcdef".utf8)

    static func append(_ s: String, to p: inout [UInt8]) {
        var s = s
        s.withUTF8 { append($0, to: &p) }
    }

    /// Runs between escapes are copied whole: most words and titles have none.
    static func append(_ utf8: UnsafeBufferPointer<UInt8>, to p: inout [UInt8]) {
        p.append(0x22)
        var start = 0
        for i in 0..<utf8.count {
            let byte = utf8[i]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            p.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
            switch byte {
            case 0x22: p += [0x5C, 0x22]
            case 0x5C: p += [0x5C, 0x5C]
            case 0x08: p += [0x5C, 0x62]
            case 0x09: p += [0x5C, 0x74]
            case 0x0A: p += [0x5C, 0x6E]
            case 0x0C: p += [0x5C, 0x66]
            case 0x0D: p += [0x5C, 0x72]
            default: p += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
            start = i + 1
        }
        p.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        p.append(0x22)
    }
}
