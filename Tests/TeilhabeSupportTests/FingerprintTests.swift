import XCTest
import TeilhabeTesting
@testable import TeilhabeSupport

/// The cache's fingerprint is the first 128 bits of SHA-256 over length-framed parts: checked against
/// values computed independently (Python's hashlib: sha256(len as 8 bytes little-endian + bytes)).
final class FingerprintTests: XCTestCase {
    func testFingerprintIsTruncatedSHA256OfLengthFramedParts() {
        XCTAssertEqual(Fingerprint.of(Array("abc".utf8)).description, "ce91dc5eec0139adf091900d225971d6")
        var hasherAB = FingerprintHasher(); hasherAB.text("ab"); hasherAB.text("c")
        var a = FingerprintHasher(); a.text("a"); a.text("bc")
        XCTAssertEqual(hasherAB.resultValue.description, "43ee655579de01ca739b3f95c1c2d3f4")
        XCTAssertEqual(a.resultValue.description, "9a8acca1b6c6c0befd3fbc756aed625d")
    }

    func testNonContiguousBytesHashLikeContiguousOnes() {
        let text = "Sozialraum Eschweiler 2026"
        XCTAssertEqual(Fingerprint.of(text), Fingerprint.of(Array(text.utf8)))
        XCTAssertEqual(Fingerprint.of(text.utf8.lazy.map { $0 }), Fingerprint.of(Array(text.utf8)))
    }
}
