import Testing
import Foundation
@testable import BuildSite

/// `build-site check`, run as the real executable on a temporary site, as an officer or CI would run it.
@Suite("build-site check", .serialized)
struct CheckCommandTests {
    /// A site with one of each problem `check` looks for; every line number below is the line in these files.
    static func brokenSite() throws -> TemporarySite {
        let site = try TemporarySite()
        try site.write("Content/glossary.yml", "CLA: Children looked after\n")
        try site.write("Content/annual-reports/chart.png", "PNG")
        try site.write("Content/annual-reports/2024-02-report.md", """
            ---
            type: annual-report
            title: Annual report 2024
            date: 2024-02
            ---
            ## 1. Introduction

            1.1. The CLA team and the XYZQ panel met. See [the minutes](../../minutes/2024-03-minutes/).

            1.2. See [paragraph 9.99](#para-9-99) and [the introduction](#1-introduction).

            1.3. Read [the old report](../../annual-reports/2023-gone/) and [the deep-dive](../../deep-dives/2024-01-risk.md).

            ![](../chart.png)

            #### Too deep

            """)
        try site.write("Content/deep-dives/2024-01-risk.md", """
            ---
            type: deep-dive
            title: Risk deep-dive
            date: 2024-01-15
            risks:
              - id: "1"
                title: A risk
                current: {likelihood: 7, impact: 2}
            ---
            ## 1. Purpose

            Text.

            """)
        try site.write("Content/minutes/2024-03-minutes.md", """
            ---
            type: minutes
            title: Minutes
            date: 2024-03-01
            discusses: annual-reports/2024-02-reprot
            ---
            ## 1. Item

            - Noted [the report](../../annual-reports/2024-02-report/#1-introductoin).
            - See [the next minutes](../2024-04-draft/).

            """)
        try site.write("Content/minutes/2024-04-draft.md", "---\ntype: minutes\ntitle: Draft minutes\ndate: 2024-04-01\ndraft: true\n---\nDraft.\n")
        return site
    }

    @Test("Each problem is one line naming its file, line and column, and the run fails")
    func reportsEveryProblemWhereItIs() throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let result = try site.run("check")
        #expect(result.status == 1)
        #expect(result.stdoutLines == [
            "Content/annual-reports/2024-02-report.md:8:27: warning: the abbreviation 'XYZQ' is not in the glossary; expected a line 'XYZQ: what it stands for' in Content/glossary.yml",
            "Content/annual-reports/2024-02-report.md:10:10: error: the link '#para-9-99' points to no place on this page (did you mean '#para-1-1'?); expected '#' and the id of a heading, paragraph or risk on this page",
            "Content/annual-reports/2024-02-report.md:12:11: error: the link '../../annual-reports/2023-gone/' points to no page or file of the site; expected the address of a page relative to this one, e.g. ../../annual-reports/NAME/ for Content/annual-reports/NAME.md",
            "Content/annual-reports/2024-02-report.md:12:65: error: the link '../../deep-dives/2024-01-risk.md' names a Markdown file, but links name the page it becomes; expected ../../deep-dives/2024-01-risk/",
            "Content/annual-reports/2024-02-report.md:14:1: error: the image '../chart.png' has no alternative text, so people using screen readers miss it; expected ![what the image shows](../chart.png)",
            "Content/annual-reports/2024-02-report.md:16:1: warning: the heading 'Too deep' skips from level 2 to level 4; expected '### Too deep', so screen-reader users do not think a section is missing",
            "Content/deep-dives/2024-01-risk.md:8:27: error: likelihood must be 1 to 5, found 7",
            "Content/minutes/2024-03-minutes.md:5:12: error: 'discusses' names no report: annual-reports/2024-02-reprot (did you mean 'annual-reports/2024-02-report'?); expected the Content path of a report, without .md",
            "Content/minutes/2024-03-minutes.md:9:9: error: the link '../../annual-reports/2024-02-report/#1-introductoin' points to '#1-introductoin', which is not on that page (did you mean '#1-introduction'?); expected the id of a heading, paragraph or risk on that page",
            "Content/minutes/2024-03-minutes.md:10:7: error: the link '../2024-04-draft/' points to a draft (Content/minutes/2024-04-draft.md), which is not published; expected a published page: publish that document first, or remove the link",
            "Content/minutes/2024-04-draft.md:5:1: warning: this document is a draft and is not published; remove 'draft: true' to publish it (build --drafts shows it for a preview)",
            "Checked 4 documents: 8 errors, 3 warnings; fix the errors, then check again.",
        ])
        #expect(!site.exists("Site"), "check must not write the site")
        #expect(site.topLevelNames() == ["Content", "Templates"])
    }

    @Test("The working links, anchors and glossary abbreviations of the same site are not reported")
    func goodLinksAreQuiet() throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let text = try site.run("check").stdout
        for fine in ["../../minutes/2024-03-minutes/", "#1-introduction)", "'CLA'"] {
            #expect(!text.contains(fine), "\(fine) was reported")
        }
    }

    @Test("--format json gives the same findings as objects with path, line, column, severity and message")
    func jsonFormat() throws {
        let site = try Self.brokenSite()
        defer { site.remove() }
        let result = try site.run("check", "--format", "json")
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["errors"] as? Int == 8)
        #expect(json["warnings"] as? Int == 3)
        #expect(json["documents"] as? Int == 4)
        let items = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(items.count == 11)
        let image = try #require(items.first { ($0["message"] as? String)?.contains("alternative text") == true })
        #expect(image["path"] as? String == "Content/annual-reports/2024-02-report.md")
        #expect(image["line"] as? Int == 14)
        #expect(image["column"] as? Int == 1)
        #expect(image["severity"] as? String == "error")
    }

    @Test("Warnings alone pass: exit 0, and the summary says the site would build")
    func warningsAlonePass() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/about.md", "---\ntype: page\ntitle: About\ndate: 2024\n---\n## About\n\nThe QQX board.\n\n#### Detail\n")
        let result = try site.run("check")
        #expect(result.status == 0)
        #expect(result.stdoutLines == [
            "Content/pages/about.md:8:5: warning: the abbreviation 'QQX' is not in the glossary; expected a line 'QQX: what it stands for' in Content/glossary.yml",
            "Content/pages/about.md:10:1: warning: the heading 'Detail' skips from level 2 to level 4; expected '### Detail', so screen-reader users do not think a section is missing",
            "Checked 1 document: 0 errors, 2 warnings; the site would build.",
        ])
    }

    @Test("The five real reports check without errors")
    func realContentChecks() throws {
        let site = try TemporarySite(copyingRealContent: true)
        defer { site.remove() }
        let result = try site.run("check")
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdoutLines.last?.hasPrefix("Checked 5 documents: 0 errors") == true, "\(result.stdout)")
        #expect(!result.stdout.contains(": error:"))
    }

    @Test("Links written as full addresses or from the server root are checked against the site too")
    func absoluteLinksIntoTheSite() throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.write("Content/pages/a.md", "---\ntype: page\ntitle: A\ndate: 2024\n---\n[home](https://example.org/) [b](https://example.org/pages/b/) [gone](/pages/bb/) [elsewhere](https://www.gov.uk/)\n")
        try site.write("Content/pages/b.md", "---\ntype: page\ntitle: B\ndate: 2024\n---\nB.\n")
        let result = try site.run("check")
        #expect(result.stdoutLines.filter { $0.contains(": error:") } == [
            "Content/pages/a.md:6:64: error: the link '/pages/bb/' points to no page of the site (did you mean ../../pages/b/?); expected the address of a page relative to this one",
        ])
    }
}

/// The pieces `check` is made of, on their own.
@Suite("Finding abbreviations and resolving links")
struct CheckPartsTests {
    @Test("Capitalised words of 2 to 6 letters are abbreviations; numerals and shouted words are not")
    func abbreviations() {
        let found = AbbreviationFinder.find(in: "The CAMHS and CLAs teams AND section IV of the DEMONSTRATION, item XII, Covid-19 and the A1 road.")
        #expect(found.map(\.abbreviation) == ["CAMHS", "CLA"])
        #expect(found.first?.offset == 4)
    }

    @Test("Relative links resolve from the page's folder, and cannot climb above the site")
    func resolving() {
        #expect(SiteLinkIndex.resolve("../../annual-reports/x/", from: "deep-dives/y/") == "annual-reports/x/")
        #expect(SiteLinkIndex.resolve("../z", from: "deep-dives/y/") == "deep-dives/z")
        #expect(SiteLinkIndex.resolve("./", from: "deep-dives/y/") == "deep-dives/y/")
        #expect(SiteLinkIndex.resolve("../../../x/", from: "deep-dives/y/") == nil)
    }
}
