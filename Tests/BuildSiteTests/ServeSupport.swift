import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small HTTP client for the serve tests, over Foundation's URLSession: plain requests that do not follow
/// redirects (so a 301 can be seen), and an event stream read as it arrives.
final class HTTPTestClient: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    private let lock = NSLock()
    private var streamed = Data()
    private var session: URLSession!

    override init() {
        super.init()
        session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
    }

    func get(_ url: URL, method: String = "GET") throws -> Response {
        var request = URLRequest(url: url, timeoutInterval: 20)
        request.httpMethod = method
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<Response, Error> = .failure(CommandTestError("no answer from \(url)"))
        session.dataTask(with: request) { data, response, error in
            if let error {
                result = .failure(error)
            } else if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in http.allHeaderFields { headers["\(key)".lowercased()] = "\(value)" }
                result = .success(Response(status: http.statusCode, headers: headers, body: String(decoding: data ?? Data(), as: UTF8.self)))
            }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 30)
        return try result.get()
    }

    /// Starts reading a Server-Sent Events stream; `streamedText` grows as events arrive.
    func openStream(_ url: URL) -> URLSessionDataTask {
        let task = session.dataTask(with: URLRequest(url: url, timeoutInterval: 120))
        task.resume()
        return task
    }

    var streamedText: String { lock.withLock { String(decoding: streamed, as: UTF8.self) } }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock { streamed.append(data) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func close() {
        session.invalidateAndCancel()
    }
}

/// `build-site serve --port 0` on a temporary site, with the address it printed.
final class RunningServer {
    let command: RunningCommand
    let base: URL

    init(_ site: TemporarySite, arguments: [String] = []) throws {
        let command = try RunningCommand(["serve", "--port", "0"] + arguments, in: site.root)
        self.command = command
        var found: URL?
        _ = eventually(within: 120) {
            if let range = command.stdout.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                found = URL(string: String(command.stdout[range]))
            }
            return found != nil || !command.process.isRunning
        }
        guard let found else {
            let output = command.stdout + command.stderr
            command.terminate()
            command.cleanUp()
            throw CommandTestError("serve did not start: \(output)")
        }
        base = found
    }

    func url(_ path: String) -> URL { URL(string: path, relativeTo: base)!.absoluteURL }

    func stop() {
        command.terminate()
        command.cleanUp()
    }
}
