import Testing
import Foundation
@testable import BuildSite

/// `build-site build`'s own flags, run as the real executable.
@Suite("build-site build: --quiet, --verbose and progress", .serialized)
struct BuildCommandTests {
    static func siteWithAWarning() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.write("Content/annual-reports/2023-report.md", "---\ntype: annual-report\ntitle: Annual report\ndate: 2023-09\nsumary: typo\n---\n1.1. Text.\n")
        return site
    }

    @Test("A site address without https://, http:// or / is refused, in site.yml (at its place) and as --base-url")
    func baseURLChecked() throws {
        let site = try Self.siteWithAWarning()
        defer { site.remove() }
        let option = try site.run("build", "--base-url", "example.org/reports")
        #expect(option.status != 0)
        #expect(option.stderr.contains("--base-url: the site's address must start https:// (or http://, or /); found \"example.org/reports\""), "\(option.stderr)")
        #expect(!site.exists("Site"))
        #expect(try site.run("build", "--base-url", "https://example.org/reports").status == 0)

        try site.write("Content/site.yml", "title: Test reports\nbase_url: www.example.org\n")
        let settings = try site.run("build")
        #expect(settings.status == 1)
        #expect(settings.stderrLines.contains("Content/site.yml:2:11: error: base_url: the site's address must start https:// (or http://, or /); found \"www.example.org\""), "\(settings.stderr)")
    }

    @Test("By default: warnings on standard error, the summary line with the warning count on standard output")
    func defaultOutput() throws {
        let site = try Self.siteWithAWarning()
        defer { site.remove() }
        let result = try site.run("build")
        #expect(result.status == 0)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("Content/annual-reports/2023-report.md:5:1: warning: unknown key 'sumary' in the front matter (did you mean 'summary'?)") == true)
        #expect(result.stdoutLines.count == 1)
        #expect(result.stdoutLines.first?.hasPrefix("Built 1 document into 7 pages with 1 warning in ") == true, "\(result.stdout)")
    }

    @Test("--quiet prints nothing when the build works, and only the errors when it fails")
    func quiet() throws {
        let site = try Self.siteWithAWarning()
        defer { site.remove() }
        let ok = try site.run("build", "--quiet")
        #expect(ok.status == 0 && ok.stdout.isEmpty && ok.stderr.isEmpty, "\(ok.stdout)\(ok.stderr)")
        try site.write("Content/annual-reports/2023-report.md", "---\ntype: annual-report\ntitle: Annual report\ndate: 2023-13\nsumary: typo\n---\n1.1. Text.\n")
        let failed = try site.run("build", "-q")
        #expect(failed.status == 1)
        #expect(failed.stderrLines == [
            "Content/annual-reports/2023-report.md:4:7: error: 'date' must be a real date written YYYY-MM-DD (or YYYY-MM, or YYYY when only that is known); found \"2023-13\"",
            "Build failed with 1 error; Site was not changed.",
        ])
    }

    @Test("--verbose prints each stage with its time and the documents and files done, even into a file")
    func verbose() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        for index in 0..<25 {
            try site.write("Content/minutes/2023-\(index).md", "---\ntype: minutes\ntitle: Minutes \(index)\ndate: 2023-10-01\n---\nNoted.\n")
        }
        let result = try site.run("build", "--verbose")
        #expect(result.status == 0)
        let lines = result.stderrLines
        #expect(lines.first { $0.hasPrefix("Read and checked 25 documents, 0 of them as decoded by the last build, in ") && $0.hasSuffix(" s") } != nil, "\(lines)")
        #expect(lines.contains("Rendering 25 of 25 documents"))
        #expect(lines.contains("Rendering 5 of 25 documents"))
        #expect(lines.contains { $0.hasPrefix("Rendered and wrote ") && $0.contains(" files, 0 of them kept from the last build,") })
        #expect(lines.last?.hasPrefix("Published Site in ") == true)
        #expect(try site.run("build", "--quiet", "--verbose").stderr.contains("--quiet and --verbose cannot be used together"))

        // One document edited: the other 24 are read back as the last build decoded them, not parsed again.
        try site.write("Content/minutes/2023-3.md", "---\ntype: minutes\ntitle: Minutes 3, corrected\ndate: 2023-10-01\n---\nNoted.\n")
        let again = try site.run("build", "--verbose")
        #expect(again.status == 0)
        #expect(again.stderrLines.contains { $0.hasPrefix("Read and checked 25 documents, 24 of them as decoded by the last build, in ") }, "\(again.stderrLines)")
        #expect(try site.read("Site/minutes/2023-3/index.html").contains("Minutes 3, corrected"))
    }

    @Test("Without --verbose and not in a terminal, there is no progress line")
    func noProgressIntoAFile() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/minutes/2023-1.md", "---\ntype: minutes\ntitle: Minutes\ndate: 2023-10-01\n---\nNoted.\n")
        let result = try site.run("build")
        #expect(result.stderr.isEmpty)
    }
}
