import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BuildSite

/// Links, pipes and files that cannot be read in `Content/`: each is named in an error (or skipped with a warning),
/// the build never hangs on them, never reads through them out of the folder, and leaves the site as it was.
@Suite("Links, pipes and unreadable files in Content/")
struct RobustnessFileSystemTests {
    static let page = "---\ntype: page\ntitle: About\ndate: 2024-01-01\n---\nAbout us.\n"

    func link(_ path: String, to target: String, in site: TemporarySite) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    @Test("A loop of links, a broken link and links out of the folder are errors; a link to a folder is skipped")
    func links() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", Self.page)
        _ = try site.build()
        let before = site.snapshot("Site")

        try link("Content/pages/loop-a.md", to: "loop-b.md", in: site)
        try link("Content/pages/loop-b.md", to: "loop-a.md", in: site)
        try link("Content/pages/broken.md", to: "missing.md", in: site)
        try link("Content/pages/passwd.md", to: "/etc/passwd", in: site)
        try link("Content/pages/template.md", to: "../../Templates/base.mustache", in: site)
        try link("Content/pages/folder-loop", to: "..", in: site)
        #expect(site.buildErrors() == [
            "Content/pages/broken.md:1:1: error: this link points nowhere (a broken or looping link); expected a real file",
            "Content/pages/folder-loop:1:1: warning: a link to a folder is not followed; expected a real folder",
            "Content/pages/loop-a.md:1:1: error: this link points nowhere (a broken or looping link); expected a real file",
            "Content/pages/loop-b.md:1:1: error: this link points nowhere (a broken or looping link); expected a real file",
            "Content/pages/passwd.md:1:1: error: this link points outside the content folder; expected a real file inside it",
            "Content/pages/template.md:1:1: error: this link points outside the content folder; expected a real file inside it",
        ])
        #expect(site.snapshot("Site") == before)
    }

    @Test("A link inside the folder is followed, and a linked image is published as a file, not as a link")
    func linksInside() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", Self.page)
        try site.write("Content/pages/chart.png", "not really a PNG")
        try link("Content/pages/same-as-about.md", to: "about.md", in: site)
        try link("Content/pages/chart-link.png", to: site.root.appendingPathComponent("Content/pages/chart.png").path, in: site)
        _ = try site.build()
        #expect(try site.read("Site/pages/same-as-about/index.html").contains("About us."))
        let published = site.root.appendingPathComponent("Site/pages/chart-link.png").path
        let type = try FileManager.default.attributesOfItem(atPath: published)[.type] as? FileAttributeType
        #expect(type == .typeRegular, "a link into Content/ would break once the site is copied to a server")
        #expect(try site.read("Site/pages/chart-link.png") == "not really a PNG")
    }

    @Test("A content folder that is itself a link works, and its inner links are judged by where they really point")
    func contentFolderIsALink() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", Self.page)
        try link("Content/pages/same.md", to: "about.md", in: site)
        try link("Content/pages/loop.md", to: "loop.md", in: site)
        try link("Linked", to: "Content", in: site)
        let options = BuildOptions(content: site.root.appendingPathComponent("Linked").path,
                                   templates: site.root.appendingPathComponent("Templates").path,
                                   output: site.root.appendingPathComponent("Site").path)
        do {
            _ = try SiteBuilder(options: options).build()
            Issue.record("a link that loops back on itself must fail the build")
        } catch {
            #expect(error.diagnostics.map { $0.description.replacingOccurrences(of: site.root.path + "/", with: "") } == [
                "Linked/pages/loop.md:1:1: error: this link points nowhere (a broken or looping link); expected a real file",
            ])
        }
    }

    @Test("A pipe named like a document is an error and is never opened (opening it would wait for ever)")
    func pipes() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", Self.page)
        #expect(mkfifo(site.root.appendingPathComponent("Content/pages/pipe.md").path, 0o644) == 0)
        #expect(mkfifo(site.root.appendingPathComponent("Content/pages/pipe.png").path, 0o644) == 0)
        try link("Content/pages/to-pipe.md", to: "pipe.md", in: site)
        #expect(site.buildErrors() == [
            "Content/pages/pipe.md:1:1: error: cannot read this file: it is not a regular file (a pipe, socket or device); expected a Markdown or YAML file",
            "Content/pages/pipe.png:1:1: warning: this is not a regular file (a pipe, socket or device) and is skipped",
            "Content/pages/to-pipe.md:1:1: error: cannot read this file: it is not a regular file (a pipe, socket or device); expected a Markdown or YAML file",
        ])
        #expect(!site.exists("Site"))
    }

    /// Root may read any file, and these tests run as root here; so the command is run as the unprivileged user
    /// `nobody` through `setpriv` when the tests are root, exactly as an officer without read permission would run it.
    @Test("A file and a folder without read permission are errors naming them; the other errors are still reported")
    func unreadable() throws {
        let site = try TemporarySite()
        defer {
            chmod(site.root.appendingPathComponent("Content/locked").path, 0o755)
            site.remove()
        }
        try site.write("Content/pages/about.md", Self.page)
        try site.write("Content/pages/secret.md", Self.page)
        try site.write("Content/locked/inside.md", Self.page)
        try site.write("Content/pages/no-title.md", "---\ntype: page\ndate: 2024-01-01\n---\n")
        #expect(chmod(site.root.appendingPathComponent("Content/pages/secret.md").path, 0) == 0)
        #expect(chmod(site.root.appendingPathComponent("Content/locked").path, 0) == 0)

        var prefix: [String] = []
        if getuid() == 0 {
            // `nobody` must be able to reach the folder and write Site/ beside Content/.
            var folder = site.root
            while folder.path != "/" {
                var info = stat()
                if stat(folder.path, &info) == 0 { chmod(folder.path, info.st_mode | 0o005) }
                folder.deleteLastPathComponent()
            }
            chmod(site.root.path, 0o777)
            prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        }
        let run = try BuildSiteCommand.run([], in: site.root, prefix: prefix)
        #expect(run.signal == nil)
        #expect(run.exitStatus == 1)
        #expect(run.standardError == """
            Content/locked:1:1: error: cannot read this folder; expected a folder build-site may read
            Content/pages/no-title.md:2:1: error: the front matter has no 'title'; expected 'title: …' with text
            Content/pages/secret.md:1:1: error: cannot read this file (check its permissions); expected a readable file
            Build failed with 3 errors; Site was not changed.

            """)
        #expect(!site.exists("Site"))
    }
}
