import XCTest
import TeilhabeTesting
@testable import TeilhabeImport

final class ImportModuleTests: XCTestCase {
    /// The module is part of the umbrella: the CLI's `import` and `export` commands reach it.
    func testImportCommandsAreListed() throws {
        let result = try Fixture.teilhabe(["import", "--help"])
        XCTAssertTrue(result.stdout.contains("oparl"), result.stdout)
        XCTAssertTrue(result.stdout.contains("docx"), result.stdout)
    }
}
