import Foundation
import TeilhabeSupport

/// What layout checks need from the audit's browser besides axe: a viewport of a given width, a
/// script's result and a screenshot, all through the same WebDriver session.
extension Browser {
    /// Emulates a screen `width` CSS pixels wide (device scale 1), so that media queries and
    /// `window.innerWidth` see exactly that width.
    package func setViewport(width: Int, height: Int) throws {
        let metrics = ViewportMetrics(width: width, height: height, deviceScaleFactor: 1, mobile: false)
        _ = try command("POST", "/goog/cdp/execute", DevToolsCommand(cmd: "Emulation.setDeviceMetricsOverride", params: metrics))
    }

    /// Loads a page and waits for it (WebDriver returns once the document has loaded).
    package func open(_ url: String) throws {
        _ = try command("POST", "/url", ["url": url])
    }

    /// Runs a script in the page and returns what it passes to its callback (the last argument),
    /// as JSON gives it; asynchronous, so that it can wait for a frame.
    package func evaluate(_ script: String) throws -> Any? {
        let answer = try command("POST", "/execute/async", ScriptCall(script: script, args: []))
        return answer["value"]
    }

    /// A PNG of the whole page, beyond the viewport.
    package func screenshot() throws -> Data {
        let answer = try command("POST", "/goog/cdp/execute",
                                DevToolsCommand(cmd: "Page.captureScreenshot", params: CaptureOptions(format: "png", captureBeyondViewport: true)))
        guard let base64 = (answer["value"] as? [String: Any])?["data"] as? String, let png = Data(base64Encoded: base64) else {
            throw Failure(message: .auditNoScreenshot)
        }
        return png
    }

    private struct DevToolsCommand<Parameters: Encodable>: Encodable { var cmd: String; var params: Parameters }
    private struct ViewportMetrics: Encodable { var width: Int; var height: Int; var deviceScaleFactor: Int; var mobile: Bool }
    private struct CaptureOptions: Encodable { var format: String; var captureBeyondViewport: Bool }
    private struct ScriptCall: Encodable { var script: String; var args: [String] }
}
