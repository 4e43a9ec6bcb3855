import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import TeilhabeSupport

/// A failed request, named by URL and what went wrong (the message users read).
package struct OParlError: MessageError { package var message: Message }

/// GET over http(s) with timeouts, a size cap, retries with backoff on 5xx and timeouts, and no
/// redirect to another scheme. `delay` is injectable so that tests do not wait for the backoff.
package struct OParlClient: Sendable {
    package var timeout: TimeInterval = 30
    package var attempts = 5
    package var maxJSONBytes = 32 << 20
    package var maxFileBytes = 200 << 20
    /// Waits before retry number `n` (1, 2, …): 1 s, 2 s, 4 s, 8 s by default.
    package var delay: @Sendable (Int) async -> Void = { n in
        try? await Task.sleep(nanoseconds: UInt64(1 << min(n - 1, 5)) * 1_000_000_000)
    }

    package init() {}

    package struct Response: Sendable { var status: Int; var data: Data }

    /// A JSON document; `missingIsEmpty`: a 404 answers as `nil` (Sternberg's empty list pages).
    package func json(_ url: String, missingIsEmpty: Bool = false) async throws -> OParlValue? {
        let r = try await get(url, limit: maxJSONBytes)
        if r.status == 404, missingIsEmpty { return nil }
        guard (200..<300).contains(r.status) else { throw OParlError(message: .oparlHTTPStatus(url, r.status)) }
        guard let value = OParlValue.parse(r.data), value.dictionary != nil else { throw OParlError(message: .oparlNotJSON(url)) }
        return value
    }

    /// A file's bytes.
    package func file(_ url: String) async throws -> Data {
        let r = try await get(url, limit: maxFileBytes)
        guard (200..<300).contains(r.status) else { throw OParlError(message: .oparlHTTPStatus(url, r.status)) }
        return r.data
    }

    /// One GET, retried on 5xx, 429 and timeouts.
    package func get(_ url: String, limit: Int) async throws -> Response {
        guard let u = URL(string: url), let scheme = u.scheme?.lowercased(), ["http", "https"].contains(scheme), u.host != nil else {
            throw OParlError(message: .oparlURLNotHTTP(url))
        }
        var attempt = 1
        while true {
            do {
                let r = try await OParlRequest(url: u, timeout: timeout, limit: limit).run()
                if (r.status >= 500 || r.status == 429), attempt < attempts {
                    await delay(attempt); attempt += 1; continue
                }
                return r
            } catch let e as URLError where [.timedOut, .networkConnectionLost].contains(e.code) && attempt < attempts {
                await delay(attempt); attempt += 1
            } catch let e as URLError {
                throw OParlError(message: e.code == .timedOut ? .oparlTimeout(url) : .oparlNoConnection(url, e.localizedDescription))
            }
        }
    }
}

/// One request on its own session, whose delegate caps the body and refuses redirects away from http(s).
private final class OParlRequest: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: the mutable state lives in the Mutex; the rest is immutable after init.
    private struct State { var data = Data(); var status = 0; var failure: Error?; var done: CheckedContinuation<OParlClient.Response, Error>? }
    private let state = Mutex(State())
    private let url: URL, timeout: TimeInterval, limit: Int

    init(url: URL, timeout: TimeInterval, limit: Int) { self.url = url; self.timeout = timeout; self.limit = limit }

    func run() async throws -> OParlClient.Response {
        let config = URLSessionConfiguration.ephemeral
        // Whole seconds, at least one: Foundation on Linux hands the timeout to libcurl as an integer (0.5 → 0).
        let timeout = max(1, self.timeout.rounded(.up))
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout * 20
        config.urlCache = nil
        let session = URLSession(configuration: config, delegate: self, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("application/json, */*", forHTTPHeaderField: "Accept")
        request.setValue("teilhabe-import", forHTTPHeaderField: "User-Agent")
        return try await withCheckedThrowingContinuation { c in
            state.withLock { $0.done = c }
            session.dataTask(with: request).resume()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let tooLarge = response.expectedContentLength > Int64(limit)
        state.withLock {
            $0.status = status
            if tooLarge { $0.failure = OParlError(message: .oparlTooLarge(url.absoluteString, limit)) }
        }
        completionHandler(tooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = state.withLock { s -> Bool in
            s.data.append(data)
            if s.data.count > limit, s.failure == nil { s.failure = OParlError(message: .oparlTooLarge(url.absoluteString, limit)) }
            return s.data.count > limit
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let scheme = request.url?.scheme?.lowercased() ?? ""
        guard ["http", "https"].contains(scheme) else {
            state.withLock { $0.failure = OParlError(message: .oparlRedirectRefused(url.absoluteString, request.url?.absoluteString ?? "")) }
            task.cancel()
            completionHandler(nil)
            return
        }
        completionHandler(request)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let (c, result): (CheckedContinuation<OParlClient.Response, Error>?, Result<OParlClient.Response, Error>) = state.withLock { s in
            defer { s.done = nil }
            if let f = s.failure { return (s.done, .failure(f)) }
            if let error { return (s.done, .failure(error as? URLError ?? URLError(.unknown))) }
            return (s.done, .success(.init(status: s.status, data: s.data)))
        }
        c?.resume(with: result)
    }
}
