import Foundation
import Testing
@testable import BuildSite

/// A rebuild that makes no search index and changes a few files puts them into the published site one by one,
/// leaving every other file where it is; a bigger change is published as a whole new site. Either way the site is
/// byte for byte what a build from nothing makes.
@Suite("Updating the published site in place")
struct InPlaceUpdateTests {
    static let annualReport = "Content/annual-reports/2023-09-islington-child-protection-annual-report.md"
    static let annualReportPage = "annual-reports/2023-09-islington-child-protection-annual-report/index.html"

    /// Builds as `build-site build --no-search` does.
    func build(_ site: TemporarySite, output: String = "Site") throws {
        var options = site.options
        options.output = site.root.appendingPathComponent(output).path
        options.search = .off
        _ = try SiteBuilder(options: options).build()
    }

    /// The site a build from nothing makes of the same content.
    func freshBuild(_ site: TemporarySite) throws -> [String: Data] {
        try build(site, output: "Fresh")
        defer { try? FileManager.default.removeItem(at: site.root.appendingPathComponent("Fresh")) }
        return site.tree("Fresh")
    }

    /// Every file of the published site by its inode: a file put in place has a new one.
    func inodes(_ site: TemporarySite) throws -> [String: Int] {
        var inodes: [String: Int] = [:]
        for path in site.tree("Site").keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("Site/" + path).path)
            inodes[path] = try #require(attributes[.systemFileNumber] as? Int)
        }
        return inodes
    }

    func appendToReport(_ site: TemporarySite, _ paragraph: String) throws {
        try site.write(Self.annualReport, try site.read(Self.annualReport) + "\n" + paragraph + "\n")
    }

    /// The real content, a short report to remove, and sixty minutes. Removing a report changes the listings, the
    /// home page, the feed and the open data: more than a tenth of the real site, which is then published whole.
    /// With the minutes, the site is big enough to take it in place.
    func siteWithShortReport() throws -> TemporarySite {
        let site = try TemporarySite(copyingRealContent: true)
        for index in 1...60 {
            try site.write("Content/minutes/2020-\(index)-minutes.md",
                           "---\ntype: minutes\ntitle: Minutes \(index)\ndate: 2020-02-03\n---\nNoted.\n")
        }
        try site.write("Content/annual-reports/2024-01-short-report.md",
                       "---\ntype: annual-report\ntitle: A short report\ndate: 2024-01-15\n---\n1.1. Short.\n")
        return site
    }

    /// Replaces each of these folders of the site with a link to a copy of it in `Outside/`.
    func plantLinks(in site: TemporarySite, at folders: [String]) throws {
        let manager = FileManager.default
        for folder in folders {
            let inSite = site.root.appendingPathComponent("Site/" + folder)
            let copy = site.root.appendingPathComponent("Outside/" + inSite.lastPathComponent)
            try manager.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: inSite, to: copy)
            try manager.removeItem(at: inSite)
            try manager.createSymbolicLink(at: inSite, withDestinationURL: copy)
        }
    }

    /// No staging folder, no copy of the old site and no patch folder beside the output.
    func nothingBeside(_ site: TemporarySite) -> Bool {
        [".Site.staging", ".Site.old", ".Site.previous", ".Site.patch"].allSatisfy { !site.exists($0) }
    }

    @Test("A text edit puts that report's page in place, and every other file of the site stays as it was")
    func textEdit() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try build(site)
        let before = try inodes(site)

        try appendToReport(site, "A paragraph added after publication.")
        try build(site)

        let after = try inodes(site)
        #expect(Set(after.keys) == Set(before.keys))
        #expect(after.keys.filter { after[$0] != before[$0] } == [Self.annualReportPage])
        #expect(try site.read("Site/" + Self.annualReportPage).contains("A paragraph added after publication."))
        #expect(nothingBeside(site))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("A report removed from Content/ takes its page and its folder with it, and the listings no longer show it")
    func removedReport() throws {
        let site = try siteWithShortReport()
        defer { site.remove() }
        try build(site)
        #expect(site.exists("Site/annual-reports/2024-01-short-report/index.html"))

        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/annual-reports/2024-01-short-report.md"))
        try build(site)
        #expect(!site.exists("Site/annual-reports/2024-01-short-report"))
        #expect(!(try site.read("Site/annual-reports/index.html").contains("A short report")))
        #expect(nothingBeside(site))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("A picture added, changed and removed in Content/ is published, replaced and removed; unchanged ones stay")
    func staticFiles() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try site.write("Content/annual-reports/chart.png", "first chart")
        try site.write("Content/annual-reports/map.png", "a map")
        try build(site)
        let before = try inodes(site)

        try site.write("Content/annual-reports/chart.png", "second chart")
        try site.write("Content/deep-dives/heat.png", "a new picture")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/annual-reports/map.png"))
        try build(site)

        #expect(try site.read("Site/annual-reports/chart.png") == "second chart")
        #expect(try site.read("Site/deep-dives/heat.png") == "a new picture")
        #expect(!site.exists("Site/annual-reports/map.png"))
        let after = try inodes(site)
        #expect(after["assets/site.css"] == before["assets/site.css"])
        #expect(after.keys.filter { before[$0] != nil && after[$0] != before[$0] } == ["annual-reports/chart.png"])
        #expect(nothingBeside(site))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("A folder of Content/ replaced by a file of the same name: the file is published, the folder's files removed")
    func folderBecomesFile() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try site.write("Content/annual-reports/extra/chart.png", "a chart")
        try build(site)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/annual-reports/extra"))
        try site.write("Content/annual-reports/extra", "a file where the folder was")
        try build(site)
        #expect(try site.read("Site/annual-reports/extra") == "a file where the folder was")
        #expect(nothingBeside(site))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("A change to more than a tenth of the site is published whole, in one swap: the old site is set aside")
    func bigChange() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try build(site)
        let first = site.tree("Site")
        let base = try site.read("Templates/base.mustache")
        try site.write("Templates/base.mustache", base.replacingOccurrences(of: "</body>", with: "<!-- changed --></body>"))
        try build(site)

        #expect(site.tree(".Site.old") == first)
        #expect(try site.read("Site/index.html").contains("<!-- changed -->"))
        #expect(!site.exists(".Site.patch") && !site.exists(".Site.staging"))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("A link planted in the site is replaced by a real folder; nothing outside the site is written or removed")
    func plantedLink() throws {
        let site = try siteWithShortReport()
        defer { site.remove() }
        try build(site)

        // The folder the edited page goes into, the one whose page is removed, and one whose page is unchanged.
        try plantLinks(in: site, at: ["annual-reports/2023-09-islington-child-protection-annual-report",
                                      "annual-reports/2024-01-short-report", "deep-dives/2024-03-camden-safeguarding-children"])
        let outsideBefore = site.tree("Outside")

        try appendToReport(site, "Second version.")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/annual-reports/2024-01-short-report.md"))
        try build(site)

        #expect(site.tree("Outside") == outsideBefore)
        #expect(nothingBeside(site))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    /// Below the top folder: a change there would make the site another folder than the last build wrote, and the
    /// build would then make every page afresh. A listing's folder (its parent then holds a link, and each folder
    /// in it is looked at), and a council's folder of risk pages (each page's folder is in it: the link must be
    /// found on the way to the folder whose listing spares a look at each page's own).
    @Test("After a text edit, pages reached through a link planted in the site are made again into a real folder",
          arguments: ["topics/safeguarding", "risks/london-borough-of-camden"])
    func plantedLinkBelowTheTop(folder: String) throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try build(site)
        try plantLinks(in: site, at: [folder])
        let outsideBefore = site.tree("Outside")

        try appendToReport(site, "Second version.")
        try build(site)
        #expect(site.tree("Outside") == outsideBefore)
        #expect(nothingBeside(site))
        let attributes = try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("Site/" + folder).path)
        #expect(attributes[.type] as? FileAttributeType == .typeDirectory)
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("After a text edit, a page removed from the site by hand is made again, and only it")
    func pageRemovedByHand() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try build(site)
        let removed = "deep-dives/2024-03-camden-safeguarding-children/index.html"
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Site/" + removed))
        let before = try inodes(site)

        try appendToReport(site, "Second version.")
        try build(site)
        let after = try inodes(site)
        #expect(site.exists("Site/" + removed))
        #expect(site.tree("Site") == (try freshBuild(site)))
        // Made again: the removed page and the edited report's; every other page kept as it was.
        let remade = Set(after.keys.filter { before[$0] != after[$0] })
        #expect(remade == [removed, Self.annualReportPage])
    }

    @Test("What a killed update left beside the site is cleared by the next build")
    func leftoverPatch() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try build(site)
        try site.write(".Site.patch/1", "a page a killed build wrote")
        try appendToReport(site, "Second version.")
        try build(site)
        #expect(nothingBeside(site))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }
}
