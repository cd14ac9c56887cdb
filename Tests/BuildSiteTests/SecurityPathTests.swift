import Foundation
import Testing
@testable import BuildSite

/// Nothing a file name, key or link says can make build-site read outside Content/ and Templates/ or write
/// outside the output folder.
@Suite("Nothing escapes: reads stay in Content/ and Templates/, writes stay in the output folder")
struct SecurityPathTests {
    @Test("The writer refuses paths with '..', absolute paths and empty parts, and writes nothing at all", arguments: [
        "../escaped.html", "/tmp/escaped.html", "pages/../../escaped.html", "pages//x.html", "./x.html", "pages/..", "",
    ])
    func writerRefusesEscapingPaths(_ path: String) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        let output = site.root.appendingPathComponent("Site")
        let writer = SiteWriter(output: output, displayName: "Site")
        try writer.write([OutputFile(path: "index.html", text: "old site")])
        do {
            try writer.write([OutputFile(path: "index.html", text: "new site"), OutputFile(path: path, text: "escaped")])
            Issue.record("'\(path)' was written")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["\(path):1:1: error: refusing to write outside the output folder; expected a path inside Site"])
        }
        #expect(try site.read("Site/index.html") == "old site")
        #expect(!site.exists("escaped.html"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/escaped.html"))
        #expect(site.leftovers == [])
    }

    @Test("The path check, read byte by byte, refuses exactly the paths with an empty, '.' or '..' part")
    func pathCheckAgreesWithItsParts() {
        func reference(_ path: String) -> Bool {
            path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
        }
        let pieces = ["", ".", "..", "...", ".a", "a.", "a..b", "index.html", "é", "/"]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let path = first + second + "/" + third
                    #expect(SiteFolderPaths.staysInside(path) == reference(path), "\(path.debugDescription)")
                    #expect(SiteFolderPaths.staysInside(first + third) == reference(first + third), "\((first + third).debugDescription)")
                }
            }
        }
    }

    @Test("'discusses' naming a path out of Content/ is only looked up among the documents, never read")
    func discussesOutside() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/minutes/m.md", "---\ntype: minutes\ntitle: Minutes\ndate: 2024-01-01\ndiscusses: ../../../../etc/passwd\n---\n")
        let errors = site.buildErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("Content/minutes/m.md:5:12: error: 'discusses' names no report: ../../../../etc/passwd") == true)
    }

    @Test("A template that is a link out of Templates/ is refused; a link to an asset outside is not published")
    func templateLinksOutside() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", "---\ntype: page\ntitle: About\ndate: 2024-01-01\n---\n")
        try site.write("Outside/secret.css", "body { content: 'secret' }")
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Templates/assets/secret.css").path,
                                                   withDestinationPath: site.root.appendingPathComponent("Outside/secret.css").path)
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Templates/assets/outside").path,
                                                   withDestinationPath: site.root.appendingPathComponent("Outside").path)
        _ = try site.build()
        #expect(!site.exists("Site/assets/secret.css"))
        #expect(!site.exists("Site/assets/outside"))
        #expect(site.exists("Site/assets/site.css"))

        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent("Templates/footer.mustache").path, withDestinationPath: "/etc/passwd")
        #expect(site.buildErrors() == ["Templates/footer.mustache:1:1: error: this template is a link that points outside the templates folder or nowhere; expected a real file inside it"])
    }

    @Test("A partial name cannot reach the file system: {{> ../../etc/passwd}} renders nothing")
    func partialNamesAreNotPaths() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", "---\ntype: page\ntitle: About\ndate: 2024-01-01\n---\n")
        let home = try site.read("Templates/home.mustache")
        try site.write("Templates/home.mustache", home.replacingOccurrences(of: "{{$main}}", with: "{{$main}}[{{> ../../../../etc/passwd}}]"))
        _ = try site.build()
        let page = try site.read("Site/index.html")
        #expect(page.contains("[]"))
        #expect(!page.contains("root:"))
    }

    @Test("An output folder that is, or holds, Content/ or Templates/ is refused, and nothing is deleted",
          arguments: ["Content", ".", "Templates"])
    func outputOverSources(_ output: String) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", "---\ntype: page\ntitle: About\ndate: 2024-01-01\n---\n")
        let before = site.snapshot("Content")
        let run = try BuildSiteCommand.run(["--output", output], in: site.root)
        #expect(run.exitStatus == 1)
        #expect(run.standardError.hasPrefix("\(output):1:1: error: the output folder"), "\(run.standardError)")
        #expect(site.snapshot("Content") == before)
        #expect(site.exists("Templates/base.mustache"))
    }
}
