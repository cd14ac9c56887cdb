import Testing
import Foundation
@testable import BuildSite

/// `build-site serve`, run as the real executable on 127.0.0.1 with a free port, and always stopped.
@Suite("build-site serve", .serialized)
struct ServeCommandTests {
    static func smallSite() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.write("Content/annual-reports/2023-report.md", "---\ntype: annual-report\ntitle: Annual report 2023\ndate: 2023-09\n---\n## 1. Introduction\n\n1.1. First words.\n")
        try site.write("Content/annual-reports/chart.png", "\u{89}PNG")
        return site
    }

    @Test("Pages are served with the reload script, an edit is served within seconds, and a failed build keeps the last good page with its errors")
    func servesEditsAndErrors() throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        let server = try RunningServer(site)
        defer { server.stop() }
        let client = HTTPTestClient()
        defer { client.close() }

        let home = try client.get(server.url("/"))
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("Annual report 2023"))
        #expect(home.body.contains("<script src=\"/__build-site/live-reload.js\" data-generation=\"1\"></script>\n</body>"))
        #expect(!(try site.read("Site/index.html")).contains("__build-site"), "the script must never be written to Site/")
        let script = try client.get(server.url("/__build-site/live-reload.js"))
        #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.body.contains("new EventSource(\"/__build-site/events\")"))

        let events = client.openStream(server.url("/__build-site/events"))
        defer { events.cancel() }
        #expect(eventually(within: 10) { client.streamedText.contains("event: status\ndata: {\"generation\":1,\"messages\":[],\"ok\":true}\n\n") }, "\(client.streamedText)")

        let page = "/annual-reports/2023-report/"
        let path = "Content/annual-reports/2023-report.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "First words.", with: "Edited words."))
        #expect(try eventually(within: 10) { try client.get(server.url(page)).body.contains("Edited words.") }, "the edit was not served")
        #expect(eventually(within: 5) { client.streamedText.contains("\"generation\":2") }, "\(client.streamedText)")

        try site.write(path, try site.read(path).replacingOccurrences(of: "date: 2023-09", with: "date: 2023-13"))
        let failing = #"Content/annual-reports/2023-report.md:4:7: error: 'date' must be a real date written YYYY-MM-DD (or YYYY-MM, or YYYY when only that is known); found "2023-13""#
        #expect(eventually(within: 10) { server.command.stderr.contains(failing) }, "\(server.command.stderr)")
        #expect(server.command.stderr.contains("Build failed with 1 error; still serving the last good site."))
        let shown = try client.get(server.url(page))
        #expect(shown.status == 200)
        #expect(shown.body.contains("Edited words."), "the last good page is still served")
        #expect(shown.body.contains("<div id=\"build-site-errors\" role=\"alert\""))
        #expect(shown.body.contains(failing.replacingOccurrences(of: "\"", with: "&quot;")))
        #expect(eventually(within: 5) { client.streamedText.contains("data: {\"generation\":2,\"messages\":[\"\(failing.replacingOccurrences(of: "\"", with: "\\\""))\"],\"ok\":false}") }, "\(client.streamedText)")
        #expect(!(try site.read("Site\(page)index.html")).contains("build-site-errors"))

        try site.write(path, try site.read(path).replacingOccurrences(of: "date: 2023-13", with: "date: 2023-10"))
        #expect(try eventually(within: 10) { try !client.get(server.url(page)).body.contains("build-site-errors") })
        #expect(eventually(within: 5) { client.streamedText.contains("\"generation\":3") }, "\(client.streamedText)")
    }

    @Test("Files are served with their types, folders as index.html, and nothing outside the output folder")
    func servesFilesSafely() throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        let server = try RunningServer(site)
        defer { server.stop() }
        let client = HTTPTestClient()
        defer { client.close() }

        #expect(try client.get(server.url("/assets/site.css")).headers["content-type"] == "text/css; charset=utf-8")
        #expect(try client.get(server.url("/annual-reports/chart.png")).headers["content-type"] == "image/png")
        let folder = try client.get(server.url("/annual-reports"))
        #expect(folder.status == 301)
        #expect(folder.headers["location"] == "/annual-reports/")
        #expect(try client.get(server.url("/annual-reports/")).body.contains("Annual report 2023"))
        for sneaky in ["/%2e%2e/Content/site.yml", "/..%2fContent%2fsite.yml", "/assets/..%2f..%2fContent/site.yml",
                       "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/.Site.lock", "/annual-reports/2023-report.md"] {
            let answer = try client.get(server.url(sneaky))
            #expect(answer.status == 404, "\(sneaky)")
            #expect(!answer.body.contains("base_url"), "\(sneaky) leaked site.yml")
        }
        #expect(try client.get(server.url("/"), method: "POST").status == 405)
    }

    @Test("The search index is made while the pages are served: an edit is served at once, and its index follows",
          .timeLimit(.minutes(5)))
    func searchIndexInTheBackground() throws {
        let pagefind = repositoryRoot.appendingPathComponent(".venv/bin/pagefind").path
        try #require(FileManager.default.isExecutableFile(atPath: pagefind), "make test-deps installs Pagefind into .venv")
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        let server = try RunningServer(site, arguments: ["--pagefind", pagefind])
        defer { server.stop() }
        let client = HTTPTestClient()
        defer { client.close() }

        #expect(server.command.stdout.contains("pages with 0 warnings in"))
        #expect(server.command.stdout.contains("; the search index follows in the background\n"))
        let indexed = "Search index of 5 pages made by Pagefind.\n"
        #expect(eventually(within: 60) { server.command.stdout.contains(indexed) }, "\(server.command.stdout)\(server.command.stderr)")
        #expect(try client.get(server.url("/pagefind/pagefind-entry.json")).status == 200)
        #expect(!site.exists(".Site.search"))

        let path = "Content/annual-reports/2023-09-islington-child-protection-annual-report.md"
        try site.write(path, try site.read(path) + "\nA paragraph added while serving.\n")
        let page = "/annual-reports/2023-09-islington-child-protection-annual-report/"
        #expect(try eventually(within: 10) { try client.get(server.url(page)).body.contains("A paragraph added while serving.") })
        #expect(!site.exists(".Site.old"), "a text edit is put in place, with the index the site had")
        #expect(try client.get(server.url("/pagefind/pagefind-entry.json")).status == 200)
        #expect(eventually(within: 60) { server.command.stdout.components(separatedBy: indexed).count == 3 }, "\(server.command.stdout)")
        #expect(!site.exists(".Site.search"))
        server.stop()

        // serve's record is not a record of a site with an up-to-date index: a build makes its own.
        let build = try site.run("build", "--pagefind", pagefind)
        #expect(build.stdout.hasSuffix("; search index of 5 pages made by Pagefind\n"), "\(build.stdout)")
    }

    @Test("A port that is taken is reported, with what to do")
    func portInUse() throws {
        let site = try Self.smallSite()
        defer { site.remove() }
        let first = try RunningServer(site)
        defer { first.stop() }
        let port = try #require(first.base.port)
        let second = try site.run("serve", "--port", String(port), "--output", "Site2")
        #expect(second.status == 1)
        #expect(second.stderr.contains("error: cannot serve on 127.0.0.1:\(port)"), "\(second.stderr)")
        #expect(second.stderr.contains("expected a free port: try --port"))
    }
}
