import Testing
import Foundation
@testable import BuildSite

/// `build-site new`, run as the real executable: a file for each type that builds at once, never an overwrite.
@Suite("build-site new", .serialized)
struct NewCommandTests {
    static var today: String { NewDocument.today().iso }

    @Test("Each type gets a dated file with every key, the optional ones commented, and the site builds with it",
          arguments: [(DocumentType.deepDive, "deep-dives"), (.annualReport, "annual-reports"), (.minutes, "minutes"), (.page, "pages")])
    func newThenBuild(type: DocumentType, folder: String) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let result = try site.run("new", type.rawValue, "Safeguarding: a review # 2")
        #expect(result.status == 0, "\(result.stderr)")
        let path = "Content/\(folder)/\(Self.today)-safeguarding-a-review-2.md"
        #expect(result.stdoutLines == [path])

        let text = try site.read(path)
        #expect(text.hasPrefix("---\ntype: \(type.rawValue)\ntitle: \"Safeguarding: a review # 2\"\ndate: \(Self.today) "))
        var optional = ["summary", "tags", "draft"]
        if type != .page { optional += ["council", "committee", "author"] }
        if type == .minutes { optional.append("discusses") }
        if type == .deepDive { optional.append("risks") }
        for key in optional {
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("# \(key):") }, "no commented '\(key)'")
            #expect(line.contains("# optional"), "\(line) has no explanation")
        }

        let build = try site.run("build")
        #expect(build.status == 0, "\(build.stderr)")
        let page = try site.read("Site/\(folder)/\(Self.today)-safeguarding-a-review-2/index.html")
        #expect(page.contains("Safeguarding: a review # 2"))

        let check = try site.run("check")
        #expect(check.stdoutLines == ["Checked 1 document: 0 errors, 0 warnings; the site would build."], "\(check.stdout)")
    }

    @Test("The deep-dive's example risk, uncommented, is a valid risk on a page")
    func exampleRiskBuilds() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let path = try #require(try site.run("new", "deep-dive", "Children's services risk").stdoutLines.first)
        var lines = try site.read(path).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("# risks:") })
        var index = start
        while index < lines.count, lines[index].hasPrefix("#") {
            lines[index] = String(lines[index].dropFirst(2))
            index += 1
        }
        try site.write(path, lines.joined(separator: "\n"))
        let build = try site.run("build")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(path == "Content/deep-dives/\(Self.today)-childrens-services-risk.md")
        let page = try site.read("Site/deep-dives/\(Self.today)-childrens-services-risk/index.html")
        #expect(page.contains("L2 × I5 = 10"))
        #expect(page.contains("What will be done"))
    }

    @Test("A second 'new' with the same title refuses, says so, and leaves the file as it was")
    func neverOverwrites() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let path = try #require(try site.run("new", "minutes", "Audit Committee").stdoutLines.first)
        try site.write(path, "my work\n")
        let again = try site.run("new", "minutes", "Audit Committee")
        #expect(again.status == 1)
        #expect(again.stderrLines == ["\(path):1:1: error: this file already exists and is left as it is; expected a new title, or edit that file"])
        #expect(try site.read(path) == "my work\n")
    }

    @Test("An unknown type and a title with nothing to name the file by are explained")
    func badArguments() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let type = try site.run("new", "report", "Title")
        #expect(type.status == 1)
        #expect(type.stderr.contains("unknown document type 'report'; expected one of: deep-dive, annual-report, minutes, page"))
        let title = try site.run("new", "page", "???")
        #expect(title.status == 1)
        #expect(title.stderr.contains("the title \"???\" has no letters or digits to name the file by"))
        #expect(site.tree("Content").keys.sorted() == ["site.yml"])
    }
}
