import Foundation
import Testing
@testable import BuildSite

/// Every page of the real reports: `(path in Site/, HTML)`.
func builtPages(of site: TemporarySite) throws -> [(path: String, html: String)] {
    let base = site.root.appendingPathComponent("Site")
    let enumerator = FileManager.default.enumerator(atPath: base.path)
    var pages: [(String, String)] = []
    while let relative = enumerator?.nextObject() as? String {
        if relative.hasSuffix(".html") {
            pages.append((relative, try String(contentsOf: base.appendingPathComponent(relative), encoding: .utf8)))
        }
    }
    return pages.sorted { $0.0 < $1.0 }
}

/// The site's Content-Security-Policy, as the page's `<meta http-equiv>` states it.
func contentSecurityPolicy(in html: String) -> [String: [String]]? {
    let meta = try! Regex(#"<meta http-equiv="Content-Security-Policy" content="([^"]*)">"#)
    guard let match = html.firstMatch(of: meta), let policy = match.output[1].substring else { return nil }
    var directives: [String: [String]] = [:]
    for directive in policy.split(separator: ";") {
        let words = directive.split(separator: " ").map(String.init)
        if let name = words.first { directives[name] = Array(words.dropFirst()) }
    }
    return directives
}

@Suite("Pages load nothing from other hosts and forbid inline script", .serialized)
struct SecurityPagesTests {
    @Test("Every page carries a Content-Security-Policy that forbids inline script and anything from other hosts")
    func everyPageHasThePolicy() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let pages = try builtPages(of: site)
        #expect(pages.count >= 8)
        for (path, html) in pages {
            let policy = try #require(contentSecurityPolicy(in: html), "\(path) has no Content-Security-Policy")
            #expect(policy["default-src"] == ["'none'"], "\(path)")
            let script = policy["script-src"] ?? policy["default-src"] ?? []
            #expect(!script.contains("'unsafe-inline'") && !script.contains("'unsafe-eval'") && !script.contains("*"), "\(path) allows inline script")
            for (name, sources) in policy where name != "default-src" {
                for source in sources {
                    #expect(["'self'", "data:", "'none'"].contains(source), "\(path): \(name) allows \(source)")
                }
            }
            // The policy must come before anything it governs.
            let metaAt = html.range(of: "Content-Security-Policy")!.lowerBound
            let firstLoad = html.range(of: "<link rel=\"stylesheet\"")?.lowerBound ?? html.endIndex
            #expect(metaAt < firstLoad, "\(path): the policy must precede the stylesheet")
        }
    }

    @Test("No page loads a stylesheet, script, image or frame from another host")
    func nothingFromOtherHosts() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let loadingTag = try Regex(#"<(link|script|img|iframe|frame|source|video|audio|object|embed|track|input)\b[^>]*>"#)
        for (path, html) in try builtPages(of: site) {
            for match in html.matches(of: loadingTag) {
                let tag = String(match.output[0].substring ?? "")
                if tag.hasPrefix("<link") && !tag.contains("stylesheet") && !tag.contains("icon") && !tag.contains("preload") { continue }
                for (url, scheme) in urlSchemes(in: " " + tag.dropFirst()) {
                    #expect(scheme == "" && !url.hasPrefix("//"), "\(path) loads \(url) from another host: \(tag)")
                }
            }
        }
    }

    /// Chromium, as a resident's browser: the stylesheet applies and inline script is refused, both from disk
    /// (`file://`, where 'self' must still match the site's own files) and from a web server.
    @Test("In Chromium the site's CSS applies and inline script is refused, from file:// and from a server",
          .enabled(if: ChromiumProbe.chromium != nil, "chromium is not installed (make test installs it)"))
    func chromiumHonoursThePolicy() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/site.yml", "title: Test reports\nunsafe_html: true\n")
        // An author's raw HTML that would run script if the policy allowed inline handlers.
        try site.write("Content/pages/probe.md", """
        ---
        type: page
        title: Probe
        date: 2024-01-01
        ---
        Text.

        <img src="missing.png" onerror="console.log('INLINE-HANDLER-RAN')"> <img src="https://example.org/remote.png">
        """)
        // A script file of the site's own (allowed by script-src 'self') reports whether the stylesheet applied.
        try site.write("Templates/assets/probe.js", "console.log('CSS-PROBE ' + getComputedStyle(document.querySelector('.site-header')).backgroundColor);\n")
        let base = try site.read("Templates/base.mustache")
        try site.write("Templates/base.mustache", base.replacingOccurrences(of: "</body>", with: "<script src=\"{{root}}assets/probe.js\"></script>\n</body>"))
        _ = try site.build()

        let fileLog = try ChromiumProbe.console(of: site.root.appendingPathComponent("Site/pages/probe/index.html").absoluteString)
        try ChromiumProbe.check(fileLog, from: "file://")

        let server = try ChromiumProbe.StaticServer(folder: site.root.appendingPathComponent("Site"))
        defer { server.stop() }
        let httpLog = try ChromiumProbe.console(of: "http://127.0.0.1:\(server.port)/pages/probe/index.html")
        try ChromiumProbe.check(httpLog, from: "http://")
    }
}

enum ChromiumProbe {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The page's console messages and Chromium's policy reports, from a headless run.
    static func console(of url: String) throws -> String {
        let process = Process()
        // `timeout`, so that a browser that never finishes fails the test instead of holding it; with SIGKILL,
        // because children of the test runner inherit its blocked signals, SIGTERM among them.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        // A profile of its own, removed after: Chromium leaves a few megabytes in it.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = ["-s", "KILL", "60", chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0",
                             "--virtual-time-budget=5000", "--user-data-dir=" + profile.path, "--dump-dom", url]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let log = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: log, as: UTF8.self)
    }

    static func check(_ log: String, from origin: String) throws {
        let probe = log.split(separator: "\n").first { $0.contains("CSS-PROBE ") }
        let colour = probe.map { String($0.split(separator: "CSS-PROBE ").last ?? "").prefix { $0 != "\"" } }
        #expect(colour != nil, "\(origin): the site's own script did not run: \(log)")
        #expect(colour?.hasPrefix("rgb(") == true && colour != "rgba(0, 0, 0, 0)", "\(origin): the stylesheet did not apply (header background \(colour ?? "?"))")
        #expect(!log.contains("INLINE-HANDLER-RAN"), "\(origin): an inline handler ran")
        #expect(log.contains("Executing inline event handler violates the following Content Security Policy directive"), "\(origin): \(log)")
        #expect(log.contains("Loading the image 'https://example.org/remote.png' violates"), "\(origin): a remote image was not refused")
        #expect(!log.contains("Loading the stylesheet"), "\(origin): the stylesheet was refused")
    }

    /// Python's standard web server, serving the built site on a free port, as a council's server would.
    final class StaticServer {
        let process = Process()
        let port: Int

        init(folder: URL) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            // Port 0: the system picks a free port, which the server prints once it is listening.
            process.arguments = ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
            let words = String(decoding: line, as: UTF8.self).split(separator: " ")
            port = words.firstIndex(of: "port").flatMap { Int(words[words.index(after: $0)]) } ?? 0
        }

        /// SIGKILL: children of the test runner inherit its blocked signals, SIGTERM among them.
        func stop() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
