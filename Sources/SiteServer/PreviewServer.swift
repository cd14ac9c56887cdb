import BuildSite
import FlyingFox
import FlyingSocks
import Foundation

/// `build-site serve`: builds the site, serves the output folder on 127.0.0.1, watches the content and templates,
/// rebuilds on every change and tells open pages to reload. A failed rebuild is shown in the terminal and on the
/// pages, and the last good site (left untouched by the failed build) keeps being served.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var port: UInt16
    /// How often the folders are looked at for changes.
    public var pollInterval: Duration
    /// Lines for the terminal: `say` for progress (standard output), `warn` for problems (standard error).
    public var say: @Sendable (String) -> Void
    public var warn: @Sendable (String) -> Void

    public init(options: BuildOptions, port: UInt16, pollInterval: Duration = .milliseconds(500),
                say: @escaping @Sendable (String) -> Void, warn: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.port = port
        self.pollInterval = pollInterval
        self.say = say
        self.warn = warn
    }

    /// Runs until the process is stopped. Throws only when the server cannot start (the port is taken).
    public func run() async throws(BuildFailure) {
        // Folders a build would refuse stop `serve` at once, rather than failing every rebuild.
        try SiteBuilder(options: options).checkFolders()
        let live = LiveReload()
        let search = BackgroundSearchIndex(options: options)
        await rebuild(live, search: search)
        let handler = SiteRequestHandler(files: SiteFiles(root: options.outputURL), live: live)
        let server: HTTPServer
        do {
            server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled, handler: handler)
        } catch {
            throw BuildFailure([.error(at: SourceLocation(path: options.output), "cannot listen on 127.0.0.1:\(port): \(error); expected a port number from 1 to 65535")])
        }
        let startFailure = StartFailure()
        let serving = Task {
            do { try await server.run() } catch { await startFailure.record(error) }
        }
        // Listening, or the reason it could not (a port in use fails at once), whichever comes first.
        while !(await server.isListening) {
            if let error = await startFailure.error {
                serving.cancel()
                throw BuildFailure([.error(at: SourceLocation(path: options.output), "cannot serve on 127.0.0.1:\(port) (\(error)); expected a free port: try --port \(port == 8000 ? 8001 : 8000)")])
            }
            try? await Task.sleep(for: .milliseconds(20))
        }
        var shownPort = port
        if case .ip4(_, let actual)? = await server.listeningAddress { shownPort = actual }
        say("Serving \(options.output) at http://127.0.0.1:\(shownPort)/ — watching \(options.content) and \(options.templates); press Ctrl-C to stop.")

        let watcher = FolderWatcher(folders: [options.contentURL, options.templatesURL])
        var last = watcher.snapshot()
        var sinceHeartbeat = Duration.zero
        while !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
            sinceHeartbeat += pollInterval
            if sinceHeartbeat >= .seconds(15) {
                sinceHeartbeat = .zero
                await live.heartbeat()
            }
            let now = watcher.snapshot()
            guard now != last else { continue }
            last = now
            // Edits made while this build runs differ from `now`, so the next look builds again.
            say("Change seen; rebuilding…")
            await rebuild(live, search: search)
        }
        search.stop()
        await server.stop()
    }

    /// One build off the cooperative threads (it blocks while it works), then its result to the terminal and pages.
    /// The search index is made after it, while the pages are served: an index still being made of the site as it
    /// was is stopped first.
    private func rebuild(_ live: LiveReload, search: BackgroundSearchIndex) async {
        let options = self.options
        let result: Result<BuildReport, BuildFailure> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                search.stop()
                var builder = SiteBuilder(options: options)
                builder.indexesSearchLater = true
                do throws(BuildFailure) {
                    continuation.resume(returning: .success(try builder.build()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch result {
        case .success(let report):
            for warning in report.warnings { warn(warning.description) }
            say(report.summary)
            await live.built()
            if case .later(let scope) = report.search {
                search.start(scope: scope) { [say, warn] outcome, warnings in
                    for warning in warnings { warn(warning.description) }
                    say(outcome.summary.prefix(1).uppercased() + outcome.summary.dropFirst() + ".")
                }
            }
        case .failure(let failure):
            for diagnostic in failure.diagnostics { warn(diagnostic.description) }
            warn("Build failed with \(failure.errors.count) error\(failure.errors.count == 1 ? "" : "s"); still serving the last good site.")
            await live.failed(failure.diagnostics.map(\.description))
        }
    }
}

/// Answers the browser: the live-reload script and event stream under `/__build-site/`, and the site's files,
/// with HTML pages given the script (and the errors, after a failed build) on the way out.
struct SiteRequestHandler: HTTPHandler {
    let files: SiteFiles
    let live: LiveReload

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        switch request.path {
        case LiveReloadPage.scriptPath:
            return respond(request, .ok, type: "text/javascript; charset=utf-8", Data(LiveReloadPage.script.utf8))
        case LiveReloadPage.statusPath:
            let status = await live.status
            return respond(request, .ok, type: "application/json", (try? JSONEncoder().encode(status)) ?? Data("{}".utf8))
        case LiveReloadPage.eventsPath:
            let events = await live.events()
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                                body: HTTPBodySequence(from: EventStreamBody(stream: events)))
        default:
            break
        }
        switch files.resolve(request.target.rawValue.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/") {
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
        case .notFound:
            let page = LiveReloadPage.inject(into: LiveReloadPage.notFoundPage(path: request.path), status: await live.status)
            return respond(request, .notFound, type: "text/html; charset=utf-8", Data(page.utf8))
        case .file(let url):
            let type = SiteFiles.contentType(for: url)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return respond(request, .notFound, type: "text/plain; charset=utf-8", Data("Not found\n".utf8))
            }
            if type.hasPrefix("text/html"), let html = String(data: data, encoding: .utf8) {
                let page = LiveReloadPage.inject(into: html, status: await live.status)
                return respond(request, .ok, type: type, Data(page.utf8))
            }
            return respond(request, .ok, type: type, data)
        }
    }

    private func respond(_ request: HTTPRequest, _ status: HTTPStatusCode, type: String, _ body: Data) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff"]
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}

/// Why the HTTP server stopped before or while starting, if it did.
private actor StartFailure {
    private(set) var error: (any Error)?
    func record(_ error: any Error) { self.error = error }
}
