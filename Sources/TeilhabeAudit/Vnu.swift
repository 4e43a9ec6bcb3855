import Foundation
import TeilhabeSupport
import TeilhabeModel
import TeilhabeMarkdown
import TeilhabeLoad
import TeilhabeCheck
import TeilhabeRender
import TeilhabeBuild
import TeilhabeServe

/// The Nu HTML Checker (vnu.jar) over all pages in one JVM, started before the browser so that both
/// run at the same time.
public final class Vnu: Sendable {
    public struct Message: Sendable {
        public var sourceLine: Int?
        public var columnIndex: Int?
        public var text: String
    }

    private let process = Process()
    private let outputPath = Pipe()
    /// The checker's report, read to its end on another thread (it may not fit a pipe's buffer).
    private let payload: BackgroundTask<Data>
    let auditedPages: [String]
    let rootPath: String

    init(java: String, jar: String, rootPath: String, auditedPages: [String]) throws {
        self.rootPath = rootPath
        self.auditedPages = auditedPages
        process.executableURL = URL(fileURLWithPath: java)
        process.arguments = ["-XX:-UsePerfData", "-Xss4m", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always"]
            + auditedPages.map { Paths.join(rootPath, $0) }
        process.standardOutput = outputPath
        process.standardError = FileHandle.nullDevice
        try process.run()
        Cleanup.remember(process.processIdentifier)
        let reader = outputPath.fileHandleForReading, process = process
        payload = BackgroundTask {
            let payload = reader.readDataToEndOfFile()
            process.waitUntilExit()
            return payload
        }
    }

    /// Errors per page (relative path), after waiting for the checker.
    func results() throws -> [String: [Message]] {
        guard let json = try? JSONSerialization.jsonObject(with: payload.value) as? [String: Any],
              let messages = json["messages"] as? [[String: Any]] else {
            throw Browser.Failure(message: .auditNoVnuResult(exit: process.terminationStatus))
        }
        let absolute = Dictionary(uniqueKeysWithValues: auditedPages.map {
            (URL(fileURLWithPath: Paths.join(rootPath, $0)).standardizedFileURL.path, $0)
        })
        var resultValue = Dictionary(uniqueKeysWithValues: auditedPages.map { ($0, [Message]()) })
        for m in messages where ["error", "non-document-error"].contains(m["type"] as? String ?? "") {
            let url = (m["url"] as? String).flatMap { URL(string: $0)?.path.removingPercentEncoding }
            let webPage = url.flatMap { absolute[URL(fileURLWithPath: $0).standardizedFileURL.path] } ?? auditedPages.first ?? "?"
            resultValue[webPage, default: []].append(Message(sourceLine: m["lastLine"] as? Int ?? m["firstLine"] as? Int,
                                                        columnIndex: m["firstColumn"] as? Int, text: m["message"] as? String ?? ""))
        }
        return resultValue
    }
}
