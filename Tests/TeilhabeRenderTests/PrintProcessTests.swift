import XCTest
import TeilhabeTesting
@testable import TeilhabeRender

/// External tools cannot hang the build: both pipes are drained together, and a tool that runs
/// too long is stopped with everything it started.
final class PrintProcessTests: XCTestCase {
    func testAChildThatFillsStderrBeforeWritingStdoutDoesNotBlock() throws {
        // 1 MB to stderr first: a reader that waits for the end of stdout first would wait forever
        // (the child blocks once the stderr pipe's 64 KB are full).
        let run = try XCTUnwrap(ExternalTool.run("/bin/sh", ["-c", "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 1048576 /dev/zero | tr '\\0' o"]))
        XCTAssertEqual(run.status, 0)
        XCTAssertFalse(run.timedOut)
        XCTAssertEqual(run.stderr, Data(repeating: UInt8(ascii: "e"), count: 1_048_576))
        XCTAssertEqual(run.stdout, Data(repeating: UInt8(ascii: "o"), count: 1_048_576))
        let text = try XCTUnwrap(PDFRenderer.execute("/bin/sh", ["-c", "head -c 200000 /dev/zero >&2; echo fertig"]))
        XCTAssertEqual(text.status, 0)
        XCTAssertEqual(text.outputPath, "fertig\n")
        XCTAssertEqual(text.errors.utf8.count, 200_000)
    }

    func testAToolThatRunsTooLongIsStoppedWithWhatItStarted() throws {
        // The background `sleep` holds the pipes too: only killing the whole group ends the reading.
        let run = try XCTUnwrap(ExternalTool.run("/bin/sh", ["-c", "echo begonnen; sleep 600 & sleep 600"], timeout: 1))
        XCTAssertTrue(run.timedOut)
        XCTAssertNotEqual(run.status, 0)
        XCTAssertEqual(run.outputPath, "begonnen\n")
    }

    func testAHangingPDFToolCostsThePaperItsPDFNotTheBuild() throws {
        let f = try Fixture()
        let tool = Paths.join(f.root.path, "werkzeug")
        try PrintTestSupport.wrongTool(in: tool, afterwards: "sleep 600")
        var print = try XCTUnwrap(PDFRenderer.find(cache: Paths.join(f.root.path, "cache"), environment: ["PATH": tool]))
        XCTAssertNil(print.problem)
        print.deadline = 1
        let log = DiagnosticLog()
        let resultValue = print.generate([PDFRenderer.RenderJob(name: "vorlagen/x/index.html", html: "<p>x</p>")], log: log)
        XCTAssertEqual(resultValue.pdfs.count, 0)
        XCTAssertEqual(resultValue.errors["vorlagen/x/index.html"], Message(de: "weasyprint brauchte länger als 1 s und wurde angehalten",
                                                                      en: "weasyprint took longer than 1 s and was stopped"))
        XCTAssertEqual(log.all.filter { $0.rule == "PDF" }.count, 1)
    }

    func testAWeasyprintThatIsNoPythonScriptGivesNoPDFAndOneWarning() throws {
        let f = try Fixture()
        let tool = Paths.join(f.root.path, "werkzeug")
        try FileManager.default.createDirectory(atPath: tool, withIntermediateDirectories: true)
        let weasyprint = Paths.join(tool, "weasyprint")
        try "#!/bin/sh\nprintf '%%PDF-1.4\\n' > \"$2\"\n".write(toFile: weasyprint, atomically: true, encoding: .utf8)
        chmod(weasyprint, 0o755)
        let print = try XCTUnwrap(PDFRenderer.find(cache: Paths.join(f.root.path, "cache"), environment: ["PATH": tool]))
        XCTAssertNotNil(print.problem)
        let log = DiagnosticLog()
        let jobs = ["a", "b"].map { PDFRenderer.RenderJob(name: $0, html: "<p>x</p>") }
        XCTAssertEqual(print.generate(jobs, log: log).pdfs.count, 0)
        XCTAssertEqual(log.all.map(\.message), ["keine PDF-Fassungen: \(weasyprint) ist kein Python-Programm; ohne Python-Interpreter von WeasyPrint entstehen keine PDFs"])
    }

    func testTheInterpreterComesFromTheShebangThroughSymlinks() throws {
        let f = try Fixture()
        let folderPath = Paths.join(f.root.path, "bin")
        try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
        let python = Paths.join(folderPath, "python3.11")
        try "#!/bin/sh\n".write(toFile: python, atomically: true, encoding: .utf8)
        chmod(python, 0o755)
        let script = Paths.join(folderPath, "weasyprint-echt")
        try "#!\(python) -s\nimport weasyprint\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: Paths.join(folderPath, "weasyprint"), withDestinationPath: script)
        XCTAssertEqual(PrintDriver.interpreter(of: Paths.join(folderPath, "weasyprint"), path: []), python)
        try "#!/usr/bin/env python3.11\n".write(toFile: script, atomically: true, encoding: .utf8)
        XCTAssertEqual(PrintDriver.interpreter(of: Paths.join(folderPath, "weasyprint"), path: ["/nonexistent", folderPath]), python)
        try "#!/bin/sh\n".write(toFile: script, atomically: true, encoding: .utf8)
        XCTAssertNil(PrintDriver.interpreter(of: Paths.join(folderPath, "weasyprint"), path: [folderPath]))
    }
}
