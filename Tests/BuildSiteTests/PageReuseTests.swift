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

    @Test("A report read back from the last build is read when its page is rendered, as the file is then")
    func bodiesReadWhenRendered() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let cache = BuildCache(options: site.options)
        var builder = ModelBuilder(options: site.options)
        let documentCache = cache.documentCache()
        builder.documentCache = documentCache
        builder.contentFileHashes = cache.fingerprintAndContentFiles().contentFiles
        var (model, _) = try builder.build()
        #expect(documentCache.reused == model.documents.count)
        #expect(model.documents.allSatisfy { $0.body.isEmpty })

        // Saved again after the model was made, as an officer might while a long build runs: the page shows the
        // file as it is when the page is rendered, and the next build, seeing a new fingerprint, decodes it afresh.
        try appendToReport(site, "A paragraph saved during the build.")
        let deepDive = "deep-dives/2024-03-camden-safeguarding-children"
        let annualReport = try #require(model.documents.firstIndex { $0.contentPath == "annual-reports/2023-09-islington-child-protection-annual-report" })
        let deepDivePosition = try #require(model.documents.firstIndex { $0.contentPath == deepDive })
        let bodies = DocumentBodies(movingFrom: &model)
        #expect(bodies.take(at: annualReport).hasSuffix("A paragraph saved during the build."))
        let parsed = try #require(DocumentDecoder(matrix: model.settings.riskMatrix).decode(
            ContentLoader(contentDirectory: site.options.contentURL, displayName: "Content").read(
                FoundDocument(relativePath: deepDive + ".md", displayPath: "Content/" + deepDive + ".md")).get()).0)
        #expect(bodies.take(at: deepDivePosition) == parsed.body)
        #expect(bodies.take(at: deepDivePosition).isEmpty)  // handed over once
        #expect(!parsed.body.isEmpty)

        _ = try site.build()
        #expect(try site.read("Site/" + Self.annualReportPage).contains("A paragraph saved during the build."))
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
        // Every page was rendered from documents read back from `.Site.documents` (a template is not what they
        // were decoded from): the site is still what a build from nothing makes.
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("Documents read back from the last build make the pages and warnings that parsing them afresh makes")
    func documentsReadBack() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        // What the cache keeps in its own form: optional fields left out, an action due "Ongoing", scores, a review
        // date by month, places of risks and actions, a warning, text beyond ASCII, a body without a final newline
        // and a document with no body at all.
        try site.write("Content/deep-dives/2024-05-harbour-flooding.md", """
            ---
            type: deep-dive
            title: "Risk deep-dive: Flooding — Harbour Ward"
            date: 2024-05
            council: Harbourside Council
            colour: blue
            risks:
              - id: F1
                title: Tidal flooding
                category: Environment
                inherent: {likelihood: 4, impact: 5}
                current: {likelihood: 3, impact: 4}
                review_date: 2024-11
                treatment: treat
                controls:
                  - "Flood wall inspected each spring (£2.4m scheme)"
                actions:
                  - action: Raise the sea wall
                    owner: Head of Highways
                    due: Ongoing
                  - action: Warn residents by text
                    due: 2024-09-30
                    status: Complete
            ---
            ## Summary

            Café owners on the quay — and residents — asked for warnings.
            """)
        try site.write("Content/pages/blank.md", "---\ntype: page\ntitle: Blank\ndate: 2024\n---\n")
        try site.write("Content/minutes/2024-06-panel.md", "---\ntype: minutes\ntitle: Panel\ndate: 2024-06-01\ndiscusses: deep-dives/2024-05-harbour-flooding\n---\nNoted.\n")
        let first = try site.build()
        #expect(first.warnings.map(\.description).contains { $0.contains("2024-05-harbour-flooding.md:6:1: warning: unknown key 'colour'") }, "\(first.warnings)")

        let base = try site.read("Templates/base.mustache")
        try site.write("Templates/base.mustache", base.replacingOccurrences(of: "Made with build-site.", with: "Made with build-site, again."))
        let (again, stages) = try buildLoggingStages(site)
        #expect(stages.contains { $0.hasPrefix("Read and checked 3 documents, 3 of them as decoded by the last build") })
        #expect(again.warnings.map(\.description) == first.warnings.map(\.description))
        #expect(try site.read("Site/deep-dives/2024-05-harbour-flooding/index.html").contains("Café owners on the quay — and residents — asked for warnings."))
        #expect(site.tree("Site") == (try freshBuild(site)))
    }

    @Test("A damaged or cut-short .Site.documents is decoded afresh, and the site is what a build from nothing makes")
    func damagedDocumentCache() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        _ = try site.build()
        let cacheFile = site.root.appendingPathComponent(".Site.documents")
        let whole = try Data(contentsOf: cacheFile)
        for damaged in [whole.prefix(whole.count / 2), Data("bplist00".utf8) + whole.dropFirst(8)] {
            try damaged.write(to: cacheFile)
            try appendToReport(site, "99.1. A paragraph added after the cache was damaged.")
            let stages = try buildLoggingStages(site).stages
            #expect(stages.contains { $0.contains(" documents, 0 of them as decoded by the last build") }, "\(stages)")
            #expect(site.tree("Site") == (try freshBuild(site)))
        }
        // The build wrote the cache again: the next one reads every unchanged document back.
        try appendToReport(site, "99.2. Another paragraph.")
        let stages = try buildLoggingStages(site).stages
        #expect(!stages.contains { $0.contains(" 0 of them as decoded by the last build") }, "\(stages)")
    }

    @Test("After an edit or two among hundreds of reports .Site.documents is left as it was; once a hundredth are new, it is written")
    func documentCacheWrittenWhenWorthIt() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        func minutes(_ index: Int, _ text: String) throws {
            try site.write("Content/minutes/2023-\(index).md", "---\ntype: minutes\ntitle: Minutes \(index)\ndate: 2023-10-01\n---\n\(text)\n")
        }
        for index in 0..<200 { try minutes(index, "Noted.") }
        _ = try site.build()
        let cacheFile = site.root.appendingPathComponent(".Site.documents")
        let written = try Data(contentsOf: cacheFile)
        func readBack() throws -> String? {
            try buildLoggingStages(site).stages.first { $0.hasPrefix("Read and checked 200 documents, ") }
        }

        // One edit: the file is as the full build wrote it, and the next build decodes the edited minutes again.
        try minutes(7, "Noted, with thanks.")
        #expect(try readBack()?.hasPrefix("Read and checked 200 documents, 199 of them as decoded by the last build") == true)
        #expect(try Data(contentsOf: cacheFile) == written)
        try minutes(8, "Noted, with thanks.")
        #expect(try readBack()?.hasPrefix("Read and checked 200 documents, 198 of them as decoded by the last build") == true)
        #expect(try Data(contentsOf: cacheFile) == written)
        #expect(site.tree("Site") == (try freshBuild(site)))

        // Two edits unwritten and one more: three decoded afresh, more than a hundredth of 200.
        try minutes(9, "Noted, with thanks.")
        #expect(try readBack()?.hasPrefix("Read and checked 200 documents, 197 of them as decoded by the last build") == true)
        #expect(try Data(contentsOf: cacheFile) != written)
        try minutes(10, "Noted, with thanks.")
        #expect(try readBack()?.hasPrefix("Read and checked 200 documents, 199 of them as decoded by the last build") == true)
        #expect(site.tree("Site") == (try freshBuild(site)))
        #expect(DocumentCache.isWorthWriting(entries: 5, previous: 0, reused: 0))
        #expect(DocumentCache.isWorthWriting(entries: 50, previous: 50, reused: 49))
        #expect(!DocumentCache.isWorthWriting(entries: 10_000, previous: 10_000, reused: 9_950))
    }

    @Test("Risks read back are made when a page needs them: after a text edit, then a score change in a later report")
    func risksReadBackWhenNeeded() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        // Two deep-dives of one council with the same risk: the later one's direction of travel and the risk's
        // history page are made from the earlier one's risks, which a rebuild reads back from the cache.
        func deepDive(_ date: String, current: Int) -> String {
            """
            ---
            type: deep-dive
            title: "Flooding deep-dive \(date)"
            date: \(date)
            council: Harbourside Council
            risks:
              - id: F1
                title: Tidal flooding
                current: {likelihood: \(current), impact: 4}
                controls:
                  - Flood wall inspected each spring
                actions:
                  - action: Warn residents by text
                    due: 2024-09-30
            ---
            1.1. The sea wall.

            """
        }
        try site.write("Content/deep-dives/2024-01-flooding.md", deepDive("2024-01", current: 3))
        try site.write("Content/deep-dives/2024-06-flooding.md", deepDive("2024-06", current: 3))
        try site.write("Content/annual-reports/2024-report.md", "---\ntype: annual-report\ntitle: Annual report\ndate: 2024-09\n---\n1.1. Text.\n")
        _ = try site.build()

        // Only a report's text: nothing shows the deep-dives' risks but their own pages, which are kept.
        try site.write("Content/annual-reports/2024-report.md", "---\ntype: annual-report\ntitle: Annual report\ndate: 2024-09\n---\n1.1. Text, edited.\n")
        _ = try site.build()
        #expect(site.tree("Site") == (try freshBuild(site)))

        // A score in the later deep-dive: the register, the risk's history and the open data are made again, from
        // the earlier deep-dive's risks as read back.
        try site.write("Content/deep-dives/2024-06-flooding.md", deepDive("2024-06", current: 5))
        let stages = try buildLoggingStages(site).stages
        #expect(stages.contains { $0.hasPrefix("Read and checked 3 documents, 2 of them as decoded by the last build") })
        #expect(try site.read("Site/risks.csv").contains("\"Flooding deep-dive 2024-06\""))
        // The later report's direction of travel comes from the earlier one's score, read back.
        #expect(try site.read("Site/deep-dives/2024-06-flooding/index.html").contains("Up (worse) from L3 × I4 = 12 to L5 × I4 = 20"))
        #expect(site.tree("Site") == (try freshBuild(site)))
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

/// Listings of more than one page, which the real content has too few documents for.
@Suite("Rebuilding long listings")
struct LongListingReuseTests {
    @Test("After a text edit, every page of a listing long enough to be cut into pages is still there, as built from nothing")
    func longListingsKept() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        for number in 1...45 {
            try site.write("Content/annual-reports/2024-\(number)-report.md", """
                ---
                type: annual-report
                title: Annual report \(number)
                date: 2024-01-\(String(format: "%02d", number % 28 + 1))
                council: Test Council
                ---
                1.1. The text of report \(number).
                """)
        }
        _ = try site.build()
        let pages = site.tree("Site").keys.filter { $0.hasPrefix("annual-reports/page-") }.sorted()
        #expect(pages == ["annual-reports/page-2.html", "annual-reports/page-3.html"])

        try site.write("Content/annual-reports/2024-7-report.md", try site.read("Content/annual-reports/2024-7-report.md") + "\n\n1.2. Added later.\n")
        _ = try site.build()
        for page in pages + ["annual-reports/index.html", "councils/test-council/page-2.html"] {
            #expect(site.exists("Site/" + page), "\(page) is missing after the rebuild")
        }
        var options = site.options
        options.output = site.root.appendingPathComponent("Fresh").path
        _ = try SiteBuilder(options: options).build()
        #expect(site.tree("Site") == site.tree("Fresh"))
    }
}
