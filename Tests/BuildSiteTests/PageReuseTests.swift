import Foundation
import Testing
@testable import BuildSite

/// A rebuild keeps the pages whose inputs did not change (hard links to the last build's files, so the same inode)
/// and renders the rest; what it publishes is always byte for byte what a build from nothing would publish.
@Suite("Rebuilding only what changed")
struct PageReuseTests {
    static let annualReport = "Content/annual-reports/2023-09-islington-child-protection-annual-report.md"
    static let annualReportPage = "annual-reports/2023-09-islington-child-protection-annual-report/index.html"
    static let deepDivePage = "deep-dives/2024-03-camden-safeguarding-children/index.html"

    func inode(_ site: TemporarySite, _ page: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: site.root.appendingPathComponent("Site/" + page).path)
        return try #require(attributes[.systemFileNumber] as? Int)
    }

    /// The site a build from nothing makes of the same content, in a folder with no cache beside it.
    func freshBuild(_ site: TemporarySite) throws -> [String: Data] {
        var options = site.options
        options.output = site.root.appendingPathComponent("Fresh").path
        _ = try SiteBuilder(options: options).build()
        defer { try? FileManager.default.removeItem(atPath: options.output) }
        return site.tree("Fresh")
    }

    /// Adds a paragraph to the end of the annual report: an edit to its text alone.
    func appendToReport(_ site: TemporarySite, _ paragraph: String) throws {
        try site.write(Self.annualReport, try site.read(Self.annualReport) + "\n" + paragraph + "\n")
    }

    func htmlPages(_ site: TemporarySite) -> [String] {
        site.tree("Site").keys.filter { $0.hasSuffix(".html") }.sorted()
    }

    @Test("An edit to one report's text renders that report's page again and keeps every other page")
    func editOneReport() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let before = try Dictionary(uniqueKeysWithValues: htmlPages(site).map { ($0, try inode(site, $0)) })
        let openData = try ["risks.csv", "risks.json", "actions.csv"].map { try inode(site, $0) }

        try appendToReport(site, "A paragraph added after publication.")
        _ = try site.build()

        // The open data holds no annual report's text, so its files are kept too.
        #expect(try ["risks.csv", "risks.json", "actions.csv"].map { try inode(site, $0) } == openData)

        #expect(try site.read("Site/" + Self.annualReportPage).contains("A paragraph added after publication."))
        #expect(try inode(site, Self.annualReportPage) != before[Self.annualReportPage])
        #expect(try inode(site, Self.deepDivePage) == before[Self.deepDivePage])
        let rendered = try htmlPages(site).filter { try inode(site, $0) != before[$0] }
        // The report's page, and the pages that show its reading time or a count of it: none but its own here.
        #expect(rendered == [Self.annualReportPage])
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("A new title reaches every listing that shows the report, and the site equals a build from nothing")
    func retitle() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let text = try site.read(Self.annualReport)
        let retitled = text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Retitled – ", options: [], range: text.range(of: "\ntitle: "))
        try site.write(Self.annualReport, retitled)
        _ = try site.build()

        #expect(try site.read("Site/annual-reports/index.html").contains("Retitled – "))
        #expect(try site.read("Site/index.html").contains("Retitled – "))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("A changed risk score is written to the open data again")
    func riskChange() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let csv = try inode(site, "risks.csv")
        let path = "Content/deep-dives/2018-03-tower-hamlets-childrens-social-care-risk.md"
        let text = try site.read(path)
        let title = "    title: Death or serious harm to a child\n"
        #expect(text.contains(title))
        try site.write(path, text.replacingOccurrences(of: title, with: "    title: Renamed – death or serious harm to a child\n"))
        _ = try site.build()
        #expect(try inode(site, "risks.csv") != csv)
        #expect(try site.read("Site/risks.csv").contains("Renamed – death or serious harm to a child"))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("A changed template renders every page again")
    func templateChange() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let before = try Dictionary(uniqueKeysWithValues: htmlPages(site).map { ($0, try inode(site, $0)) })
        let base = try site.read("Templates/base.mustache")
        try site.write("Templates/base.mustache", base.replacingOccurrences(of: "Made with build-site.", with: "Made with build-site, again."))
        _ = try site.build()

        for page in htmlPages(site) {
            #expect(try inode(site, page) != before[page], "\(page) was kept after the base template changed")
        }
        #expect(try site.read("Site/" + Self.deepDivePage).contains("Made with build-site, again."))
    }

    @Test("A removed report's page is gone, and the minutes and listings no longer show it")
    func removeReport() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(Self.annualReport))
        _ = try site.build()

        #expect(!site.exists("Site/" + Self.annualReportPage))
        #expect(!(try site.read("Site/index.html").contains("2023-09-islington-child-protection-annual-report")))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("An output folder replaced since the last build is never linked from: every page is rendered")
    func replacedOutput() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let site2 = site.root.appendingPathComponent("Site")
        try FileManager.default.removeItem(at: site2)
        try FileManager.default.createDirectory(at: site2, withIntermediateDirectories: true)
        try appendToReport(site, "One more paragraph.")
        _ = try site.build()
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("The site a build replaces waits as .Site.old, and the next build writes its own site into it")
    func retiredSite() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        #expect(!site.exists(".Site.old"))
        let first = site.tree("Site")
        try appendToReport(site, "Second version.")
        _ = try site.build()
        #expect(site.tree(".Site.old") == first)
        let second = site.tree("Site")
        try appendToReport(site, "Third version.")
        _ = try site.build()
        #expect(site.tree(".Site.old") == second)
        #expect(!site.exists(".Site.staging") && !site.exists(".Site.previous"))
    }

    @Test("A draft made public reaches the listings, though only its front matter changed")
    func publishDraft() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        try site.write("Content/annual-reports/2024-01-draft-annual-report.md",
                       "---\ntype: annual-report\ntitle: A report still in draft\ndate: 2024-01-15\ndraft: true\n---\nNot yet.\n")
        _ = try site.build()
        #expect(!(try site.read("Site/annual-reports/index.html").contains("A report still in draft")))
        try site.write("Content/annual-reports/2024-01-draft-annual-report.md",
                       "---\ntype: annual-report\ntitle: A report still in draft\ndate: 2024-01-15\ndraft: false\n---\nNot yet.\n")
        _ = try site.build()
        #expect(try site.read("Site/annual-reports/index.html").contains("A report still in draft"))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("When only reports' text changed, a listing deleted from Site/ by hand is made again, not lost")
    func pageMissingFromLastSite() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Site/risks/index.html"))
        try appendToReport(site, "A paragraph added after publication.")
        try site.write("Content/annual-reports/chart.png", "not really a picture")
        _ = try site.build()
        #expect(site.exists("Site/risks/index.html"))
        #expect(site.exists("Site/annual-reports/chart.png"))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("Writing into the replaced site follows no link planted in it, and leaves nothing of it behind")
    func recycledSiteIsSafe() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        try appendToReport(site, "Second version.")
        _ = try site.build()
        #expect(site.exists(".Site.old/index.html"))

        // A folder of pages replaced by a link out of it, a page replaced by a folder, and a stray file.
        let outside = site.root.appendingPathComponent("Outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let oldReports = site.root.appendingPathComponent(".Site.old/annual-reports")
        try FileManager.default.removeItem(at: oldReports)
        try FileManager.default.createSymbolicLink(at: oldReports, withDestinationURL: outside)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent(".Site.old/risks/index.html"))
        try site.write(".Site.old/risks/index.html/inside.txt", "a folder where a page was")
        try site.write(".Site.old/stray.html", "not a page of this site")

        try appendToReport(site, "Third version.")
        _ = try site.build()
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
        #expect(!site.exists("Site/stray.html"))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }
}
