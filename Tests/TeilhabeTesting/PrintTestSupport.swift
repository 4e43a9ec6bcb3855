import XCTest
@testable import TeilhabeCore
@testable import TeilhabeSupport
@testable import TeilhabeModel
@testable import TeilhabeMarkdown
@testable import TeilhabeLoad
@testable import TeilhabeCheck
@testable import TeilhabeRender
@testable import TeilhabeBuild
@testable import TeilhabeServe
@testable import TeilhabeAudit

/// Shared by the PDF tests: the real tool or a skip, a look into a PDF's compressed streams,
/// a TCP port that counts who connects, and stand-ins for the tool.
package enum PrintTestSupport {
    /// PNG images of 13 × 7 and 11 × 5 pixels: their sizes show in a PDF that embeds them.
    package static let png13x7 = "iVBORw0KGgoAAAANSUhEUgAAAA0AAAAHCAIAAABcElBNAAAAFUlEQVR4nGM8ISfHQARgIkbRMFIHACPRARKEyUCtAAAAAElFTkSuQmCC"
    package static let png11x5 = "iVBORw0KGgoAAAANSUhEUgAAAAsAAAAFCAIAAAAcxIEBAAAAFElEQVR4nGOUkzvBgBcw4ZemmwoArfIBDsRm/EgAAAAASUVORK5CYII="

    /// The real WeasyPrint, usable; else the test is skipped.
    package static func weasyprint(_ f: Fixture) throws -> PDFRenderer {
        guard let print = PDFRenderer.find(cache: Paths.join(f.root.path, "probe-cache")) else {
            throw XCTSkip("weasyprint is not on the PATH")
        }
        if let problem = print.problem { throw XCTSkip("weasyprint is not usable: \(problem)") }
        return print
    }

    /// The PDF with every Flate stream inflated after it (objects in object streams are compressed),
    /// read by the tool's own Python.
    package static func unpacked(_ pdf: Data, python: String) throws -> String {
        let filePath = Fixture.temporary("pdf", suffix: ".pdf")
        try pdf.write(to: filePath)
        let code = """
        import re, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        parts = [data]
        for m in re.finditer(rb'stream\\r?\\n', data):
            try:
                parts.append(zlib.decompressobj().decompress(data[m.end():]))
            except zlib.error:
                pass
        sys.stdout.buffer.write(b'\\n'.join(parts))
        """
        let run = try XCTUnwrap(ExternalTool.run(python, ["-c", code, filePath.path]))
        XCTAssertEqual(run.status, 0, run.errors)
        return String(decoding: run.stdout, as: UTF8.self)
    }

    /// Whether the PDF embeds an image of that size.
    package static func hasImage(_ pdf: Data, width: Int, height: Int, python: String) throws -> Bool {
        let text = try unpacked(pdf, python: python)
        return text.contains("/Width \(width)") && text.contains("/Height \(height)")
    }

    /// Runs `body` with `ordner` first on the PATH.
    package static func withPath<T>(_ folderPath: String, _ body: () throws -> T) rethrows -> T {
        let old = ProcessInfo.processInfo.environment["PATH"] ?? ""
        setenv("PATH", folderPath + ":" + old, 1)
        defer { setenv("PATH", old, 1) }
        return try body()
    }

    /// A `weasyprint` whose shebang names a stand-in Python: `--version` answers 99.0; the driver's
    /// run writes a small PDF to its last argument, or fails while the file `kaputt` exists in `ordner`.
    /// Every call's environment is appended to `ordner/umgebung.txt`.
    package static func wrongTool(in folderPath: String, afterwards: String = "") throws {
        try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
        let python = Paths.join(folderPath, "python3"), weasyprint = Paths.join(folderPath, "weasyprint")
        let script = """
        #!/bin/sh
        env >> '\(folderPath)/umgebung.txt'
        for a in "$@"; do last="$a"; done
        if [ "$last" = "--version" ]; then echo 99.0; exit 0; fi
        if [ -e '\(folderPath)/kaputt' ]; then echo "kaputt: kein PDF" >&2; exit 1; fi
        \(afterwards)
        printf '%%PDF-1.4\\n%% stand-in\\n%%%%EOF\\n' > "$last"
        """
        try script.write(toFile: python, atomically: true, encoding: .utf8)
        try "#!\(python)\nprint('never run')\n".write(toFile: weasyprint, atomically: true, encoding: .utf8)
        for filePath in [python, weasyprint] { chmod(filePath, 0o755) }
    }
}

/// A TCP port on 127.0.0.1 that nobody serves: connections wait in its queue and are counted.
package final class CountingListener {
    package let fd: Int32
    package let port: UInt16

    package init() throws {
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var adresse = sockaddr_in()
        adresse.sin_family = sa_family_t(AF_INET)
        adresse.sin_addr.s_addr = inet_addr("127.0.0.1")
        adresse.sin_port = 0
        let bound = withUnsafePointer(to: &adresse) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(s, 64) == 0 else { close(s); throw XCTSkip("no TCP port on 127.0.0.1") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &adresse) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &length) }
        }
        _ = fcntl(s, F_SETFL, fcntl(s, F_GETFL) | O_NONBLOCK)
        fd = s
        port = UInt16(bigEndian: adresse.sin_port)
    }

    /// Connections made since the last call (accepted and closed at once).
    package func connections() -> Int {
        var n = 0
        while case let c = accept(fd, nil, nil), c >= 0 { close(c); n += 1 }
        return n
    }

    /// Connects once, as a check that the counting works.
    package func connectToSelf() {
        let c = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var adresse = sockaddr_in()
        adresse.sin_family = sa_family_t(AF_INET)
        adresse.sin_addr.s_addr = inet_addr("127.0.0.1")
        adresse.sin_port = port.bigEndian
        _ = withUnsafePointer(to: &adresse) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(c, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        close(c)
    }

    deinit { close(fd) }
}
