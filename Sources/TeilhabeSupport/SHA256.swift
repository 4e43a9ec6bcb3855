import Crypto

/// SHA-256 as lowercase hex, from swift-crypto (for the PDF cache's keys and the PDF identifier).
package enum SHA256 {
    package static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        Crypto.SHA256.hash(data: Array(bytes)).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
